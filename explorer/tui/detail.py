"""The detail pane: the selected record as name/value lines or as pretty JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, TypeAlias

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

from explorer.tui import actions
from explorer.tui.records import EMPTY, is_empty, value_text

# Staged (unsaved) values of a record by field, for showing them beside the loaded ones.
StagedLookup = Callable[[Mapping[str, Any]], Mapping[str, Any]]


# What the pane says before a record is selected.
NO_RECORD = Text("No record selected", style="dim")
# The name column never grows past this; longer names end in an ellipsis.
NAME_WIDTH = 24
# A JSON member's value whose key is longer than this wraps under the key, this far in.
JSON_INDENT = 4
# How the JSON view colours keys and values (rich styles, readable in dark and light themes).
JSON_STYLES = {"key": "bold", "string": "green", "number": "cyan", "literal": "magenta"}


@dataclass(frozen=True, slots=True)
class JsonView:
    """The record as pretty JSON, one member a line; a long value wraps under itself."""

    members: list[tuple[Text, Text]]


# What the body shows: a message, name/value pairs, or the JSON view.
BodyContent: TypeAlias = "Text | list[tuple[Text, Text]] | JsonView"


class DetailBody(Widget):
    """The selected record as lines drawn for the pane's width.

    Its height is its number of lines but at least the room left in the pane, so showing a
    record that fits that room (or takes as many lines as the last one) only repaints the
    body: the screen needs no new layout.
    """

    DEFAULT_CSS = "DetailBody { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: BodyContent = NO_RECORD
        self._drawn: tuple[int, list[Strip]] | None = None

    def show(self, content: BodyContent) -> None:
        before = len(self._drawn[1]) if self._drawn is not None else -1
        self._content, self._drawn = content, None
        width, height = self.size
        after = len(self._lines(width)) if width > 0 else -1
        fits = 0 <= before <= height and 0 <= after <= height
        self.refresh(layout=width <= 0 or (after != before and not fits))

    def notify_style_update(self) -> None:
        """A theme or style change redraws the lines in the new colours."""
        super().notify_style_update()
        self._drawn = None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self._lines(width)), self._room())

    def _room(self) -> int:
        """The pane's height left below the other parts in it (the collaboration tabs)."""
        pane = self.parent
        if not isinstance(pane, Widget):
            return 0
        others = sum(
            child.outer_size.height
            for child in pane.children
            if child is not self and child.display
        )
        return max(0, pane.scrollable_content_region.height - others)

    def render_line(self, y: int) -> Strip:
        lines = self._lines(self.size.width)
        return lines[y] if 0 <= y < len(lines) else Strip.blank(self.size.width, self.rich_style)

    def _lines(self, width: int) -> list[Strip]:
        drawn = self._drawn
        if drawn is None or drawn[0] != width:
            drawn = self._drawn = (width, self._draw(max(1, width)))
        return drawn[1]

    def _draw(self, width: int) -> list[Strip]:
        console, base = self.app.console, self.rich_style
        content = self._content
        if isinstance(content, Text):
            lines = content.wrap(console, width, overflow="fold")
            return [_strip(console, line, width, base) for line in lines]
        if isinstance(content, JsonView):
            return self._draw_json(content, width)
        name_width = min(NAME_WIDTH, max((name.cell_len for name, _ in content), default=0))
        value_width = max(1, width - name_width - 1)
        # The gap after a name is drawn in the name's style, so each value starts its own
        # run of text (SVG renderers drop a run's leading spaces).
        indent = Text(" " * (name_width + 1), style="bold")
        strips: list[Strip] = []
        for name, value in content:
            if value.cell_len <= value_width and "\n" not in value.plain:
                pieces: list[Text] = [value]
            else:
                pieces = list(value.wrap(console, value_width, overflow="fold"))
            label = name.copy()
            label.truncate(name_width, overflow="ellipsis", pad=True)
            label.append(" ")
            for number, piece in enumerate(pieces):
                line = Text.assemble(label if number == 0 else indent, piece)
                strips.append(_strip(console, line, width, base))
        return strips

    def _draw_json(self, view: JsonView, width: int) -> list[Strip]:
        """`{`, a line per member (its value wrapped with a hanging indent), `}`."""
        console, base = self.app.console, self.rich_style
        strips = [_strip(console, Text("{"), width, base)]
        for key, value in view.members:
            room = width - key.cell_len
            if value.cell_len <= room and "\n" not in value.plain:
                lines = [Text.assemble(key, value)]
            elif key.cell_len <= width // 2:
                pieces = value.wrap(console, max(1, room), overflow="fold")
                pad = Text(" " * key.cell_len)
                lines = [Text.assemble(key if n == 0 else pad, p) for n, p in enumerate(pieces)]
            else:  # a long key: the value goes on the lines under it
                pieces = value.wrap(console, max(1, width - JSON_INDENT), overflow="fold")
                lines = [key, *(Text.assemble(" " * JSON_INDENT, p) for p in pieces)]
            strips.extend(_strip(console, line, width, base) for line in lines)
        strips.append(_strip(console, Text("}"), width, base))
        return strips


def json_value(value: Any) -> Text:
    """One JSON value on one line, coloured by its type."""
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        style = JSON_STYLES["string"]
    elif isinstance(value, bool) or value is None:
        style = JSON_STYLES["literal"]
    elif isinstance(value, int | float):
        style = JSON_STYLES["number"]
    else:
        style = ""
    return Text(text, style=style)


def json_view(record: Mapping[str, Any], staged: Mapping[str, Any]) -> JsonView:
    """The record as JSON; a staged value replaces the loaded one, marked unsaved."""
    members: list[tuple[Text, Text]] = []
    names = list(record)
    for index, name in enumerate(names):
        comma = "," if index < len(names) - 1 else ""
        key = Text.assemble("  ", (json.dumps(name, ensure_ascii=False), JSON_STYLES["key"]), ": ")
        if name in staged:
            value = Text(json.dumps(staged[name], ensure_ascii=False) + comma, "bold yellow")
            value.append("  * unsaved, was ", style="yellow")
            value.append(json.dumps(record[name], ensure_ascii=False), style="dim")
        else:
            value = json_value(record[name])
            value.append(comma)
        members.append((key, value))
    return JsonView(members)


def _strip(console: Console, text: Text, width: int, base: Style) -> Strip:
    """One line of the body: exactly `width` cells, on the pane's own colours."""
    segments = text.render(console, end="")
    if text.style:
        segments = Segment.apply_style(segments, console.get_style(text.style))
    return Strip(list(segments)).adjust_cell_length(width).apply_style(base)


def record_json(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


# The pane's keys that the app carries out (copying needs the table, editing the hub).
APP_ACTIONS = frozenset({"copy_record", "copy_value", "edit_field"})
# Keys that are letters: while an input has focus they type, so the footer leaves them out.
LETTER_ACTIONS = APP_ACTIONS | {"toggle_json"}


class DetailPane(VerticalScroll):
    """Follows the table cursor from the page already loaded, never with a request."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *actions.bindings("detail_pane"),
        *actions.bindings("detail"),
    ]
    HELP_TITLE = "Detail"
    HELP_TEXT = (
        "Every field of the selected record; long values wrap and empty ones show as —. "
        "It follows the table cursor without asking the server.\n\n"
        "Tabs: click one, or go to the tab strip (Tab / shift+Tab) and switch with ← and →. "
        "j goes back to the fields from another tab, and there switches the JSON view. "
        "Escape leaves an input; Escape again returns to the table."
    )
    HELP_SCOPES = ("detail_pane", "detail")

    class Left(Message):
        """Escape outside an input: focus goes back to the table."""

    json_mode: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.record: Mapping[str, Any] | None = None
        self.staged_lookup: StagedLookup | None = None
        # Why the shown alias's records cannot be acted on (no id found), shown above them.
        self.no_id: str | None = None
        self.border_title = "Detail"

    def compose(self) -> ComposeResult:
        yield DetailBody(id="detail-body")

    def show(self, record: Mapping[str, Any] | None) -> None:
        self.record = record
        self._render_body()

    def redraw(self) -> None:
        """Draw the same record again, e.g. after its staged edits changed."""
        self._render_body()

    # ----- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in LETTER_ACTIONS and isinstance(self.app.focused, Input):
            return False
        if action in APP_ACTIONS:
            return self.app.check_action(action, parameters)
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        """Escape: out of an input to its list (or the pane); from elsewhere, to the table."""
        from textual.widgets import DataTable

        focused = self.app.focused
        if isinstance(focused, Input):
            lists = focused.parent.query(DataTable) if focused.parent is not None else None
            if lists:
                lists.first().focus()
            else:
                self.focus()
            return
        self.post_message(self.Left())

    def action_toggle_json(self) -> None:
        self.toggle_json()

    async def action_copy_record(self) -> None:
        await self.app.run_action("copy_record")

    async def action_copy_value(self) -> None:
        await self.app.run_action("copy_value")

    async def action_edit_field(self) -> None:
        await self.app.run_action("edit_field")

    def toggle_json(self) -> None:
        """Back to the fields from another collaboration tab; on the fields, JSON on or off."""
        from explorer.tui.collab.tabs import CollaborationTabs

        tabs = self.query(CollaborationTabs)
        if tabs and not tabs.first().showing_fields:
            if self.app.focused is not None and self in self.app.focused.ancestors:
                self.focus()  # the focused part of the tab is about to be hidden
            tabs.first().open("fields")
            return
        self.json_mode = not self.json_mode

    def watch_json_mode(self) -> None:
        self.border_title = "Detail · JSON" if self.json_mode else "Detail"
        self._render_body()

    def _render_body(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#detail-body", DetailBody).show(self._rows())

    def _rows(self) -> BodyContent:
        if self.record is None:
            return NO_RECORD
        staged = self.staged_lookup(self.record) if self.staged_lookup else {}
        if self.json_mode:
            return json_view(self.record, staged)
        rows: list[tuple[Text, Text]] = []
        if self.no_id:
            rows.append((Text("No id", style="bold red"), Text(self.no_id, style="yellow")))
        for name, value in self.record.items():
            shown = Text(EMPTY, style="dim") if is_empty(value) else Text(value_text(value))
            if name in staged:
                new = staged[name]
                was = shown
                shown = Text(EMPTY if is_empty(new) else value_text(new), style="bold yellow")
                shown.append(" * unsaved, was ", style="yellow")
                shown.append_text(was)
            shown.expand_tabs()
            rows.append((Text(name, style="bold"), shown))
        return rows
