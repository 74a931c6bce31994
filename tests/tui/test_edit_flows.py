"""Editing records in the app as a user does: edit, validate, save, conflicts, undo, create."""

from __future__ import annotations

from typing import Any

import pytest
from test_edit_support import TICKETS, client_for, new_ticket, settle, tag
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from explorer.sandbox import RunningSandbox
from explorer.tui.edit.bench import EditBench
from explorer.tui.edit.create_form import CreateRecordScreen
from explorer.tui.edit.diff_screen import DiffScreen
from explorer.tui.edit.field_editor import FieldEditor

COLUMNS = ("Handle", "Title", "Status", "Priority")


@pytest.fixture(scope="session")
def sandbox(writable_sandbox: RunningSandbox) -> RunningSandbox:
    """These tests write records, so they use the writable session sandbox."""
    return writable_sandbox


def bench(client: Any, title: str, **options: Any) -> EditBench:
    return EditBench(client, *TICKETS, filter_text=f'Title=="{title}"', columns=COLUMNS, **options)


def cell(app: EditBench, row: int, column: str) -> str:
    table = app.query_one(DataTable)
    return str(table.get_cell_at((row, COLUMNS.index(column))))


def header(app: EditBench) -> str:
    return str(app.query_one("#bench-header", Static).render())


async def edit(pilot: Pilot[Any], column: str, text: str, *, row: int = 0) -> None:
    """Put the cursor on a cell, press `e`, replace the value and press Enter."""
    pilot.app.query_one(DataTable).move_cursor(row=row, column=COLUMNS.index(column))
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FieldEditor)
    pilot.app.screen.query_one(Input).value = text  # checked as typed, like keystrokes
    await pilot.press("enter")
    await pilot.pause()


async def save(pilot: Pilot[Any]) -> None:
    """ctrl+s shows the diff; ctrl+s again saves."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DiffScreen)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_an_edited_field_is_saved_and_reads_back(sandbox: Any) -> None:
    title = tag("edit")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, title)
        app = bench(client, title)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await edit(pilot, "Status", "Review")
            assert cell(app, 0, "Status") == "Review *"
            assert "1 unsaved" in header(app)
            await save(pilot)
            assert cell(app, 0, "Status") == "Review"
            assert "unsaved" not in header(app)
        stored = await client.get_record(*TICKETS, ticket["Handle"])
        assert stored["Status"] == "Review"
        assert stored["Title"] == title and stored["Priority"] == 2


async def test_an_invalid_value_is_refused_with_what_is_expected(sandbox: Any) -> None:
    title = tag("invalid")
    async with client_for(sandbox) as client:
        await new_ticket(client, title)
        app = bench(client, title)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await edit(pilot, "Priority", "high")
            assert isinstance(app.screen, FieldEditor)  # Enter did not take it
            hint = str(app.screen.query_one("#editor-hint", Static).render())
            assert hint == "Priority: expected a whole number, e.g. 42"
            await pilot.press("escape")
            assert app.hub.unsaved == 0


async def test_a_refused_save_keeps_the_draft_and_says_why(sandbox: Any) -> None:
    title = tag("refused")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, title)
        app = bench(client, title)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await edit(pilot, "Status", "Bogus")
            await save(pilot)
            assert app.hub.unsaved == 1
            assert app.hub.mark(app.hub.book.records()[0], "Status") == "failed"
            error = app.hub.book.diff()[0].error or ""
            assert "422" in error and "Status" in error
            assert cell(app, 0, "Status") == "Bogus *"
        stored = await client.get_record(*TICKETS, ticket["Handle"])
        assert stored["Status"] == "Open"


async def test_a_change_made_elsewhere_is_a_conflict_to_resolve(sandbox: Any) -> None:
    title = tag("conflict")
    async with client_for(sandbox) as client, client_for(sandbox) as other:
        ticket = await new_ticket(client, title)
        app = bench(client, title)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await edit(pilot, "Status", "Closed")
            await other.update_record(*TICKETS, ticket["Handle"], {"Status": "Review"})
            await save(pilot)
            assert isinstance(app.screen, DiffScreen)  # shown again, with the conflict
            assert app.hub.book.conflicts == 1
            assert (await client.get_record(*TICKETS, ticket["Handle"]))["Status"] == "Review"
            note = str(app.screen.query_one("#diff-note", Static).render())
            assert "1 conflict(s)" in note
            await pilot.press("m")  # keep mine
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.hub.unsaved == 0
        assert (await client.get_record(*TICKETS, ticket["Handle"]))["Status"] == "Closed"


async def test_taking_theirs_drops_my_edit(sandbox: Any) -> None:
    title = tag("theirs")
    async with client_for(sandbox) as client, client_for(sandbox) as other:
        ticket = await new_ticket(client, title)
        app = bench(client, title)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await edit(pilot, "Priority", "5")
            await other.update_record(*TICKETS, ticket["Handle"], {"Priority": 4})
            await save(pilot)
            await pilot.press("t")
            assert app.hub.unsaved == 0
        assert (await client.get_record(*TICKETS, ticket["Handle"]))["Priority"] == 4


async def test_undo_puts_the_previous_value_back(sandbox: Any) -> None:
    title = tag("undo")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, title)
        app = bench(client, title)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            await edit(pilot, "Priority", "4")
            await save(pilot)
            assert (await client.get_record(*TICKETS, ticket["Handle"]))["Priority"] == 4
            await pilot.press("u")
            await pilot.pause()
            assert cell(app, 0, "Priority") == "2 *"
            await save(pilot)
        assert (await client.get_record(*TICKETS, ticket["Handle"]))["Priority"] == 2


async def test_a_new_record_is_created_from_the_form(sandbox: Any) -> None:
    title = tag("create")
    async with client_for(sandbox) as client:
        await new_ticket(client, title)
        app = bench(client, title)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("n")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, CreateRecordScreen)
            names = [p.name for p in form.fields]
            form.query_one(f"#create-field-{names.index('Title')}", Input).value = title
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, CreateRecordScreen)  # refused: fields missing
            note = str(form.query_one("#create-note", Static).render())
            assert note.startswith("Not created: refused")
            required = [p.name for p in form.fields if p.required]
            assert required == ["Status", "Priority", "Reporter"]  # the refusal named them all
            values = {"Status": "Open", "Priority": "3", "Reporter": "bjorn.larsen@example.com"}
            for name, value in values.items():
                form.query_one(f"#create-field-{names.index(name)}", Input).value = value
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert not isinstance(app.screen, CreateRecordScreen)
            assert len(app.records) == 2
            created = app.records[-1]
        stored = await client.get_record(*TICKETS, created["Handle"])
        assert stored["Reporter"] == "bjorn.larsen@example.com" and stored["Priority"] == 3


async def test_read_only_mode_has_no_write_path(sandbox: Any) -> None:
    title = tag("readonly")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, title)
        app = bench(client, title, read_only=True)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            for key in ("e", "n", "u", "ctrl+s", "b"):
                await pilot.press(key)
                await pilot.pause()
                assert app.screen is app.screen_stack[0], key
            app.hub.edit(*TICKETS, app.records[0], "Status")  # even when called directly
            await pilot.pause()
            assert app.screen is app.screen_stack[0]
            assert "READ-ONLY" in header(app)
        assert await client.get_record(*TICKETS, ticket["Handle"]) == ticket


async def test_the_editor_offers_the_picklist_values_seen(sandbox: Any) -> None:
    async with client_for(sandbox) as client:
        app = EditBench(client, *TICKETS, columns=COLUMNS, page_size=30)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            app.query_one(DataTable).move_cursor(row=0, column=COLUMNS.index("Status"))
            await pilot.press("e")
            await pilot.pause()
            editor = app.screen
            assert isinstance(editor, FieldEditor)
            choices = editor.query_one(OptionList)
            offered = [
                str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)
            ]
            assert set(offered) <= {"Open", "In Progress", "Review", "Resolved", "Closed"}
            assert len(offered) >= 3
            editor.query_one(Input).value = "clo"
            await pilot.pause()
            assert choices.option_count == 1
            assert str(choices.get_option_at_index(0).prompt) == "Closed"
            await pilot.press("escape")
            assert app.hub.unsaved == 0
