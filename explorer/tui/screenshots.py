"""`make screenshots`: drive the app with Pilot against a fresh sandbox and save SVGs.

Each scene is a coroutine that brings the app to one screen; the snapshot tests replay the
same scenes, so the README's pictures and the tests show the same states.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from explorer.tui.app import ExplorerApp
from explorer.tui.launch import SANDBOX_LABEL, sandbox_profile
from explorer.tui.session import Session

SIZE = (140, 40)
Scene = Callable[[ExplorerApp, Pilot[Any]], Awaitable[None]]


async def settle(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    """Let workers and the handlers their messages trigger finish, without sleeping."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def main_view(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await settle(app, pilot)
    await pilot.press("down", "down", "right")
    await pilot.pause()


async def filter_error(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await settle(app, pilot)
    await pilot.press("slash")
    await type_text(pilot, "Status==Open;Priority=gx=3")
    await pilot.press("escape")  # close the completion list, keep the diagnostic
    await pilot.press("slash")
    await settle(app, pilot)


async def completion_open(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await settle(app, pilot)
    await pilot.press("slash")
    await type_text(pilot, "Status==Open;Pri")
    await settle(app, pilot)


async def detail_json(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await settle(app, pilot)
    await pilot.press("down", "down", "down", "j")
    await settle(app, pilot)


async def help_screen(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await settle(app, pilot)
    await pilot.press("question_mark")
    await settle(app, pilot)


async def edit_diff(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    """Two staged edits and the diff that ctrl+s shows before saving."""
    from textual.widgets import Input

    await settle(app, pilot)
    status = app.table.columns_shown.index("Status")
    for row, value in ((1, "Closed"), (3, "Open")):
        app.table.move_cursor(row=row, column=status)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = value
        await pilot.press("enter")
        await settle(app, pilot)
    await pilot.press("ctrl+s")
    await settle(app, pilot)


async def collab_tab(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    """The detail pane's comments tab for the selected record."""
    from explorer.tui.collab.tabs import CollaborationTabs

    await settle(app, pilot)
    await pilot.press("down")
    app.query_one(CollaborationTabs).open("comments")
    await settle(app, pilot)


SCENES: dict[str, Scene] = {
    "main": main_view,
    "filter-error": filter_error,
    "completion": completion_open,
    "detail-json": detail_json,
    "help": help_screen,
    "edit-diff": edit_diff,
    "collab-tab": collab_tab,
}


def screenshot_app(server: Any, state_dir: Path) -> ExplorerApp:
    """An app on `server` with a stable header (configured rate, token hours)."""
    session = Session(profile=sandbox_profile(server), label=SANDBOX_LABEL)
    return ExplorerApp(session, state_dir=state_dir, live_rate=False)


async def _shoot(server: Any, name: str, scene: Scene, out: Path, state_dir: Path) -> Path:
    app = screenshot_app(server, state_dir / name)
    async with app.run_test(size=SIZE) as pilot:
        await scene(app, pilot)
        path = out / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(out))
    return path


async def write_screenshots(out: Path) -> list[Path]:
    from explorer.sandbox import SandboxOptions, start_sandbox

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        options = SandboxOptions(db_path=root / "sandbox.sqlite3", reset=True)
        with start_sandbox(options) as server:
            return [
                await _shoot(server, name, scene, out, root / "state")
                for name, scene in SCENES.items()
            ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the README's screenshots as SVG.")
    parser.add_argument("out", nargs="?", default="screenshots", help="output directory")
    args = parser.parse_args(argv)
    for path in asyncio.run(write_screenshots(Path(args.out))):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
