"""The small modal that asks for a name under which to save the current filter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS


class SaveFilterScreen(ModalScreen[str | None]):
    """Returns the chosen name, or None when cancelled."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("save_filter")

    def __init__(
        self, filter_text: str, saved: Mapping[str, str], preview: Text | None = None
    ) -> None:
        """`preview` is the filter as the bar colours it (plain text when None)."""
        super().__init__(classes="filter-save-screen")
        self.filter_text = filter_text
        self.saved = dict(saved)
        self.preview = preview or Text(filter_text)

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-save-dialog") as dialog:
            dialog.border_title = "Save filter"
            yield Static(self.preview, id="filter-save-text")
            yield Input(placeholder="a name, e.g. open incidents", id="filter-save-name")
            yield Label("Enter saves · Escape cancels", id="filter-save-hint")

    @on(Input.Changed, "#filter-save-name")
    def _name_changed(self, event: Input.Changed) -> None:
        event.stop()
        name = event.value.strip()
        hint = self.query_one("#filter-save-hint", Label)
        if name in self.saved:
            hint.update(f"Enter replaces {name!r} · Escape cancels")
        else:
            hint.update("Enter saves · Escape cancels")

    @on(Input.Submitted, "#filter-save-name")
    def _name_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if name:
            self.dismiss(name)
        else:
            self.query_one("#filter-save-hint", Label).update("Type a name first · Escape cancels")

    def action_cancel(self) -> None:
        self.dismiss(None)
