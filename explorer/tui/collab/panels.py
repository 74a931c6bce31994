"""One panel per collaboration sub-resource; each loads the first time its tab opens.

Calls run in workers that post their answers as messages; the handlers own the widgets.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Static

from explorer.edits.client import describe_failure
from explorer.edits.collab import (
    Attachment,
    Collaboration,
    Comment,
    RelatedItem,
    Watcher,
    human_size,
)
from explorer.kinds import is_email
from explorer.tui import actions
from explorer.tui.edit.confirm import ConfirmScreen

# How often a list with an attachment still PROCESSING is fetched again, in seconds.
PROCESSING_POLL = 0.25


class CollabPanel(Vertical):
    """A list with its add/remove controls; `ensure_loaded` fetches it once, on demand."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()

    class Rows(Message):
        def __init__(self, panel: CollabPanel, rows: Sequence[Any]) -> None:
            super().__init__()
            self.panel = panel
            self.rows = list(rows)

    class Said(Message):
        def __init__(self, panel: CollabPanel, text: str, *, error: bool, reload: bool) -> None:
            super().__init__()
            self.panel = panel
            self.text = text
            self.error = error
            self.reload = reload

    def __init__(self, collab: Collaboration, *, read_only: bool = False, **kwargs: Any) -> None:
        super().__init__(classes="collab-panel", **kwargs)
        self.collab = collab
        self.read_only = read_only
        self.loaded = False
        self.rows: list[Any] = []
        # Why this panel has no record to work on (its alias carries no ids), when so.
        self.blocked: str | None = None

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True, classes="collab-list")
        yield from self.controls()
        yield Static("", classes="collab-status")

    def controls(self) -> ComposeResult:
        """Add/remove controls under the list; read-only mode shows none that write."""
        yield from ()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*self.COLUMNS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only panel has no write keys (the app says why when one is pressed)."""
        if self.read_only and action in actions.WRITE_ACTIONS:
            return False
        return super().check_action(action, parameters)

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.reload()

    def reload(self) -> None:
        self.status("Loading…")
        self._fetch()

    @work(exclusive=True, group="fetch")
    async def _fetch(self) -> None:
        try:
            rows = await self.fetch()
        except Exception as error:  # shown in the panel's status line
            self.post_message(self.Said(self, describe_failure(error), error=True, reload=False))
        else:
            self.post_message(self.Rows(self, rows))

    async def fetch(self) -> Sequence[Any]:
        raise NotImplementedError

    def cells(self, row: Any) -> Sequence[Any]:
        raise NotImplementedError

    @on(Rows)
    def _show(self, event: Rows) -> None:
        if event.panel is not self:
            return
        event.stop()
        self.rows = event.rows
        table = self.query_one(DataTable)
        table.clear()
        for row in self.rows:
            table.add_row(*self.cells(row))
        self.status(f"{len(self.rows)} item(s)")
        self.shown()

    def shown(self) -> None:
        """Hook after the list is redrawn."""

    def act(self, call: Callable[[], Awaitable[Any]], done: str) -> None:
        """Run one write call; say `done` and reload, or say why it failed (or cannot run)."""
        if self.blocked is not None:
            self.status(self.blocked, error=True)
            return
        self.status("Working…")
        self._act(call, done)

    @work(group="act")
    async def _act(self, call: Callable[[], Awaitable[Any]], done: str) -> None:
        try:
            await call()
        except Exception as error:  # shown in the panel's status line
            self.post_message(self.Said(self, describe_failure(error), error=True, reload=False))
        else:
            self.post_message(self.Said(self, done, error=False, reload=True))

    @on(Said)
    def _said(self, event: Said) -> None:
        if event.panel is not self:
            return
        event.stop()
        self.status(event.text, error=event.error)
        if event.reload:
            self._fetch()

    def status(self, text: str, *, error: bool = False) -> None:
        line = self.query_one(".collab-status", Static)
        line.update(Text(text, style="bold red" if error else "dim"))

    def selected(self) -> Any | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]


class CommentsPanel(CollabPanel):
    COLUMNS = ("Comment", "Who", "When")

    def controls(self) -> ComposeResult:
        if self.read_only:
            return
        with Horizontal(classes="collab-controls"):
            yield Input(placeholder="Add a comment (plain text), Enter to post", id="comment-text")

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static("", classes="comment-full")

    async def fetch(self) -> Sequence[Comment]:
        return await self.collab.comments()

    @on(DataTable.RowHighlighted)
    def _show_full(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted comment in full, wrapped: the list row is cut to the pane's width."""
        row = self.selected()
        full = self.query_one(".comment-full", Static)
        if row is None:
            full.update("")
            return
        full.update(Text.assemble((f"{row.author} · {row.created_at[:16]}\n", "dim"), row.text))

    def cells(self, row: Comment) -> Sequence[Any]:
        return (row.text, row.author, row.created_at[:16].replace("T", " "))

    @on(Input.Submitted, "#comment-text")
    def add(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        event.input.value = ""
        self.act(lambda: self.collab.add_comment(text), "Comment added.")


class AttachmentsPanel(CollabPanel):
    COLUMNS = ("Name", "Size", "Type", "State")
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("attachments")

    def controls(self) -> ComposeResult:
        if not self.read_only:
            with Horizontal(classes="collab-controls"):
                yield Input(placeholder="File to upload, Enter", id="attach-path")
                yield Button("Upload", id="attach-upload")
            with Horizontal(classes="collab-controls"):
                yield Input(placeholder="https://… link", id="attach-url")
                yield Input(placeholder="description", id="attach-description")
                yield Button("Add link", id="attach-link")
        with Horizontal(classes="collab-controls"):
            yield Input(placeholder="Download selected to path", id="attach-dest")
            yield Button("Download", id="attach-download")
            if not self.read_only:
                yield Button("Delete…", variant="error", id="attach-delete")

    async def fetch(self) -> Sequence[Attachment]:
        return await self.collab.attachments()

    def cells(self, row: Attachment) -> Sequence[Any]:
        style = "yellow" if row.state == "PROCESSING" else "green" if row.state == "VALID" else ""
        return (row.name, human_size(row.size), row.media_type, Text(row.state, style=style))

    def shown(self) -> None:
        if any(row.state == "PROCESSING" for row in self.rows):
            self.set_timer(PROCESSING_POLL, self._fetch)

    @on(Input.Submitted, "#attach-path")
    @on(Button.Pressed, "#attach-upload")
    def upload(self) -> None:
        field = self.query_one("#attach-path", Input)
        path = Path(field.value.strip()).expanduser()
        if not path.is_file():
            self.status(f"No such file: {path}", error=True)
            return
        field.value = ""
        self.act(lambda: self.collab.upload(path), f"Uploaded {path.name}; processing…")

    @on(Input.Submitted, "#attach-url")
    @on(Input.Submitted, "#attach-description")
    @on(Button.Pressed, "#attach-link")
    def add_link(self) -> None:
        url = self.query_one("#attach-url", Input).value.strip()
        description = self.query_one("#attach-description", Input).value.strip()
        if not url.startswith(("http://", "https://")):
            self.status("A link needs an http:// or https:// URL.", error=True)
            return
        self.act(lambda: self.collab.add_link(url, description), "Link added.")

    @on(Input.Submitted, "#attach-dest")
    @on(Button.Pressed, "#attach-download")
    def action_download(self) -> None:
        row = self.selected()
        dest_text = self.query_one("#attach-dest", Input).value.strip()
        if row is None or not dest_text:
            self.status("Select an attachment and type a destination path.", error=True)
            return
        dest = Path(dest_text).expanduser()
        if dest.is_dir():
            dest = dest / row.name
        self.act(lambda: self.collab.download(row.id, dest), f"Saved {row.name} to {dest}")

    @on(Button.Pressed, "#attach-delete")
    def action_delete_attachment(self) -> None:
        row = self.selected()
        if row is None or self.read_only:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.act(lambda: self.collab.delete_attachment(row.id), f"Deleted {row.name}.")

        self.app.push_screen(ConfirmScreen(f"Delete attachment {row.name}?", "Delete"), answered)


class WatchersPanel(CollabPanel):
    COLUMNS = ("E-mail", "Name")

    def controls(self) -> ComposeResult:
        if self.read_only:
            return
        with Horizontal(classes="collab-controls"):
            yield Input(placeholder="e-mail(s), comma separated", id="watcher-email")
            yield Button("Add", id="watcher-add")
            yield Button("Remove", id="watcher-remove")

    async def fetch(self) -> Sequence[Watcher]:
        return await self.collab.watchers()

    def cells(self, row: Watcher) -> Sequence[Any]:
        return (row.email, row.name)

    def _emails(self) -> list[str] | None:
        text = self.query_one("#watcher-email", Input).value
        emails = [part.strip() for part in text.split(",") if part.strip()]
        if not emails:
            row = self.selected()
            return [row.email] if row is not None else None
        bad = [e for e in emails if not is_email(e)]
        if bad:
            self.status(f"Not an e-mail: {', '.join(bad)}", error=True)
            return None
        return emails

    @on(Input.Submitted, "#watcher-email")
    @on(Button.Pressed, "#watcher-add")
    def add(self) -> None:
        emails = self._emails()
        if emails:
            self.query_one("#watcher-email", Input).value = ""
            self.act(lambda: self.collab.add_watchers(emails), f"Added {', '.join(emails)}.")

    @on(Button.Pressed, "#watcher-remove")
    def drop(self) -> None:
        emails = self._emails()
        if emails:
            self.query_one("#watcher-email", Input).value = ""
            self.act(lambda: self.collab.remove_watchers(emails), f"Removed {', '.join(emails)}.")


class RelatedPanel(CollabPanel):
    COLUMNS = ("Id", "Alias", "Type")

    class Open(Message):
        """Enter on a related item: the app opens that record."""

        def __init__(self, item: RelatedItem) -> None:
            super().__init__()
            self.item = item

    def controls(self) -> ComposeResult:
        if self.read_only:
            return
        with Horizontal(classes="collab-controls"):
            yield Input(placeholder="alias", id="related-alias")
            yield Input(placeholder="id, e.g. ITM-4", id="related-id")
            yield Button("Add", id="related-add")
            yield Button("Remove", id="related-remove")

    async def fetch(self) -> Sequence[RelatedItem]:
        return await self.collab.related()

    def cells(self, row: RelatedItem) -> Sequence[Any]:
        return (row.id, row.alias, row.type)

    @on(Input.Submitted, "#related-id")
    @on(Button.Pressed, "#related-add")
    def add(self) -> None:
        alias = self.query_one("#related-alias", Input).value.strip()
        item_id = self.query_one("#related-id", Input).value.strip()
        if not alias or not item_id:
            self.status("Type the related record's alias and id.", error=True)
            return
        self.query_one("#related-id", Input).value = ""
        self.act(lambda: self.collab.add_related(item_id, alias), f"Related {alias}/{item_id}.")

    @on(Button.Pressed, "#related-remove")
    def drop(self) -> None:
        row = self.selected()
        if row is not None:
            self.act(lambda: self.collab.remove_related(row.id), f"Removed {row.id}.")

    @on(DataTable.RowSelected)
    def open(self, event: DataTable.RowSelected) -> None:
        row = self.selected()
        if row is not None:
            event.stop()
            self.post_message(self.Open(row))
