"""Comments, attachments, watchers and related items, shaped as API.md and the spec say."""

from __future__ import annotations

from .conftest import Api

RECORD = "/v1/tasks/ittickets/ITM-3"


async def test_comments_page_and_post_plain_text(api: Api) -> None:
    before = (await api.http.get(f"{RECORD}/comment")).json()
    answer = await api.http.post(
        f"{RECORD}/comment",
        content="Replaced the toner – works again ✓".encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert answer.status_code == 201
    assert answer.headers["content-type"].startswith("text/plain")
    after = (await api.http.get(f"{RECORD}/comment", params={"last": 1})).json()
    assert after["total"] == before["total"] + 1
    newest = after["items"][-1]
    assert newest["id"] == answer.text
    assert newest["contents"] == "Replaced the toner – works again ✓"
    assert newest["source"] == "API"
    assert newest["createdBy"]["email"] == "demo.user@example.com"
    assert newest["createdBy"]["firstName"] == "Demo"


async def test_comments_page_with_cursors(api: Api) -> None:
    for number in range(3):
        await api.http.post(f"{RECORD}/comment", content=f"note {number}".encode())
    first = (await api.http.get(f"{RECORD}/comment", params={"first": 1})).json()
    assert first["paging"]["has_next_page"] is True
    second = (
        await api.http.get(
            f"{RECORD}/comment", params={"first": 1, "after": first["paging"]["end_cursor"]}
        )
    ).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]
    wrong = await api.http.get(
        "/v1/tasks/ittickets/ITM-4/comment", params={"after": first["paging"]["end_cursor"]}
    )
    assert wrong.status_code == 400


async def test_an_empty_comment_is_422_and_a_missing_record_404(api: Api) -> None:
    assert (await api.http.post(f"{RECORD}/comment", content=b"  ")).status_code == 422
    missing = await api.http.post("/v1/tasks/ittickets/ITM-9999/comment", content=b"hi")
    assert missing.status_code == 404


async def test_upload_is_202_then_becomes_valid(api: Api) -> None:
    assert (await api.http.get(f"{RECORD}/attachments")).json() == []
    answer = await api.http.post(
        f"{RECORD}/attachments",
        files={"file": ("report.txt", b"toner levels: low\n", "text/plain")},
        data={"description": "printer log"},
    )
    assert answer.status_code == 202
    uploaded = answer.json()
    assert uploaded["state"] == "PROCESSING"
    listed = (await api.http.get(f"{RECORD}/attachments")).json()
    assert isinstance(listed, list)
    assert [a["id"] for a in listed] == [uploaded["id"]]
    assert listed[0]["state"] == "PROCESSING"
    later = (await api.http.get(f"{RECORD}/attachments/{uploaded['id']}")).json()
    assert later["state"] == "VALID"
    assert later["name"] == "report.txt"
    assert later["mediaType"] == "text/plain"
    assert later["size"] == len(b"toner levels: low\n")
    assert later["description"] == "printer log"
    content = await api.http.get(later["contentUrl"])
    assert content.status_code == 200
    assert content.headers["content-type"] == "application/octet-stream"
    assert content.content == b"toner levels: low\n"


async def test_upload_without_a_file_part_is_refused(api: Api) -> None:
    answer = await api.http.post(f"{RECORD}/attachments", files={"other": ("a", b"x")})
    assert answer.status_code == 422
    plain = await api.http.post(f"{RECORD}/attachments", content=b"raw")
    assert plain.status_code == 400


async def test_url_links_and_delete(api: Api) -> None:
    answer = await api.http.post(
        f"{RECORD}/attachments/url-links",
        json={"url": "https://example.com/manual.pdf", "description": "the manual"},
    )
    assert answer.status_code == 201
    link = answer.json()
    assert link["url"] == "https://example.com/manual.pdf"
    assert link["description"] == "the manual"
    listed = (await api.http.get(f"{RECORD}/attachments")).json()
    assert [a["name"] for a in listed] == ["https://example.com/manual.pdf"]
    assert listed[0]["state"] == "VALID"
    deleted = await api.http.delete(f"{RECORD}/attachments/{link['id']}")
    assert deleted.status_code == 200
    assert (await api.http.get(f"{RECORD}/attachments")).json() == []
    again = await api.http.delete(f"{RECORD}/attachments/{link['id']}")
    assert again.status_code == 404
    bad = await api.http.post(f"{RECORD}/attachments/url-links", json={"description": "x"})
    assert bad.status_code == 422


async def test_watchers_add_list_remove(api: Api) -> None:
    record = "/v1/tasks/ittickets/ITM-200"
    assert (await api.http.get(f"{record}/watchers")).json()["total"] == 0
    added = await api.http.post(
        f"{record}/watchers", json={"users": ["grace.hopper@example.com", "new.person@example.com"]}
    )
    assert added.status_code == 201
    page = (await api.http.get(f"{record}/watchers")).json()
    targets = [item["target"] for item in page["items"]]
    assert page["total"] == 2
    assert targets[0] == {
        "type": "User",
        "id": targets[0]["id"],
        "firstName": "Grace",
        "lastName": "Hopper",
        "email": "grace.hopper@example.com",
    }
    assert targets[1]["firstName"] == "New"
    removed = await api.http.request(
        "DELETE", f"{record}/watchers", json={"users": ["grace.hopper@example.com"]}
    )
    assert removed.status_code == 200
    page = (await api.http.get(f"{record}/watchers")).json()
    assert [item["target"]["email"] for item in page["items"]] == ["new.person@example.com"]
    bad = await api.http.post(f"{record}/watchers", json={"users": ["not-an-email"]})
    assert bad.status_code == 422


async def test_related_items_add_list_remove(api: Api) -> None:
    added = await api.http.post(f"{RECORD}/related-items", json={"id": "VEN-4", "alias": "vendors"})
    assert added.status_code == 201
    same_alias = await api.http.post(f"{RECORD}/related-items", json={"id": "ITM-4"})
    assert same_alias.status_code == 201
    page = (await api.http.get(f"{RECORD}/related-items")).json()
    assert page["total"] == 2
    assert [(i["id"], i["type"], i["alias"]) for i in page["items"]] == [
        ("VEN-4", "ELEMENT", "vendors"),
        ("ITM-4", "TASK", "ittickets"),
    ]
    assert all(item["cursor"] for item in page["items"])
    removed = await api.http.delete(f"{RECORD}/related-items/VEN-4")
    assert removed.status_code == 200
    page = (await api.http.get(f"{RECORD}/related-items")).json()
    assert [i["id"] for i in page["items"]] == ["ITM-4"]
    assert (await api.http.delete(f"{RECORD}/related-items/VEN-4")).status_code == 404
    missing = await api.http.post(f"{RECORD}/related-items", json={"id": "ITM-99999"})
    assert missing.status_code == 422
    itself = await api.http.post(f"{RECORD}/related-items", json={"id": "ITM-3"})
    assert itself.status_code == 422


async def test_seeded_records_have_comments_and_watchers(api: Api) -> None:
    totals = [
        (await api.http.get(f"/v1/tasks/ittickets/ITM-{n}/comment")).json()["total"]
        for n in range(1, 11)
    ]
    assert sum(totals) > 0
    watchers = [
        (await api.http.get(f"/v1/tasks/ittickets/ITM-{n}/watchers")).json()["total"]
        for n in range(1, 11)
    ]
    assert sum(watchers) > 0
