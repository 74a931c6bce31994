"""The detail pane's collaboration tabs; each tab's list is fetched when the tab first opens."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from explorer.edits.collab import Collaboration
from explorer.edits.staging import RecordRef
from explorer.tui.collab.panels import (
    AttachmentsPanel,
    CollabPanel,
    CommentsPanel,
    RelatedPanel,
    WatchersPanel,
)

TABS: tuple[tuple[str, str, type[CollabPanel]], ...] = (
    ("comments", "Comments", CommentsPanel),
    ("attachments", "Attachments", AttachmentsPanel),
    ("watchers", "Watchers", WatchersPanel),
    ("related", "Related", RelatedPanel),
)


class CollaborationTabs(Vertical):
    """Comments, attachments, watchers and related items of one record."""

    DEFAULT_CSS = "CollaborationTabs { height: auto; }"

    def __init__(self, client: Any, ref: RecordRef, *, read_only: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.collab = Collaboration(client, ref)
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        with TabbedContent(id="collab-tabs"):
            for key, title, panel in TABS:
                with TabPane(title, id=f"tab-{key}"):
                    yield panel(self.collab, read_only=self.read_only, id=f"panel-{key}")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#collab-tabs", TabbedContent)

    def open(self, key: str) -> None:
        """Show one tab (`comments`, `attachments`, `watchers`, `related`); it loads if new."""
        self.tabs.active = f"tab-{key}"

    def on_mount(self) -> None:
        self.call_after_refresh(self._load_active)

    @on(TabbedContent.TabActivated)
    def _tab_opened(self, event: TabbedContent.TabActivated) -> None:
        if event.tabbed_content is self.tabs:
            self._load_active()

    def _load_active(self) -> None:
        pane = self.tabs.active_pane
        if pane is not None:
            pane.query_one(CollabPanel).ensure_loaded()

    def panel(self, key: str) -> CollabPanel:
        return self.query_one(f"#panel-{key}", CollabPanel)
