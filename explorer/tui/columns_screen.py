"""`c`: choose which columns show and in what order; the choice is remembered per alias."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS


class ColumnsScreen(ModalScreen[dict[str, Any] | None]):
    """Space toggles a column, ctrl+up/down moves it, Enter keeps the choice, Escape drops it."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("columns")

    def __init__(self, columns: Sequence[str], visible: Sequence[str]) -> None:
        super().__init__()
        shown = set(visible)
        ordered = [c for c in visible if c in columns] + [c for c in columns if c not in shown]
        self._items: list[tuple[str, bool]] = [(c, c in shown) for c in ordered]

    def compose(self) -> ComposeResult:
        with Vertical(id="columns-box") as box:
            box.border_title = "Columns"
            box.border_subtitle = "space show/hide · ^↑/^↓ move · enter keep"
            yield SelectionList[str](id="columns-list")
            yield Static("", id="columns-note")

    def on_mount(self) -> None:
        self._fill(0)

    def _fill(self, highlighted: int) -> None:
        selection = self.query_one("#columns-list", SelectionList)
        selection.clear_options()
        selection.add_options([(name, name, on) for name, on in self._items])
        selection.highlighted = highlighted

    def _sync(self) -> None:
        selected = set(self.query_one("#columns-list", SelectionList).selected)
        self._items = [(name, name in selected) for name, _ in self._items]

    def action_move(self, step: int) -> None:
        selection = self.query_one("#columns-list", SelectionList)
        index = selection.highlighted
        if index is None:
            return
        target = index + step
        if not 0 <= target < len(self._items):
            return
        self._sync()
        items = self._items
        items[index], items[target] = items[target], items[index]
        self._fill(target)

    def action_keep(self) -> None:
        self._sync()
        order = [name for name, _ in self._items]
        hidden = [name for name, on in self._items if not on]
        if len(hidden) == len(order):
            self.query_one("#columns-note", Static).update("Keep at least one column.")
            return
        self.dismiss({"order": order, "hidden": hidden})

    def action_cancel(self) -> None:
        self.dismiss(None)
