"""Rate limits and failures over real HTTP: every call succeeds, the client waits what the
server asks, and once headers say the budget is spent it sends nothing the server would refuse."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from api_helpers import WireRecorder, settings_for

from explorer.api import ElementumClient, RateState, ServerError
from explorer.api.rate_headers import parse_rate_headers
from explorer.sandbox import RunningSandbox

CALLS = 15


async def _burst(client: ElementumClient) -> None:
    pages = await asyncio.gather(
        *(client.list_page("tasks", "ittickets", first=1) for _ in range(CALLS))
    )
    assert all(len(page.items) == 1 for page in pages)


def _refusals(wire: WireRecorder) -> list[int]:
    return [i for i, a in enumerate(wire.attempts) if a.status == 429]


async def test_with_all_headers_nothing_is_sent_that_the_server_said_it_would_refuse(
    make_sandbox: Callable[..., RunningSandbox], wire: WireRecorder
) -> None:
    """The client's own budget (20/s) is above the server's (5/s): the first burst meets 429s,
    and from the first answer on, the headers keep every later request within the budget."""
    sb = make_sandbox(rate_limit=5, rate_headers="all")
    states: list[RateState] = []
    settings = settings_for(sb, rate_per_second=20, burst=20)
    async with ElementumClient(settings, inner_transport=wire) as client:
        client.subscribe(lambda e: states.append(e) if isinstance(e, RateState) else None)
        await _burst(client)
    api = [a for a in wire.attempts if a.path.startswith("/v1/")]
    refused = [a for a in api if a.status == 429]
    assert refused, "the first burst should go over the server's budget"
    first_answer = min(a.received for a in api)
    late = [a for a in refused if a.sent > first_answer]
    assert late == [], f"{len(late)} requests sent after the headers said to wait"
    assert any("server" in s.reason for s in states if s.waiting_until is not None)


async def test_with_retry_after_the_client_waits_what_the_server_asked(
    make_sandbox: Callable[..., RunningSandbox], wire: WireRecorder
) -> None:
    sb = make_sandbox(rate_limit=5, rate_headers="retry-after")
    settings = settings_for(sb, rate_per_second=10, burst=10)
    async with ElementumClient(settings, inner_transport=wire) as client:
        await _burst(client)
    api = [a for a in wire.attempts if a.path.startswith("/v1/")]
    refused = [a for a in api if a.status == 429]
    assert refused
    for refusal in refused:
        wait = parse_rate_headers(refusal.headers).retry_after
        assert wait is not None and wait >= 1
        too_soon = [a for a in api if refusal.received < a.sent < refusal.received + wait - 0.01]
        assert too_soon == [], "a request went out before Retry-After had passed"


async def test_without_headers_backoff_gets_every_call_through(
    make_sandbox: Callable[..., RunningSandbox], wire: WireRecorder
) -> None:
    """Unannounced 429s also slow the client's own budget down (halved per refusal)."""
    sb = make_sandbox(rate_limit=5, rate_headers="none")
    settings = settings_for(sb, rate_per_second=8, burst=8)
    states: list[RateState] = []
    async with ElementumClient(settings, inner_transport=wire) as client:
        client.subscribe(lambda e: states.append(e) if isinstance(e, RateState) else None)
        await _burst(client)
    api = [a for a in wire.attempts if a.path.startswith("/v1/")]
    assert sum(1 for a in api if a.status == 200) == CALLS
    assert all(not a.headers.get("retry-after") for a in api)
    assert 429 in wire.statuses("/v1/")
    assert min(s.rate_per_second for s in states) <= 4


async def test_a_budget_at_the_servers_limit_meets_no_refusals(
    make_sandbox: Callable[..., RunningSandbox], wire: WireRecorder
) -> None:
    sb = make_sandbox(rate_limit=10, rate_headers="none")
    async with ElementumClient(
        settings_for(sb, rate_per_second=9, burst=5), inner_transport=wire
    ) as client:
        await _burst(client)
    assert 429 not in wire.statuses()


async def test_injected_server_errors_are_retried_on_get(
    make_sandbox: Callable[..., RunningSandbox], wire: WireRecorder
) -> None:
    sb = make_sandbox(fail_rate=0.3)
    async with ElementumClient(settings_for(sb), inner_transport=wire) as client:
        handles = []
        async for page in client.iter_pages("tasks", "ittickets", page_size=25):
            handles.extend(record["Handle"] for record in page.records)
    assert len(handles) == len(set(handles)) == 250
    assert 500 in wire.statuses("/v1/")


async def test_a_post_that_fails_with_500_is_not_repeated(
    make_sandbox: Callable[..., RunningSandbox], wire: WireRecorder
) -> None:
    sb = make_sandbox(fail_rate=1.0)
    async with ElementumClient(settings_for(sb), inner_transport=wire) as client:
        with pytest.raises(ServerError) as caught:
            await client.create_record("tasks", "ittickets", {"Title": "Printer on fire"})
    assert caught.value.status == 500
    assert wire.statuses("/v1/") == [500]


async def test_a_get_that_keeps_failing_stops_at_the_attempt_cap(
    make_sandbox: Callable[..., RunningSandbox], wire: WireRecorder
) -> None:
    sb = make_sandbox(fail_rate=1.0)
    async with ElementumClient(settings_for(sb), inner_transport=wire, max_attempts=3) as client:
        with pytest.raises(ServerError) as caught:
            await client.get_record("tasks", "ittickets", "ITM-1")
    assert "server failed" in caught.value.message
    assert wire.statuses("/v1/") == [500, 500, 500]
