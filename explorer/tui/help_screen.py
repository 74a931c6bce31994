"""`?`/F1: what the focused pane does and its keys, read from the action registry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from explorer.tui import actions
from explorer.tui.keys import effective_keys
from explorer.tui.styling import DIALOGS_CSS


def help_table(
    scopes: Sequence[str], keymap: Mapping[str, str], *, read_only: bool, key_style: str = "bold"
) -> Table:
    table = Table(box=None, padding=(0, 2, 0, 0), show_header=True, header_style="bold")
    table.add_column("Key", style=key_style, no_wrap=True)
    table.add_column("Action", no_wrap=True)
    table.add_column("What it does", ratio=1)
    seen: set[str] = set()
    for scope in [*scopes, "app"]:
        for spec in actions.specs(scope, read_only=read_only):
            if spec.action in seen:
                continue
            seen.add(spec.action)
            keys = effective_keys(spec, keymap) or Text("palette", style="dim")
            table.add_row(keys, spec.label, spec.help)
    return table


class HelpScreen(ModalScreen[None]):
    """A modal with the pane's purpose and its bindings, then the app-wide ones."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("help")

    def __init__(
        self,
        title: str,
        text: str,
        scopes: Sequence[str],
        keymap: Mapping[str, str],
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self._title = title
        self._text = text
        self._scopes = scopes
        self._keymap = keymap
        self._read_only = read_only

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = f"Help · {self._title}"
            box.border_subtitle = "Esc closes"
            yield Static(self._text, id="help-text")
            yield Static(
                help_table(
                    self._scopes,
                    self._keymap,
                    read_only=self._read_only,
                    key_style=f"bold {self.app.current_theme.accent or 'cyan'}",
                ),
                id="help-keys",
            )

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
