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
from explorer.tui.collab.ask import AskScreen, Question
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

    class Listed(Message):
        """The panel's list is on screen, fresh from the server (`key` names the panel)."""

        def __init__(self, panel: CollabPanel) -> None:
            super().__init__()
            self.panel = panel
            self.key = (panel.id or "").removeprefix("panel-")

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
        self.post_message(self.Listed(self))

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
        yield Input(placeholder="Add a comment, Enter posts", id="comment-text")

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


def _button(label: str, id: str, *, destructive: bool = False) -> Button:
    """A one-line button of the pane; a destructive one looks so only when focused."""
    return Button(label, id=id, compact=True, classes="destructive" if destructive else "")


class AttachmentsPanel(CollabPanel):
    COLUMNS = ("Name", "Size", "Type", "State")
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("attachments")
    HELP_TITLE = "Attachments"
    HELP_TEXT = (
        "Files and links of the record. Upload…, Add link… and Download… each ask in a small "
        "dialog; Delete… asks before deleting. Escape returns to the table."
    )
    HELP_SCOPES = ("attachments", "detail_pane", "detail")

    def controls(self) -> ComposeResult:
        if not self.read_only:
            with Horizontal(classes="collab-controls"):
                yield _button("Upload…", "attach-upload")
                yield _button("Add link…", "attach-link")
        with Horizontal(classes="collab-controls"):
            yield _button("Download…", "attach-download")
            if not self.read_only:
                yield _button("Delete…", "attach-delete", destructive=True)

    async def fetch(self) -> Sequence[Attachment]:
        return await self.collab.attachments()

    def cells(self, row: Attachment) -> Sequence[Any]:
        style = "yellow" if row.state == "PROCESSING" else "green" if row.state == "VALID" else ""
        return (row.name, human_size(row.size), row.media_type, Text(row.state, style=style))

    def shown(self) -> None:
        if any(row.state == "PROCESSING" for row in self.rows):
            self.set_timer(PROCESSING_POLL, self._fetch)

    @on(Button.Pressed, "#attach-upload")
    def ask_upload(self) -> None:
        question = Question("path", "File to upload", "path, e.g. ~/notes.txt")
        self.app.push_screen(AskScreen("Upload a file", [question], "Upload"), self._upload)

    def _upload(self, answers: dict[str, str] | None) -> None:
        if not answers or not answers["path"]:
            return
        path = Path(answers["path"]).expanduser()
        if not path.is_file():
            self.status(f"No such file: {path}", error=True)
            return
        self.act(lambda: self.collab.upload(path), f"Uploaded {path.name}; processing…")

    @on(Button.Pressed, "#attach-link")
    def ask_link(self) -> None:
        questions = [
            Question("url", "Link", "https://…"),
            Question("description", "Description (optional)", "what the link is"),
        ]
        self.app.push_screen(AskScreen("Add a link", questions, "Add link"), self._add_link)

    def _add_link(self, answers: dict[str, str] | None) -> None:
        if not answers:
            return
        url, description = answers["url"], answers["description"]
        if not url.startswith(("http://", "https://")):
            self.status("A link needs an http:// or https:// URL.", error=True)
            return
        self.act(lambda: self.collab.add_link(url, description), "Link added.")

    @on(Button.Pressed, "#attach-download")
    def action_download(self) -> None:
        row = self.selected()
        if row is None:
            self.status("Select an attachment to download.", error=True)
            return
        question = Question("dest", "Save to (a file, or a folder to keep its name)", row.name)
        screen = AskScreen(f"Download {row.name}", [question], "Download")
        self.app.push_screen(screen, lambda answers: self._download(row, answers))

    def _download(self, row: Attachment, answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        dest = Path(answers["dest"] or row.name).expanduser()
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
        yield Input(placeholder="e-mail(s), comma separated", id="watcher-email")
        with Horizontal(classes="collab-controls"):
            yield _button("Add", "watcher-add")
            yield _button("Remove", "watcher-remove")

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
            yield _button("Add…", "related-add")
            yield _button("Remove", "related-remove", destructive=True)

    async def fetch(self) -> Sequence[RelatedItem]:
        return await self.collab.related()

    def cells(self, row: RelatedItem) -> Sequence[Any]:
        return (row.id, row.alias, row.type)

    @on(Button.Pressed, "#related-add")
    def ask_add(self) -> None:
        questions = [
            Question("alias", "Alias of the related record", "alias, e.g. ittickets"),
            Question("id", "Its id", "id, e.g. ITM-4"),
        ]
        self.app.push_screen(AskScreen("Relate a record", questions, "Relate"), self._add)

    def _add(self, answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        alias, item_id = answers["alias"], answers["id"]
        if not alias or not item_id:
            self.status("Type the related record's alias and id.", error=True)
            return
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
