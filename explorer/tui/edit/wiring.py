"""The explorer app's edit, collaboration and export features, mixed into the app class.

Kept apart from `app.py` so the browsing shell stays small: this mixin mounts the edit hub,
the unsaved counter in the header and the collaboration tabs in the detail pane once the
session is ready, marks edited cells whenever the table redraws, and implements the write
actions of the registry (which read-only mode removes).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.timer import Timer
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

from explorer.tui import actions
from explorer.tui.records import cell_text
from explorer.tui.styling import DIALOGS_CSS, EDIT_CSS, load_styles

if TYPE_CHECKING:
    from textual.app import App

    from explorer.edits.staging import RecordRef
    from explorer.tui.collab.panels import RelatedPanel
    from explorer.tui.collab.tabs import CollaborationTabs
    from explorer.tui.edit.hub import EditHub

    _AppBase = App[None]
else:
    _AppBase = object

# Actions that write to Elementum; read-only mode removes them from keys, palette and help.
WRITE_ACTIONS = frozenset(spec.action for spec in actions.ACTIONS if spec.writes)
# How a cell with a staged, conflicting or failed edit looks, here and in the edit bench.
MARK_STYLES = {"staged": "bold yellow", "conflict": "bold white on red", "failed": "bold red"}
# Seconds the table cursor must rest before the open collaboration tab follows it.
COLLAB_FOLLOW_DELAY = 0.3


class EditWiring(_AppBase):
    """Mixed in before `App`; expects the explorer app's session, client and panes."""

    session: Any
    client: Any
    alias_key: str | None
    filter_text: str
    _marked_cells: set[tuple[str, str]]
    _edit_hub: EditHub
    _collab_timer: Timer | None
    _parts_pending: bool

    # ----- parts -----------------------------------------------------------------------

    @property
    def edit_hub(self) -> EditHub | None:
        # Kept from mounting: marking asks for it per table row, a DOM query each time was slow.
        hub: EditHub | None = getattr(self, "_edit_hub", None)
        return hub

    @property
    def read_only_mode(self) -> bool:
        return bool(self.session is not None and self.session.read_only)

    def _table(self) -> Any:
        table = getattr(self, "table", None)  # the app's lookup is kept; a query walks the DOM
        return table if table is not None else self.query_one("#table")

    def _where(self) -> tuple[str, str] | None:
        if self.alias_key is None or "/" not in self.alias_key:
            return None
        record_type, alias = self.alias_key.split("/", 1)
        return record_type, alias

    def _ref_of(self, record: Mapping[str, Any] | None) -> RecordRef | None:
        hub, where = self.edit_hub, self._where()
        if hub is None or where is None or record is None:
            return None
        return hub.ref(*where, record)

    async def on_session_ready(self, _message: Any) -> None:
        """After the app's own handler opened the client: the edit parts mount once, after
        the first page is on screen when there is one to load (they are many widgets)."""
        if self.session is None or self.client is None or self.edit_hub is not None:
            return
        self._marked_cells = set()
        self._collab_timer = None
        detail: Any = self.query_one("#detail")
        detail.staged_lookup = self._staged_values
        if self.session.alias_keys():
            self._parts_pending = True
        else:
            await self._mount_parts()

    async def _mount_parts(self) -> None:
        """The edit hub, the unsaved counter in the header and the collaboration tabs, with the
        styles of those tabs and of every dialog."""
        from explorer.tui.collab.tabs import CollaborationTabs
        from explorer.tui.edit.hub import EditHub

        self._parts_pending = False
        detail = self.query_one("#detail")
        if not detail.is_mounted or self.edit_hub is not None or self.client is None:
            return  # the app is closing, or the parts are already there
        load_styles(self, EDIT_CSS, DIALOGS_CSS)
        hub = EditHub(self.client, read_only=self.read_only_mode, id_key=self.session.id_key)
        await self.mount(hub)
        self._edit_hub = hub
        self._observe_shown_page()
        tabs = CollaborationTabs(
            self.client, None, read_only=self.read_only_mode, fields_tab=True, id="detail-collab"
        )
        await detail.mount(tabs, before="#detail-body")
        self._collab_tabs = tabs
        self._follow_later()

    def _mount_parts_after_paint(self) -> None:
        """Once the first page (or its error) is on screen, the edit parts mount."""
        if getattr(self, "_parts_pending", False):
            self._parts_pending = False
            self.call_after_refresh(self._mount_parts)

    def on_page_failed(self, _message: Any) -> None:
        self._mount_parts_after_paint()

    def _staged_values(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The record's staged edits as field → new value, for the detail pane."""
        hub, ref = self.edit_hub, self._ref_of(record)
        if hub is None or ref is None:
            return {}
        return {edit.field: edit.new for edit in hub.book.edits(ref)}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Write actions do not exist in read-only mode (no key, no footer entry)."""
        if action in WRITE_ACTIONS and self.read_only_mode:
            return False
        return super().check_action(action, parameters)

    # ----- actions ---------------------------------------------------------------------

    def action_edit_field(self) -> None:
        table, hub, where = self._table(), self.edit_hub, self._where()
        record, column = table.current_record, table.current_column
        if hub is not None and where is not None and record is not None and column:
            hub.edit(*where, record, column)

    def action_save_edits(self) -> None:
        if self.edit_hub is not None:
            self.edit_hub.save()

    def action_undo_edit(self) -> None:
        if self.edit_hub is not None:
            self.edit_hub.undo()

    def action_new_record(self) -> None:
        hub, where = self.edit_hub, self._where()
        if hub is not None and where is not None:
            hub.create(*where)

    def action_bulk_set_field(self) -> None:
        hub, where = self.edit_hub, self._where()
        if hub is not None and where is not None:
            hub.bulk(*where, self.filter_text or None)

    def action_export_records(self) -> None:
        hub, where = self.edit_hub, self._where()
        if hub is not None and where is not None:
            page = [dict(record) for record in self._table().records]
            hub.export(*where, self.filter_text or None, page)

    async def action_quit(self) -> None:
        """Quitting with unsaved edits asks first."""
        hub = self.edit_hub
        if hub is None or not hub.unsaved:
            await super().action_quit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        from explorer.tui.edit.confirm import ConfirmScreen

        question = f"Quit with {hub.unsaved} unsaved change(s)? They will be lost."
        self.push_screen(ConfirmScreen(question, yes="Quit"), answered)

    # ----- marks, counter, saved and created records ------------------------------------

    def _observe_shown_page(self) -> None:
        """Let the edit hub learn the fields of the page the table shows."""
        hub, where, table = self.edit_hub, self._where(), self._table()
        if hub is not None and where is not None and table.records:
            hub.observe(*where, table.records, table.profiles_later())

    def on_record_table_filled(self, _message: Any) -> None:
        self._observe_shown_page()
        self._marked_cells = set()
        self._mark_table()
        self._mount_parts_after_paint()

    def on_edit_hub_changed(self, message: EditHub.Changed) -> None:
        text = f"● {message.count} unsaved" if message.count else ""
        if message.conflicts:
            text += f" · {message.conflicts} conflict(s)"
        header: Any = self.query_one("#header")
        header.set_unsaved(text)
        self._mark_table()
        detail: Any = self.query_one("#detail")
        detail.redraw()

    def _mark_table(self) -> None:
        """Show staged values, marked, in the table; cells no longer staged get their value."""
        hub, table = self.edit_hub, self._table()
        if hub is None:
            return
        from explorer.edits.values import display

        previous: set[tuple[str, str]] = getattr(self, "_marked_cells", set())
        marked: set[tuple[str, str]] = set()
        for index, record in enumerate(table.records):
            ref = self._ref_of(record)
            for edit in hub.book.edits(ref) if ref is not None else []:
                if edit.field in table.columns_shown:
                    style = MARK_STYLES[hub.mark(ref, edit.field) or "staged"]
                    self._set_cell(
                        table, str(index), edit.field, Text(display(edit.new) + " *", style)
                    )
                    marked.add((str(index), edit.field))
        for row_key, column in previous - marked:
            if row_key.isdigit() and int(row_key) < len(table.records):
                value = table.records[int(row_key)].get(column)
                self._set_cell(table, row_key, column, Text(cell_text(value)))
        self._marked_cells = marked

    @staticmethod
    def _set_cell(table: DataTable[Any], row_key: str, column: str, value: Any) -> None:
        with contextlib.suppress(CellDoesNotExist):
            table.update_cell(row_key, column, value)

    def on_edit_hub_record_saved(self, message: EditHub.RecordSaved) -> None:
        """The server's answer replaces the loaded record (in place, so cached pages agree)."""
        table = self._table()
        for record in table.records:
            if self._ref_of(record) == message.ref and isinstance(record, dict):
                record.clear()
                record.update(message.record)
        self._marked_cells |= {
            (str(i), c) for i, r in enumerate(table.records) if self._ref_of(r) == message.ref
            for c in table.columns_shown
        }  # fmt: skip
        self._mark_table()
        detail: Any = self.query_one("#detail")
        detail.show(table.current_record)

    def on_edit_hub_record_created(self, message: EditHub.RecordCreated) -> None:
        if self._where() != (message.record_type, message.alias):
            return
        table = self._table()
        table.show_records([*table.records, message.record], table.columns_shown)
        table.move_cursor(row=table.row_count - 1)
        table.focus()

    def on_edit_hub_bulk_done(self, _message: Any) -> None:
        self.call_later(self.run_action, "reload")

    # ----- collaboration tabs ----------------------------------------------------------

    def on_data_table_cell_highlighted(self, message: DataTable.CellHighlighted) -> None:
        if message.data_table.id != "table":
            return
        self._follow_later()

    def _follow_later(self) -> None:
        """The open tab follows the cursor once it rests, not on every step."""
        if getattr(self, "_collab_timer", None) is not None:
            assert self._collab_timer is not None
            self._collab_timer.stop()
        self._collab_timer = self.set_timer(COLLAB_FOLLOW_DELAY, self._follow_record)

    def _follow_record(self) -> None:
        tabs: Any = getattr(self, "_collab_tabs", None)  # kept: a DOM query per page was slow
        if tabs is not None and tabs.is_attached:
            tabs.retarget(self._ref_of(self._table().current_record))

    def on_collaboration_tabs_fields_shown(self, message: CollaborationTabs.FieldsShown) -> None:
        body = self.query("#detail-body")
        if body:
            body.first().display = message.shown
        if not message.shown:
            self._follow_record()

    def on_related_panel_open(self, message: RelatedPanel.Open) -> None:
        """Enter on a related item opens that record: its alias, filtered to its id."""
        item = message.item
        key = f"{item.type}/{item.alias}" if item.type else None
        if key is None or self.session is None:
            self.notify(f"Cannot tell the record type of {item.alias}/{item.id}.")
            return
        if key in self.session.alias_keys():
            tree: Any = self.query_one("#tree")
            tree.select_key(key)
        opener: Any = getattr(self, "open_alias", None)
        if opener is not None:
            opener(key, f'{self.session.id_key}=="{item.id}"')
            self._table().focus()
