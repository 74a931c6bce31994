"""`:`: jump to an alias by typing part of its name, fuzzy matched as k9s does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS


def rank_aliases(query: str, keys: Sequence[str]) -> list[tuple[float, str]]:
    """Alias keys that match `query`, best first; all of them for an empty query."""
    if not query.strip():
        return [(1.0, key) for key in keys]
    matcher = Matcher(query)
    scored = [(matcher.match(key), key) for key in keys]
    return sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])


class JumpScreen(ModalScreen[str | None]):
    """A small modal: an Input over a filtered OptionList; Enter jumps, Escape cancels."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("jump")

    def __init__(self, keys: Sequence[str]) -> None:
        super().__init__()
        self._keys = list(keys)

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-box") as box:
            box.border_title = "Jump to alias"
            yield Input(placeholder="alias name…", id="jump-input")
            yield OptionList(id="jump-options")

    def on_mount(self) -> None:
        self._refresh("")

    @on(Input.Changed, "#jump-input")
    def _changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, query: str) -> None:
        options = self.query_one("#jump-options", OptionList)
        options.clear_options()
        matcher = Matcher(query) if query.strip() else None
        for _score, key in rank_aliases(query, self._keys):
            options.add_option(Option(matcher.highlight(key) if matcher else key, id=key))
        if options.option_count:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one("#jump-options", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = (current + step) % options.option_count

    @on(Input.Submitted, "#jump-input")
    def _submitted(self, event: Input.Submitted) -> None:
        options = self.query_one("#jump-options", OptionList)
        if options.highlighted is None:
            query = event.value.strip()
            said = f"No alias matches {query!r}." if query else "This profile has no aliases."
            self.notify(said, severity="warning", markup=False)
            self.dismiss(None)
            return
        self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#jump-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
