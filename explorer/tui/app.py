"""The explorer app: a thin composer of the main screen's panes and the parts that own state.

`Panes` are the widgets. Once the session and its client are ready the app makes its `Parts`:
`Browser` (over the headless `PageController`) owns the list and page the table shows,
`AliasManager` the profile's aliases and their counts, `EditLink` the staged edits. Messages
flow up (widgets and workers post them; the app hands each to the part that owns it) and calls
flow down (the registry's actions call those parts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.command import Provider
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input, TextArea

from explorer.browse import Move
from explorer.tui import actions
from explorer.tui.aliases import AliasManager
from explorer.tui.browsing import Browser
from explorer.tui.clipboard import copy_filter, copy_record, copy_request, copy_value
from explorer.tui.connection import Connection
from explorer.tui.detail import DetailPane
from explorer.tui.edit.wiring import EditLink
from explorer.tui.errors import describe_error
from explorer.tui.filter import FilterBar
from explorer.tui.filter.messages import Applied, Left, SaveRequested
from explorer.tui.header import StatusHeader
from explorer.tui.helpable import help_topic
from explorer.tui.known_fields import KnownFields
from explorer.tui.main_screen import MainScreen
from explorer.tui.messages import (
    ActionChosen,
    ClientEventPosted,
    PageFailed,
    SessionFailed,
    SessionReady,
)
from explorer.tui.palette import ExplorerCommands
from explorer.tui.panes import Panes
from explorer.tui.parts import Parts, routed, routed_message
from explorer.tui.session import Session
from explorer.tui.status import Clock, utc_now
from explorer.tui.styling import MAIN_CSS
from explorer.tui.table import RecordTable
from explorer.tui.tree import AliasTree

if TYPE_CHECKING:
    from textual.action import ActionParseResult

    from explorer.tui.edit.hub import EditHub

NARROW_WIDTH = 120
READ_ONLY_WHY = "this profile is open read-only (--read-only, or read_only = true in its config)"

SessionSource = Session | Callable[[], Session] | None
FirstRun = Callable[[], Screen[Session | Callable[[], Session] | None]]


class ExplorerApp(App[None]):
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
        first_run: FirstRun | None = None,
        on_first_page: Callable[[ExplorerApp], None] | None = None,
    ) -> None:
        super().__init__()
        self._source = session
        self.session: Session | None = None
        self.parts: Parts | None = None
        self.panes = Panes.make(state_dir)
        self.connection = Connection(self, self.panes.header, clock, live_rate)
        self._state_dir = state_dir
        self._first_run = first_run
        self._on_first_page = on_first_page

    # ----- layout -----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield from self.panes.widgets()

    @property
    def table(self) -> RecordTable:
        return self.panes.table

    @property
    def alias_tree(self) -> AliasTree:
        return self.panes.tree

    @property
    def detail(self) -> DetailPane:
        return self.panes.detail

    @property
    def header(self) -> StatusHeader:
        return self.panes.header

    @property
    def filter_bar(self) -> FilterBar:
        return self.panes.filter_bar

    @property
    def edit_hub(self) -> EditHub | None:
        return self.parts.edits.hub if self.parts is not None else None

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    # ----- session ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self.table.border_title = "Records"
        self.table.border_subtitle = "starting…"
        self.table.show_note("Loading records…", loading=True)
        self.alias_tree.border_title = "Aliases"
        self.set_interval(30, self.connection.refresh_token_text)
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
        session = self.connection.build(factory)
        if session is not None:
            self.call_from_thread(setattr, self, "session", session)
            self.post_message(SessionReady())

    def on_session_failed(self, message: SessionFailed) -> None:
        title, text = describe_error(message.error)
        self.table.clear_note(loading_only=True)
        self.table.border_subtitle = "not connected"
        self.notify(text, title=f"Could not start: {title}", severity="error", timeout=10)

    async def on_session_ready(self, _: SessionReady) -> None:
        session = self.session
        assert session is not None
        self.header.set_place(session.label + (" · read-only" if session.read_only else ""))
        self._use_keymap(session.keymap)
        if session.theme and session.theme in self.available_themes:
            self.theme = session.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        client = await self.connection.open(session)
        fields = KnownFields(session, self._state_dir)
        browser = Browser(self, self.panes, session, client, fields, first_paint=self._painted)
        self.parts = parts = Parts(
            browser,
            AliasManager(self, self.panes, session, client, browser),
            EditLink(self, self.panes, session, client, browser),
        )
        self.alias_tree.load(session.aliases())
        keys = session.alias_keys()
        if keys:
            browser.open(keys[0])
            self.alias_tree.select_key(keys[0])
        else:
            self.table.clear_note(loading_only=True)
            self.table.border_subtitle = "no aliases: press a to add one"
        self.table.focus()
        await parts.edits.mount_now()

    def _use_keymap(self, keymap: Mapping[str, str]) -> None:
        if not keymap:
            return
        unknown = actions.unknown_ids(keymap)
        if unknown:
            # Markup off: the message names the config section in brackets.
            self.notify(
                f"Unknown action ids in [keymap]: {', '.join(unknown)}",
                title="Config",
                severity="warning",
                markup=False,
            )
        self.set_keymap({k: v for k, v in keymap.items() if k not in unknown})

    def _painted(self) -> None:
        """The first page is on screen: background work may start."""
        if self._on_first_page is not None:
            self._on_first_page(self)
        if self.parts is not None:
            self.parts.aliases.count_all()

    async def on_unmount(self) -> None:
        await self.connection.close()

    def _theme_changed(self, _theme: object) -> None:
        session = self.session
        if session is not None and session.config is not None:
            session.config.theme = self.theme
            session.save(profile_changed=False)

    # ----- messages, each handed to the part that owns it -------------------------------------

    on_page_loaded = routed_message(lambda parts: parts.browser.landed)
    on_record_table_filled = routed_message(lambda parts: parts.edits.table_filled)
    on_count_known = routed_message(lambda parts: parts.aliases.count_known)
    on_alias_checked = routed_message(lambda parts: parts.aliases.checked)
    on_alias_refused = routed_message(lambda parts: parts.aliases.refused)
    on_alias_chosen = routed_message(lambda parts: parts.aliases.chosen)
    on_edit_hub_changed = routed_message(lambda parts: parts.edits.hub_changed)
    on_edit_hub_record_saved = routed_message(lambda parts: parts.edits.record_saved)
    on_edit_hub_record_created = routed_message(lambda parts: parts.edits.record_created)
    on_collaboration_tabs_fields_shown = routed_message(lambda parts: parts.edits.fields_shown)
    on_related_panel_open = routed_message(lambda parts: parts.aliases.open_related)

    def on_client_event_posted(self, message: ClientEventPosted) -> None:
        self.connection.show(message)

    def on_page_failed(self, message: PageFailed) -> None:
        if self.parts is not None:
            self.parts.browser.failed(message)
            self.parts.edits.mount_after_paint()

    @on(RecordTable.EdgeReached)
    def _edge(self, message: RecordTable.EdgeReached) -> None:
        if self.parts is not None:
            self.parts.browser.edge(message.forward)

    @on(RecordTable.CellHighlighted, "#table")
    def _cell_moved(self) -> None:
        record = self.table.current_record
        if record is not self.detail.record:
            self.detail.show(record)
        if self.parts is not None:
            self.parts.edits.follow_later()

    @on(AliasTree.NodeSelected, "#tree")
    def _alias_selected(self, event: AliasTree.NodeSelected[str]) -> None:
        if self.parts is not None:
            self.parts.aliases.selected_in_tree(event.node.data)

    def on_filter_bar_applied(self, message: Applied) -> None:
        if self.parts is not None:
            self.parts.browser.apply_filter(message.filter)
        self.table.focus()

    def on_filter_bar_left(self, _: Left) -> None:
        self.table.focus()

    def on_filter_bar_save_requested(self, message: SaveRequested) -> None:
        key = self.parts.browser.alias_key if self.parts is not None else None
        if self.session is not None and key is not None:
            self.session.save_filter(key, message.name, message.filter)
            self.notify(f"Saved filter {message.name!r} for {key}", title="Saved")

    async def on_action_chosen(self, message: ActionChosen) -> None:
        await self.run_action(message.action)

    def on_edit_hub_bulk_done(self, _: EditHub.BulkDone) -> None:
        self.call_later(self.run_action, "reload")

    # ----- what tests and scripts call --------------------------------------------------------

    def open_alias(self, key: str, filter_text: str = "") -> None:
        if self.parts is not None:
            self.parts.browser.open(key, filter_text)

    def apply_filter(self, filter_text: str) -> None:
        if self.parts is not None:
            self.parts.browser.apply_filter(filter_text)

    def jump_to(self, key: str) -> None:
        if self.parts is not None:
            self.parts.aliases.jump_to(key)

    def current_filter(self) -> str:
        return self.filter_bar.value

    # ----- read-only mode and the palette -----------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.session is not None and self.session.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Write actions do not exist in read-only mode (no footer entry, no help line)."""
        if action in actions.WRITE_ACTIONS and self.read_only:
            return False
        if action == "focus_filter" and not self._slash_moves_to_filter():
            return False
        return super().check_action(action, parameters)

    def _slash_moves_to_filter(self) -> bool:
        """`/` is checked before any widget sees it, so that keys typed right after it land
        in the filter; it only moves there from the main screen's panes, and types a slash
        in any text input or dialog."""
        if not isinstance(self.screen, MainScreen):
            return False
        return not isinstance(self.focused, (Input, TextArea))

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """A write key pressed in read-only mode says why nothing happens."""
        if isinstance(action, str) and actions.writes(action) and self.read_only:
            self.notify(f"Not available: {READ_ONLY_WHY}.", title="Read-only", timeout=4)
            return True
        return await super().run_action(action, default_namespace, namespaces)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands, less those the registry offers already (Quit)."""
        ours = {spec.label for spec in actions.palette_specs()}
        return (c for c in super().get_system_commands(screen) if c.title not in ours)

    # ----- the registry's actions -------------------------------------------------------------

    action_next_page = routed(lambda parts: parts.browser.go(Move.NEXT))
    action_previous_page = routed(lambda parts: parts.browser.go(Move.PREVIOUS))
    action_first_page = routed(lambda parts: parts.browser.go(Move.FIRST))
    action_last_page = routed(lambda parts: parts.browser.go(Move.LAST))
    action_reload = routed(lambda parts: parts.browser.go(Move.RELOAD))
    action_filter_equal = routed(lambda parts: parts.browser.filter_by_cell("=="))
    action_filter_not_equal = routed(lambda parts: parts.browser.filter_by_cell("!="))
    action_sort_page = routed(lambda parts: parts.browser.sort_page())
    action_choose_columns = routed(lambda parts: parts.browser.choose_columns())
    action_jump_alias = routed(lambda parts: parts.aliases.ask_jump())
    action_add_alias = routed(lambda parts: parts.aliases.ask_add())
    action_remove_alias = routed(lambda parts: parts.aliases.remove_selected())
    # Write actions: hidden in read-only mode (`check_action`), their keys say why.
    action_edit_field = routed(lambda parts: parts.edits.edit_field())
    action_save_edits = routed(lambda parts: parts.edits.save())
    action_undo_edit = routed(lambda parts: parts.edits.undo())
    action_new_record = routed(lambda parts: parts.edits.new_record())
    action_bulk_set_field = routed(lambda parts: parts.edits.bulk_set())
    action_export_records = routed(lambda parts: parts.edits.export())

    def action_toggle_json(self) -> None:
        self.detail.json_mode = not self.detail.json_mode

    def action_focus_filter(self) -> None:
        self.filter_bar.focus()

    def action_copy_record(self) -> None:
        copy_record(self, self.table)

    def action_copy_value(self) -> None:
        copy_value(self, self.table)

    def action_copy_filter(self) -> None:
        copy_filter(self, self.current_filter())

    def action_copy_filter_param(self) -> None:
        copy_filter(self, self.current_filter(), as_parameter=True)

    def action_copy_url(self) -> None:
        copy_request(self, self.parts.browser if self.parts is not None else None)

    def action_copy_curl(self) -> None:
        copy_request(self, self.parts.browser if self.parts is not None else None, curl=True)

    def action_help(self) -> None:
        from explorer.tui.help_screen import HelpScreen

        topic = help_topic(self.focused)
        keymap = self.session.keymap if self.session else {}
        screen = HelpScreen(topic.title, topic.text, topic.scopes, keymap, read_only=self.read_only)
        self.push_screen(screen)

    async def action_quit(self) -> None:
        """Quitting with unsaved edits asks first."""
        question = self.parts.edits.quit_question() if self.parts is not None else None
        if question is None:
            await super().action_quit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        from explorer.tui.edit.confirm import ConfirmScreen

        self.push_screen(ConfirmScreen(question, yes="Quit"), answered)
