"""The explorer app: alias tree, filter bar, paged record table, detail pane and header."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar
from urllib.parse import quote

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.widget import Widget

from explorer.config.state import StateStore
from explorer.edits.fields import infer_profile
from explorer.kinds import FieldKind
from explorer.tui import actions
from explorer.tui.clipboard import copy_text
from explorer.tui.detail import DetailPane, record_json
from explorer.tui.edit.wiring import EditWiring
from explorer.tui.errors import describe_error
from explorer.tui.filter import FilterBar
from explorer.tui.footer import KeyFooter
from explorer.tui.header import StatusHeader
from explorer.tui.messages import (
    ClientEventPosted,
    CountKnown,
    PageFailed,
    PageLoaded,
    SessionFailed,
    SessionReady,
)
from explorer.tui.paging import Move, PageRequest, rows_text
from explorer.tui.palette import ExplorerCommands
from explorer.tui.records import (
    grow_columns,
    is_empty,
    value_text,
    visible_columns,
)
from explorer.tui.session import Session
from explorer.tui.status import Clock, rate_text, token_text, utc_now
from explorer.tui.styling import MAIN_CSS
from explorer.tui.table import RecordTable
from explorer.tui.tree import AliasTree

W = TypeVar("W", bound=Widget)
NARROW_WIDTH = 120
FILTER_HELP = (
    "Type an RSQL filter; it is checked on every keystroke and never sent while invalid. "
    "Enter applies it, Escape returns to the table."
)


SessionSource = Session | Callable[[], Session] | None


class MainScreen(Screen[None]):
    """The explorer's own screen: the table takes focus first (the alias tree would take it,
    then give it up once the first page loads, restyling both on the way)."""

    AUTO_FOCUS = "#table"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first resume follows the mount that has just styled every widget; styling them
        # all again would only repeat that work before the first frame.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False


class ExplorerApp(EditWiring, App[None]):
    """Browse one alias at a time: pages of records fetched by workers, shown as they land."""

    TITLE = "Elementum Explorer"
    CSS_PATH = MAIN_CSS
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("app")
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        ExplorerCommands
    }
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        session: SessionSource,
        *,
        clock: Clock = utc_now,
        live_rate: bool = True,
        state_dir: Path | None = None,
        first_run: Callable[[], Any] | None = None,
        on_first_page: Callable[[ExplorerApp], None] | None = None,
    ) -> None:
        super().__init__()
        self._source = session
        self.session: Session | None = None
        self.clock = clock
        self.live_rate = live_rate
        self.client: Any = None
        self._stack = contextlib.AsyncExitStack()
        self._unsubscribe: Callable[[], None] | None = None
        self._state_dir = state_dir
        self._columns_store = StateStore("columns", state_dir)
        # Field names seen per alias, kept across runs so completion knows them before a load.
        self._fields_store = StateStore("fields", state_dir)
        self._first_run = first_run
        self._on_first_page = on_first_page
        self._prepared_client: Any = None
        self.alias_key: str | None = None
        self.filter_text = ""
        self.page: Any = None
        self.request: PageRequest | None = None
        self.offset = 0
        self._cache: dict[tuple[str, str], Any] = {}
        self._known_columns: dict[str, list[str]] = {}
        self._first_page_shown = False
        self._widgets: dict[str, Widget] = {}
        self._last_token: Any = None
        self._sort_label = ""

    # ----- layout -------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        # One grid on the screen, no nested containers: every container is drawn in full
        # under its children, on the first frame and on every page turn.
        yield StatusHeader(id="header")
        yield AliasTree(id="tree")
        yield FilterBar(id="filter-bar", state_dir=self._state_dir)
        yield RecordTable(id="table")
        yield DetailPane(id="detail")
        yield KeyFooter()

    def _widget(self, selector: str, kind: type[W]) -> W:
        """A widget of the main screen, looked up once (queries walk the whole DOM)."""
        found = self._widgets.get(selector)
        if found is None:
            found = self.screen_stack[0].query_one(selector, kind)
            self._widgets[selector] = found
        assert isinstance(found, kind)
        return found

    @property
    def table(self) -> RecordTable:
        return self._widget("#table", RecordTable)

    @property
    def alias_tree(self) -> AliasTree:
        return self._widget("#tree", AliasTree)

    @property
    def detail(self) -> DetailPane:
        return self._widget("#detail", DetailPane)

    @property
    def header(self) -> StatusHeader:
        return self._widget("#header", StatusHeader)

    @property
    def filter_bar(self) -> FilterBar:
        return self._widget("#filter-bar", FilterBar)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def on_mount(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self.table.border_title = "Records"
        self.table.border_subtitle = "starting…"
        self._show_loading(True)
        self.alias_tree.border_title = "Aliases"
        self.set_interval(30, self._refresh_token_text)
        source = self._source
        if isinstance(source, Session):
            self.post_message(SessionReady())
            self.session = source
        elif source is not None:
            self._build_session(source)
        elif self._first_run is not None:
            self.push_screen(self._first_run(), self._first_run_done)

    def _first_run_done(self, session: Session | Callable[[], Session] | None) -> None:
        if session is None:
            self.exit()
        elif isinstance(session, Session):
            self.session = session
            self.post_message(SessionReady())
        else:
            self._build_session(session)

    @work(thread=True, group="session")
    def _build_session(self, factory: Callable[[], Session]) -> None:
        try:
            session = factory()
            # Built here too: creating the HTTP client (its TLS context) is slow on the loop.
            client = session.open_client()
        except Exception as error:  # shown to the user as a toast
            self.post_message(SessionFailed(error))
            return
        self._prepared_client = client
        self.call_from_thread(setattr, self, "session", session)
        self.post_message(SessionReady())

    def on_session_failed(self, message: SessionFailed) -> None:
        title, text = describe_error(message.error)
        self._show_loading(False)
        self.table.border_subtitle = "not connected"
        self.notify(text, title=f"Could not start: {title}", severity="error", timeout=10)

    async def on_session_ready(self, _: SessionReady) -> None:
        session = self.session
        assert session is not None
        self.header.set_place(session.label)
        if session.keymap:
            unknown = actions.unknown_ids(session.keymap)
            if unknown:
                self.notify(
                    f"Unknown action ids in [keymap]: {', '.join(unknown)}",
                    title="Config",
                    severity="warning",
                )
            self.set_keymap({k: v for k, v in session.keymap.items() if k not in unknown})
        if session.theme and session.theme in self.available_themes:
            self.theme = session.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        client = self._prepared_client or session.open_client()
        self.client = await self._stack.enter_async_context(client)
        self._unsubscribe = self.client.subscribe(self._relay_event)
        self._last_token = self.client.token_state
        self._refresh_token_text()
        self.header.set_rate(rate_text(self.client.rate_state, self.clock(), live=self.live_rate))
        self.alias_tree.load(session.aliases())
        keys = session.alias_keys()
        if keys:
            self.open_alias(keys[0])
            self.alias_tree.select_key(keys[0])
        else:
            self._show_loading(False)
            self.table.border_subtitle = "no aliases: press a to add one"
        self.table.focus()

    async def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        await self._stack.aclose()

    def _theme_changed(self, _theme: object) -> None:
        session = self.session
        if session is None or session.config is None:
            return
        with contextlib.suppress(AttributeError):
            session.config.theme = self.theme
            session.save(profile_changed=False)

    # ----- client events -------------------------------------------------------------------

    def _relay_event(self, event: Any) -> None:
        """The client's callback (in the event loop): queue the event, touch no widget."""
        self.post_message(ClientEventPosted(event))

    def on_client_event_posted(self, message: ClientEventPosted) -> None:
        event = message.event
        kind = type(event).__name__
        if kind == "TokenState":
            self._last_token = event
            self._refresh_token_text()
        elif kind == "RateState":
            self.header.set_rate(rate_text(event, self.clock(), live=self.live_rate))

    def _refresh_token_text(self) -> None:
        if self._last_token is not None:
            self.header.set_token(token_text(self._last_token, self.clock()))

    # ----- paging --------------------------------------------------------------------------

    def open_alias(self, key: str, filter_text: str = "") -> None:
        """Show the first page of an alias; a load in flight for another alias is cancelled."""
        self.alias_key = key
        self.filter_text = filter_text
        self._cache.clear()
        self.table.border_title = key
        self._set_filter_context(key)
        self._fetch(Move.FIRST)

    def apply_filter(self, filter_text: str) -> None:
        if self.alias_key is None:
            return
        self.filter_text = filter_text
        self._cache.clear()
        self._fetch(Move.FIRST)

    def _set_filter_context(self, key: str) -> None:
        self._set_filter_values(key)
        self.filter_bar.value = self.filter_text

    def _field_names(self, key: str) -> list[str]:
        """Fields of the alias: those loaded this run, then those remembered from before."""
        names = list(self._known_columns.get(key, []))
        if self.session is not None:
            remembered = self._fields_store.get(self.session.state_key(key), [])
            names += [n for n in remembered if isinstance(n, str) and n not in names]
        return names

    def _field_kinds(self, key: str) -> dict[str, FieldKind]:
        profiles = self.table.profiles if key == self.alias_key else {}
        return {
            name: (profiles[name] if name in profiles else infer_profile(name, ())).kind
            for name in self._field_names(key)
        }

    def _values_later(self, key: str) -> Callable[[], dict[str, list[str]]]:
        """The values seen per field on the page shown now, collected when first asked for."""
        records = self.table.records if key == self.alias_key else []
        return lambda: self._field_values(records)

    @staticmethod
    def _field_values(records: list[Any]) -> dict[str, list[str]]:
        values: dict[str, list[str]] = {}
        for record in records:
            for name, value in record.items():
                text = value_text(value)
                if text and len(text) <= 60:
                    seen = values.setdefault(name, [])
                    if text not in seen and len(seen) < 50:
                        seen.append(text)
        return values

    def _make_request(self, move: Move) -> PageRequest | None:
        if self.alias_key is None or self.session is None:
            return None
        record_type, alias = self.alias_key.split("/", 1)
        size = self.session.page_size
        page, base = self.page, self.offset
        if self.request is None or not self._is_current(self.request):
            page = None  # the shown page belongs to another list: only first/last make sense
        common = (record_type, alias, self.filter_text)
        if move is Move.NEXT:
            if page is None or not page.paging.has_next_page:
                return None
            return PageRequest(
                *common,
                move=move,
                size=size,
                after=page.paging.end_cursor,
                base=base + len(page.items),
            )
        if move is Move.PREVIOUS:
            if page is None or not page.paging.has_previous_page:
                return None
            return PageRequest(
                *common, move=move, size=size, before=page.paging.start_cursor, base=base
            )
        if move is Move.RELOAD and self.request is not None:
            return self.request
        return PageRequest(*common, move=Move.LAST if move is Move.LAST else Move.FIRST, size=size)

    def _fetch(self, move: Move) -> None:
        request = self._make_request(move)
        if request is None:
            edge = "last" if move is Move.NEXT else "first"
            if self.page is not None:
                self.notify(f"This is the {edge} page.", timeout=2)
            return
        cached = self._cache_get(request)
        if cached is not None:
            self._show_page(request, cached)
            return
        self.table.border_subtitle = "loading…"
        if not self.table.row_count:
            self._show_loading(True)
        self._load_page(request)

    def _cache_get(self, request: PageRequest) -> Any:
        if request.move is Move.NEXT and request.after is not None:
            return self._cache.get(("after", request.after))
        if request.move is Move.PREVIOUS and request.before is not None:
            return self._cache.get(("before", request.before))
        return None

    @work(exclusive=True, group="page", exit_on_error=False)
    async def _load_page(self, request: PageRequest) -> None:
        from explorer.api import Priority

        try:
            page = await self.client.list_page(
                request.record_type,
                request.alias,
                priority=Priority.INTERACTIVE,
                **request.params(),
            )
        except Exception as error:  # every failure becomes a toast
            self.post_message(PageFailed(request, error))
            return
        self.post_message(PageLoaded(request, page))

    @work(exclusive=True, group="prefetch", exit_on_error=False)
    async def _prefetch(self, request: PageRequest) -> None:
        from explorer.api import Priority

        try:
            page = await self.client.list_page(
                request.record_type,
                request.alias,
                priority=Priority.BACKGROUND,
                **request.params(),
            )
        except Exception:  # a failed prefetch just means a normal fetch later
            return
        self.post_message(PageLoaded(request, page, prefetched=True))

    def _is_current(self, request: PageRequest) -> bool:
        return request.alias_key == self.alias_key and request.filter == self.filter_text

    def on_page_loaded(self, message: PageLoaded) -> None:
        if not self._is_current(message.request):
            return
        if message.prefetched:
            if message.request.after is not None:
                self._cache[("after", message.request.after)] = message.page
            return
        self._show_page(message.request, message.page)

    def on_page_failed(self, message: PageFailed) -> None:
        if not self._is_current(message.request):
            return
        title, text = describe_error(message.error)
        self._show_loading(False)
        shown = self.request
        if shown is not None and (
            shown.alias_key != self.alias_key or shown.filter != self.filter_text
        ):
            # The new alias or filter failed: go back to what the table still shows.
            self.alias_key, self.filter_text = shown.alias_key, shown.filter
            self.table.border_title = shown.alias_key
            self.alias_tree.select_key(shown.alias_key)
            self._restore_cache_scope()
        self._update_border()
        self.notify(text, title=title, severity="error", timeout=8)

    def _restore_cache_scope(self) -> None:
        """The neighbours cache belonged to the shown page's list; it was cleared, refill."""
        self._cache.clear()
        next_request = self._make_request(Move.NEXT)
        if next_request is not None:
            self._prefetch(next_request)

    def _show_page(self, request: PageRequest, page: Any, cursor_row: int | None = None) -> None:
        previous = self.page
        shown = self.request
        same_list = shown is not None and (shown.alias_key, shown.filter) == (
            request.alias_key,
            request.filter,
        )
        if not same_list:
            cursor_row = 0  # a new list starts at its top; paging keeps the row
        if previous is not None and previous.paging.end_cursor and request.move is Move.NEXT:
            self._cache[("before", page.paging.start_cursor)] = previous
        if previous is not None and request.move is Move.PREVIOUS:
            self._cache[("after", page.paging.end_cursor)] = previous
        self.page = page
        self.request = request
        self.offset = request.offset_of(len(page.items), page.total, page.paging.has_previous_page)
        self._sort_label = ""
        records = [item.data for item in page.items]
        key = request.alias_key
        assert self.session is not None
        known = grow_columns(self._known_columns.get(key, []), records, self.session.id_key)
        if known != self._known_columns.get(key):
            self._known_columns[key] = known
            # Written after the paint: the first page on screen never waits for the disk.
            self.call_after_refresh(
                self._fields_store.set, self.session.state_key(key), self._field_names(key)
            )
        choice = self._columns_store.get(self.session.state_key(key))
        self.table.show_records(records, visible_columns(known, choice), same_list=same_list)
        first = not self._first_page_shown
        if first:
            self._first_page_shown = True
            if self.focused in (None, self.alias_tree) and len(self.screen_stack) == 1:
                self.table.focus()
        if cursor_row is not None and self.table.row_count:
            self.table.move_cursor(row=min(cursor_row, self.table.row_count - 1), animate=False)
        if records:
            self.table.clear_note()
        else:
            self.table.show_note(
                f"Nothing matches {self.filter_text!r}. Press / to change the filter."
                if self.filter_text
                else "This alias has no records yet."
            )
        self._update_border()
        self.detail.show(self.table.current_record)
        if not self.filter_text:
            self.alias_tree.set_count(key, page.total)
        self._set_filter_values(key)
        if first:
            # Background work waits for the first page to be painted: start-up speed.
            self.call_after_refresh(self._after_first_paint)
        else:
            self.call_after_refresh(self._prefetch_next)

    def _show_loading(self, loading: bool) -> None:
        """A quiet line in the empty table while its first page loads (a line, not an
        overlay: the table keeps taking focus and the first frame stays cheap)."""
        if loading:
            self.table.show_note("Loading records…", loading=True)
        else:
            self.table.clear_note(loading_only=True)

    def _after_first_paint(self) -> None:
        if self._on_first_page is not None:
            self._on_first_page(self)
        self._prefetch_next()
        if self.session is not None:
            self._count_aliases(self.session.alias_keys())

    def _prefetch_next(self) -> None:
        next_request = self._make_request(Move.NEXT)
        if next_request is not None and self._cache_get(next_request) is None:
            self._prefetch(next_request)

    def _set_filter_values(self, key: str) -> None:
        session = self.session
        if session is None:
            return
        self.filter_bar.set_context(
            session.state_key(key),
            lambda: self._field_kinds(key),
            self._values_later(key),
            session.saved_filters(key),
        )

    def _update_border(self) -> None:
        if self.page is None:
            self.table.border_subtitle = self.filter_text or ""
            return
        text = rows_text(self.offset, len(self.page.items), self.page.total, self.filter_text)
        if self._sort_label:
            text = f"{text} · {self._sort_label}"
        self.table.border_subtitle = text

    @work(group="counts", exit_on_error=False)
    async def _count_aliases(self, keys: list[str]) -> None:
        from explorer.api import Priority

        for key in keys:
            record_type, alias = key.split("/", 1)
            try:
                page = await self.client.list_page(
                    record_type, alias, first=1, priority=Priority.BACKGROUND
                )
            except Exception as error:  # shown beside the alias in the tree
                status: int | None = getattr(error, "status", None)
                problem = {403: "no access", 404: "not found"}.get(status or 0, "unreachable")
                self.post_message(CountKnown(key, None, problem))
                continue
            self.post_message(CountKnown(key, page.total))

    def on_count_known(self, message: CountKnown) -> None:
        if message.total is None:
            self.alias_tree.set_problem(message.alias_key, message.problem)
        else:
            self.alias_tree.set_count(message.alias_key, message.total)

    def action_next_page(self) -> None:
        self._fetch(Move.NEXT)

    def action_previous_page(self) -> None:
        self._fetch(Move.PREVIOUS)

    def action_first_page(self) -> None:
        self._fetch(Move.FIRST)

    def action_last_page(self) -> None:
        self._fetch(Move.LAST)

    def action_reload(self) -> None:
        self._cache.clear()
        self._fetch(Move.RELOAD)

    @on(RecordTable.EdgeReached)
    def _edge(self, message: RecordTable.EdgeReached) -> None:
        move = Move.NEXT if message.forward else Move.PREVIOUS
        request = self._make_request(move)
        if request is None:
            return
        cached = self._cache_get(request)
        row = 0 if message.forward else self.session.page_size if self.session else 0
        if cached is not None:
            self._show_page(request, cached, cursor_row=row)
        else:
            self._fetch(move)

    # ----- table, detail -------------------------------------------------------------------

    @on(RecordTable.CellHighlighted, "#table")
    def _cell_moved(self) -> None:
        record = self.table.current_record
        if record is not self.detail.record:
            self.detail.show(record)

    @on(AliasTree.NodeSelected, "#tree")
    def _alias_chosen(self, event: AliasTree.NodeSelected[str]) -> None:
        key = event.node.data
        if key is not None and key != self.alias_key:
            self.open_alias(key)
            self.table.focus()

    def _filter_by_cell(self, op: str) -> None:
        column = self.table.current_column
        record = self.table.current_record
        if column is None or record is None:
            return
        value = record.get(column)
        self.filter_bar.append_clause(column, op, None if is_empty(value) else value_text(value))

    def action_filter_equal(self) -> None:
        self._filter_by_cell("==")

    def action_filter_not_equal(self) -> None:
        self._filter_by_cell("!=")

    def action_sort_page(self) -> None:
        label = self.table.sort_by_cursor()
        if label:
            self._sort_label = label
            self._update_border()
            self.detail.show(self.table.current_record)

    def action_choose_columns(self) -> None:
        from explorer.tui.columns_screen import ColumnsScreen

        key = self.alias_key
        if key is None or self.session is None:
            return
        state_key = self.session.state_key(key)

        def chosen(choice: dict[str, Any] | None) -> None:
            if choice is None:
                return
            self._columns_store.set(state_key, choice)
            known = self._known_columns.get(key, [])
            self.table.set_columns(visible_columns(known, choice))

        self.push_screen(
            ColumnsScreen(self._known_columns.get(key, []), self.table.columns_shown), chosen
        )

    def action_toggle_json(self) -> None:
        self.detail.json_mode = not self.detail.json_mode

    def action_copy_record(self) -> None:
        record = self.table.current_record
        if record is not None:
            copy_text(self, record_json(record), "record")

    def action_copy_value(self) -> None:
        record, column = self.table.current_record, self.table.current_column
        if record is not None and column is not None:
            copy_text(self, value_text(record.get(column)), f"{column} value")

    # ----- filter bar ----------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        self.filter_bar.focus()

    def on_filter_bar_applied(self, message: FilterBar.Applied) -> None:
        self.apply_filter(message.filter)
        self.table.focus()

    def on_filter_bar_left(self, _: FilterBar.Left) -> None:
        self.table.focus()

    def on_filter_bar_save_requested(self, message: FilterBar.SaveRequested) -> None:
        session = self.session
        if session is None:
            return
        if self.alias_key is None:
            return
        session.save_filter(self.alias_key, message.name, message.filter)
        self.notify(f"Saved filter {message.name!r} for {self.alias_key}", title="Saved")

    def current_filter(self) -> str:
        return self.filter_bar.value

    def action_copy_filter(self) -> None:
        copy_text(self, self.current_filter(), "filter")

    def action_copy_filter_param(self) -> None:
        copy_text(self, "filter=" + quote(self.current_filter(), safe=""), "filter parameter")

    def _request_args(self) -> tuple[Any, str, str, dict[str, Any]] | None:
        if self.session is None or self.alias_key is None:
            return None
        record_type, alias = self.alias_key.split("/", 1)
        params: dict[str, Any] = {
            "first": self.session.page_size,
            "filter": self.filter_text or None,
        }
        settings = self.session.profile.connection_settings()
        return settings, record_type, alias, params

    def action_copy_url(self) -> None:
        from explorer.api import request_url

        args = self._request_args()
        if args is not None:
            settings, record_type, alias, params = args
            copy_text(self, request_url(settings, record_type, alias, **params), "URL")

    def action_copy_curl(self) -> None:
        from explorer.api import curl_command

        args = self._request_args()
        if args is not None:
            settings, record_type, alias, params = args
            copy_text(self, curl_command(settings, record_type, alias, **params), "curl command")

    # ----- aliases -------------------------------------------------------------------------

    def jump_to(self, key: str) -> None:
        """Select and open an alias (from the jump modal or the palette)."""
        self.alias_tree.select_key(key)
        if key != self.alias_key:
            self.open_alias(key)
        self.table.focus()

    def use_saved_filter(self, key: str, text: str) -> None:
        """Open the saved filter's alias with the filter applied."""
        self.alias_tree.select_key(key)
        self.open_alias(key, text)
        self.table.focus()

    def action_jump_alias(self) -> None:
        from explorer.tui.jump_screen import JumpScreen

        if self.session is None:
            return

        def jump(key: str | None) -> None:
            if key is not None:
                self.jump_to(key)

        self.push_screen(JumpScreen(self.session.alias_keys()), jump)

    def action_add_alias(self) -> None:
        from explorer.tui.alias_screen import AddAliasScreen

        def add(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self._verify_alias(*choice)

        self.push_screen(AddAliasScreen(), add)

    @work(group="alias", exit_on_error=False)
    async def _verify_alias(self, record_type: str, alias: str) -> None:
        from explorer.api import Priority

        try:
            page = await self.client.list_page(
                record_type, alias, first=1, priority=Priority.INTERACTIVE
            )
        except Exception as error:  # explained in a toast
            title, text = describe_error(error)
            self.notify(text, title=f"Alias not added: {title}", severity="error")
            return
        self._alias_verified(record_type, alias, page.total)

    def _alias_verified(self, record_type: str, alias: str, total: int) -> None:
        session = self.session
        assert session is not None
        key = f"{record_type}/{alias}"
        names = session.aliases().setdefault(record_type, [])
        if alias not in names:
            names.append(alias)
            session.save()
        self.alias_tree.load(session.aliases())
        self.alias_tree.set_count(key, total)
        self.alias_tree.select_key(key)
        self.notify(f"Added {key} ({total:,} records)", title="Alias added")
        self.open_alias(key)

    def action_remove_alias(self) -> None:
        session = self.session
        key = self.alias_tree.cursor_key
        if session is None or key is None:
            return
        record_type, alias = key.split("/", 1)
        names = session.aliases().get(record_type, [])
        if alias in names:
            names.remove(alias)
            if not names:
                session.aliases().pop(record_type, None)
            session.save()
        self.alias_tree.load(session.aliases())
        self.notify(f"Removed {key} from the profile", title="Alias removed")

    # ----- help ----------------------------------------------------------------------------

    def action_help(self) -> None:
        from explorer.tui.help_screen import HelpScreen

        title, text = "Explorer", "Browse records of your aliases."
        scopes: tuple[str, ...] = ()
        node: Any = self.focused
        while node is not None:
            if hasattr(node, "HELP_SCOPES"):
                title, text, scopes = node.HELP_TITLE, node.HELP_TEXT, node.HELP_SCOPES
                break
            if node.id == "filter-bar":
                title, text, scopes = "Filter", FILTER_HELP, ("filter",)
                break
            node = node.parent
        keymap = self.session.keymap if self.session else {}
        read_only = self.session.read_only if self.session else False
        self.push_screen(HelpScreen(title, text, scopes, keymap, read_only=read_only))

    def run_spec(self, spec: actions.ActionSpec) -> None:
        """Run a registry action from the palette."""
        self.call_later(self.run_action, spec.action)
