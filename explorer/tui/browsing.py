"""Browsing: the page controller's steps carried out on the table, tree, detail and filter bar.

The controller (`explorer.browse`) decides; this part shows pages, says "loading…", runs the
fetches in workers (which only post `PageLoaded`/`PageFailed`) and hands their answers back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import App

from explorer.browse import Edge, Fetch, ListKey, Load, Move, PageController, Show, Step
from explorer.rsql import quote_value
from explorer.tui.errors import describe_error
from explorer.tui.known_fields import KnownFields, values_later
from explorer.tui.messages import PageFailed, PageLoaded
from explorer.tui.paging import rows_text
from explorer.tui.panes import Panes
from explorer.tui.records import is_empty, value_text

if TYPE_CHECKING:
    from explorer.api import ConnectionSettings, ElementumClient
    from explorer.tui.session import Session


class Browser:
    """The list the table shows (an alias and a filter) and the page of it on screen."""

    def __init__(
        self,
        app: App[None],
        panes: Panes,
        session: Session,
        client: ElementumClient,
        fields: KnownFields,
        *,
        first_paint: Callable[[], None],
    ) -> None:
        self.app = app
        self.panes = panes
        self.session = session
        self.client = client
        self.fields = fields
        self.pages = PageController(session.page_size)
        self._first_paint = first_paint
        self._first_page_shown = False
        self._sort_label = ""
        # A record to show once its alias's id key is learned from a first page: (alias, id).
        self._finding: tuple[str, str] | None = None

    @property
    def alias_key(self) -> str | None:
        return self.pages.alias_key

    @property
    def filter_text(self) -> str:
        return self.pages.filter_text

    @property
    def where(self) -> tuple[str, str] | None:
        """The record type and alias asked for, when there is one."""
        key = self.pages.key
        return (key.record_type, key.alias) if key is not None and key.alias else None

    # ----- what the user asks for -----------------------------------------------------------

    def open(self, alias_key: str, filter_text: str = "") -> None:
        """Show the first page of an alias; a load in flight for another alias is cancelled."""
        self.panes.table.border_title = alias_key
        self._set_filter_values(alias_key)
        self.panes.filter_bar.value = filter_text
        self._do(self.pages.open(ListKey.of(alias_key, filter_text)))

    def open_record(self, alias_key: str, record_id: str) -> None:
        """Show one record: its alias filtered to its id. An alias whose id key is not
        known yet opens unfiltered first, to learn the key from its records."""
        ids = self.session.ids
        key = ids.key_for(alias_key)
        if key is not None:
            self._finding = None
            self.open(alias_key, f"{key}=={quote_value(record_id)}")
        elif ids.known_missing(alias_key):
            self.app.notify(ids.hint(alias_key), severity="error", timeout=10)
        else:
            self._finding = (alias_key, record_id)
            self.open(alias_key)

    def _find_record(self, alias_key: str) -> None:
        """The first page of an alias opened to find a record is in: filter to its id."""
        finding, self._finding = self._finding, None
        if finding is None or finding[0] != alias_key:
            return
        key = self.session.ids.key_for(alias_key)
        if key is None:
            self.app.notify(self.session.ids.hint(alias_key), severity="error", timeout=10)
        else:
            self.open(alias_key, f"{key}=={quote_value(finding[1])}")

    def apply_filter(self, filter_text: str) -> None:
        key = self.pages.key
        if key is not None:
            self._do(self.pages.open(replace(key, filter=filter_text)))

    def go(self, move: Move) -> None:
        self._do(self.pages.go(move))

    def edge(self, forward: bool) -> None:
        """PageDown past the last row or PageUp past the first: the page turns, the cursor
        goes to its first or last row; at the ends of the list nothing happens."""
        move = Move.NEXT if forward else Move.PREVIOUS
        step = self.pages.go(move, cursor_row=0 if forward else self.session.page_size)
        if not isinstance(step, Edge):
            self._do(step)

    def _do(self, step: Step) -> None:
        if isinstance(step, Show):
            self._show(step)
        elif isinstance(step, Load):
            table = self.panes.table
            table.border_subtitle = "loading…"
            if not table.row_count:
                self.show_loading(True)
            self._run(step.fetch)
        elif isinstance(step, Edge):
            self.app.notify(step.text, timeout=2)

    # ----- fetching -------------------------------------------------------------------------

    def _run(self, fetch: Fetch) -> None:
        group = "prefetch" if fetch.prefetch else "page"
        self.app.run_worker(self._fetch(fetch), group=group, exclusive=True, exit_on_error=False)

    async def _fetch(self, fetch: Fetch) -> None:
        from explorer.api import Priority

        priority = Priority.BACKGROUND if fetch.prefetch else Priority.INTERACTIVE
        key = fetch.key
        try:
            if fetch.forward:
                page = await self.client.list_page(
                    key.record_type,
                    key.alias,
                    first=fetch.count,
                    after=fetch.cursor,
                    filter=key.filter or None,
                    priority=priority,
                )
            else:
                page = await self.client.list_page(
                    key.record_type,
                    key.alias,
                    last=fetch.count,
                    before=fetch.cursor,
                    filter=key.filter or None,
                    priority=priority,
                )
        except Exception as error:  # every failure of a load becomes a toast
            self.app.post_message(PageFailed(fetch, error))
            return
        self.app.post_message(PageLoaded(fetch, page))

    def landed(self, message: PageLoaded) -> None:
        self._do(self.pages.landed(message.fetch, message.page))

    def failed(self, message: PageFailed) -> None:
        failure = self.pages.failed(message.fetch)
        if failure is None:
            return  # a prefetch (a normal fetch later) or a load already replaced
        title, text = describe_error(message.error)
        self.show_loading(False)
        if failure.restored is not None:
            # The new alias or filter failed: back to what the table still shows.
            self.panes.table.border_title = failure.restored.alias_key
            self.panes.tree.select_key(failure.restored.alias_key)
            self.app.call_after_refresh(self._prefetch_next)
        elif not self.panes.table.row_count:
            # Nothing else to show: the table says why it is empty, not that nothing matched.
            self.panes.table.show_note(f"{title}: {text}")
        self.update_border()
        self.app.notify(text, title=title, severity="error", timeout=8)

    def _prefetch_next(self) -> None:
        fetch = self.pages.prefetch()
        if fetch is not None:
            self._run(fetch)

    # ----- showing --------------------------------------------------------------------------

    def _show(self, step: Show) -> None:
        view, table, app = step.view, self.panes.table, self.app
        key = view.key.alias_key
        self._sort_label = ""
        if self.fields.grow(key, view.records):
            # Written after the paint: the first page on screen never waits for the disk.
            app.call_after_refresh(self.fields.remember, key)
        table.show_records(view.records, self.fields.visible(key), same_list=step.same_list)
        first = not self._first_page_shown
        if first:
            self._first_page_shown = True
            if app.focused in (None, self.panes.tree) and len(app.screen_stack) == 1:
                table.focus()
        if step.cursor_row is not None and table.row_count:
            table.move_cursor(row=min(step.cursor_row, table.row_count - 1), animate=False)
        if view.records:
            table.clear_note()
        else:
            table.show_note(
                f"Nothing matches {view.key.filter!r}. Press / to change the filter."
                if view.key.filter
                else "This alias has no records yet."
            )
        self.update_border()
        ids = self.session.ids
        self.panes.detail.no_id = ids.hint(key) if ids.known_missing(key) else None
        self.panes.detail.show(table.current_record)
        if not view.key.filter:
            self.panes.tree.set_count(key, view.total)
        self._set_filter_values(key)
        if self._finding is not None:
            self.app.call_later(self._find_record, key)
        # Background work waits for the first page to be painted: start-up speed.
        app.call_after_refresh(self._after_first_paint if first else self._prefetch_next)

    def _after_first_paint(self) -> None:
        self._first_paint()
        self._prefetch_next()

    def show_loading(self, loading: bool) -> None:
        """A quiet line in the empty table while its first page loads (a line, not an
        overlay: the table keeps taking focus and the first frame stays cheap)."""
        if loading:
            self.panes.table.show_note("Loading records…", loading=True)
        else:
            self.panes.table.clear_note(loading_only=True)

    def update_border(self) -> None:
        """The table's subtitle: which rows of how many, of which filter, sorted how."""
        shown = self.pages.shown
        if shown is None:
            self.panes.table.border_subtitle = self.filter_text
            return
        text = rows_text(shown.offset, len(shown.records), shown.total, shown.key.filter)
        if self._sort_label:
            text = f"{text} · {self._sort_label}"
        self.panes.table.border_subtitle = text

    def _set_filter_values(self, alias_key: str) -> None:
        """The filter bar completes from this alias's fields, values and saved filters."""
        table = self.panes.table
        records = table.records if alias_key == self.alias_key else []
        self.panes.filter_bar.set_context(
            self.session.state_key(alias_key),
            lambda: self.fields.kinds(
                alias_key, table.profiles if alias_key == self.alias_key else {}
            ),
            values_later(list(records)),
            self.session.saved_filters(alias_key),
        )

    # ----- the table's own actions ----------------------------------------------------------

    def filter_by_cell(self, op: str) -> None:
        table = self.panes.table
        column, record = table.current_column, table.current_record
        if column is None or record is None:
            return
        value = record.get(column)
        self.panes.filter_bar.append_clause(
            column, op, None if is_empty(value) else value_text(value)
        )

    def sort_page(self) -> None:
        label = self.panes.table.sort_by_cursor()
        if label:
            self._sort_label = label
            self.update_border()
            self.panes.detail.show(self.panes.table.current_record)

    def choose_columns(self) -> None:
        from explorer.tui.columns_screen import ColumnsScreen

        key = self.alias_key
        if key is None:
            return

        def chosen(choice: dict[str, Any] | None) -> None:
            if choice is not None:
                self.fields.choose(key, choice)
                self.panes.table.set_columns(self.fields.visible(key))

        table = self.panes.table
        self.app.push_screen(ColumnsScreen(self.fields.seen(key), table.columns_shown), chosen)

    def request(self) -> tuple[ConnectionSettings, str, str, dict[str, Any]] | None:
        """What the current list's first page is fetched with: for copying as URL or curl."""
        where = self.where
        if where is None:
            return None
        params: dict[str, Any] = {
            "first": self.session.page_size,
            "filter": self.filter_text or None,
        }
        return self.session.profile.connection_settings(), *where, params
