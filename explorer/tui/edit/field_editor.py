"""The inline field editor: validates as typed, says what is expected, offers seen values."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static

from explorer.edits.fields import FieldProfile
from explorer.edits.values import Parsed, display, expectation, parse_value
from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS


class Edited:
    """The editor's answer: the value the person confirmed (None clears the field)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class FieldEditor(ModalScreen[Edited | None]):
    """Edit one field of one record; Enter stages a valid value, Escape leaves it unchanged."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("field")

    def __init__(self, record_label: str, profile: FieldProfile, value: Any) -> None:
        super().__init__(classes="edit-modal")
        self.record_label = record_label
        self.profile = profile
        self.value = value
        # The values seen, or the kind's own (a boolean's two) when none were.
        self.choices: tuple[str, ...] = profile.choices or profile.kind.rule.choices

    def compose(self) -> ComposeResult:
        kind = self.profile.kind
        with Vertical(id="field-editor", classes="edit-dialog"):
            yield Label(
                f"[b]{self.profile.name}[/b] of {self.record_label}  [dim]{kind.value}[/dim]",
                id="editor-title",
            )
            yield Input(
                display(self.value),
                id="editor-input",
                suggester=SuggestFromList(self.choices, case_sensitive=False)
                if self.choices
                else None,
            )
            yield Static(f"Expects {expectation(kind, self.choices)}", id="editor-hint")
            if self.choices:
                yield OptionList(*self.choices, id="editor-choices")
            yield Static("Enter stage · Esc cancel", id="editor-keys", classes="dim")

    def on_mount(self) -> None:
        self.query_one("#editor-input", Input).focus()

    def parse(self, text: str) -> Parsed:
        return parse_value(self.profile.kind, text, as_text=self.profile.as_text)

    @on(Input.Changed, "#editor-input")
    def check(self, event: Input.Changed) -> None:
        """Validate on every keystroke and say what is expected when the text does not fit."""
        parsed = self.parse(event.value)
        hint = self.query_one("#editor-hint", Static)
        if parsed.ok:
            hint.update(f"Expects {expectation(self.profile.kind, self.choices)}")
            hint.remove_class("invalid")
            event.input.remove_class("invalid")
        else:
            hint.update(f"{self.profile.name}: {parsed.error}")
            hint.add_class("invalid")
            event.input.add_class("invalid")
        if self.choices:
            # The value the editor opened with shows every choice; typing narrows them.
            self._filter_choices("" if event.value == display(self.value) else event.value)

    def _filter_choices(self, text: str) -> None:
        options = self.query_one("#editor-choices", OptionList)
        needle = text.strip().lower()
        shown = [c for c in self.choices if needle in c.lower()] or list(self.choices)
        options.clear_options()
        options.add_options(shown)

    @on(Input.Submitted, "#editor-input")
    def submit(self, event: Input.Submitted) -> None:
        parsed = self.parse(event.value)
        if parsed.ok:
            self.dismiss(Edited(parsed.value))
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#editor-choices")
    def pick(self, event: OptionList.OptionSelected) -> None:
        text = str(event.option.prompt)
        self.query_one("#editor-input", Input).value = text
        parsed = self.parse(text)
        if parsed.ok:
            self.dismiss(Edited(parsed.value))

    def action_choices(self) -> None:
        if self.choices:
            self.query_one("#editor-choices", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
