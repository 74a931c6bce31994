"""The export screen: path, format and scope, then a progress bar with records, pages, time left."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, RadioButton, RadioSet, Static

from explorer.edits.client import RecordClient
from explorer.edits.export import FORMATS, ExportJob, ExportProgress, ExportResult, Scope
from explorer.tui.styling import DIALOGS_CSS


class ExportScreen(ModalScreen[ExportResult | None]):
    """Answers the export's result (complete or partial), or None when left before starting."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Cancel / close")]

    class Progressed(Message):
        def __init__(self, progress: ExportProgress) -> None:
            super().__init__()
            self.progress = progress

    class Finished(Message):
        def __init__(self, result: ExportResult) -> None:
            super().__init__()
            self.result = result

    def __init__(
        self,
        client: RecordClient,
        record_type: str,
        alias: str,
        filter_text: str | None = None,
        page: Sequence[dict[str, Any]] = (),
        *,
        default_path: str | None = None,
        page_size: int = 500,
    ) -> None:
        super().__init__(classes="edit-modal")
        self.client = client
        self.record_type = record_type
        self.alias = alias
        self.filter_text = filter_text or None
        self.page = list(page)
        self.page_size = page_size
        self.default_path = default_path or f"{alias}.csv"
        self.job: ExportJob | None = None
        self.result: ExportResult | None = None

    def compose(self) -> ComposeResult:
        where = f" matching [b]{self.filter_text}[/b]" if self.filter_text else ""
        with Vertical(id="export-dialog", classes="edit-dialog wide"):
            yield Label(f"[b]Export[/b] {self.alias} records{where}")
            yield Input(self.default_path, placeholder="path", id="export-path")
            with Horizontal(classes="choices"):
                with RadioSet(id="export-format"):
                    for index, fmt in enumerate(FORMATS):
                        yield RadioButton(fmt.upper(), value=index == 0, id=f"format-{fmt}")
                with RadioSet(id="export-scope"):
                    yield RadioButton("Every matching record", value=True, id="scope-all")
                    yield RadioButton(f"Current page ({len(self.page)})", id="scope-page")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static("", id="export-status")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-progress", ProgressBar).display = False
        self.query_one("#export-path", Input).focus()

    @property
    def fmt(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_index
        return FORMATS[max(0, pressed)]

    @property
    def scope(self) -> Scope:
        pressed = self.query_one("#export-scope", RadioSet).pressed_button
        return Scope.PAGE if pressed is not None and pressed.id == "scope-page" else Scope.ALL

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self) -> None:
        field = self.query_one("#export-path", Input)
        path = Path(field.value.strip() or self.default_path)
        if path.suffix.lstrip(".") in FORMATS:
            field.value = str(path.with_suffix("." + self.fmt))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def start(self) -> None:
        if self.job is not None:
            return
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.query_one("#export-status", Static).update("[red]Type a path.[/red]")
            return
        self.job = ExportJob(
            self.record_type,
            self.alias,
            Path(text).expanduser(),
            self.fmt,
            self.scope,
            self.filter_text,
            self.page,
            self.page_size,
        )
        self.query_one("#export-progress", ProgressBar).display = True
        self.query_one("#export-go", Button).disabled = True
        self._run(self.job)

    @work(exclusive=True, group="export")
    async def _run(self, job: ExportJob) -> None:
        result = await job.run(self.client, self._tell)
        self.post_message(self.Finished(result))

    def _tell(self, progress: ExportProgress) -> None:
        self.post_message(self.Progressed(progress))

    @on(Progressed)
    def progressed(self, event: Progressed) -> None:
        p = event.progress
        self.query_one("#export-progress", ProgressBar).update(total=p.total, progress=p.records)
        self.query_one("#export-status", Static).update(p.line)

    @on(Finished)
    def finished(self, event: Finished) -> None:
        self.result = r = event.result
        status = self.query_one("#export-status", Static)
        if r.complete:
            status.update(f"[green]Done:[/green] {r.records} records written to {r.path}")
        else:
            status.update(f"[yellow]Partial:[/yellow] {r.records} records in {r.path} ({r.reason})")
        self.query_one("#export-cancel", Button).label = "Close"

    @on(Button.Pressed, "#export-cancel")
    def action_leave(self) -> None:
        if self.job is not None and self.result is None:
            self.job.cancel()
            self.query_one("#export-status", Static).update("Cancelling after this page…")
            return
        self.dismiss(self.result)
