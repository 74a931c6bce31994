"""Cursor paging: defaults, ranges, cursors the server did not mint, flags and totals.

Rules the sandbox picks where API.md is silent: `first` and `last` together are a 400;
`after` and `before` bound the list and combine; with neither size a page is the first 100;
`last` alone is the end of the list.
"""

from __future__ import annotations

import base64

import pytest

from .conftest import Api


def handles(page: dict[str, object]) -> list[str]:
    items = page["items"]
    assert isinstance(items, list)
    return [item["data"]["Handle"] for item in items]


async def test_default_page_is_the_first_100_in_creation_order(api: Api) -> None:
    page = (await api.http.get("/v1/tasks/ittickets")).json()
    assert handles(page) == [f"ITM-{n}" for n in range(1, 101)]
    assert page["total"] == 250
    assert page["paging"]["has_previous_page"] is False
    assert page["paging"]["has_next_page"] is True
    assert page["paging"]["start_cursor"] == page["items"][0]["cursor"]
    assert page["paging"]["end_cursor"] == page["items"][-1]["cursor"]


async def test_forward_then_backward(api: Api) -> None:
    one = (await api.http.get("/v1/tasks/ittickets", params={"first": 100})).json()
    two = (
        await api.http.get(
            "/v1/tasks/ittickets", params={"first": 100, "after": one["paging"]["end_cursor"]}
        )
    ).json()
    three = (
        await api.http.get(
            "/v1/tasks/ittickets", params={"first": 100, "after": two["paging"]["end_cursor"]}
        )
    ).json()
    assert handles(two) == [f"ITM-{n}" for n in range(101, 201)]
    assert handles(three) == [f"ITM-{n}" for n in range(201, 251)]
    assert two["paging"]["has_previous_page"] and two["paging"]["has_next_page"]
    assert not three["paging"]["has_next_page"]
    back = (
        await api.http.get(
            "/v1/tasks/ittickets", params={"last": 100, "before": three["paging"]["start_cursor"]}
        )
    ).json()
    assert handles(back) == handles(two)
    assert back["paging"]["has_previous_page"] and back["paging"]["has_next_page"]


async def test_last_alone_is_the_end_of_the_list(api: Api) -> None:
    page = (await api.http.get("/v1/tasks/ittickets", params={"last": 3})).json()
    assert handles(page) == ["ITM-248", "ITM-249", "ITM-250"]
    assert page["paging"]["has_previous_page"] is True
    assert page["paging"]["has_next_page"] is False


async def test_after_and_before_together_bound_the_page(api: Api) -> None:
    page = (await api.http.get("/v1/tasks/ittickets", params={"first": 10})).json()
    after = page["items"][1]["cursor"]
    before = page["items"][5]["cursor"]
    inner = (
        await api.http.get("/v1/tasks/ittickets", params={"after": after, "before": before})
    ).json()
    assert handles(inner) == ["ITM-3", "ITM-4", "ITM-5"]
    assert inner["paging"]["has_previous_page"] is True
    assert inner["paging"]["has_next_page"] is True
    head = (await api.http.get("/v1/tasks/ittickets", params={"first": 2, "before": before})).json()
    assert handles(head) == ["ITM-1", "ITM-2"]
    assert head["paging"]["has_next_page"] is True
    assert head["paging"]["has_previous_page"] is False
    tail = (await api.http.get("/v1/tasks/ittickets", params={"last": 2, "after": after})).json()
    assert handles(tail) == ["ITM-249", "ITM-250"]
    assert tail["paging"]["has_previous_page"] is True
    assert tail["paging"]["has_next_page"] is False


async def test_past_the_end_is_an_empty_page(api: Api) -> None:
    page = (await api.http.get("/v1/tasks/ittickets", params={"last": 1})).json()
    empty = (
        await api.http.get("/v1/tasks/ittickets", params={"after": page["paging"]["end_cursor"]})
    ).json()
    assert empty["items"] == []
    assert empty["total"] == 250
    assert empty["paging"]["start_cursor"] is None
    assert empty["paging"]["has_next_page"] is False
    assert empty["paging"]["has_previous_page"] is True


@pytest.mark.parametrize(
    "params",
    [
        {"first": "0"},
        {"first": "1001"},
        {"last": "0"},
        {"last": "1001"},
        {"first": "ten"},
        {"first": "10", "last": "10"},
    ],
)
async def test_page_sizes_outside_1_to_1000_are_400(api: Api, params: dict[str, str]) -> None:
    answer = await api.http.get("/v1/tasks/ittickets", params=params)
    assert answer.status_code == 400
    assert answer.json()["status"] == 400


async def test_page_sizes_at_the_limits_work(api: Api) -> None:
    assert (
        len((await api.http.get("/v1/tasks/ittickets", params={"first": 1})).json()["items"]) == 1
    )
    big = (await api.http.get("/v1/tasks/ittickets", params={"first": 1000})).json()
    assert len(big["items"]) == 250
    assert big["paging"]["has_next_page"] is False


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        base64.b64encode(b"tasks/ittickets|10").decode(),
        base64.urlsafe_b64encode(b"tasks/ittickets|10|0000000000000000").decode(),
    ],
)
async def test_cursors_the_server_did_not_mint_are_400(api: Api, cursor: str) -> None:
    answer = await api.http.get("/v1/tasks/ittickets", params={"after": cursor})
    assert answer.status_code == 400
    assert "cursor" in answer.json()["message"]


async def test_a_cursor_from_another_collection_is_400(api: Api) -> None:
    other = (await api.http.get("/v1/elements/vendors", params={"first": 1})).json()
    answer = await api.http.get(
        "/v1/tasks/ittickets", params={"before": other["paging"]["end_cursor"]}
    )
    assert answer.status_code == 400
    assert "another list" in answer.json()["message"]


async def test_cursors_are_opaque_base64(api: Api) -> None:
    page = (await api.http.get("/v1/tasks/ittickets", params={"first": 1})).json()
    decoded = base64.urlsafe_b64decode(page["items"][0]["cursor"]).decode()
    assert decoded.startswith("tasks/ittickets|1|")


async def test_total_counts_after_filtering_and_follows_writes(api: Api) -> None:
    everything = (await api.http.get("/v1/tasks/ittickets", params={"first": 1000})).json()
    open_count = sum(1 for i in everything["items"] if i["data"]["Status"] == "Open")
    page = (await api.http.get("/v1/tasks/ittickets", params={"filter": "Status==Open"})).json()
    assert page["total"] == open_count
    await api.http.post(
        "/v1/tasks/ittickets",
        json={"Title": "New", "Status": "Open", "Priority": 1, "Reporter": "a@example.com"},
    )
    again = (await api.http.get("/v1/tasks/ittickets", params={"filter": "Status==Open"})).json()
    assert again["total"] == open_count + 1


async def test_filtered_pages_chain_with_cursors(api: Api) -> None:
    params: dict[str, str | int] = {"filter": "Priority=ge=3", "first": 20}
    seen: list[str] = []
    after = None
    while True:
        page = (
            await api.http.get(
                "/v1/tasks/ittickets", params={**params, **({"after": after} if after else {})}
            )
        ).json()
        seen += handles(page)
        assert all(item["data"]["Priority"] >= 3 for item in page["items"])
        if not page["paging"]["has_next_page"]:
            break
        after = page["paging"]["end_cursor"]
    assert len(seen) == page["total"] == len(set(seen))
    numbers = [int(h.split("-")[1]) for h in seen]
    assert numbers == sorted(numbers)
