"""The record table on its own: what a user sees and does with the keys and the mouse."""

from __future__ import annotations

from typing import Any

from app_helpers import region_text
from rich.text import Text
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate

from explorer.tui.table import RecordTable

COLUMNS = ["Handle", "Title", "Status"]


def page(start: int, count: int = 30, title: str = "Printer jam") -> list[dict[str, Any]]:
    return [
        {"Handle": f"T-{n}", "Title": f"{title} {n}", "Status": "Open" if n % 2 else "Closed"}
        for n in range(start, start + count)
    ]


class TableApp(App[None]):
    """The table alone, a given size, with the messages it posted kept for the test."""

    CSS = "RecordTable { width: 40; height: 12; }"

    def __init__(self) -> None:
        super().__init__()
        self.posted: list[Any] = []

    def compose(self) -> ComposeResult:
        yield RecordTable(id="table")

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def on_record_table_edge_reached(self, message: RecordTable.EdgeReached) -> None:
        self.posted.append(message)

    def on_record_table_cell_highlighted(self, message: RecordTable.CellHighlighted) -> None:
        self.posted.append(message)


def lines(app: TableApp) -> list[str]:
    return region_text(app, app.table).splitlines()


async def test_keys_move_the_cursor_and_page_down_scrolls_a_screenful() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        app.table.show_records(page(1), COLUMNS)
        app.table.focus()
        await pilot.press("down", "down", "right")
        assert app.table.cursor_coordinate == Coordinate(2, 1)
        assert app.table.current_record == page(1)[2]
        await pilot.press("pagedown")
        # 12 lines: a header and 11 rows, so a screenful is 11 rows on.
        assert app.table.cursor_coordinate == Coordinate(13, 1)
        await pilot.pause()
        shown = lines(app)
        assert shown[0].startswith(" Handle")
        assert any(line.startswith(" T-14 ") for line in shown)
        await pilot.press("ctrl+end")
        assert app.table.cursor_row == 29
        await pilot.pause()
        assert lines(app)[-1].startswith(" T-30 ")
        await pilot.press("pagedown")
        await pilot.pause()
        assert [m.forward for m in app.posted if isinstance(m, RecordTable.EdgeReached)] == [True]
        await pilot.press("ctrl+home", "pageup")
        await pilot.pause()
        assert app.table.cursor_row == 0
        assert [m.forward for m in app.posted if isinstance(m, RecordTable.EdgeReached)] == [
            True,
            False,
        ]
        highlighted = [m for m in app.posted if isinstance(m, RecordTable.CellHighlighted)]
        assert highlighted[-1].coordinate == Coordinate(0, 1)
        assert highlighted[-1].value == "Printer jam 1"


async def test_a_click_moves_the_cursor_to_the_cell_and_hover_marks_it() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        app.table.show_records(page(1), COLUMNS)
        await pilot.pause()
        # Columns: Handle (width 4 + 2) from x 0, Title from x 8 (T-10 makes Handle 6 wide).
        title_x = lines(app)[0].index("Title")
        await pilot.hover("#table", offset=(title_x + 1, 3))
        assert app.table.hover_coordinate == Coordinate(2, 1)
        await pilot.click("#table", offset=(title_x + 1, 3))
        assert app.table.cursor_coordinate == Coordinate(2, 1)
        assert app.table.has_focus
        await pilot.click("#table", offset=(1, 0))  # the header: the cursor stays
        assert app.table.cursor_coordinate == Coordinate(2, 1)
        await pilot.hover("#table", offset=(title_x + 1, 3))
        await pilot.press("down")
        assert app.table.hover_coordinate is None  # keys hide the mouse's mark


async def test_columns_fit_their_widest_cell_and_paging_only_widens_them() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.table
        table.show_records(page(1, 5), COLUMNS)
        await pilot.pause()
        assert lines(app)[0].rstrip() == " Handle  Title          Status"
        assert lines(app)[1].rstrip() == " T-1     Printer jam 1  Open"
        table.move_cursor(row=3, column=2)
        table.show_records(page(6, 5, title="Jam"), COLUMNS, same_list=True)
        await pilot.pause()
        assert table.cursor_coordinate == Coordinate(3, 2)
        assert lines(app)[1].rstrip() == " T-6     Jam 6          Closed"
        table.show_records(page(6, 5, title="Jam"), ["Title", "Handle"])
        await pilot.pause()
        assert lines(app)[0].rstrip() == " Title   Handle"
        assert table.cursor_coordinate == Coordinate(3, 1)  # Status went: on the last column


async def test_the_horizontal_scrollbar_shows_only_when_the_columns_overflow() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.table
        table.show_records(page(1, 5), COLUMNS)
        await pilot.pause()
        assert not table.show_horizontal_scrollbar
        assert len([line for line in lines(app) if line.strip()]) == 6
        table.show_records(page(1, 5, title="A title far too long to fit the table"), COLUMNS)
        await pilot.pause()
        assert table.show_horizontal_scrollbar


async def test_moving_right_scrolls_whole_columns_into_view() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.table
        table.show_records(page(1, 5, title="A long title that takes the room"), COLUMNS)
        table.focus()
        await pilot.press("right")
        await pilot.pause()
        shown = lines(app)
        # The view starts at a column's edge: no cell is cut at the left.
        assert shown[0].startswith(" Title")
        assert shown[1].startswith(" A long title")
        await pilot.press("right")
        await pilot.pause()
        assert lines(app)[0].startswith(" Status")
        assert lines(app)[1].startswith(" Open")
        await pilot.press("left")
        await pilot.pause()
        assert lines(app)[0].startswith(" Title")
        await pilot.press("left")
        await pilot.pause()
        assert lines(app)[0].startswith(" Handle")


async def test_a_cell_whose_text_shows_whole_scrolls_nothing() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.table
        # 8 + 25 + 8 = 41 cells: only Status's right padding falls past the 40-cell view.
        table.show_records(page(1, 5, title="Printer jam in a hall"), COLUMNS)
        table.focus()
        await pilot.press("right", "right")
        await pilot.pause()
        assert table.scroll_offset.x == 0
        assert lines(app)[0].rstrip() == " Handle  Title                    Status"
        assert table.show_horizontal_scrollbar


async def test_notes_show_while_there_are_no_rows() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.table
        table.show_note("Loading records…", loading=True)
        await pilot.pause()
        assert lines(app)[1].strip() == "Loading records…"
        table.show_records([], COLUMNS)
        table.clear_note(loading_only=True)
        table.show_note("Nothing matches 'x'.")
        await pilot.pause()
        assert lines(app)[1].strip() == "Nothing matches 'x'."
        assert table.note == "Nothing matches 'x'."
        table.show_records(page(1, 2), COLUMNS)
        table.clear_note()
        await pilot.pause()
        assert lines(app)[1].startswith(" T-1 ")


async def test_a_marked_cell_shows_whole_and_an_unknown_cell_is_ignored() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.table
        table.show_records(page(1, 3), COLUMNS)
        table.sort_by_cursor()  # by Handle: the row keys stay the records' indexes
        table.update_cell("2", "Status", Text("In Progress *", "bold yellow"))
        table.update_cell("7", "Status", "never shown")
        table.update_cell("1", "Nope", "never shown")
        await pilot.pause()
        shown = lines(app)
        assert shown[0].rstrip() == " Handle ▲  Title          Status"
        assert shown[3].rstrip() == " T-3       Printer jam 3  In Progress *"
        assert "never shown" not in "\n".join(shown)
        assert str(table.get_cell_at((2, 2))) == "In Progress *"


async def test_sorting_marks_the_column_header_with_its_direction() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.table
        table.show_records(page(1, 12), COLUMNS)
        table.move_cursor(column=2)
        assert table.sort_by_cursor() == "page sorted locally by Status ↑"
        await pilot.pause()
        assert lines(app)[0].rstrip() == " Handle  Title           Status ▲"
        assert lines(app)[1].startswith(" T-2 ")
        table.sort_by_cursor()
        await pilot.pause()
        assert lines(app)[0].rstrip() == " Handle  Title           Status ▼"
        assert lines(app)[1].startswith(" T-11 ")
        table.show_records(page(13, 12), COLUMNS, same_list=True)  # a new page: server order
        await pilot.pause()
        assert "▲" not in lines(app)[0] and "▼" not in lines(app)[0]
