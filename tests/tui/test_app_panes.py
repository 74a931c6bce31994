"""Detail pane, copying, help and the command palette's registry entries."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from app_helpers import region_text, screen_text, settle, toasts

from explorer.tui import actions
from explorer.tui.app import ExplorerApp
from explorer.tui.help_screen import HelpScreen
from explorer.tui.palette import ExplorerCommands
from explorer.tui.session import Session

SIZE = (140, 40)


async def test_detail_follows_cursor_json_view_and_copies(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert app.detail.record is not None and app.detail.record["Handle"] == "ITM-1"
        await pilot.press("down", "down")
        assert app.detail.record["Handle"] == "ITM-3"
        await pilot.pause()
        body = region_text(app, app.detail)
        assert "Handle" in body and "ITM-3" in body
        assert "Resolved At" in body and "—" in body
        await pilot.press("j")
        await pilot.pause()
        assert app.detail.border_title == "Detail · JSON"
        assert '"Handle": "ITM-3"' in region_text(app, app.detail)
        await pilot.press("up")
        await pilot.press("y")
        assert json.loads(app.clipboard)["Handle"] == "ITM-2"
        assert ("Copied", f"Copied record ({len(app.clipboard):,} chars)") in toasts(app)
        await pilot.press("Y")
        assert app.clipboard == "ITM-2"
        app.filter_bar.value = "Status==Open;Priority=ge=2"
        await pilot.press("ctrl+y")
        assert app.clipboard == "Status==Open;Priority=ge=2"
        assert ("Copied", "Copied filter (26 chars)") in toasts(app)
        app.action_copy_filter_param()
        assert app.clipboard == "filter=" + quote("Status==Open;Priority=ge=2", safe="")


async def test_copy_url_curl_and_palette_entries(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.apply_filter("Status==Open")
        await settle(app, pilot)
        app.action_copy_url()
        assert app.clipboard.endswith("/v1/tasks/ittickets?first=100&filter=Status%3D%3DOpen")
        app.action_copy_curl()
        hint, command = app.clipboard.splitlines()
        assert hint == "# the token: export ELEMENTUM_TOKEN=$(elx token)"
        assert command.startswith("curl ") and "$ELEMENTUM_TOKEN" in command
        assert app.session is not None
        assert app.session.profile.connection_settings().client_secret not in app.clipboard
        provider = ExplorerCommands(app.screen)
        labels = [hit.text async for hit in provider.discover()]
        for spec in actions.palette_specs():
            assert spec.label in labels
        assert "Open transactions/invoices" in labels
        hits = [hit.text async for hit in provider.search("curl")]
        assert "Copy as curl" in hits


async def test_help_opened_before_any_page_is_laid_out_as_a_dialog(tmp_path: Path) -> None:
    # Dialog styles load after the first page; a dialog opened sooner brings its own.
    release = threading.Event()

    def waiting() -> Session:
        release.wait(10)
        raise RuntimeError("no session in this test")

    app = ExplorerApp(waiting, state_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box").region
        assert box.width == 96  # dialogs.tcss: a centred box, not the full screen
        assert box.x == (SIZE[0] - 96) // 2
        release.set()


async def test_help_lists_the_focused_panes_registry_bindings(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Help · Records" in text
        for spec in actions.specs("table"):
            assert spec.label in text
        assert "]" in text and "Next page" in text
        await pilot.press("escape")
        await pilot.pause()
        app.alias_tree.focus()
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert "Help · Aliases" in text and "Add alias" in text and "Next page" not in text
