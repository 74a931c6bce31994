"""Snapshots of the edit diff, a conflict, the collaboration tabs and the export progress.

Each runs on a fresh sandbox (seeded, pinned dates) so the pictures are stable.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from test_edit_support import client_for, settle
from textual import on
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from explorer.edits.staging import RecordRef
from explorer.tui.collab.panels import CollabPanel
from explorer.tui.collab.tabs import CollaborationTabs
from explorer.tui.edit.bench import EditBench
from explorer.tui.export.screen import ExportScreen
from explorer.tui.styling import EDIT_CSS

SIZE = (110, 30)
COLUMNS = ("Handle", "Title", "Status", "Priority", "Assignee")


async def type_into(pilot: Pilot[Any], row: int, column: str, text: str) -> None:
    pilot.app.query_one(DataTable).move_cursor(row=row, column=COLUMNS.index(column))
    await pilot.press("e")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


def test_edit_diff(make_sandbox: Any, snap_compare: Any) -> None:
    sandbox = make_sandbox()
    app = EditBench(client_for(sandbox), "tasks", "ittickets", page_size=6, columns=COLUMNS)

    async def stage(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await type_into(pilot, 0, "Status", "Closed")
        await type_into(pilot, 0, "Priority", "1")
        await type_into(pilot, 2, "Assignee", "grace.hopper@example.com")
        await pilot.press("ctrl+s")

    assert snap_compare(app, run_before=stage, terminal_size=SIZE)


def test_edit_conflict(make_sandbox: Any, snap_compare: Any) -> None:
    sandbox = make_sandbox()
    app = EditBench(client_for(sandbox), "tasks", "ittickets", page_size=4, columns=COLUMNS)

    async def conflict(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await type_into(pilot, 1, "Status", "Closed")
        await type_into(pilot, 1, "Priority", "1")
        async with client_for(sandbox) as other:
            await other.update_record("tasks", "ittickets", "ITM-2", {"Status": "Review"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(app, run_before=conflict, terminal_size=SIZE)


class TabsApp(App[None]):
    CSS_PATH = EDIT_CSS

    def __init__(self, client: Any, ref: RecordRef, tab: str) -> None:
        super().__init__()
        self.client, self.ref, self.tab = client, ref, tab
        self.tab_listed = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield CollaborationTabs(self.client, self.ref)

    def on_mount(self) -> None:
        self.query_one(CollaborationTabs).open(self.tab)

    @on(CollabPanel.Listed)
    def listed(self, event: CollabPanel.Listed) -> None:
        if event.key == self.tab:
            self.tab_listed.set()


def test_collaboration_tabs(make_sandbox: Any, snap_compare: Any) -> None:
    sandbox = make_sandbox()
    app = TabsApp(client_for(sandbox), RecordRef("tasks", "ittickets", "ITM-1"), "watchers")

    async def loaded(pilot: Pilot[Any]) -> None:
        # The tab's list arrives through a chain of messages (tab activated, then a fetch
        # worker, then its answer): wait for the list itself, then for the table to size it.
        await asyncio.wait_for(app.tab_listed.wait(), timeout=10)
        await settle(pilot)

    assert snap_compare(app, run_before=loaded, terminal_size=SIZE)


def test_export_progress(
    make_sandbox: Any, snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sandbox = make_sandbox()
    client = client_for(sandbox)
    app = EditBench(client, "elements", "vendors", filter_text="Preferred==true", page_size=5)

    async def export(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ExportScreen)
        screen.page_size = 20
        await pilot.click("#format-jsonl")
        await pilot.click("#export-go")
        await settle(pilot)

    assert snap_compare(app, run_before=export, terminal_size=SIZE)
    lines = (tmp_path / "vendors.jsonl").read_text().splitlines()
    assert lines and all('"Preferred": true' in line for line in lines)
