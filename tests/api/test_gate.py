"""The rate gate's order: interactive before background, cancelled callers never send."""

from __future__ import annotations

import asyncio

from api_helpers import WireRecorder, settings_for

from explorer.api import ElementumClient, Priority, RequestLogged
from explorer.sandbox import RunningSandbox


async def test_interactive_requests_overtake_queued_background_ones(
    sandbox: RunningSandbox, wire: WireRecorder
) -> None:
    settings = settings_for(sandbox, rate_per_second=20, burst=1)
    async with ElementumClient(settings, inner_transport=wire) as client:
        await client.list_page("tasks", "ittickets", first=1)  # token and first slot
        background = [
            asyncio.create_task(
                client.list_page("tasks", "onboarding", first=1, priority=Priority.BACKGROUND)
            )
            for _ in range(6)
        ]
        await asyncio.sleep(0)  # let them queue
        await client.get_record("tasks", "ittickets", "ITM-7")
        await asyncio.gather(*background)
    order = [a.path for a in wire.attempts if a.path.startswith("/v1/")]
    assert order.index("/v1/tasks/ittickets/ITM-7") <= 2
    assert order.count("/v1/tasks/onboarding") == 6


async def test_a_cancelled_caller_s_request_is_never_sent(
    sandbox: RunningSandbox, wire: WireRecorder
) -> None:
    settings = settings_for(sandbox, rate_per_second=2, burst=1)
    logged: list[RequestLogged] = []
    async with ElementumClient(settings, inner_transport=wire) as client:
        client.subscribe(lambda e: logged.append(e) if isinstance(e, RequestLogged) else None)
        await client.list_page("tasks", "ittickets", first=1)
        stale = asyncio.create_task(
            client.list_page("tasks", "ittickets", first=1, filter="Title=lk=old")
        )
        await asyncio.sleep(0)  # it is waiting at the gate now
        stale.cancel()
        fresh = await client.list_page("tasks", "ittickets", first=1, filter="Title=lk=new")
    assert stale.cancelled()
    assert fresh.total is not None
    queries = [e.query for e in logged]
    assert not any("old" in q for q in queries)
    assert any("new" in q for q in queries)
    assert sum(1 for a in wire.attempts if a.path.startswith("/v1/")) == 2
