"""Bulk edit without the screen: the report matches what the server holds, even when cancelled."""

from __future__ import annotations

import uuid
from typing import Any

from explorer.api import ConnectionSettings, ElementumClient
from explorer.edits.bulk import BulkEdit, BulkProgress

REPORTER = "ana.garcia@example.com"


async def test_a_cancelled_bulk_edit_reports_exactly_what_changed(sandbox: Any) -> None:
    settings = ConnectionSettings(
        sandbox.base_url, sandbox.client_id, sandbox.client_secret, rate_per_second=200, burst=50
    )
    title = f"bulk-{uuid.uuid4().hex[:8]}"
    async with ElementumClient(settings) as client:
        for _ in range(30):
            data = {"Title": title, "Status": "Open", "Priority": 1, "Reporter": REPORTER}
            await client.create_record("tasks", "ittickets", data)
        job = BulkEdit("tasks", "ittickets", {"Priority": 5}, f'Title=="{title}"', page_size=10)
        assert await job.count(client) == 30
        phases: list[str] = []

        def stop_early(progress: BulkProgress) -> None:
            phases.append(progress.phase)
            if progress.done >= 5:
                job.cancel()

        report = await job.run(client, stop_early)
        changed = await client.list_page(
            "tasks", "ittickets", first=1, filter=f'Title=="{title}";Priority==5'
        )
    assert report.cancelled and report.total == 30 and not report.failed
    assert 5 <= len(report.changed) < 30
    assert changed.total == len(report.changed)
    assert phases[0] == "counting" and phases[-1] == "cancelled"
    assert report.summary == f"{len(report.changed)} changed, 0 failed of 30 (cancelled)"


async def test_a_bulk_edit_finds_the_id_under_any_key_or_says_there_is_none(
    make_sandbox: Any,
) -> None:
    for mode, target in (("keyed", "id=in=(ITM-3,ITM-4)"), ("unkeyed", "Priority==1")):
        server = make_sandbox(spec_literal=mode)
        settings = ConnectionSettings(
            server.base_url, server.client_id, server.client_secret, rate_per_second=200, burst=50
        )
        async with ElementumClient(settings) as client:
            before = await client.list_page("tasks", "ittickets", first=1, filter="Priority==5")
            report = await BulkEdit("tasks", "ittickets", {"Priority": "5"}, target).run(client)
            after = await client.list_page("tasks", "ittickets", first=1, filter="Priority==5")
        if mode == "keyed":
            assert sorted(report.changed) == ["ITM-3", "ITM-4"] and report.refused is None
            assert after.total is not None and before.total is not None
            assert after.total - before.total <= 2 and not report.failed
        else:
            assert report.changed == [] and after.total == before.total
            assert "carry no id" in report.summary and "id_key" in report.summary
