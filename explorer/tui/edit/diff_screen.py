"""The save diff: field, old and new per record; conflicts are settled here before saving."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from explorer.edits.staging import DiffRow, EditBook
from explorer.edits.values import display
from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS


def _cell(value: object, style: str = "") -> Text:
    text = display(value)
    return Text(text if text else "∅", style=style if text else "dim")


class DiffScreen(ModalScreen[bool]):
    """Shows every staged change; answers True when the person saves."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("diff")

    def __init__(self, book: EditBook) -> None:
        super().__init__(classes="edit-modal")
        self.book = book
        self.rows: list[DiffRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="diff-dialog", classes="edit-dialog wide"):
            yield Label("", id="diff-title")
            yield DataTable(id="diff-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="diff-note")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="diff-save")
                yield Button("Back (esc)", id="diff-back")

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one(DataTable).focus()

    def refresh_rows(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        self.rows = self.book.diff()
        conflicts = sum(row.conflict for row in self.rows)
        # The server's value is a column only while there is a conflict to settle.
        table.clear(columns=True)
        table.add_columns(
            "Record", "Field", "Old", "New", *(["On server now"] if conflicts else [])
        )
        for row in self.rows:
            new_style = "bold red" if row.error else "bold green"
            cells = [
                Text(str(row.ref), style="bold"),
                Text(row.field),
                _cell(row.old, "red"),
                _cell(row.new, new_style),
            ]
            if conflicts:
                cells.append(_cell(row.theirs, "bold yellow") if row.conflict else Text(""))
            table.add_row(*cells)
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        records = len({row.ref for row in self.rows})
        title = f"{len(self.rows)} unsaved change(s) in {records} record(s)"
        self.query_one("#diff-title", Label).update(f"[b]{title}[/b]")
        note = self.query_one("#diff-note", Static)
        errors = [f"{row.ref} {row.field}: {row.error}" for row in self.rows if row.error]
        late = sum(row.conflict and row.late for row in self.rows)
        if late:
            note.update(
                f"[yellow]{late} field(s) changed by someone else while you saved[/yellow]"
                " (your other changes are saved): New is the value you had, On server now"
                " is theirs. Press m to restore yours, t to keep theirs."
            )
        elif conflicts:
            note.update(
                f"[yellow]{conflicts} conflict(s)[/yellow]: the server's value changed since it"
                " was loaded. Press m to keep mine, t to take theirs."
            )
        elif errors:
            note.update("[red]Last save failed[/red]: " + "; ".join(errors[:3]))
        else:
            note.update("Only the changed fields are sent (partial PUT).")
        self.query_one("#diff-save", Button).disabled = bool(conflicts) or not self.rows

    def action_resolve(self, keep_mine: bool) -> None:
        table = self.query_one(DataTable)
        if not self.rows:
            return
        row = self.rows[table.cursor_row]
        if row.conflict:
            self.book.resolve(row.ref, row.field, keep_mine=keep_mine)
            self.refresh_rows()

    def action_save(self) -> None:
        if self.rows and not any(row.conflict for row in self.rows):
            self.dismiss(True)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#diff-save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#diff-back")
    def back_pressed(self) -> None:
        self.action_cancel()
