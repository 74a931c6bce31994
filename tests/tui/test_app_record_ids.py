"""Record identity in the app: an id under another key works in full with no setting; records
with no id say why every per-record action cannot run and how to set `id_key`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_helpers import region_text, settle, toasts
from textual.widgets import Input

from explorer.api import ElementumClient
from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp
from explorer.tui.collab.tabs import CollaborationTabs
from explorer.tui.edit.diff_screen import DiffScreen
from explorer.tui.edit.field_editor import FieldEditor
from explorer.tui.launch import sandbox_profile

SIZE = (160, 40)
HINT = 'id_key = "Field name" under [profiles.sandbox] in config.toml'


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


async def test_an_id_under_another_key_edits_saves_and_comments_with_no_setting(
    make_app: Callable[..., ExplorerApp], make_sandbox: Callable[..., RunningSandbox]
) -> None:
    server = make_sandbox(spec_literal="keyed")
    app = make_app(server, rate_per_second=200.0, burst=50)
    assert sandbox_profile(server).id_key is None
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_alias("tasks/ittickets", "id==ITM-5")
        await settle(app, pilot)
        table = app.table
        assert table.columns_shown[0] == "id"
        assert [str(table.get_cell_at((0, 0)))] == ["ITM-5"]
        table.focus()
        table.move_cursor(row=0, column=table.columns_shown.index("Status"))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FieldEditor)
        app.screen.query_one(Input).value = "Resolved"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert str(table.get_cell_at(table.cursor_coordinate)) == "Resolved"
        assert "No id" not in region_text(app, app.detail)
        tabs = app.query_one(CollaborationTabs)
        tabs.open("comments")
        await settle(app, pilot)
        assert tabs.panel("comments").rows  # the first 40 records carry seeded comments
    settings = sandbox_profile(server).connection_settings()
    async with ElementumClient(settings) as client:
        stored = await client.get_record("tasks", "ittickets", "ITM-5")
    assert stored["Status"] == "Resolved" and stored["id"] == "ITM-5"


async def test_records_with_no_id_say_why_each_action_cannot_run(
    make_app: Callable[..., ExplorerApp], unkeyed_sandbox: RunningSandbox, tmp_path: Path
) -> None:
    app = make_app(unkeyed_sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.table.focus()
        assert "Handle" not in app.table.columns_shown
        detail = flat(region_text(app, app.detail))
        assert "No id The records of tasks/ittickets carry no id" in detail
        assert HINT in detail
        told = len(toasts(app))
        for key in ("e", "ctrl+s", "u"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.screen_stack[0], key
            assert len(toasts(app)) == told + 1, key
            told += 1
            assert HINT in toasts(app)[-1][1], key
        app.action_bulk_set_field()
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert HINT in toasts(app)[-1][1]
        tabs = app.query_one(CollaborationTabs)
        tabs.open("comments")
        await settle(app, pilot)
        comments = tabs.panel("comments")
        assert not comments.loaded
        assert HINT in flat(region_text(app, comments))
        tabs.open("watchers")
        await settle(app, pilot)
        watchers = tabs.panel("watchers")
        watchers.query_one("#watcher-email", Input).value = "ana@example.com"
        watchers.add()
        await pilot.pause()
        assert HINT in flat(region_text(app, watchers))
