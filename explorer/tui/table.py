"""The middle pane: one page of records drawn line by line, keeping its cursor across pages.

The table owns its page (records, display order, cell texts, column widths) and draws each
visible line from it with Textual's line API, so a page turn replaces the cells in place and
repaints: there are no row objects to rebuild.
"""

from __future__ import annotations

import textwrap
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from explorer.edits.fields import FieldProfile, infer_profiles
from explorer.tui import actions
from explorer.tui.records import CELL_WIDTH, cell_text, sort_records

# What a cell holds: plain text (never read as markup), or styled text such as an edit mark.
Cell = str | Text
PADDING = 1  # blank cells either side of a cell's text
HEADER_HEIGHT = 1
ASCENDING, DESCENDING = "▲", "▼"
_PLAIN = Style()


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


def _width(cell: Cell) -> int:
    """Cells the text takes on screen (an ASCII cell's text has no wide or zero-width
    characters: control codes are gone by now)."""
    if isinstance(cell, Text):
        return cell.cell_len
    return len(cell) if cell.isascii() else cell_len(cell)


@dataclass(frozen=True, slots=True)
class _Palette:
    """The table's themed styles, read once per style change (focus, theme, CSS)."""

    base: Style
    rows: tuple[Style, Style]  # even, odd
    header: Style
    cursor: Style
    hover: Style
    fills: tuple[Style, Style, Style]  # right of the last column: even, odd, header


class RecordTable(ScrollView, can_focus=True):
    """Rows are records of the current page, in server order unless sorted locally."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *actions.bindings("records"),
        *actions.bindings("table", namespace="app"),
        *actions.bindings("detail", namespace="app"),
    ]
    HELP_TITLE = "Records"
    HELP_TEXT = (
        "One page of records of the selected alias. Page with ] and [ (or PageDown on the "
        "last row, PageUp on the first), filter by the cursor cell with = or !, and read the "
        "full record in the detail pane."
    )
    HELP_SCOPES = ("table", "detail")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "record-table--header",
        "record-table--even-row",
        "record-table--odd-row",
        "record-table--cursor",
        "record-table--hover",
        "record-table--loading",
        "record-table--empty",
    }
    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        & > .record-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .record-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .record-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .record-table--even-row { background: $surface-darken-1 40%; }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .record-table--hover { background: $block-hover-background; }
        & > .record-table--loading { color: $text-muted; }
        & > .record-table--empty { color: $warning; }
        &:focus {
            background-tint: $foreground 5%;
            & > .record-table--header { background-tint: $foreground 5%; }
            & > .record-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    class EdgeReached(Message):
        """PageDown past the last row or PageUp past the first: the app turns the page."""

        def __init__(self, forward: bool) -> None:
            super().__init__()
            self.forward = forward

    class Filled(Message):
        """The rows were redrawn (a page, a sort, a column choice): edit marks go back on."""

    class CellHighlighted(Message):
        """The cursor rests on a cell: moved there, or the rows under it changed."""

        def __init__(self, table: RecordTable, value: Cell, coordinate: Coordinate) -> None:
            super().__init__()
            self.table = table
            self.value = value
            self.coordinate = coordinate

        @property
        def control(self) -> RecordTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.records: list[Mapping[str, Any]] = []
        self.columns_shown: list[str] = []
        self.order: list[int] = []
        self.sorted_by: tuple[str, bool] | None = None
        self._cursor = Coordinate(0, 0)
        self._hover: Coordinate | None = None  # the cell under the mouse, while it moves
        self._cells: list[list[Cell]] = []  # in display order
        self._positions: dict[str, int] = {}  # row key (the record's index) → display row
        self._widths: list[int] = []  # text width of each column, padding aside
        self._starts: list[int] = [0]  # x of each column's left edge, then the total width
        self._reach = 0  # the right edge of the furthest view scrolled to in this list
        self._profiles: dict[str, FieldProfile] | None = None
        self._note: tuple[str, bool] | None = None  # (text, loading) shown while row-less
        self._palette: _Palette | None = None
        self._lines: LRUCache[tuple[int, int, int, int, int], Strip] = LRUCache(256)

    # ----- the page ----------------------------------------------------------------------

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

        `same_list` says the records are another page of the list already shown: the cells
        are replaced in place, columns keep their place and only widen, and the scroll
        position stays, so paging does not shift the layout.
        """
        row, column = self._cursor
        column_name = self.current_column
        in_place = same_list and list(columns) == self.columns_shown and bool(self._cells)
        self.records = list(records)
        self._profiles = None
        self.order = list(range(len(self.records)))
        self.sorted_by = None
        self.columns_shown = list(columns)
        if not in_place and column_name in self.columns_shown:
            column = self.columns_shown.index(column_name)
        self._redraw(keep_widths=in_place, home=not in_place)
        self._land(row, column)

    def set_columns(self, columns: Sequence[str]) -> None:
        row, column = self._cursor
        self.columns_shown = list(columns)
        self._redraw(keep_widths=False, home=True)
        self._land(row, column)

    def sort_by_cursor(self) -> str | None:
        """Sort the page by the cursor column, flipping direction on a repeat; the label."""
        if not self.columns_shown or not self.records:
            return None
        column = self.columns_shown[self._cursor.column]
        descending = self.sorted_by == (column, False)
        self.order = sort_records(self.records, column, descending=descending)
        self.sorted_by = (column, descending)
        self._redraw(keep_widths=True, home=False)
        self._land(*self._cursor)
        return f"page sorted locally by {column} {'↓' if descending else '↑'}"

    def update_cell(self, row_key: str, column: str, value: Cell) -> None:
        """Show `value` in the cell of record `row_key` (its index in `records`) and column
        `column`; the column widens if the value needs it. A cell not shown is ignored."""
        row = self._positions.get(row_key)
        if row is None or column not in self.columns_shown:
            return
        index = self.columns_shown.index(column)
        self._cells[row][index] = value
        self._lines.clear()
        if _width(value) > self._widths[index]:
            self._widths[index] = _width(value)
            self._lay_out()
            self.refresh()
        else:
            self.refresh_line(row + HEADER_HEIGHT)

    def _redraw(self, *, keep_widths: bool, home: bool) -> None:
        """New cells from `records` in `order` under `columns_shown`; widths measured anew
        or, with `keep_widths`, only widened."""
        columns = self.columns_shown
        records, order = self.records, self.order
        rows: list[list[Cell]] = [[_cell(records[i].get(c)) for c in columns] for i in order]
        self._cells = rows
        self._positions = {str(index): row for row, index in enumerate(order)}
        widths = [cell_len(label) for label in self._labels()]
        for cells in rows:
            for position, cell in enumerate(cells):
                width = _width(cell)
                if width > widths[position]:
                    widths[position] = width
        if keep_widths and len(self._widths) == len(widths):
            widths = [max(old, new) for old, new in zip(self._widths, widths, strict=True)]
        self._widths = [max(1, width) for width in widths]
        if home:
            self._reach = 0
            self.scroll_to(0, 0, animate=False, force=True)
        self._lay_out()
        self._lines.clear()
        self.refresh()
        self.post_message(self.Filled())

    def _labels(self) -> list[str]:
        """The header's labels: column names, the sorted one with its direction."""
        labels = list(self.columns_shown)
        if self.sorted_by is not None and self.sorted_by[0] in labels:
            name, descending = self.sorted_by
            labels[labels.index(name)] = f"{name} {DESCENDING if descending else ASCENDING}"
        return labels

    def _lay_out(self) -> None:
        starts = [0]
        for width in self._widths:
            starts.append(starts[-1] + width + 2 * PADDING)
        self._starts = starts
        self._size_virtually()

    def _size_virtually(self) -> None:
        """The scrollable size: the rows and the columns, or as far right as the view had to
        go to show the last columns from a column's edge (`_reach`)."""
        width = max(self._starts[-1], self._reach)
        self.virtual_size = Size(width, len(self._cells) + HEADER_HEIGHT)

    def _land(self, row: int, column: int) -> None:
        """Put the cursor at (row, column) as far as the page allows and say what it is on,
        whether or not it moved (the rows under it changed)."""
        self._hover = None
        self._cursor = self._clamp(Coordinate(row, column))
        self._scroll_to_cursor()
        self._announce()

    # ----- the cursor --------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._cells)

    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @cursor_coordinate.setter
    def cursor_coordinate(self, coordinate: Coordinate) -> None:
        self.move_cursor(row=coordinate.row, column=coordinate.column)

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    @property
    def cursor_column(self) -> int:
        return self._cursor.column

    @property
    def hover_coordinate(self) -> Coordinate | None:
        return self._hover

    def move_cursor(
        self,
        *,
        row: int | None = None,
        column: int | None = None,
        animate: bool = False,
        scroll: bool = True,
    ) -> None:
        """Move the cursor (clamped to the page) and, with `scroll`, bring it into view."""
        target = self._clamp(
            Coordinate(
                self._cursor.row if row is None else row,
                self._cursor.column if column is None else column,
            )
        )
        if scroll:
            self._scroll_to_cursor(target, animate=animate)
        if target == self._cursor:
            return
        old, self._cursor = self._cursor, target
        self.refresh_line(old.row + HEADER_HEIGHT)
        self.refresh_line(target.row + HEADER_HEIGHT)
        self._announce()

    def get_cell_at(self, coordinate: Coordinate | tuple[int, int]) -> Cell:
        row, column = coordinate
        return self._cells[row][column]

    def get_row_at(self, row: int) -> list[Cell]:
        return list(self._cells[row])

    def _clamp(self, coordinate: Coordinate) -> Coordinate:
        row = min(max(coordinate.row, 0), max(0, len(self._cells) - 1))
        column = min(max(coordinate.column, 0), max(0, len(self.columns_shown) - 1))
        return Coordinate(row, column)

    def _announce(self) -> None:
        if self._cells and self.columns_shown:
            value = self.get_cell_at(self._cursor)
            self.post_message(self.CellHighlighted(self, value, self._cursor))

    def _scroll_to_cursor(self, target: Coordinate | None = None, animate: bool = False) -> None:
        """Scroll the least that shows the cursor cell's text whole, below the header.
        Sideways the view snaps to a column's left edge, so no column is cut at the left."""
        row, column = target or self._cursor
        view = self.scrollable_content_region
        if not self._cells or not self._widths or not view:
            return
        x, y = self.scroll_offset
        starts = self._starts
        left, right = starts[column], starts[column + 1] - PADDING  # the right pad may go
        if left < x or right - left >= view.width:
            x = left
        elif right > x + view.width:
            first = column
            while first > 0 and right - starts[first - 1] <= view.width:
                first -= 1
            x = starts[first]
            if x + view.width > max(starts[-1], self._reach):
                self._reach = x + view.width  # room to the right, so no column is cut
                self._size_virtually()
        rows = max(1, view.height - HEADER_HEIGHT)
        if row < y:
            y = row
        elif row >= y + rows:
            y = row - rows + 1
        if (x, y) != tuple(self.scroll_offset):
            self.scroll_to(x, y, animate=animate, force=True)

    def _keyboard(self) -> None:
        """A key moved the cursor: the mouse's hover mark goes until the mouse moves."""
        self._set_hover(None)

    def action_cursor_up(self) -> None:
        self._keyboard()
        self.move_cursor(row=self._cursor.row - 1)

    def action_cursor_down(self) -> None:
        self._keyboard()
        self.move_cursor(row=self._cursor.row + 1)

    def action_cursor_left(self) -> None:
        self._keyboard()
        self.move_cursor(column=self._cursor.column - 1)

    def action_cursor_right(self) -> None:
        self._keyboard()
        self.move_cursor(column=self._cursor.column + 1)

    def action_cursor_top(self) -> None:
        self._keyboard()
        self.move_cursor(row=0)

    def action_cursor_bottom(self) -> None:
        self._keyboard()
        self.move_cursor(row=len(self._cells) - 1)

    def _rows_per_screen(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_HEIGHT)

    def action_page_down(self) -> None:
        self._keyboard()
        if self._cells and self._cursor.row >= len(self._cells) - 1:
            self.post_message(self.EdgeReached(forward=True))
            return
        step = self._rows_per_screen()
        self.scroll_to(y=self.scroll_offset.y + step, animate=False, force=True)
        self.move_cursor(row=self._cursor.row + step)

    def action_page_up(self) -> None:
        self._keyboard()
        if self._cells and self._cursor.row == 0:
            self.post_message(self.EdgeReached(forward=False))
            return
        step = self._rows_per_screen()
        self.scroll_to(y=max(0, self.scroll_offset.y - step), animate=False, force=True)
        self.move_cursor(row=self._cursor.row - step)

    # ----- the mouse ---------------------------------------------------------------------

    def _cell_under(self, event: events.MouseEvent) -> Coordinate | None:
        """The body cell at the mouse, if it is over one."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < HEADER_HEIGHT:
            return None
        row = offset.y - HEADER_HEIGHT + self.scroll_offset.y
        column = bisect_right(self._starts, offset.x + self.scroll_offset.x) - 1
        if row >= len(self._cells) or not 0 <= column < len(self.columns_shown):
            return None
        return Coordinate(row, column)

    def on_click(self, event: events.Click) -> None:
        cell = self._cell_under(event)
        if cell is not None:
            event.stop()
            self.move_cursor(row=cell.row, column=cell.column)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._cell_under(event))

    def on_leave(self, _event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, cell: Coordinate | None) -> None:
        if cell == self._hover:
            return
        old, self._hover = self._hover, cell
        for changed in (old, cell):
            if changed is not None:
                self.refresh_line(changed.row + HEADER_HEIGHT)

    # ----- drawing -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """A focus, theme or CSS change: the lines are drawn again in the new styles."""
        super().notify_style_update()
        self._palette = None
        self._lines.clear()

    def _styles(self) -> _Palette:
        palette = self._palette
        if palette is None:
            style = self.get_component_rich_style
            rows = (style("record-table--even-row"), style("record-table--odd-row"))
            header = style("record-table--header")
            background = self.background_colors[1]

            def fill(row_style: Style) -> Style:
                if row_style.bgcolor is None:
                    return Style.from_color(row_style.color)
                faded = Color.from_rich_color(row_style.bgcolor).blend(background, 0.25)
                return Style.from_color(row_style.color, faded.rich_color)

            palette = self._palette = _Palette(
                base=self.rich_style,
                rows=rows,
                header=header,
                cursor=style("record-table--cursor"),
                hover=style("record-table--hover"),
                fills=(fill(rows[0]), fill(rows[1]), fill(header)),
            )
        return palette

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        palette = self._styles()
        scroll_x, scroll_y = self.scroll_offset
        if y < HEADER_HEIGHT:
            return self._line(-1, -1, -1, scroll_x, width, palette)
        if not self._cells:
            if self._note is not None:
                return self._note_line(*self._note, y - HEADER_HEIGHT, width, palette)
            return Strip.blank(width, palette.base)
        row = y - HEADER_HEIGHT + scroll_y
        if row >= len(self._cells):
            return Strip.blank(width, palette.base)
        cursor = self._cursor.column if self._cursor.row == row else -1
        hover = self._hover
        hovered = hover.column if hover is not None and hover.row == row else -1
        return self._line(row, cursor, hovered, scroll_x, width, palette)

    def _line(
        self, row: int, cursor: int, hover: int, x: int, width: int, palette: _Palette
    ) -> Strip:
        """The visible part of one row (-1: the header), cached until something changes."""
        key = (row, cursor, hover, x, width)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self._draw_row(row, cursor, hover, x, width, palette)
        return line

    def _draw_row(
        self, row: int, cursor: int, hover: int, x: int, width: int, palette: _Palette
    ) -> Strip:
        """The cells of `row` between x and x + width, and the row's fill right of the last
        column: only the visible columns are drawn."""
        if row < 0:
            cells: Sequence[Cell] = self._labels()
            row_style, fill = palette.header, palette.fills[2]
        else:
            cells = self._cells[row]
            row_style, fill = palette.rows[row % 2], palette.fills[row % 2]
        starts, end = self._starts, x + width
        segments: list[Segment] = []
        pad = " " * PADDING
        for column in range(max(0, bisect_right(starts, x) - 1), len(cells)):
            left, right = starts[column], starts[column + 1]
            if left >= end:
                break
            cell, room = cells[column], self._widths[column]
            style, post = row_style, _PLAIN
            if column in (cursor, hover):
                style, post = self._marked(row_style, column == cursor, column == hover, palette)
            if isinstance(cell, str):
                text = pad + set_cell_size(cell, room) + pad
                if left >= x and right <= end:
                    segments.append(Segment(text, style + post))
                    continue
                drawn = [Segment(text, style + post)]
            else:
                drawn = self._styled_cell(cell, room, style, post)
            # A column cut by either edge of the view: only its visible cells.
            segments.extend(Strip(drawn, right - left).crop(x - left, end - left))
        total = starts[-1]
        if end > total:
            segments.append(Segment(" " * (end - max(x, total)), fill))
        return Strip(segments).adjust_cell_length(width, palette.base)

    @staticmethod
    def _marked(
        row_style: Style, cursor: bool, hover: bool, palette: _Palette
    ) -> tuple[Style, Style]:
        """The style of a cell under the cursor or the mouse, and the colours it imposes on
        styled text inside it (the cursor stays visible over an edit mark's colours)."""
        marks = _PLAIN
        if hover:
            marks += palette.hover
        if cursor:
            marks += palette.cursor
        post = Style.from_color(marks.color, marks.bgcolor)
        return row_style + marks, post

    def _styled_cell(self, cell: Text, room: int, style: Style, post: Style) -> list[Segment]:
        text = cell.copy()
        text.end = ""
        text.truncate(room, overflow="ellipsis", pad=True)
        inner = Segment.apply_style(text.render(self.app.console), style, post)
        pad = Segment(" " * PADDING, style + post)
        return [pad, *inner, pad]

    def _note_line(
        self, text: str, loading: bool, index: int, width: int, palette: _Palette
    ) -> Strip:
        """Line `index` of the note, wrapped at word breaks to the table's width."""
        lines = textwrap.wrap(text, max(8, width - 2)) or [""]
        if index >= len(lines):
            return Strip.blank(width, palette.base)
        component = "record-table--loading" if loading else "record-table--empty"
        style = palette.base + self.get_component_rich_style(component, partial=True)
        line = Strip([Segment(f" {lines[index]}", style)]).crop(0, width)
        return line.adjust_cell_length(width, palette.base)

    # ----- what the cursor is on ---------------------------------------------------------

    @property
    def current_record(self) -> Mapping[str, Any] | None:
        row = self._cursor.row
        if not self._cells or row >= len(self.order):
            return None
        return self.records[self.order[row]]

    @property
    def current_column(self) -> str | None:
        column = self._cursor.column
        return self.columns_shown[column] if column < len(self.columns_shown) else None
