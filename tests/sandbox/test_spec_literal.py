"""The spec-literal mode answers as `openapi.json` shows it: its schemas, unadapted, and the
shapes of its examples; filters, paths by handle and writes keep working on string values.

Both variants run: `keyed` (the record id under `id`) and `unkeyed` (no id in the map).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema.exceptions import ValidationError

from explorer.kinds import read_number
from explorer.sandbox.schema import BY_ALIAS

from .conftest import CHECKED_LITERAL, Api, MakeApi
from .contract import check_response, published_spec

RECORD = "/v1/tasks/ittickets/ITM-5"
NEW_TICKET = {
    "Title": "Badge reader at the side door blinks red",
    "Status": "Open",
    "Priority": "2",
    "Reporter": "ana.garcia@example.com",
}


def example(schema: str) -> Any:
    """A schema's example; the spec writes most as Java `toString()` text, parsed here."""
    value = published_spec()["components"]["schemas"][schema]["example"]
    return _parse_java(value) if isinstance(value, str) else value


def _parse_java(text: str) -> Any:
    """`{a=1, b={c=x}, d=[{e=y}]}` as dicts, lists and strings (enough for the spec's examples)."""
    tokens = re.findall(r"[{}\[\]=]|, |[^{}\[\]=,]+|,", text)
    position = 0

    def value() -> Any:
        nonlocal position
        token = tokens[position]
        if token in "{[":
            closing = "}" if token == "{" else "]"
            position += 1
            items: list[Any] = []
            pairs: dict[str, Any] = {}
            while tokens[position] != closing:
                if tokens[position] == ", ":
                    position += 1
                    continue
                if token == "{":
                    key = tokens[position].strip()
                    assert tokens[position + 1] == "="
                    position += 2
                    pairs[key] = value()
                else:
                    items.append(value())
            position += 1
            return pairs if token == "{" else items
        scalar = ""
        while tokens[position] not in ("}", "]", ", "):
            scalar += tokens[position]
            position += 1
        return scalar

    return value()


@pytest.fixture(params=["keyed", "unkeyed"])
async def literal(request: pytest.FixtureRequest, make_api: MakeApi) -> Api:
    """A logged-in client on an in-process spec-literal sandbox, each variant in turn."""
    return await make_api(spec_literal=request.param)


def _id_keys(api: Api) -> set[str]:
    return {"id"} if api.state.spec_literal == "keyed" else set()


async def test_each_operation_matches_the_published_spec(literal: Api) -> None:
    http = literal.http
    CHECKED_LITERAL.clear()
    await literal.token()
    await http.get("/v1/tasks/ittickets", params={"first": 2})
    await http.get("/v1/tasks/ittickets", params={"filter": "Title==nothing-has-this"})
    await http.get("/v1/elements/vendors")
    await http.post("/v1/tasks/ittickets", json=NEW_TICKET)
    await http.get(RECORD)
    await http.put(RECORD, json={"Status": "Review", "Estimate Hours": "2.5"})
    await http.post(f"{RECORD}/comment", content=b"hello")
    await http.get(f"{RECORD}/comment")
    upload = (await http.post(f"{RECORD}/attachments", files={"file": ("a.txt", b"x")})).json()
    await http.post(f"{RECORD}/attachments/url-links", json={"url": "https://example.com"})
    await http.get(f"{RECORD}/attachments")
    await http.get(f"{RECORD}/attachments/{upload['id']}")
    await http.get(f"{RECORD}/attachments/{upload['id']}/content")
    await http.delete(f"{RECORD}/attachments/{upload['id']}")
    await http.post(f"{RECORD}/watchers", json={"users": ["ana.garcia@example.com"]})
    await http.get(f"{RECORD}/watchers")
    await http.request("DELETE", f"{RECORD}/watchers", json={"users": ["ana.garcia@example.com"]})
    await http.post(f"{RECORD}/related-items", json={"id": "ITM-6"})
    await http.get(f"{RECORD}/related-items")
    await http.delete(f"{RECORD}/related-items/ITM-6")
    await http.get("/v1/tasks/ittickets", params={"first": 0})
    await http.get("/v1/tasks/ittickets/ITM-999999")
    assert {
        "POST /oauth/token 201",
        "GET /{recordType}/{alias} 200",
        "GET /elements/{alias} 200",
        "POST /{recordType}/{alias} 201",
        "GET /{recordType}/{alias}/{id} 200",
        "PUT /{recordType}/{alias}/{id} 200",
        "POST /{recordType}/{alias}/{id}/comment 201",
        "GET /{recordType}/{alias}/{id}/comment 200",
        "POST /{recordType}/{alias}/{id}/attachments 202",
        "POST /{recordType}/{alias}/{id}/attachments/url-links 201",
        "GET /{recordType}/{alias}/{id}/attachments 200",
        "GET /{recordType}/{alias}/{id}/attachments/{attachmentId} 200",
        "GET /{recordType}/{alias}/{id}/attachments/{attachmentId}/content 200",
        "DELETE /{recordType}/{alias}/{id}/attachments/{attachmentId} 200",
        "POST /{recordType}/{alias}/{id}/watchers 201",
        "GET /{recordType}/{alias}/{id}/watchers 200",
        "DELETE /{recordType}/{alias}/{id}/watchers 200",
        "POST /{recordType}/{alias}/{id}/related-items 201",
        "GET /{recordType}/{alias}/{id}/related-items 200",
        "DELETE /{recordType}/{alias}/{id}/related-items/{itemId} 200",
        "GET /{recordType}/{alias} 400",
        "GET /{recordType}/{alias}/{id} 404",
    } <= CHECKED_LITERAL


async def test_the_token_answer_is_the_spec_example_with_201(literal: Api) -> None:
    answer = await literal.http.post(
        "/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": "elx-demo-client",
            "client_secret": "elx-demo-secret",
        },
    )
    assert answer.status_code == 201
    body = answer.json()
    assert set(example("AccessTokenResponse")) <= set(body)
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert isinstance(body["access_token"], str) and body["access_token"]


async def test_pages_have_the_example_shape_and_string_values(literal: Api) -> None:
    page = (await literal.http.get("/v1/tasks/ittickets", params={"first": 50})).json()
    shape = example("RecordPagedList")
    assert set(page) == set(shape)
    assert set(page["paging"]) == set(shape["paging"])
    assert page["total"] == 250
    fields = {spec.name for spec in BY_ALIAS["ittickets"].fields}
    for item in page["items"]:
        assert set(item) == set(shape["items"][0])
        data = item["data"]
        assert all(isinstance(value, str) and value for value in data.values()), data
        assert set(data) <= fields | _id_keys(literal)
        assert not {"Handle", "Created At", "Updated At"} & set(data)
    records = [item["data"] for item in page["items"]]
    # Every value reads back as its kind: numbers, booleans and lists as text.
    assert all(read_number(r["Priority"]) in {1, 2, 3, 4, 5} for r in records)
    assert {r["Escalated"] for r in records} == {"true", "false"}
    assert any(", " in r.get("Labels", "") for r in records)
    # An empty field is left out, not null: some tickets have no assignee.
    assert any("Assignee" not in r for r in records)


async def test_the_record_id_is_under_id_or_absent(literal: Api) -> None:
    record = (await literal.http.get("/v1/tasks/ittickets/ITM-42")).json()
    example_keys = set(example("Record"))
    assert all(isinstance(value, str) for value in example("Record").values())
    assert not {"Handle", "Created At", "Updated At"} & (set(record) | example_keys)
    if literal.state.spec_literal == "keyed":
        assert record["id"] == "ITM-42"
        assert next(iter(record)) == "id"
    else:
        assert "ITM-42" not in record.values()
    listed = (await literal.http.get("/v1/tasks/ittickets", params={"first": 42})).json()
    assert listed["items"][-1]["data"] == record


async def test_an_empty_page_has_no_cursors(literal: Api) -> None:
    answer = await literal.http.get("/v1/tasks/ittickets", params={"filter": "Title==none"})
    page = answer.json()
    assert page["items"] == [] and page["total"] == 0
    assert page["paging"] == {"has_previous_page": False, "has_next_page": False}


async def test_get_element_answers_the_element_metadata(literal: Api) -> None:
    for alias in ("vendors", "incidents"):
        answer = await literal.http.get(f"/v1/elements/{alias}", params={"first": 5})
        assert answer.status_code == 200
        body = answer.json()
        assert "items" not in body
        collection = BY_ALIAS[alias]
        assert body["namespace"] == alias
        assert body["handle"] == collection.prefix
        assert body["id"] == collection.uuid
        assert body["__typename"] == "AspectElement"
    # Element records are still reached one by one by handle, and other types list as pages.
    vendor = await literal.http.get("/v1/elements/vendors/VEN-7")
    assert vendor.status_code == 200 and vendor.json()["Name"]
    apps = (await literal.http.get("/v1/apps/purchaserequests")).json()
    assert len(apps["items"]) == 100


async def everything(api: Api) -> list[dict[str, Any]]:
    page = (await api.http.get("/v1/tasks/ittickets", params={"first": 1000})).json()
    return [item["data"] for item in page["items"]]


async def matching(api: Api, text: str) -> list[dict[str, Any]]:
    answer = await api.http.get("/v1/tasks/ittickets", params={"filter": text, "first": 1000})
    assert answer.status_code == 200, answer.text
    return [item["data"] for item in answer.json()["items"]]


def _number(record: dict[str, Any], name: str) -> float | None:
    return read_number(record[name]) if name in record else None


async def test_filters_compare_string_values_by_what_they_read_as(literal: Api) -> None:
    records = await everything(literal)
    found = await matching(literal, "Priority=ge=4")
    assert found == [r for r in records if (_number(r, "Priority") or 0) >= 4]
    found = await matching(literal, "Estimate Hours=lt=10.5")
    assert found == [
        r for r in records if (n := _number(r, "Estimate Hours")) is not None and n < 10.5
    ]
    found = await matching(literal, "Escalated==true")
    assert found == [r for r in records if r["Escalated"] == "true"]
    found = await matching(literal, "Due Date=lt=2024-01-01")
    assert found == [r for r in records if r.get("Due Date", "9999") < "2024-01-01"]
    found = await matching(literal, "Assignee==null")
    assert found == [r for r in records if "Assignee" not in r]
    assert found
    found = await matching(literal, "Created At=ge=2025-01-01T00:00:00.000Z")
    assert 0 < len(found) < len(records)


async def test_the_id_key_filters_in_the_keyed_variant(make_api: MakeApi) -> None:
    api = await make_api(spec_literal="keyed")
    found = await matching(api, "id=in=(ITM-4,ITM-9)")
    assert [r["id"] for r in found] == ["ITM-4", "ITM-9"]


async def test_writes_take_strings_and_answer_strings(literal: Api) -> None:
    created = await literal.http.post("/v1/tasks/ittickets", json=NEW_TICKET)
    assert created.status_code == 201
    record = created.json()
    assert record["Priority"] == "2"
    assert all(isinstance(value, str) for value in record.values())
    updated = await literal.http.put(
        "/v1/tasks/ittickets/ITM-251",
        json={"Escalated": "true", "Labels": "vip, remote", "Estimate Hours": "4"},
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert (body["Escalated"], body["Labels"], body["Estimate Hours"]) == (
        "true",
        "vip, remote",
        "4",
    )
    # Sending a value back as it came changes nothing; an emptied field leaves the map.
    again = await literal.http.put("/v1/tasks/ittickets/ITM-251", json={**body, "Labels": ""})
    assert again.status_code == 200, again.text
    assert again.json() == {k: v for k, v in body.items() if k != "Labels"}


async def test_the_id_key_cannot_be_changed(make_api: MakeApi) -> None:
    api = await make_api(spec_literal="keyed")
    answer = await api.http.put("/v1/tasks/ittickets/ITM-5", json={"id": "ITM-6"})
    assert answer.status_code == 422
    assert "set by the server" in answer.json()["message"]
    same = await api.http.put("/v1/tasks/ittickets/ITM-5", json={"id": "ITM-5", "Number": "3"})
    assert same.status_code == 200
    assert same.json()["Number"] == "3"


async def test_the_default_mode_is_unchanged(api: Api) -> None:
    token = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("elx-demo-client", "elx-demo-secret"),
    )
    assert token.status_code == 200
    assert token.json()["token_type"] == "Bearer"
    assert token.json()["expires_in"] == 86400
    page = (await api.http.get("/v1/elements/vendors", params={"first": 1})).json()
    assert page["items"][0]["data"]["Handle"] == "VEN-1"
    empty = (await api.http.get("/v1/tasks/ittickets", params={"filter": "Title==none"})).json()
    assert empty["paging"]["start_cursor"] is None


async def test_the_published_spec_refuses_the_default_mode_records(api: Api) -> None:
    """The literal check is strict: the default mode's typed values do not pass it."""
    answer = await api.http.get("/v1/tasks/ittickets", params={"first": 1})
    with pytest.raises(ValidationError, match=r"additionalProperties'\]:\s+{'type': 'string'}"):
        check_response(answer, literal=True)
