"""A filter goes over the wire percent-encoded per RFC 3986 (a space as `%20`), the same
bytes as the URL and curl command the explorer shows and copies; read at the server."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from api_helpers import settings_for

from explorer.api import ElementumClient, curl_command, request_url
from explorer.sandbox import RunningSandbox
from explorer.sandbox.access_log import ACCESS

FILTER = 'Title=lk="Laptop jams on every job*";Status=in=(Closed,"In Progress")'


class Received(logging.Handler):
    """The sandbox's access records, as its server wrote them."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def received() -> Iterator[Received]:
    handler = Received()
    level = ACCESS.level
    ACCESS.setLevel(logging.INFO)
    ACCESS.addHandler(handler)
    yield handler
    ACCESS.removeHandler(handler)
    ACCESS.setLevel(level)


async def test_the_query_sent_is_the_query_shown(
    any_sandbox: RunningSandbox, received: Received
) -> None:
    settings = settings_for(any_sandbox)
    async with ElementumClient(settings) as client:
        page = await client.list_page("tasks", "ittickets", first=100, filter=FILTER)
    assert page.records and all(r["Title"].startswith("Laptop jams") for r in page.records)
    sent = [
        r.raw_query  # type: ignore[attr-defined]
        for r in received.records
        if "/tasks/ittickets" in r.getMessage()
    ]
    shown = request_url(settings, "tasks", "ittickets", filter=FILTER, first=100)
    assert sent == [shown.partition("?")[2]]
    assert "%20" in sent[0] and "+" not in sent[0]
    assert sent[0] == (
        "first=100&filter=Title%3Dlk%3D%22Laptop%20jams%20on%20every%20job%2A%22%3BStatus%3Din%3D"
        "%28Closed%2C%22In%20Progress%22%29"
    )
    assert f"'{shown}'" in curl_command(settings, "tasks", "ittickets", FILTER, first=100)
