"""Browsing with the app against the sandbox: first page, paging, filter by cell, errors."""

from __future__ import annotations

from collections.abc import Callable

from app_helpers import region_text, row_handles, settle, toasts

from explorer.rsql import quote_value
from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp

SIZE = (140, 40)


async def test_first_page_shows_rows_and_border(make_app: Callable[..., ExplorerApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.table
        assert table.border_title == "tasks/ittickets"
        assert table.border_subtitle == "rows 1–100 of 250"
        assert table.columns_shown[0] == "Handle"
        assert row_handles(app)[:3] == ["ITM-1", "ITM-2", "ITM-3"]
        assert table.row_count == 100
        assert app.focused is table
        assert app.alias_tree.count_of("tasks/ittickets") == 250
        tree_text = region_text(app, app.alias_tree).replace("\u00a0", " ")
        assert "payroll no access" in tree_text
        assert "invoices 250" in tree_text
        assert "token ok, 24 h left" in region_text(app, app.header)
        await pilot.press("right_square_bracket")
        # No settling: the prefetched next page is shown by the key press itself.
        await pilot.pause()
        assert table.border_subtitle == "rows 101–200 of 250"


async def test_the_table_says_it_is_loading_until_the_first_page_is_in(
    make_app: Callable[..., ExplorerApp], make_sandbox: Callable[..., RunningSandbox]
) -> None:
    app = make_app(make_sandbox(latency_ms=600))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.table.row_count == 0
        assert "Loading records…" in region_text(app, app.table).splitlines()[2]
        await settle(app, pilot)
        assert app.table.row_count == 100
        assert "Loading records…" not in region_text(app, app.table)


async def test_paging_forward_and_back_keeps_the_cursor(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "down", "right", "right")
        assert tuple(app.table.cursor_coordinate) == (3, 2)
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 101–200 of 250"
        assert row_handles(app)[0] == "ITM-101"
        assert tuple(app.table.cursor_coordinate) == (3, 2)
        assert app.detail.record is not None and app.detail.record["Handle"] == "ITM-104"
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 201–250 of 250"
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 151–250 of 250" or (
            app.table.border_subtitle == "rows 101–200 of 250"
        )
        await pilot.press("home")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 1–100 of 250"
        assert tuple(app.table.cursor_coordinate) == (3, 2)
        await pilot.press("end")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 151–250 of 250"
        assert row_handles(app)[-1] == "ITM-250"


async def test_page_down_past_the_last_row_turns_the_page(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.table.move_cursor(row=99)
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 101–200 of 250"
        assert app.table.cursor_coordinate.row == 0
        await pilot.press("pageup")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 1–100 of 250"
        assert app.table.cursor_coordinate.row == 99


async def test_filter_by_cell_applies_and_an_empty_result_says_so(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        status = app.table.columns_shown.index("Status")
        app.table.move_cursor(row=0, column=status)
        value = app.table.current_record["Status"]  # type: ignore[index]
        await pilot.press("equals_sign")
        await settle(app, pilot)
        subtitle = str(app.table.border_subtitle)
        assert subtitle.endswith(f" · Status=={quote_value(value)}")
        assert app.table.records
        assert all(r["Status"] == value for r in app.table.records)
        total = int(subtitle.split(" of ")[1].split(" ")[0].replace(",", ""))
        assert total < 250
        app.apply_filter("Status==Nonexistent")
        await settle(app, pilot)
        assert app.table.border_subtitle == "no rows match · Status==Nonexistent"
        # The table says so on its first line, under the header.
        lines = region_text(app, app.table).splitlines()
        assert "Nothing matches 'Status==Nonexistent'. Press /" in lines[2]


async def test_forbidden_alias_toasts_then_fuzzy_jump_opens_another(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.jump_to("transactions/payroll")
        await settle(app, pilot)
        assert "No data access (403)" in [title for title, _ in toasts(app)]
        assert app.table.border_title == "tasks/ittickets"
        assert app.table.border_subtitle == "rows 1–100 of 250"
        assert row_handles(app)[0] == "ITM-1"
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert row_handles(app)[0] == "ITM-101"
        await pilot.press("colon")
        await pilot.pause()
        await pilot.press(*"invc", "enter")
        await settle(app, pilot)
        assert app.table.border_title == "transactions/invoices"
        assert row_handles(app)[0] == "INV-1"
        assert app.alias_tree.cursor_key == "transactions/invoices"


async def test_applying_a_filter_after_an_empty_result_returns_to_the_table(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Status==Nope", "enter")
        await settle(app, pilot)
        assert app.table.border_subtitle == "no rows match · Status==Nope"
        await pilot.press("slash", *["backspace"] * 4, *"Open", "enter")
        await settle(app, pilot)
        assert app.table.border_subtitle.endswith(" · Status==Open")
        assert app.focused is app.table


async def test_every_quick_press_of_next_counts_and_only_the_last_page_is_shown(
    make_app: Callable[..., ExplorerApp], make_sandbox: Callable[..., RunningSandbox]
) -> None:
    # Each answer takes a while, so most presses come while a page is loading.
    app = make_app(make_sandbox(records=3500, latency_ms=100))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*["right_square_bracket"] * 30)
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 3,001–3,100 of 3,500"
        assert row_handles(app)[0] == "ITM-3001"
        await pilot.press("left_square_bracket")
        await pilot.pause()  # held from the walk: no fetch needed
        assert row_handles(app)[0] == "ITM-2901"


async def test_element_metadata_instead_of_records_is_said_in_the_table(
    make_app: Callable[..., ExplorerApp], literal_sandbox: RunningSandbox
) -> None:
    app = make_app(literal_sandbox, aliases={"elements": ["vendors"]})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.table.row_count == 0
        shown = " ".join(region_text(app, app.table).replace("│", " ").split())
        assert (
            "Unexpected answer: the server answered element metadata for elements/vendors, "
            "not a page of records"
        ) in shown
        assert "no records" not in shown
        assert any("not a page of records" in message for _, message in toasts(app))
