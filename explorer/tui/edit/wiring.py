"""The edit features inside the explorer app: the edit hub, the unsaved counter, edit marks in
the table and the collaboration tabs in the detail pane.

`EditLink` is composed into the app once the session is ready: the app hands it the write
actions of the registry and the messages of the table, the hub and the tabs. It mounts the hub
and the tabs after the first page is on screen (they are many widgets), marks edited cells
whenever the table redraws, and lets the open tab follow the table's cursor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App
from textual.timer import Timer

from explorer.tui.browsing import Browser
from explorer.tui.panes import Panes
from explorer.tui.records import cell_text
from explorer.tui.styling import DIALOGS_CSS, EDIT_CSS, load_styles

if TYPE_CHECKING:
    from explorer.api import ElementumClient
    from explorer.edits.staging import RecordRef
    from explorer.tui.collab.tabs import CollaborationTabs
    from explorer.tui.edit.hub import EditHub
    from explorer.tui.session import Session
    from explorer.tui.table import RecordTable

# How a cell with a staged, conflicting or failed edit looks, here and in the edit bench.
MARK_STYLES = {"staged": "bold yellow", "conflict": "bold white on red", "failed": "bold red"}
# Seconds the table cursor must rest before the open collaboration tab follows it.
COLLAB_FOLLOW_DELAY = 0.3


class EditLink:
    """Edits of the records the browser shows: staged in the hub, marked in the table."""

    def __init__(
        self,
        app: App[None],
        panes: Panes,
        session: Session,
        client: ElementumClient,
        browser: Browser,
    ) -> None:
        self.app = app
        self.panes = panes
        self.session = session
        self.client = client
        self.browser = browser
        self.hub: EditHub | None = None
        self._tabs: CollaborationTabs | None = None
        self._marked: set[tuple[str, str]] = set()
        self._follow_timer: Timer | None = None
        # The parts mount after the first page is painted, when there is one to load.
        self._pending = bool(session.alias_keys())
        panes.detail.staged_lookup = self.staged_values

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def _ref_of(self, record: Mapping[str, Any] | None) -> RecordRef | None:
        hub, where = self.hub, self.browser.where
        if hub is None or where is None or record is None:
            return None
        return hub.ref(*where, record)

    # ----- parts ----------------------------------------------------------------------------

    async def mount_now(self) -> None:
        """The parts at once (there is no first page to wait for)."""
        if not self._pending:
            await self._mount_parts()

    async def _mount_parts(self) -> None:
        """The edit hub, the counter in the header and the collaboration tabs, with the styles
        of those tabs and of every dialog."""
        from explorer.tui.collab.tabs import CollaborationTabs
        from explorer.tui.edit.hub import EditHub

        self._pending = False
        detail = self.panes.detail
        if not detail.is_mounted or self.hub is not None:
            return  # the app is closing, or the parts are already there
        load_styles(self.app, EDIT_CSS, DIALOGS_CSS)
        hub = EditHub(self.client, read_only=self.read_only, ids=self.session.ids)
        await detail.screen.mount(hub)
        self.hub = hub
        self._observe_shown_page()
        tabs = CollaborationTabs(
            self.client, None, read_only=self.read_only, fields_tab=True, id="detail-collab"
        )
        await detail.mount(tabs, before="#detail-body")
        self._tabs = tabs
        self.follow_later()

    def mount_after_paint(self) -> None:
        """Once the first page (or its error) is on screen, the edit parts mount."""
        if self._pending:
            self._pending = False
            self.app.call_after_refresh(self._mount_parts)

    def staged_values(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The record's staged edits as field → new value, for the detail pane."""
        hub, ref = self.hub, self._ref_of(record)
        if hub is None or ref is None:
            return {}
        return {edit.field: edit.new for edit in hub.book.edits(ref)}

    # ----- the write actions of the registry ------------------------------------------------

    def edit_field(self) -> None:
        table, hub, where = self.panes.table, self.hub, self.browser.where
        record, column = table.current_record, table.current_column
        if hub is not None and where is not None and record is not None and column:
            hub.edit(*where, record, column)

    def _refused_for_no_id(self) -> bool:
        """With nothing staged on an alias whose records carry no id, say why (not "nothing
        to save"): its records could never be edited in the first place."""
        hub, where = self.hub, self.browser.where
        if hub is None or where is None or hub.unsaved:
            return False
        if not self.session.ids.known_missing("/".join(where)):
            return False
        hub.refuse_without_id(*where)
        return True

    def save(self) -> None:
        if self.hub is not None and not self._refused_for_no_id():
            self.hub.save()

    def undo(self) -> None:
        if self.hub is not None and not self._refused_for_no_id():
            self.hub.undo()

    def new_record(self) -> None:
        hub, where = self.hub, self.browser.where
        if hub is not None and where is not None:
            hub.create(*where)

    def bulk_set(self) -> None:
        hub, where = self.hub, self.browser.where
        if hub is not None and where is not None:
            hub.bulk(*where, self.browser.filter_text or None)

    def export(self) -> None:
        hub, where = self.hub, self.browser.where
        if hub is not None and where is not None:
            page = [dict(record) for record in self.panes.table.records]
            hub.export(*where, self.browser.filter_text or None, page)

    def quit_question(self) -> str | None:
        """What to ask before quitting, when edits would be lost."""
        hub = self.hub
        if hub is None or not hub.unsaved:
            return None
        return f"Quit with {hub.unsaved} unsaved change(s)? They will be lost."

    # ----- marks, counter, saved and created records ----------------------------------------

    def _observe_shown_page(self) -> None:
        """Let the edit hub learn the fields of the page the table shows."""
        hub, where, table = self.hub, self.browser.where, self.panes.table
        if hub is not None and where is not None and table.records:
            hub.observe(*where, table.records, table.profiles_later())

    def table_filled(self, _message: RecordTable.Filled) -> None:
        self._observe_shown_page()
        self._marked = set()
        self._mark_table()
        self.mount_after_paint()

    def hub_changed(self, message: EditHub.Changed) -> None:
        text = f"● {message.count} unsaved" if message.count else ""
        if message.conflicts:
            text += f" · {message.conflicts} conflict(s)"
        self.panes.header.set_unsaved(text)
        self._mark_table()
        self.panes.detail.redraw()

    def _mark_table(self) -> None:
        """Show staged values, marked, in the table; cells no longer staged get their value."""
        hub, table = self.hub, self.panes.table
        if hub is None:
            return
        from explorer.edits.values import display

        marked: set[tuple[str, str]] = set()
        for index, record in enumerate(table.records):
            ref = self._ref_of(record)
            for edit in hub.book.edits(ref) if ref is not None else []:
                if edit.field in table.columns_shown:
                    style = MARK_STYLES[hub.mark(ref, edit.field) or "staged"]
                    self._set_cell(str(index), edit.field, Text(display(edit.new) + " *", style))
                    marked.add((str(index), edit.field))
        for row_key, column in self._marked - marked:
            if row_key.isdigit() and int(row_key) < len(table.records):
                value = table.records[int(row_key)].get(column)
                self._set_cell(row_key, column, Text(cell_text(value)))
        self._marked = marked

    def _set_cell(self, row_key: str, column: str, value: Text) -> None:
        self.panes.table.update_cell(row_key, column, value)  # a cell not shown is ignored

    def record_saved(self, message: EditHub.RecordSaved) -> None:
        """The server's answer replaces the loaded record (in place, so held pages agree)."""
        ref, saved, table = message.ref, message.record, self.panes.table
        for record in table.records:
            if self._ref_of(record) == ref and isinstance(record, dict):
                record.clear()
                record.update(saved)
        self._marked |= {
            (str(i), c) for i, r in enumerate(table.records) if self._ref_of(r) == ref
            for c in table.columns_shown
        }  # fmt: skip
        self._mark_table()
        self.panes.detail.show(table.current_record)

    def record_created(self, message: EditHub.RecordCreated) -> None:
        if self.browser.where != (message.record_type, message.alias):
            return
        table = self.panes.table
        table.show_records([*table.records, message.record], table.columns_shown)
        table.move_cursor(row=table.row_count - 1)
        table.focus()

    # ----- collaboration tabs ---------------------------------------------------------------

    def follow_later(self) -> None:
        """The open tab follows the cursor once it rests, not on every step."""
        if self._follow_timer is not None:
            self._follow_timer.stop()
        self._follow_timer = self.app.set_timer(COLLAB_FOLLOW_DELAY, self._follow_record)

    def _follow_record(self) -> None:
        tabs, record = self._tabs, self.panes.table.current_record
        if tabs is not None and tabs.is_attached:
            ref = self._ref_of(record)
            where = self.browser.where
            why = None
            if ref is None and record is not None and where is not None:
                why = self.session.ids.short_hint("/".join(where))
            tabs.retarget(ref, why)

    def fields_shown(self, message: CollaborationTabs.FieldsShown) -> None:
        body = self.panes.detail.query("#detail-body")
        if body:
            body.first().display = message.shown
        if not message.shown:
            self._follow_record()
