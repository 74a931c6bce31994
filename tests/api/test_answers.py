"""An answer that is not what was asked for is an error naming what came back, never an
empty page or record: the spec-literal sandbox answers `GET /v1/elements/{alias}` with the
element's metadata (the spec's `getElement`), and any server may answer with text."""

from __future__ import annotations

import httpx
import pytest
from api_helpers import settings_for

from explorer.api import ElementumClient, UnexpectedAnswerError
from explorer.api.answers import read_page, read_record
from explorer.sandbox import RunningSandbox

PAGE = {"paging": {"has_next_page": False}, "total": 1, "items": [{"data": {"Title": "x"}}]}


async def test_element_metadata_for_a_list_call_is_an_error(
    literal_sandbox: RunningSandbox,
) -> None:
    async with ElementumClient(settings_for(literal_sandbox)) as client:
        with pytest.raises(UnexpectedAnswerError) as caught:
            await client.list_page("elements", "vendors", first=5)
        with pytest.raises(UnexpectedAnswerError):
            async for _ in client.iter_pages("elements", "vendors"):
                pass
        # Other record types still list their records in that mode.
        tasks = await client.list_page("tasks", "ittickets", first=5)
    assert caught.value.message == (
        "the server answered element metadata for elements/vendors, not a page of records"
    )
    assert caught.value.exit_code == 7 and caught.value.status == 200
    assert len(tasks.records) == 5


def answer(body: bytes, media: str = "application/json", status: int = 200) -> httpx.Response:
    return httpx.Response(status, content=body, headers={"content-type": media})


def test_a_page_for_a_record_call_is_an_error() -> None:
    import json

    with pytest.raises(UnexpectedAnswerError) as caught:
        read_record(answer(json.dumps(PAGE).encode()), "tasks/ittickets/ITM-4", "tasks")
    assert caught.value.message == (
        "the server answered a page of 1 item for tasks/ittickets/ITM-4, not a record"
    )


@pytest.mark.parametrize(
    ("body", "media", "found"),
    [
        (b"<html><body>Sign in</body></html>", "text/html; charset=utf-8", "non-JSON text"),
        (b"", "text/plain", "an empty body"),
        (b"[1, 2]", "application/json", "a JSON list of 2 items"),
        (b'{"error": "gone"}', "application/json", "a JSON object with keys error"),
    ],
)
def test_anything_else_is_named_for_a_list_and_a_record_call(
    body: bytes, media: str, found: str
) -> None:
    with pytest.raises(UnexpectedAnswerError) as listed:
        read_page(answer(body, media), "tasks/ittickets", "tasks", "records")
    assert listed.value.message.startswith(f"the server answered {found}")
    assert listed.value.message.endswith("for tasks/ittickets, not a page of records")
    if body.startswith(b"{"):
        return  # any JSON object reads as a record map
    with pytest.raises(UnexpectedAnswerError) as got:
        read_record(answer(body, media), "tasks/ittickets/ITM-4", "tasks")
    assert got.value.message.startswith(f"the server answered {found}")


def test_html_is_named_with_its_type_and_first_words() -> None:
    page = b"<html><body>Sign in</body></html>"
    with pytest.raises(UnexpectedAnswerError) as caught:
        read_page(answer(page, "text/html"), "tasks/ittickets", "tasks", "records")
    assert "(text/html: '<html><body>Sign in</body></html>')" in caught.value.message


def test_a_write_answered_with_no_body_reads_as_an_empty_record() -> None:
    assert read_record(answer(b"", "text/plain"), "x", "tasks", empty_ok=True) == {}
    assert read_record(answer(b'{"data": {"A": "1"}}'), "x", "tasks") == {"A": "1"}
