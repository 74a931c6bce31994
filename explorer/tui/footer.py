"""The footer: the screen's shown bindings drawn as one line by one widget.

Textual's own footer composes a widget per key and rebuilds them whenever focus moves, which
costs more than a page of records takes to draw; this one only redraws its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class FooterEntry:
    """One key as the footer shows it, and the cells it covers once drawn."""

    key: str
    display: str
    description: str
    enabled: bool
    start: int = 0
    end: int = 0


class KeyFooter(Widget, can_focus=False):
    """The bindings of the focused widget and its ancestors that ask to be shown; the
    command palette's key on the right. A click on an entry presses its key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
        }
        .key-footer--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[FooterEntry] = []
        self.palette_entry: FooterEntry | None = None
        self._hover: FooterEntry | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        entries: list[FooterEntry] = []
        seen_actions: set[str] = set()
        palette: FooterEntry | None = None
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            entry = FooterEntry(key, app.get_key_display(binding), binding.description, enabled)
            if key == palette_key:
                palette = entry
            elif binding.show and binding.action not in seen_actions:
                seen_actions.add(binding.action)
                entries.append(entry)
        if _shown(entries, palette) != _shown(self.entries, self.palette_entry):
            self.entries, self.palette_entry = entries, palette
            self._hover = None
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        description_style = self.get_component_rich_style("key-footer--description", partial=True)
        hover_style = self.get_component_rich_style("key-footer--hover", partial=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        placed: list[FooterEntry] = []
        for entry in self.entries:
            start = line.cell_len
            self._append(line, entry, key_style, description_style, hover_style)
            placed.append(_placed(entry, start, line.cell_len))
        if self.palette_entry is not None:
            tail = Text(no_wrap=True, end="")
            self._append(tail, self.palette_entry, key_style, description_style, hover_style)
            start = max(line.cell_len, self.size.width - tail.cell_len)
            line.pad_right(start - line.cell_len)
            line.append_text(tail)
            self.palette_entry = _placed(self.palette_entry, start, line.cell_len)
        self.entries = placed
        return line

    def _append(
        self,
        line: Text,
        entry: FooterEntry,
        key_style: Style,
        description_style: Style,
        hover_style: Style,
    ) -> None:
        hovered = self._hover is not None and self._hover.key == entry.key
        extra = hover_style if hovered else Style()
        if not entry.enabled:
            extra += Style(dim=True)
        line.append(f" {entry.display} ", key_style + extra)
        if entry.description:
            line.append(f"{entry.description} ", description_style + extra)

    def entry_at(self, x: int) -> FooterEntry | None:
        """The entry drawn at column `x`, if any."""
        candidates = [*self.entries, *([self.palette_entry] if self.palette_entry else [])]
        return next((e for e in candidates if e.start <= x < e.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self.entry_at(event.x)
        if hovered != self._hover:
            self._hover = hovered
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        entry = self.entry_at(event.x)
        if entry is None:
            return
        event.stop()
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()


def _placed(entry: FooterEntry, start: int, end: int) -> FooterEntry:
    return FooterEntry(entry.key, entry.display, entry.description, entry.enabled, start, end)


def _shown(
    entries: list[FooterEntry], palette: FooterEntry | None
) -> list[tuple[str, str, str, bool]]:
    """What the footer draws, positions aside: a change redraws it."""
    every = [*entries, *([palette] if palette else [])]
    return [(e.key, e.display, e.description, e.enabled) for e in every]
