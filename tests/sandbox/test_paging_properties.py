"""Walking pages forward or backward, at any size and under any filter, visits each matching
record exactly once and in creation order (over the session's real socket)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.sandbox import RunningSandbox

pytestmark = pytest.mark.socket

FILTERS = ["", "Status==Open", "Priority=ge=3", "Title=lki=printer", "Labels==vip,Escalated==true"]


@pytest.fixture(scope="module")
def client(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.api_url) as http:
        answer = http.post(
            sandbox.base_url + "/oauth/token",
            json={
                "grant_type": "client_credentials",
                "client_id": sandbox.client_id,
                "client_secret": sandbox.client_secret,
            },
        )
        http.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        yield http


def walk(client: httpx.Client, text: str, size: int, backward: bool) -> tuple[list[int], int]:
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"filter": text} if text else {}
        params["last" if backward else "first"] = size
        if cursor:
            params["before" if backward else "after"] = cursor
        page = client.get("/tasks/ittickets", params=params).json()
        numbers = [int(item["data"]["Handle"].split("-")[1]) for item in page["items"]]
        assert len(numbers) <= size
        seen = numbers + seen if backward else seen + numbers
        paging = page["paging"]
        if not (paging["has_previous_page"] if backward else paging["has_next_page"]):
            return seen, page["total"]
        cursor = paging["start_cursor"] if backward else paging["end_cursor"]


@settings(max_examples=25, deadline=None)
@given(size=st.integers(min_value=7, max_value=300), text=st.sampled_from(FILTERS))
def test_walks_visit_every_match_once_in_order(client: httpx.Client, size: int, text: str) -> None:
    forward, total = walk(client, text, size, backward=False)
    backward, _ = walk(client, text, size, backward=True)
    assert forward == backward == sorted(set(forward))
    assert len(forward) == total
