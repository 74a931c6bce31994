"""Bulk edit from its screen: count, confirm, progress, report; 500 records under a rate limit."""

from __future__ import annotations

from typing import Any

import pytest
from test_edit_support import TICKETS, client_for, settle
from textual.widgets import Input, Select, Static

from explorer.sandbox import RunningSandbox
from explorer.tui.edit.bench import EditBench
from explorer.tui.edit.bulk_screen import BulkEditScreen
from explorer.tui.edit.confirm import ConfirmScreen


@pytest.fixture(scope="session")
def sandbox(writable_sandbox: RunningSandbox) -> RunningSandbox:
    """These tests write records, so they use the writable session sandbox."""
    return writable_sandbox


async def test_bulk_set_touches_every_matching_record_within_the_rate_limit(
    make_sandbox: Any,
) -> None:
    sandbox = make_sandbox(reset=True, records=500, rate_limit=300)
    async with client_for(sandbox, rate=250) as client:
        app = EditBench(client, *TICKETS, columns=("Handle", "Title", "Category"))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("b")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, BulkEditScreen)
            count = str(screen.query_one("#bulk-count", Static).render())
            assert count == "This will touch 500 record(s)."
            screen.query_one(Select).value = "Location"
            screen.query_one("#bulk-value", Input).value = "Reykjavik"
            await pilot.pause()
            await pilot.click("#bulk-run")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await settle(pilot)
            status = str(screen.query_one("#bulk-status", Static).render())
            assert status == "Done: 500 changed, 0 failed of 500"
            assert screen.report is not None and len(set(screen.report.changed)) == 500
            await pilot.press("escape")
            await settle(pilot)
        page = await client.list_page(*TICKETS, first=1, filter="Location==Reykjavik")
        assert page.total == 500
