"""The create-record form: one input per known field, required ones marked before the first
save, picklist values offered from those seen and checked before sending."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from explorer.api import OutcomeUnknownError
from explorer.edits.client import describe_failure, record_data
from explorer.edits.fields import FieldProfile, learn_required
from explorer.edits.values import display, expectation, parse_value
from explorer.kinds import FieldKind
from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS

CreateCall = Callable[[dict[str, Any]], Awaitable[Any]]
# Records whose values are those a create sent (the form asks after a lost answer).
FindCall = Callable[[dict[str, Any]], Awaitable[list[dict[str, Any]]]]


# What the marks before the field names mean, under the form's title.
LEGEND = "[red]*[/red] required · [yellow]*[/yellow] likely (filled in every record seen)"


def _input_id(index: int) -> str:
    return f"create-field-{index}"


def unknown_choice(profile: FieldProfile, value: Any) -> str | None:
    """A problem when a picklist value is none of the values seen; None when it is one."""
    if profile.kind is not FieldKind.PICKLIST or not profile.choices:
        return None
    text = display(value)
    if text.lower() in (choice.lower() for choice in profile.choices):
        return None
    shown = ", ".join(profile.choices[:8]) + (" …" if len(profile.choices) > 8 else "")
    return f"{profile.name}: {text!r} is not a value seen ({shown})"


class CreateRecordScreen(ModalScreen[dict[str, Any] | None]):
    """Answers the created record's map, or None when the person leaves."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("create")

    class Answered(Message):
        def __init__(
            self, record: dict[str, Any] | None, reason: str | None, *, lost: bool = False
        ) -> None:
            super().__init__()
            self.record = record
            self.reason = reason
            self.lost = lost  # sent, and no answer came back: it may have been created

    class Found(Message):
        """The records that hold the values of a create whose answer was lost."""

        def __init__(self, records: list[dict[str, Any]] | None, reason: str | None) -> None:
            super().__init__()
            self.records = records
            self.reason = reason

    def __init__(
        self,
        title: str,
        profiles: Mapping[str, FieldProfile],
        create: CreateCall,
        find: FindCall | None = None,
        id_key: str | None = None,
    ):
        super().__init__(classes="edit-modal")
        self.form_title = title
        self.fields = [p for p in profiles.values() if not p.read_only]
        self.profiles = profiles
        self.create = create
        self.find = find
        self.id_key = id_key
        self.unanswered: dict[str, Any] | None = None  # what a create sent that got no answer
        # The values last refused for unseen picklist values: sending them again goes ahead.
        self._warned: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="create-dialog", classes="edit-dialog wide"):
            yield Label(f"[b]New record in {self.form_title}[/b]", id="create-title")
            yield Static(LEGEND, id="create-legend")
            with VerticalScroll(id="create-fields"):
                for index, profile in enumerate(self.fields):
                    choices = profile.choices or profile.kind.rule.choices
                    yield Label(self._label(profile), id=f"{_input_id(index)}-label")
                    yield Input(
                        placeholder=expectation(profile.kind, profile.choices),
                        id=_input_id(index),
                        suggester=SuggestFromList(choices, case_sensitive=False)
                        if choices
                        else None,
                    )
            yield Static("Fill what you know; ctrl+s creates.", id="create-note")
            with Horizontal(classes="buttons"):
                yield Button("Create (ctrl+s)", variant="primary", id="create-go", compact=True)
                look = Button("Look for it (ctrl+l)", id="create-look", compact=True)
                look.display = False
                yield look
                yield Button("Cancel (esc)", id="create-cancel", compact=True)

    def on_mount(self) -> None:
        """The first field has focus, so the first keys typed land in it."""
        if self.fields:
            self.query_one(f"#{_input_id(0)}", Input).focus()

    @staticmethod
    def _label(profile: FieldProfile) -> str:
        if profile.required:
            mark = " [red]*[/red]"
        elif profile.always_filled:
            mark = " [yellow]*[/yellow]"
        else:
            mark = ""
        return f"{profile.name}{mark} [dim]{profile.kind.value}[/dim]"

    def collect(self) -> tuple[dict[str, Any], list[str]]:
        """The non-empty values typed, and a problem per value that does not fit its field."""
        data: dict[str, Any] = {}
        problems = []
        for index, profile in enumerate(self.fields):
            field_input = self.query_one(f"#{_input_id(index)}", Input)
            if not field_input.value.strip():
                field_input.set_class(profile.required, "invalid")
                if profile.required:
                    problems.append(f"{profile.name} is required")
                continue
            parsed = parse_value(profile.kind, field_input.value, as_text=profile.as_text)
            field_input.set_class(not parsed.ok, "invalid")
            if parsed.ok:
                data[profile.name] = parsed.value
            else:
                problems.append(f"{profile.name}: {parsed.error}")
        return data, problems

    def unseen_choices(self, data: Mapping[str, Any]) -> list[str]:
        """A problem per picklist value typed that is none of the values seen, marked."""
        problems = []
        for index, profile in enumerate(self.fields):
            problem = unknown_choice(profile, data[profile.name]) if profile.name in data else None
            if problem is not None:
                self.query_one(f"#{_input_id(index)}", Input).add_class("invalid")
                problems.append(problem)
        return problems

    def action_create(self) -> None:
        data, problems = self.collect()
        note = self.query_one("#create-note", Static)
        if problems:
            note.update(Text("; ".join(problems), style="red"))
            return
        unseen = self.unseen_choices(data)
        if unseen and data != self._warned:
            # The values seen may not be all the server accepts: the same form sent again goes.
            self._warned = data
            note.update(Text("; ".join(unseen) + ". ctrl+s again sends it as typed.", "yellow"))
            return
        note.update("Creating…")
        self.query_one("#create-go", Button).disabled = True
        self._send(data)

    @work(exclusive=True, group="create")
    async def _send(self, data: dict[str, Any]) -> None:
        try:
            record = record_data(await self.create(data))
        except OutcomeUnknownError as error:
            self.unanswered = data
            self.post_message(self.Answered(None, describe_failure(error), lost=True))
        except Exception as error:  # the form stays open with the reason
            self.post_message(self.Answered(None, describe_failure(error)))
        else:
            self.post_message(self.Answered(record, None))

    @on(Answered)
    def answered(self, event: Answered) -> None:
        if event.record is not None:
            self.dismiss(event.record)
            return
        self.query_one("#create-go", Button).disabled = False
        if event.lost:
            self._offer_look()
            return
        reason = event.reason or "refused"
        learned = learn_required(reason, self.profiles)
        for index, profile in enumerate(self.fields):
            self.query_one(f"#{_input_id(index)}-label", Label).update(self._label(profile))
            if profile.name in learned:
                self.query_one(f"#{_input_id(index)}", Input).add_class("invalid")
        note = f"Not created: {reason}"
        if learned:
            shown = [p.name for p in self.fields if p.name in learned]
            note += f"\nRequired, now marked: {', '.join(shown)}"
        self.query_one("#create-note", Static).update(Text(note, style="red"))

    def _offer_look(self) -> None:
        """After a lost answer: say the record may exist, and offer to look before resending."""
        note = "[yellow]No answer came back: the record may have been created.[/yellow] "
        if self.find is None:
            note += "Check the list before creating it again."
        else:
            note += "ctrl+l looks for it by the values sent; ctrl+s creates it again."
            look = self.query_one("#create-look", Button)
            look.display = True
            look.focus()
        self.query_one("#create-go", Button).label = "Create again (ctrl+s)"
        self.query_one("#create-note", Static).update(note)

    def action_look(self) -> None:
        if self.unanswered is None or self.find is None:
            return
        self.query_one("#create-note", Static).update("Looking for it…")
        self._look(dict(self.unanswered))

    @work(exclusive=True, group="create-look")
    async def _look(self, data: dict[str, Any]) -> None:
        assert self.find is not None
        try:
            found = await self.find(data)
        except Exception as error:  # the person can look again or create again
            self.post_message(self.Found(None, describe_failure(error)))
        else:
            self.post_message(self.Found([record_data(r) for r in found], None))

    @on(Found)
    def found(self, event: Found) -> None:
        note = self.query_one("#create-note", Static)
        if event.records is None:
            note.update(
                f"[red]Could not look: {escape(event.reason or '')}[/red] ctrl+l tries again."
            )
            return
        if len(event.records) == 1:
            self.dismiss(event.records[0])  # it was created: the form's work is done
            return
        if not event.records:
            note.update("No record has these values: it was not created. ctrl+s creates it.")
            return
        key = self.id_key
        handles = ", ".join(str(r.get(key, "?")) if key else "?" for r in event.records[:5])
        note.update(
            f"{len(event.records)} records have these values ({escape(handles)}): it may be"
            " one of them. ctrl+s creates another."
        )

    @on(Button.Pressed, "#create-look")
    def look(self) -> None:
        self.action_look()

    @on(Button.Pressed, "#create-go")
    def go(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#create-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
