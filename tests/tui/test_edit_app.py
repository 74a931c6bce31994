"""The edit features inside the explorer app: keys, marks, counter, quit guard, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import region_text, screen_text
from test_edit_support import TICKETS, client_for, new_ticket, settle, tag
from textual.pilot import Pilot
from textual.widgets import Input

from explorer.sandbox import RunningSandbox
from explorer.tui import actions
from explorer.tui.app import ExplorerApp
from explorer.tui.collab.tabs import CollaborationTabs
from explorer.tui.edit.confirm import ConfirmScreen
from explorer.tui.edit.diff_screen import DiffScreen
from explorer.tui.edit.field_editor import FieldEditor
from explorer.tui.export.screen import ExportScreen
from explorer.tui.launch import sandbox_profile
from explorer.tui.session import Session

KEY = "/".join(TICKETS)


@pytest.fixture(scope="session")
def sandbox(writable_sandbox: RunningSandbox) -> RunningSandbox:
    """These tests write records, so they use the writable session sandbox."""
    return writable_sandbox


def explorer(sandbox: Any, tmp_path: Path, *, read_only: bool = False) -> ExplorerApp:
    profile = sandbox_profile(sandbox, read_only=read_only)
    profile.rate_per_second, profile.burst = 200.0, 50
    session = Session(profile=profile, label="sandbox", read_only=read_only)
    return ExplorerApp(session, state_dir=tmp_path / "state")


async def show(pilot: Pilot[Any], app: ExplorerApp, title: str) -> None:
    await settle(pilot)
    app.open_alias(KEY, f'Title=="{title}"')
    await settle(pilot)
    app.table.focus()


def unsaved(app: ExplorerApp) -> str:
    """The unsaved-edits counter as the header shows it (blank when none)."""
    shown = region_text(app, app.header)
    return shown[shown.index("●") : shown.index("token")].strip() if "●" in shown else ""


async def test_edit_in_the_table_is_marked_counted_guarded_and_saved(
    sandbox: Any, tmp_path: Path
) -> None:
    title = tag("app-edit")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, title)
        app = explorer(sandbox, tmp_path)
        async with app.run_test(size=(160, 40)) as pilot:
            await show(pilot, app, title)
            app.table.move_cursor(row=0, column=app.table.columns_shown.index("Status"))
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FieldEditor)
            app.screen.query_one(Input).value = "Resolved"
            await pilot.press("enter")
            await settle(pilot)
            assert unsaved(app) == "● 1 unsaved"
            assert str(app.table.get_cell_at(app.table.cursor_coordinate)) == "Resolved *"
            status_line = next(
                line for line in region_text(app, app.detail).splitlines() if "Status" in line
            )
            assert f"Resolved * unsaved, was {ticket['Status']}" in status_line
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)  # unsaved edits: quitting asks first
            await pilot.press("n")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, DiffScreen)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert unsaved(app) == ""
            assert str(app.table.get_cell_at(app.table.cursor_coordinate)) == "Resolved"
            assert app.table.current_record is not None
            assert app.table.current_record["Status"] == "Resolved"
            assert "unsaved" not in region_text(app, app.detail)
        stored = await client.get_record(*TICKETS, ticket["Handle"])
        assert stored["Status"] == "Resolved"


async def test_collaboration_tabs_load_when_opened_and_export_opens_on_ctrl_e(
    sandbox: Any, tmp_path: Path
) -> None:
    title = tag("app-collab")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, title)
        await client.add_comment(*TICKETS, ticket["Handle"], "first!")
        app = explorer(sandbox, tmp_path)
        async with app.run_test(size=(160, 40)) as pilot:
            await show(pilot, app, title)
            tabs = app.query_one(CollaborationTabs)
            assert not tabs.panel("comments").loaded
            assert app.query_one("#detail-body").display
            tabs.open("comments")
            await settle(pilot)
            assert not app.query_one("#detail-body").display
            assert [c.text for c in tabs.panel("comments").rows] == ["first!"]
            app.table.focus()
            await pilot.press("ctrl+e")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            assert app.screen.filter_text == f'Title=="{title}"'
            labels = [spec.label for spec in actions.palette_specs()]
            assert "Bulk set field…" in labels and "Export…" in labels


async def test_read_only_mode_removes_every_write_path(sandbox: Any, tmp_path: Path) -> None:
    title = tag("app-readonly")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, title)
        app = explorer(sandbox, tmp_path, read_only=True)
        async with app.run_test(size=(160, 40)) as pilot:
            await show(pilot, app, title)
            for key in ("e", "n", "u", "ctrl+s"):
                await pilot.press(key)
                await pilot.pause()
                assert app.screen is app.screen_stack[0], key
            shown = {b.binding.action for b in app.active_bindings.values() if b.enabled}
            writes = {spec.action for spec in actions.ACTIONS if spec.writes}
            assert not {a.removeprefix("app.") for a in shown} & writes
            assert all(app.check_action(action, ()) is False for action in writes)
            assert not [s for s in actions.palette_specs(read_only=True) if s.writes]
            assert not [s for s in actions.specs("table", read_only=True) if s.writes]
            tabs = app.query_one(CollaborationTabs)
            assert not tabs.query("#comment-text")  # no add controls in the tabs either
            assert not tabs.query("#attach-delete") and not tabs.query("#attach-upload")
            assert tabs.query("#attach-download")  # downloading reads, so it stays
        assert await client.get_record(*TICKETS, ticket["Handle"]) == ticket


async def test_read_only_mode_says_so_in_the_header_and_when_a_write_key_is_pressed(
    sandbox: Any, tmp_path: Path
) -> None:
    app = explorer(sandbox, tmp_path, read_only=True)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await settle(pilot)
        assert "sandbox · read-only" in region_text(app, app.header)
        app.table.focus()
        for key in ("e", "n", "u", "ctrl+s"):
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.screen_stack[0], key
            shown = " ".join(screen_text(app).split())
            assert "Read-only" in shown and "Not available: this profile is open" in shown, key
        # Keys that only read still work.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.table.border_subtitle.startswith("rows 101–")
