"""The record table in the app: sorting as the user sees it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from app_helpers import region_text, settle

from explorer.tui.app import ExplorerApp


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
