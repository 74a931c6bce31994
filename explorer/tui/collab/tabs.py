"""The detail pane's collaboration tabs; each tab's list is fetched when the tab first opens."""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, TabbedContent, TabPane

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
FIELDS_TAB = "tab-fields"
# Each tab's title, then shorter ones: the strip uses the longest set that fits its width,
# so every tab stays on it in a narrow pane.
TITLES: dict[str, tuple[str, ...]] = {
    "fields": ("Fields",),
    "comments": ("Comments", "Comments", "Notes"),
    "attachments": ("Attachments", "Files", "Files"),
    "watchers": ("Watchers", "Watchers", "Watch"),
    "related": ("Related",),
}
# Columns a tab takes beyond its title (its padding).
TAB_PADDING = 2


def fitting_titles(keys: list[str], width: int) -> dict[str, str]:
    """The tab titles to show in a strip `width` columns wide (the shortest set if none fit)."""
    tiers = max(len(TITLES[key]) for key in keys)
    for tier in range(tiers):
        titles = {key: TITLES[key][min(tier, len(TITLES[key]) - 1)] for key in keys}
        if sum(len(title) + TAB_PADDING for title in titles.values()) <= width:
            return titles
    return titles


class CollaborationTabs(Vertical):
    """Comments, attachments, watchers and related items of one record.

    With `fields_tab`, a first "Fields" tab (holding nothing) is active at the start, so the
    detail pane shows the record's fields and no list is fetched until another tab is chosen.
    """

    DEFAULT_CSS = """
    CollaborationTabs { height: auto; }
    CollaborationTabs #tab-fields { height: 0; padding: 0; }
    """

    class FieldsShown(Message):
        """The Fields tab was chosen (True) or left (False): the pane shows or hides fields."""

        def __init__(self, shown: bool) -> None:
            super().__init__()
            self.shown = shown

    def __init__(
        self,
        client: Any,
        ref: RecordRef | None,
        *,
        read_only: bool = False,
        fields_tab: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.collab = Collaboration(client, ref or RecordRef("", "", ""))
        self.has_record = ref is not None
        self.read_only = read_only
        self.fields_tab = fields_tab

    @property
    def keys(self) -> list[str]:
        return (["fields"] if self.fields_tab else []) + [key for key, _, _ in TABS]

    def on_resize(self, event: events.Resize) -> None:
        for key, title in fitting_titles(self.keys, event.size.width).items():
            tab = self.tabs.get_tab(f"tab-{key}")
            if tab.label_text != title:
                tab.label = title

    def compose(self) -> ComposeResult:
        with TabbedContent(id="collab-tabs"):
            if self.fields_tab:
                yield TabPane("Fields", id=FIELDS_TAB)
            for key, title, panel in TABS:
                with TabPane(title, id=f"tab-{key}"):
                    yield panel(self.collab, read_only=self.read_only, id=f"panel-{key}")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#collab-tabs", TabbedContent)

    @property
    def showing_fields(self) -> bool:
        """Whether the record's fields show (the Fields tab is open, or there is none)."""
        return not self.fields_tab or self.tabs.active == FIELDS_TAB

    def open(self, key: str) -> None:
        """Show one tab (`fields`, `comments`, …); a list tab loads the first time it opens."""
        self.tabs.active = f"tab-{key}"

    def on_mount(self) -> None:
        self.call_after_refresh(self._load_active)

    @on(TabbedContent.TabActivated)
    def _tab_opened(self, event: TabbedContent.TabActivated) -> None:
        if event.tabbed_content is self.tabs:
            self._load_active()

    def _load_active(self) -> None:
        pane = self.tabs.active_pane
        if pane is None:
            return
        if self.fields_tab:
            self.post_message(self.FieldsShown(pane.id == FIELDS_TAB))
        if pane.id == FIELDS_TAB:
            return
        panel = pane.query_one(CollabPanel)
        if self.has_record:
            panel.ensure_loaded()
        elif panel.blocked is not None:
            panel.status(panel.blocked, error=True)

    def retarget(self, ref: RecordRef | None, why: str | None = None) -> None:
        """Follow another record: every list is dropped and the open one fetched again.
        With no ref, `why` says why the record has none (its alias carries no ids); the
        panels show it and refuse to write."""
        if ref is not None and self.has_record and ref == self.collab.ref:
            return
        self.has_record = ref is not None
        if ref is not None:
            self.collab.ref = ref
        for panel in self.query(CollabPanel):
            panel.loaded = False
            panel.rows = []
            if panel.blocked is not None and ref is not None:
                panel.status("")  # the record it could not work on is left
            panel.blocked = None if ref is not None else why
            panel.query_one(DataTable).clear()
        self._load_active()

    def panel(self, key: str) -> CollabPanel:
        return self.query_one(f"#panel-{key}", CollabPanel)
