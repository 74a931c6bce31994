"""The record table in the app: sorting as the user sees it, and titles readable in every theme."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from app_helpers import region_text, settle
from textual.color import Color
from textual.pilot import Pilot

from explorer.tui.app import ExplorerApp
from explorer.tui.screenshots import SCENES, SIZE


def table_lines(app: ExplorerApp) -> list[str]:
    """The table's lines inside its border: the header first, then the visible rows."""
    return [line[1:-1] for line in region_text(app, app.table).splitlines()[1:-1]]


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_sorting_marks_the_header_and_keeps_every_row_readable_from_its_start(
    make_app: Callable[..., ExplorerApp], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("right", "right")  # to Status
        for arrow in ("▲", "▼"):
            await pilot.press("s")
            await settle(app, pilot)
            header, *rows = table_lines(app)
            assert f"Status {arrow}" in header
            # The view starts at a column's edge: its name and every value show from the start.
            first = header.split()[0]
            assert header.startswith(f" {first}") and first in app.table.columns_shown
            column = app.table.columns_shown.index(first)
            for row, line in enumerate(rows[:5]):
                value = str(app.table.get_cell_at((row, column)))
                assert line.startswith(f" {value[:5]}")


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def _contrast(style: Any) -> float | None:
    """The WCAG contrast of a style's text on its background; None for terminal colours."""
    if style.color is None or style.bgcolor is None or style.color.triplet is None:
        return None
    if style.bgcolor.triplet is None:
        return None
    lighter, darker = sorted(
        (_luminance(Color.from_rich_color(c)) for c in (style.color, style.bgcolor)),
        reverse=True,
    )
    return (lighter + 0.05) / (darker + 0.05)


async def test_pane_titles_and_the_row_counter_are_readable_in_every_theme(
    make_app: Callable[..., ExplorerApp],
) -> None:
    """Focused or not, in each theme Textual ships: at least 3:1, WCAG's floor for large
    text and interface parts (the dimmed borders alone measure 1.3:1 in some themes)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        too_faint: list[str] = []
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            places = {
                "Aliases title": (app.alias_tree.region.x + 2, app.alias_tree.region.y),
                "Detail title": (app.detail.region.x + 2, app.detail.region.y),
                "table title": (app.table.region.x + 2, app.table.region.y),
                "row counter": (app.table.region.right - 4, app.table.region.bottom - 1),
            }
            for name, (x, y) in places.items():
                contrast = _contrast(app.screen.get_style_at(x, y))
                if contrast is not None and contrast < 3:
                    too_faint.append(f"{theme}: {name} {contrast:.1f}")
        assert too_faint == []


def test_main_screen_in_a_light_theme(
    make_app: Callable[..., ExplorerApp], snap_compare: Callable[..., bool]
) -> None:
    app = make_app()

    async def run_before(pilot: Pilot[Any]) -> None:
        app.theme = "textual-light"
        await SCENES["main"](app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
