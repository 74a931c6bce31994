"""Helpers for the app's Pilot tests: a session on a sandbox, let the app settle, read rows,
toasts and the screen."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot

from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp
from explorer.tui.launch import sandbox_profile
from explorer.tui.session import Session


def sandbox_session(server: RunningSandbox, **overrides: Any) -> Session:
    """A session on `server` whose profile has `overrides` set (e.g. page_size=50)."""
    profile = sandbox_profile(server)
    for name, value in overrides.items():
        setattr(profile, name, value)
    return Session(profile=profile, label="sandbox")


async def settle(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    """Let messages, workers and the handlers they trigger run to the end (no sleeping)."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def row_handles(app: ExplorerApp) -> list[str]:
    table = app.table
    return [str(table.get_cell_at((row, 0))) for row in range(table.row_count)]


def toasts(app: ExplorerApp) -> list[tuple[str, str]]:
    """Titles and messages of the toasts raised (Textual has no public list of them)."""
    return [(n.title, n.message) for n in app._notifications]


def screen_text(app: App[Any]) -> str:
    """The text on screen, line by line, as a person would read it (the composed screen has
    no public text export, only SVG: this reads the compositor Textual draws with)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def region_text(app: App[Any], widget: Any) -> str:
    """The text on screen inside `widget`'s region."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)
