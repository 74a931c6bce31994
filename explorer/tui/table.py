"""The middle pane: one page of records as a table that keeps its cursor across pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._segment_tools import line_crop
from textual._two_way_dict import TwoWayDict
from textual.binding import BindingType
from textual.color import Color
from textual.coordinate import Coordinate
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import CellKey, Row, RowKey

from explorer.edits.fields import FieldProfile, infer_profiles
from explorer.tui import actions
from explorer.tui.records import CELL_WIDTH, cell_text, sort_records


def _plain(text: str) -> str:
    """The text without the control codes Rich's Text drops (checked first: most have none)."""
    return text if text.isprintable() else strip_control_codes(text)


def _cell(value: Any) -> str:
    """What a table cell shows for `value`: `cell_text`, answered at once for the usual short
    single-line strings and numbers (a page holds thousands of cells)."""
    if isinstance(value, str):
        if (
            len(value) <= CELL_WIDTH
            and value.isprintable()
            and "  " not in value
            and value[:1] != " "
            and value[-1:] != " "
        ):
            return value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    elif value is None:
        return ""
    return _plain(cell_text(value))


class _Pass:
    """What one render pass of the table reads for every cell, read once."""

    def __init__(self, table: RecordTable, base: Style) -> None:
        self.table = table
        self.base = base
        self.cursor_type = table.cursor_type
        self.cursor = table.cursor_coordinate
        self.hover = table.hover_coordinate
        self.padding = table.cell_padding
        self.columns = [(c, c.get_render_width(table)) for c in table.ordered_columns]
        self.show_hover = table._show_hover_cursor
        self.update_count = table._update_count
        self.pseudo_classes = table._pseudo_class_state
        self.row_styles: dict[tuple[int, bool, Style], Style] = {}
        self._cell_styles: dict[tuple[Style, bool, bool], Style] = {}

    def highlights(self, at: Coordinate, row: int, column: int) -> bool:
        """Whether the cursor (or hover) at `at` covers the cell, as DataTable decides."""
        kind = self.cursor_type
        if kind == "cell":
            return at.row == row and at.column == column
        if kind == "row":
            return at.row == row
        if kind == "column":
            return at.column == column
        return False

    def cell_style(self, row_style: Style, cursor: bool, hover: bool) -> Style:
        """A body cell's style before its position is added, as DataTable composes it."""
        key = (row_style, cursor, hover)
        style = self._cell_styles.get(key)
        if style is None:
            table = self.table
            component, post = table._get_styles_to_render_cell(
                False,
                False,
                False,
                hover,
                cursor,
                table.show_cursor,
                table._show_hover_cursor,
                table.cursor_foreground_priority == "css",
                table.cursor_background_priority == "css",
            )
            style = row_style + component
            if post:
                style += post
            self._cell_styles[key] = style
        return style


class RecordTable(DataTable[str | Text]):
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
    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        "record-table--loading",
        "record-table--empty",
    }

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
        self._profiles: dict[str, FieldProfile] | None = None
        self._note: tuple[str, bool] | None = None  # (text, loading) shown while row-less

    @property
    def note(self) -> str:
        """The line shown in place of rows while there are none ("" when there is none)."""
        return self._note[0] if self._note is not None else ""

    def show_note(self, text: str, *, loading: bool = False) -> None:
        """Say why there are no rows: still loading (muted), or nothing to show (warning)."""
        if self._note != (text, loading):
            self._note = (text, loading)
            self.refresh()

    def clear_note(self, *, loading_only: bool = False) -> None:
        """Drop the note; with `loading_only`, only a loading one (a failed load keeps
        saying that nothing matched)."""
        if self._note is not None and (self._note[1] or not loading_only):
            self._note = None
            self.refresh()

    @property
    def profiles(self) -> dict[str, FieldProfile]:
        """The page's field kinds and seen values, inferred once per page and then shared
        by the filter bar and the editors (sorting or choosing columns keeps them)."""
        if self._profiles is None:
            self._profiles = infer_profiles(self.records)
        return self._profiles

    def profiles_later(self) -> Callable[[], dict[str, FieldProfile]]:
        """The shown page's profiles, inferred only when asked for: from the table's cache
        while that page is still shown, else from the page's records."""
        records = self.records

        def learned() -> dict[str, FieldProfile]:
            return self.profiles if self.records is records else infer_profiles(records)

        return learned

    def show_records(
        self,
        records: Sequence[Mapping[str, Any]],
        columns: Sequence[str],
        *,
        same_list: bool = False,
    ) -> None:
        """Replace the rows, keeping the cursor's row and column where the page allows.

        `same_list` says the records are another page of the list already shown: columns
        that stay keep their place and only widen, so paging does not shift the layout.
        """
        row, column = self.cursor_coordinate
        column_name = self.columns_shown[column] if column < len(self.columns_shown) else None
        self.records = list(records)
        self._profiles = None
        self.order = list(range(len(self.records)))
        self.sorted_by = None
        if same_list and list(columns) == self.columns_shown and self.row_count:
            self._replace_rows()
            self._restore(row, column)
            return
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
        """Redraw every row; cells are str shown as text (not markup), widths measured once."""
        self.clear(columns=True)
        self.columns_shown = list(columns)
        rows = self._cells()
        for position, name in enumerate(self.columns_shown):
            width = max([cell_len(name), *(cell_len(row[position]) for row in rows)])
            self.add_column(name, key=name, width=max(1, width))
        self._add_rows(rows)
        self.post_message(self.Filled())

    def _replace_rows(self) -> None:
        """New rows under the same columns, with the scroll position and cursor kept (a
        cleared table scrolls home and redraws its scrollbars)."""
        rows = self._cells()
        self._clear_caches()
        self._y_offsets.clear()
        self._data.clear()
        self.rows.clear()
        self._row_locations = TwoWayDict({})
        for position, column in enumerate(self.ordered_columns):
            width = max((cell_len(row[position]) for row in rows), default=0)
            if width > column.width:
                column.width = width
        self._add_rows(rows)
        self._require_update_dimensions = True
        self.refresh()
        self.post_message(self.Filled())

    def _cells(self) -> list[list[str]]:
        columns = self.columns_shown
        return [[_cell(self.records[index].get(c)) for c in columns] for index in self.order]

    def _add_rows(self, rows: list[list[str]]) -> None:
        """What `add_row` does for each row, done once for the page: 100 calls cost ~50 ms."""
        if not rows:
            return
        keys = list(self.columns)
        data, locations, table_rows = self._data, self._row_locations, self.rows
        for position, (index, row) in enumerate(zip(self.order, rows, strict=True)):
            row_key = RowKey(str(index))
            locations[row_key] = position
            data[row_key] = dict(zip(keys, row, strict=True))
            table_rows[row_key] = Row(row_key, 1)
            self._new_rows.add(row_key)
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if keys and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()

    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        """Columns here have set widths: an updated cell never needs measuring."""
        if any(
            column.auto_width
            for _, key in updated_cells
            if (column := self.columns.get(key)) is not None
        ):
            super()._update_column_widths(updated_cells)
        self._require_update_dimensions = True

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Nothing to do when the table's size, its own virtual size and its container are
        as they were: the stock check compares the layout's virtual size with the table's
        own, which always differ, and so repaints both scrollbars on every layout."""
        sized_for = (size, self.virtual_size, container_size)
        if sized_for == getattr(self, "_sized_for", None):
            return False
        self._sized_for = sized_for
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Skip measuring every new cell when every column has a set width and rows one line."""
        if any(column.auto_width for column in self.columns.values()) or any(
            (row := self.rows.get(key)) is not None and (row.auto_height or row.label)
            for key in new_rows
        ):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, len(self.rows) + header)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Within one pass the widget's styles, columns and cursor are looked up once."""
        self._pass: _Pass | None = _Pass(self, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        note = self._note
        header = self.header_height if self.show_header else 0
        if note is not None and y == header and not self.row_count:
            return self._note_line(*note)
        drawing: _Pass | None = getattr(self, "_pass", None)
        if drawing is None or self.fixed_rows:
            return super().render_line(y)
        scroll_x, scroll_y = self.scroll_offset
        if y >= header:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, drawing.base)

    def _note_line(self, text: str, loading: bool) -> Strip:
        base = self.rich_style
        component = "record-table--loading" if loading else "record-table--empty"
        style = base + self.get_component_rich_style(component, partial=True)
        width = self.size.width
        return Strip([Segment(f" {text}", style)]).crop(0, width).adjust_cell_length(width, base)

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        drawing: _Pass | None = getattr(self, "_pass", None)
        if drawing is None:
            return super()._get_row_style(row_index, base_style)
        key = (-1 if row_index == -1 else row_index % 2, row_index < self.fixed_rows, base_style)
        style = drawing.row_styles.get(key)
        if style is None:
            style = drawing.row_styles[key] = super()._get_row_style(row_index, base_style)
        return style

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """A table line from the columns between `x1` and `x2` only, not every column.

        The stock line renders all cells of the row before cropping to the visible width.
        """
        if self.fixed_columns or (self._labelled_row_exists and self.show_row_labels):
            return super()._render_line(y, x1, x2, base_style)
        drawing: _Pass = getattr(self, "_pass", None) or _Pass(self, base_style)
        width = self.size.width
        try:
            row_key, line_no = self._get_offsets(y)
        except LookupError:
            return Strip.blank(width, base_style)
        cache_key = (
            y,
            x1,
            x2,
            width,
            drawing.cursor,
            drawing.hover,
            base_style,
            drawing.cursor_type,
            drawing.show_hover,
            drawing.update_count,
            drawing.pseudo_classes,
        )
        cached = self._line_cache.get(cache_key)
        if cached is not None:
            return cached
        segments = self._row_segments(drawing, row_key, line_no, base_style, x1, x2)
        if x1 == 0 and sum(segment.cell_length for segment in segments) == width:
            strip = Strip(segments, width)  # the usual line: exactly as wide as the table
        else:
            strip = Strip(line_crop(segments, x1, x2, width))
            strip = strip.adjust_cell_length(width, base_style).simplify()
        self._line_cache[cache_key] = strip
        return strip

    def _row_segments(
        self, drawing: _Pass, row_key: RowKey, line_no: int, base_style: Style, x1: int, x2: int
    ) -> list[Segment]:
        """One line of a row as `_render_line_in_row` draws it, with the cells left of `x1`
        as blank space and those right of `x2` left out (both are cropped away)."""
        cursor_type, cursor, hover = drawing.cursor_type, drawing.cursor, drawing.hover
        row_index = self._row_locations.get(row_key) if row_key in self._row_locations else -1
        assert row_index is not None
        row_style = self._get_row_style(row_index, base_style)
        plain_row = row_index >= 0 and line_no == 0 and self.rows[row_key].height == 1
        data = self._data.get(row_key, {}) if plain_row else {}
        segments: list[Segment] = []
        start = 0
        for column_index, (column, column_width) in enumerate(drawing.columns):
            end = start + column_width
            if end <= x1:
                segments.append(Segment(" " * column_width))
            elif start < x2:
                on_cursor = drawing.highlights(cursor, row_index, column_index)
                on_hover = drawing.highlights(hover, row_index, column_index)
                cell = data.get(column.key) if plain_row else None
                room = column_width - 2 * drawing.padding
                if (
                    isinstance(cell, str)
                    and cell.isprintable()
                    and (spare := room - cell_len(cell)) >= 0
                ):
                    style = drawing.cell_style(row_style, on_cursor, on_hover)
                    style += Style.from_meta({"row": row_index, "column": column_index})
                    pad = " " * drawing.padding
                    segments.append(Segment(pad + cell + " " * spare + pad, style))
                else:
                    lines = self._render_cell(
                        row_index, column_index, row_style, column_width, on_cursor, on_hover
                    )
                    segments.extend(lines[line_no])
            else:
                return segments
            start = end
        remaining = max(0, self.size.width - start - self._row_label_column_width)
        if cursor_type == "row":
            extend_style, _ = self._get_styles_to_render_cell(
                row_index == -1,
                False,
                False,
                drawing.highlights(hover, row_index or 0, 0),
                row_index == cursor.row,
                self.show_cursor,
                self._show_hover_cursor,
                False,
                False,
            )
            extend_style = row_style + extend_style
        elif row_style.bgcolor is not None:
            faded = Color.from_rich_color(row_style.bgcolor).blend(
                self.background_colors[1], factor=0.25
            )
            extend_style = Style.from_color(color=row_style.color, bgcolor=faded.rich_color)
        else:
            extend_style = Style.from_color(row_style.color, row_style.bgcolor)
        extend_style += Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * remaining, extend_style))
        return segments

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """Cells drawn by Rich's layout (styled, multi-line or overflowing ones, headers): a
        `str` cell becomes Text first, so it is shown as text and never read as markup."""
        row_key = self._row_locations.get_key(row_index) if row_index >= 0 else None
        column_key = self._column_locations.get_key(column_index) if column_index >= 0 else None
        if row_key is not None and column_key is not None:
            row = self._data.get(row_key)
            cell = row.get(column_key) if row is not None else None
            if row is not None and isinstance(cell, str):
                row[column_key] = Text(cell)
        return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)

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
