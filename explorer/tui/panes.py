"""The widgets of the main screen, made once and handed to the parts of the app that use them
(a DOM query walks the whole tree; these references cost nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from textual.widget import Widget

from explorer.tui.detail import DetailPane
from explorer.tui.filter import FilterBar
from explorer.tui.footer import KeyFooter
from explorer.tui.header import StatusHeader
from explorer.tui.table import RecordTable
from explorer.tui.tree import AliasTree


@dataclass(frozen=True)
class Panes:
    header: StatusHeader
    tree: AliasTree
    filter_bar: FilterBar
    table: RecordTable
    detail: DetailPane
    footer: KeyFooter = field(default_factory=KeyFooter)

    @classmethod
    def make(cls, state_dir: Path | None) -> Panes:
        return cls(
            StatusHeader(id="header"),
            AliasTree(id="tree"),
            FilterBar(id="filter-bar", state_dir=state_dir),
            RecordTable(id="table"),
            DetailPane(id="detail"),
        )

    def widgets(self) -> Iterator[Widget]:
        """In layout order: one grid on the screen, no nested containers (every container
        is drawn in full under its children, on the first frame and on every page turn)."""
        yield from (self.header, self.tree, self.filter_bar, self.table, self.detail, self.footer)
