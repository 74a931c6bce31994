"""Exporting every page of a filter: the file matches the API's total, or is clearly partial."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from explorer.api import ConnectionSettings, ElementumClient
from explorer.edits.export import ExportJob, ExportProgress, Scope

FILTER = "Priority=ge=4"


def client_for(sandbox: Any) -> ElementumClient:
    settings = ConnectionSettings(
        sandbox.base_url, sandbox.client_id, sandbox.client_secret, rate_per_second=200, burst=50
    )
    return ElementumClient(settings)


async def test_every_page_is_exported_and_matches_the_total(sandbox: Any, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    async with client_for(sandbox) as client:
        total = (await client.list_page("tasks", "ittickets", first=1, filter=FILTER)).total
        job = ExportJob(
            "tasks", "ittickets", tmp_path / "closed.jsonl", "jsonl", filter=FILTER, page_size=20
        )
        result = await job.run(client, lambda p: seen.append((p.records, p.pages)))
    assert total is not None and total > 60
    lines = (tmp_path / "closed.jsonl").read_text().splitlines()
    assert result.complete and result.records == total == len(lines)
    assert all(json.loads(line)["Priority"] >= 4 for line in lines)
    assert seen[-1] == (total, -(-total // 20))
    assert not (tmp_path / "closed.jsonl.partial").exists()


async def test_a_cancelled_export_leaves_a_partial_file(sandbox: Any, tmp_path: Path) -> None:
    async with client_for(sandbox) as client:
        job = ExportJob("tasks", "ittickets", tmp_path / "closed.csv", "csv", filter=FILTER)
        job.page_size = 20

        def stop_after_first_page(progress: ExportProgress) -> None:
            job.cancel()

        result = await job.run(client, stop_after_first_page)
    assert not result.complete and result.reason == "cancelled"
    assert result.path == tmp_path / "closed.csv.partial" and result.records == 20
    assert not (tmp_path / "closed.csv").exists()
    assert len(result.path.read_text().splitlines()) == 21  # header and the first page


async def test_the_current_page_is_exported_as_json(sandbox: Any, tmp_path: Path) -> None:
    async with client_for(sandbox) as client:
        page = await client.list_page("tasks", "ittickets", first=7)
        job = ExportJob(
            "tasks", "ittickets", tmp_path / "page.json", "json", Scope.PAGE,
            page_records=page.records,
        )  # fmt: skip
        result = await job.run(client)
    assert result.complete
    assert json.loads((tmp_path / "page.json").read_text()) == page.records
