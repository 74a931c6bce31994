"""Helpers shared by the edit, collaboration and export tests (this module holds no tests)."""

from __future__ import annotations

import uuid
from typing import Any

from textual.pilot import Pilot

from explorer.api import ConnectionSettings, ElementumClient

TICKETS = ("tasks", "ittickets")
REPORTER = "ana.garcia@example.com"


def client_for(sandbox: Any, rate: float = 200.0) -> ElementumClient:
    """A client of the sandbox with a request budget high enough to keep tests fast."""
    settings = ConnectionSettings(
        sandbox.base_url,
        sandbox.client_id,
        sandbox.client_secret,
        rate_per_second=rate,
        burst=max(5, int(rate // 4)),
    )
    return ElementumClient(settings)


def tag(prefix: str) -> str:
    """A title no other test uses, so a filter finds only this test's records."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def new_ticket(client: ElementumClient, title: str, **fields: Any) -> dict[str, Any]:
    data = {"Title": title, "Status": "Open", "Priority": 2, "Reporter": REPORTER, **fields}
    return await client.create_record(*TICKETS, data)


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish and every message they posted be handled."""
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        # A worker just started is pending, not running, and must be waited for too.
        if all(worker.is_finished for worker in pilot.app.workers):
            return
