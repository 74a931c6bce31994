"""Run the installed `elx --sandbox` headless and open every dialog and screen, as a user would.

Run with the Python of a virtualenv the wheel was installed into, outside the checkout. The
`elx` console script's entry point is called as the script would call it, with Textual's
`App.run` replaced by a headless `run_test()` that drives the app with Pilot: the first page,
help, the command palette, the alias jump, add alias, columns, export, the filter bar and
its save dialog, the create form, bulk set, the field editor, the diff of staged edits, the
quit confirmation, the JSON view and each collaboration tab. It prints one JSON line: where
`explorer` was imported from, where the stylesheets were read, what each step showed.
"""

from __future__ import annotations

import asyncio
import json
import sys
from importlib.metadata import entry_points
from typing import Any

from textual.app import App
from textual.pilot import Pilot

REPORT: dict[str, Any] = {"screens": {}, "errors": []}


def screen_text(app: App[Any]) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def settle(app: App[Any], pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def dialog(app: App[Any], pilot: Pilot[Any], name: str, *keys: str) -> None:
    """Press `keys`, note the screen that opened and its text, and close it with Escape."""
    await pilot.press(*keys)
    await settle(app, pilot)
    REPORT["screens"][name] = {"screen": type(app.screen).__name__, "text": screen_text(app)}
    await pilot.press("escape")
    await settle(app, pilot)


async def drive(app: Any, pilot: Pilot[Any]) -> None:
    await settle(app, pilot)
    REPORT["rows"] = app.table.row_count
    REPORT["main"] = screen_text(app)
    await dialog(app, pilot, "help", "question_mark")
    await dialog(app, pilot, "palette", "ctrl+p")
    await dialog(app, pilot, "jump", "colon")
    await dialog(app, pilot, "columns", "c")
    await dialog(app, pilot, "export", "ctrl+e")
    await dialog(app, pilot, "create", "n")
    await app.run_action("bulk_set_field")
    await dialog(app, pilot, "bulk")
    # The filter bar and its save dialog.
    await pilot.press("slash", *"Priority=ge=3")
    await dialog(app, pilot, "save_filter", "ctrl+s")
    await pilot.press("escape")
    app.table.focus()
    # The tree's add-alias dialog.
    app.query_one("AliasTree").focus()
    await dialog(app, pilot, "add_alias", "a")
    app.table.focus()
    await settle(app, pilot)
    # Stage an edit in the field editor, see the diff, then ask to quit with it unsaved.
    status = app.table.columns_shown.index("Status")
    app.table.move_cursor(row=1, column=status)
    await pilot.press("e")
    await settle(app, pilot)
    REPORT["screens"]["field_editor"] = {
        "screen": type(app.screen).__name__,
        "text": screen_text(app),
    }
    app.screen.query_one("Input").value = "Closed"
    await pilot.press("enter")
    await settle(app, pilot)
    await dialog(app, pilot, "diff", "ctrl+s")
    await dialog(app, pilot, "confirm_quit", "ctrl+q")
    # The detail pane: JSON view and the collaboration tabs.
    await pilot.press("j")
    await settle(app, pilot)
    REPORT["json_view"] = screen_text(app)
    await pilot.press("j")
    tabs = app.query_one("CollaborationTabs")
    for key in ("comments", "attachments", "watchers", "related"):
        tabs.open(key)
        await settle(app, pilot)
        REPORT["screens"][f"tab_{key}"] = {
            "screen": type(app.screen).__name__,
            "text": screen_text(app),
        }


def run_headless(self: Any, *args: Any, **kwargs: Any) -> None:
    async def main() -> None:
        async with self.run_test(size=(140, 40)) as pilot:
            try:
                await drive(self, pilot)
            finally:
                self.exit()

    asyncio.run(main())


def main() -> int:
    App.run = run_headless  # type: ignore[method-assign]
    (elx,) = [point for point in entry_points(group="console_scripts") if point.name == "elx"]
    sys.argv = ["elx", "--sandbox"]
    try:
        elx.load()()
    except SystemExit as done:
        REPORT["exit"] = done.code
    import explorer
    from explorer.tui import styling

    REPORT["explorer"] = explorer.__file__
    REPORT["styles"] = str(styling.STYLES)
    print(json.dumps(REPORT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
