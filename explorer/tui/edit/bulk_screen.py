"""Bulk edit: set one field on every record matching the filter, with count, progress, cancel."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from explorer.edits.bulk import BulkEdit, BulkProgress, BulkReport
from explorer.edits.client import RecordClient, describe_failure
from explorer.edits.fields import FieldProfile
from explorer.edits.values import expectation, parse_value
from explorer.tui import actions
from explorer.tui.styling import DIALOGS_CSS

# Seconds between progress redraws.
PROGRESS_INTERVAL = 0.25


class BulkEditScreen(ModalScreen[BulkReport | None]):
    """Pick a field and a value, see how many records match, confirm, watch it run."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("bulk")

    class Counted(Message):
        def __init__(self, total: int | None, reason: str | None) -> None:
            super().__init__()
            self.total = total
            self.reason = reason

    class Progressed(Message):
        def __init__(self, progress: BulkProgress) -> None:
            super().__init__()
            self.progress = progress

    class Finished(Message):
        def __init__(self, report: BulkReport) -> None:
            super().__init__()
            self.report = report

    def __init__(
        self,
        client: RecordClient,
        record_type: str,
        alias: str,
        filter_text: str | None,
        profiles: Mapping[str, FieldProfile],
        id_key: str | None = None,
    ) -> None:
        super().__init__(classes="edit-modal")
        self.client = client
        self.record_type = record_type
        self.alias = alias
        self.filter_text = filter_text or None
        self.id_key = id_key
        self.profiles = {n: p for n, p in profiles.items() if not p.read_only}
        self.total: int | None = None
        self.job: BulkEdit | None = None
        self.report: BulkReport | None = None
        self._last_told = 0.0

    def compose(self) -> ComposeResult:
        where = f"matching [b]{self.filter_text}[/b]" if self.filter_text else "(no filter)"
        with Vertical(id="bulk-dialog", classes="edit-dialog wide"):
            yield Label(f"[b]Bulk set field[/b] on {self.alias} records {where}")
            yield Static("Counting matching records…", id="bulk-count")
            yield Select([(name, name) for name in self.profiles], prompt="Field", id="bulk-field")
            yield Input(placeholder="new value", id="bulk-value")
            yield Static("", id="bulk-hint")
            yield ProgressBar(id="bulk-progress", show_eta=True)
            yield Static("", id="bulk-status")
            with Horizontal(classes="buttons"):
                yield Button("Set on all", variant="warning", id="bulk-run", disabled=True)
                yield Button("Cancel", id="bulk-cancel")

    def on_mount(self) -> None:
        self.query_one("#bulk-progress", ProgressBar).display = False
        self._count()

    @work(exclusive=True, group="bulk-count")
    async def _count(self) -> None:
        probe = BulkEdit(self.record_type, self.alias, {}, self.filter_text)
        try:
            total = await probe.count(self.client)
        except Exception as error:  # shown in place of the count
            self.post_message(self.Counted(None, describe_failure(error)))
        else:
            self.post_message(self.Counted(total, None))

    @on(Counted)
    def counted(self, event: Counted) -> None:
        self.total = event.total
        label = self.query_one("#bulk-count", Static)
        if event.reason:
            label.update(f"[red]Cannot count: {event.reason}[/red]")
        else:
            label.update(f"This will touch [b]{event.total}[/b] record(s).")
        self._check()

    def _change(self) -> tuple[str, Any] | None:
        name = self.query_one("#bulk-field", Select).value
        if not isinstance(name, str):
            return None
        profile = self.profiles[name]
        text = self.query_one("#bulk-value", Input).value
        parsed = parse_value(profile.kind, text, as_text=profile.as_text)
        hint = self.query_one("#bulk-hint", Static)
        hint.update(
            f"[red]{name}: {parsed.error}[/red]"
            if not parsed.ok
            else f"[dim]Expects {expectation(profile.kind, profile.choices)}[/dim]"
        )
        return (name, parsed.value) if parsed.ok else None

    @on(Select.Changed)
    @on(Input.Changed)
    def _check(self) -> None:
        change = self._change()
        ready = change is not None and bool(self.total) and self.job is None
        button = self.query_one("#bulk-run", Button)
        button.disabled = not ready
        if change is not None and self.total:
            button.label = f"Set {change[0]} on {self.total} record(s)"

    @on(Button.Pressed, "#bulk-run")
    def confirm(self) -> None:
        change = self._change()
        if change is None or self.job is not None:
            return
        from explorer.tui.edit.confirm import ConfirmScreen

        name, value = change
        question = f"Set {name} = {value!r} on {self.total} {self.alias} record(s)?"

        def answered(yes: bool | None) -> None:
            if yes:
                self.start(name, value)

        self.app.push_screen(ConfirmScreen(question, yes="Set"), answered)

    def start(self, name: str, value: Any) -> None:
        self.job = BulkEdit(
            self.record_type, self.alias, {name: value}, self.filter_text, id_key=self.id_key
        )
        bar = self.query_one("#bulk-progress", ProgressBar)
        bar.display = True
        bar.update(total=self.total, progress=0)
        self.query_one("#bulk-run", Button).disabled = True
        for widget in (self.query_one("#bulk-field"), self.query_one("#bulk-value")):
            widget.disabled = True
        self._run(self.job)

    @work(exclusive=True, group="bulk-run")
    async def _run(self, job: BulkEdit) -> None:
        report = await job.run(self.client, self._tell)
        self.post_message(self.Finished(report))

    def _tell(self, progress: BulkProgress) -> None:
        # At most four redraws a second: hundreds of writes a second would flood the screen.
        now = time.monotonic()
        running = progress.phase == "writing" and progress.done < (progress.total or 0)
        if running and now - self._last_told < PROGRESS_INTERVAL:
            return
        self._last_told = now
        self.post_message(self.Progressed(progress))

    @on(Progressed)
    def progressed(self, event: Progressed) -> None:
        p = event.progress
        if p.phase == "counting":
            text = f"Collecting matching records: {p.collected}/{p.total or '?'}"
        else:
            text = f"{p.done}/{p.total} written · {p.changed} changed · {p.failed} failed"
            self.query_one("#bulk-progress", ProgressBar).update(total=p.total, progress=p.done)
        self.query_one("#bulk-status", Static).update(text)

    @on(Finished)
    def finished(self, event: Finished) -> None:
        self.report = report = event.report
        lines = [f"[b]Done:[/b] {report.summary}"]
        lines += [f"[red]{rid}[/red]: {reason}" for rid, reason in report.failed[:5]]
        if len(report.failed) > 5:
            lines.append(f"… and {len(report.failed) - 5} more failures")
        self.query_one("#bulk-status", Static).update("\n".join(lines))
        self.query_one("#bulk-cancel", Button).label = "Close"

    @on(Button.Pressed, "#bulk-cancel")
    def action_leave(self) -> None:
        if self.job is not None and self.report is None:
            self.job.cancel()
            self.query_one("#bulk-status", Static).update("Cancelling after writes in flight…")
            return
        self.dismiss(self.report)
