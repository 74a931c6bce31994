"""The middle pane: one page of records as a table that keeps its cursor across pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable

from explorer.tui import actions
from explorer.tui.records import cell_text, sort_records


class RecordTable(DataTable[Text]):
    """Rows are records of the current page, in server order unless sorted locally."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *actions.bindings("table", namespace="app"),
        *actions.bindings("detail", namespace="app"),
    ]
    HELP_TITLE = "Records"
    HELP_TEXT = (
        "One page of records of the selected alias. Page with ] and [, filter by the cursor "
        "cell with = or !, and read the full record in the detail pane."
    )
    HELP_SCOPES = ("table", "detail")

    class EdgeReached(Message):
        """PageDown past the last row or PageUp past the first: the app turns the page."""

        def __init__(self, forward: bool) -> None:
            super().__init__()
            self.forward = forward

    class Filled(Message):
        """The rows were redrawn (a page, a sort, a column choice): edit marks go back on."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.records: list[Mapping[str, Any]] = []
        self.columns_shown: list[str] = []
        self.order: list[int] = []
        self.sorted_by: tuple[str, bool] | None = None

    def show_records(self, records: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
        """Replace the rows, keeping the cursor's row and column where the page allows."""
        row, column = self.cursor_coordinate
        column_name = self.columns_shown[column] if column < len(self.columns_shown) else None
        self.records = list(records)
        self.order = list(range(len(self.records)))
        self.sorted_by = None
        self._fill(columns)
        if column_name in self.columns_shown:
            column = self.columns_shown.index(column_name)
        self._restore(row, column)

    def set_columns(self, columns: Sequence[str]) -> None:
        row, column = self.cursor_coordinate
        self._fill(columns)
        self._restore(row, column)

    def sort_by_cursor(self) -> str | None:
        """Sort the page by the cursor column, flipping direction on a repeat; the label."""
        if not self.columns_shown or not self.records:
            return None
        column = self.columns_shown[self.cursor_coordinate.column]
        descending = self.sorted_by == (column, False)
        self.order = sort_records(self.records, column, descending=descending)
        self.sorted_by = (column, descending)
        row, col = self.cursor_coordinate
        self._fill(self.columns_shown)
        self._restore(row, col)
        return f"page sorted locally by {column} {'↓' if descending else '↑'}"

    def action_page_down(self) -> None:
        if self.row_count and self.cursor_coordinate.row >= self.row_count - 1:
            self.post_message(self.EdgeReached(forward=True))
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        if self.row_count and self.cursor_coordinate.row == 0:
            self.post_message(self.EdgeReached(forward=False))
        else:
            super().action_page_up()

    def _fill(self, columns: Sequence[str]) -> None:
        """Redraw every row; cells are Text (never markup) and widths are measured here once."""
        self.clear(columns=True)
        self.columns_shown = list(columns)
        rows = [
            [cell_text(self.records[index].get(c)) for c in self.columns_shown]
            for index in self.order
        ]
        for position, name in enumerate(self.columns_shown):
            width = max([cell_len(name), *(cell_len(row[position]) for row in rows)])
            self.add_column(name, key=name, width=max(1, width))
        for index, row in zip(self.order, rows, strict=True):
            self.add_row(*(Text(cell) for cell in row), key=str(index))
        self.post_message(self.Filled())

    def _restore(self, row: int, column: int) -> None:
        if self.row_count:
            self.move_cursor(
                row=min(row, self.row_count - 1),
                column=min(column, max(0, len(self.columns_shown) - 1)),
                animate=False,
            )

    @property
    def current_record(self) -> Mapping[str, Any] | None:
        row = self.cursor_coordinate.row
        if not self.row_count or row >= len(self.order):
            return None
        return self.records[self.order[row]]

    @property
    def current_column(self) -> str | None:
        column = self.cursor_coordinate.column
        return self.columns_shown[column] if column < len(self.columns_shown) else None
