"""A small dialog asking for a few lines of text: the collaboration actions that need more
room than the detail pane has (an upload's path, a link, a download's destination, a related
record) open it instead of crowding the pane with inputs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS


@dataclass(frozen=True, slots=True)
class Question:
    """One input of the dialog: its key in the answer, its label, placeholder and start value."""

    key: str
    label: str
    placeholder: str
    value: str = ""


class AskScreen(ModalScreen[dict[str, str] | None]):
    """Answers the text typed per question's key, or None when the person leaves.

    Enter moves to the next input and, on the last one, answers; Escape cancels.
    """

    CSS_PATH = DIALOGS_CSS
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("ask")

    def __init__(self, title: str, questions: Sequence[Question], go: str) -> None:
        super().__init__(classes="edit-modal")
        self.title_text = title
        self.questions = tuple(questions)
        self.go = go

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-dialog", classes="edit-dialog"):
            yield Label(f"[b]{self.title_text}[/b]", id="ask-title")
            for question in self.questions:
                yield Static(question.label, classes="ask-label")
                yield Input(
                    question.value, placeholder=question.placeholder, id=f"ask-{question.key}"
                )
            with Horizontal(classes="buttons"):
                yield Button(f"{self.go} (enter)", variant="primary", id="ask-go")
                yield Button("Cancel (esc)", id="ask-cancel")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def answers(self) -> dict[str, str]:
        return {q.key: self.query_one(f"#ask-{q.key}", Input).value.strip() for q in self.questions}

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.dismiss(self.answers())

    @on(Button.Pressed, "#ask-go")
    def _go(self) -> None:
        self.dismiss(self.answers())

    @on(Button.Pressed, "#ask-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
