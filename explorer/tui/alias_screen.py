"""`a`: ask for a record type and alias to add to the profile."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from explorer.records import RECORD_TYPES
from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS


def parse_alias(text: str) -> tuple[str, str] | str:
    """`tasks/ittickets` → ("tasks", "ittickets"), or a message saying what is wrong."""
    record_type, _, alias = text.strip().partition("/")
    if not alias:
        return "Write it as type/alias, e.g. tasks/ittickets."
    if record_type not in RECORD_TYPES:
        return f"The type must be one of {', '.join(RECORD_TYPES)}."
    if "/" in alias or not alias.strip():
        return "An alias is one name, e.g. ittickets."
    return record_type, alias.strip()


class AddAliasScreen(ModalScreen[tuple[str, str] | None]):
    """The app checks the alias with a one-record fetch before saving it."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("alias")

    def compose(self) -> ComposeResult:
        with Vertical(id="alias-box") as box:
            box.border_title = "Add alias"
            yield Input(placeholder="type/alias, e.g. tasks/ittickets", id="alias-input")
            yield Static("Enter checks it with a one-record fetch.", id="alias-note")

    @on(Input.Submitted, "#alias-input")
    def _submitted(self, event: Input.Submitted) -> None:
        parsed = parse_alias(event.value)
        if isinstance(parsed, str):
            self.query_one("#alias-note", Static).update(parsed)
            return
        self.dismiss(parsed)

    def action_cancel(self) -> None:
        self.dismiss(None)
