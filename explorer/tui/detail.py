"""The detail pane: the selected record as name/value lines or as pretty JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from explorer.tui import actions
from explorer.tui.records import EMPTY, is_empty, value_text

# Staged (unsaved) values of a record by field, for showing them beside the loaded ones.
StagedLookup = Callable[[Mapping[str, Any]], Mapping[str, Any]]


class RenderedOnce:
    """A grid that draws its segments once for both of Textual's passes: one measures the
    height, the other paints, with the same width (a grid ignores the height it is given)."""

    def __init__(self, grid: Table) -> None:
        self.grid = grid
        self._drawn: tuple[Console, tuple[Any, ...], list[Segment]] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (
            options.size,
            options.legacy_windows,
            options.min_width,
            options.max_width,
            options.is_terminal,
            options.encoding,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.highlight,
            options.markup,
        )
        drawn = self._drawn
        if drawn is None or drawn[0] is not console or drawn[1] != key:
            drawn = self._drawn = (console, key, list(console.render(self.grid, options)))
        return drawn[2]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.grid)


def record_json(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


class DetailPane(VerticalScroll):
    """Follows the table cursor from the page already loaded, never with a request."""

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("detail", namespace="app")
    HELP_TITLE = "Detail"
    HELP_TEXT = (
        "Every field of the selected record; long values wrap and empty ones show as —. "
        "It follows the table cursor without asking the server."
    )
    HELP_SCOPES = ("detail",)

    json_mode: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.record: Mapping[str, Any] | None = None
        self.staged_lookup: StagedLookup | None = None
        self.border_title = "Detail"

    def compose(self) -> ComposeResult:
        yield Static(Text("No record selected", style="dim"), id="detail-body")

    def show(self, record: Mapping[str, Any] | None) -> None:
        self.record = record
        self._render_body()

    def redraw(self) -> None:
        """Draw the same record again, e.g. after its staged edits changed."""
        self._render_body()

    def watch_json_mode(self) -> None:
        self.border_title = "Detail · JSON" if self.json_mode else "Detail"
        self._render_body()

    def _render_body(self) -> None:
        if not self.is_mounted:
            return
        body = self.query_one("#detail-body", Static)
        body.update(self._renderable())

    def _renderable(self) -> RenderableType:
        if self.record is None:
            return Text("No record selected", style="dim")
        if self.json_mode:
            return Syntax(record_json(self.record), "json", word_wrap=True, theme="ansi_dark")
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(style="bold", no_wrap=True, max_width=24, overflow="ellipsis")
        grid.add_column(ratio=1, overflow="fold")
        staged = self.staged_lookup(self.record) if self.staged_lookup else {}
        for name, value in self.record.items():
            shown = Text(EMPTY, style="dim") if is_empty(value) else Text(value_text(value))
            if name in staged:
                new = staged[name]
                was = shown
                shown = Text(EMPTY if is_empty(new) else value_text(new), style="bold yellow")
                shown.append(" * unsaved, was ", style="yellow")
                shown.append_text(was)
            grid.add_row(name, shown)
        return RenderedOnce(grid)
