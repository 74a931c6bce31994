"""A small stand-alone app around the edit hub: one page of one alias in a table.

It exercises every edit flow outside the full explorer (tests and screenshots use it) and
shows the wiring the explorer's table follows: marks from `EditHub.mark`, values from
`EditHub.shown_value`, redraws on the hub's messages.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Static

from explorer.api import Page
from explorer.edits.client import RecordClient
from explorer.edits.values import display
from explorer.tui.edit.hub import EditHub
from explorer.tui.edit.wiring import MARK_STYLES
from explorer.tui.footer import KeyFooter
from explorer.tui.styling import EDIT_BENCH_CSS


class EditBench(App[None]):
    CSS_PATH = EDIT_BENCH_CSS
    TITLE = "Edit bench"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit"),
        Binding("n", "new", "New"),
        Binding("u", "undo", "Undo"),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+e", "export", "Export"),
        Binding("b", "bulk", "Bulk set"),
    ]

    class Loaded(Message):
        def __init__(self, page: Page) -> None:
            super().__init__()
            self.page = page

    def __init__(
        self,
        client: RecordClient,
        record_type: str,
        alias: str,
        *,
        filter_text: str | None = None,
        page_size: int = 20,
        columns: tuple[str, ...] = (),
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self.client = client
        self.record_type = record_type
        self.alias = alias
        self.filter_text = filter_text
        self.page_size = page_size
        self.columns = columns
        self.read_only = read_only
        self.records: list[dict[str, Any]] = []
        self.hub = EditHub(client, read_only=read_only)

    def compose(self) -> ComposeResult:
        yield Static("", id="bench-header")
        yield DataTable(id="bench-table", cursor_type="cell", zebra_stripes=True)
        yield self.hub
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_header()
        self.load()

    @work(exclusive=True, group="load")
    async def load(self) -> None:
        page = await self.client.list_page(
            self.record_type, self.alias, first=self.page_size, filter=self.filter_text
        )
        self.post_message(self.Loaded(page))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        self.records = [dict(r) for r in event.page.records]
        self.hub.observe(self.record_type, self.alias, self.records)
        if not self.columns:
            names: list[str] = []
            for record in self.records:
                names += [n for n in record if n not in names]
            self.columns = tuple(names)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for name in self.columns:
            table.add_column(name, key=name)
        self.redraw()
        table.focus()

    def redraw(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear()
        for record in self.records:
            ref = self.hub.ref(self.record_type, self.alias, record)
            cells = []
            for name in self.columns:
                mark = self.hub.mark(ref, name)
                value = display(self.hub.shown_value(ref, name, record.get(name)))
                cells.append(
                    Text(value + (" *" if mark else ""), style=MARK_STYLES.get(mark or "", ""))
                )
            table.add_row(*cells)
        if self.records:
            table.cursor_coordinate = cursor
        self.show_header()

    def show_header(self) -> None:
        unsaved = self.hub.unsaved
        note = f"  [b yellow]{unsaved} unsaved[/b yellow]" if unsaved else ""
        mode = "  [b red]READ-ONLY[/b red]" if self.read_only else ""
        where = f" · {self.filter_text}" if self.filter_text else ""
        self.query_one("#bench-header", Static).update(
            f"[b]{self.record_type}/{self.alias}[/b]{where}{note}{mode}"
        )

    def current(self) -> tuple[dict[str, Any], str] | None:
        table = self.query_one(DataTable)
        if not self.records:
            return None
        row, column = table.cursor_coordinate
        return self.records[row], self.columns[column]

    def action_edit(self) -> None:
        current = self.current()
        if current is not None:
            self.hub.edit(self.record_type, self.alias, *current)

    def action_new(self) -> None:
        self.hub.create(self.record_type, self.alias)

    def action_undo(self) -> None:
        self.hub.undo()

    def action_save(self) -> None:
        self.hub.save()

    def action_export(self) -> None:
        self.hub.export(self.record_type, self.alias, self.filter_text, self.records)

    def action_bulk(self) -> None:
        self.hub.bulk(self.record_type, self.alias, self.filter_text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In read-only mode the writing keys do not exist (hidden from the footer too)."""
        return not (self.read_only and action in {"edit", "new", "undo", "save", "bulk"})

    @on(EditHub.Changed)
    def _changed(self) -> None:
        self.redraw()

    @on(EditHub.RecordSaved)
    def _saved(self, event: EditHub.RecordSaved) -> None:
        for index, record in enumerate(self.records):
            if self.hub.ref(self.record_type, self.alias, record) == event.ref:
                self.records[index] = dict(event.record)
        self.redraw()

    @on(EditHub.RecordCreated)
    def _created(self, event: EditHub.RecordCreated) -> None:
        self.records.append(dict(event.record))
        self.hub.observe(self.record_type, self.alias, self.records)
        self.redraw()

    @on(EditHub.BulkDone)
    def _bulk_done(self) -> None:
        self.load()
