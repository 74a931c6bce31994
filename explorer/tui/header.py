"""The one-line header: where the app is connected, unsaved edits, the token state and the
request rate."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget


class StatusHeader(Widget):
    """Profile and region (or sandbox) on the left; unsaved edits, token and rate state on
    the right. One widget drawing one line: a change repaints it without a new layout."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-header--title",
        "status-header--ok",
        "status-header--bad",
        "status-header--unsaved",
    }
    DEFAULT_CSS = """
    StatusHeader {
        dock: top;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        .status-header--title { text-style: bold; }
        .status-header--ok { color: $success; }
        .status-header--bad { color: $warning; text-style: bold; }
        .status-header--unsaved { color: $warning; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = "Elementum Explorer"
        self.unsaved_text = ""
        self.token_text = "token …"
        self.rate_text = ""

    def set_place(self, text: str) -> None:
        self._change(title_text=f"Elementum Explorer · {text}")

    def set_unsaved(self, text: str) -> None:
        self._change(unsaved_text=text)

    def set_token(self, text: str) -> None:
        self._change(token_text=text)

    def set_rate(self, text: str) -> None:
        self._change(rate_text=text)

    def _change(self, **texts: str) -> None:
        if any(getattr(self, name) != text for name, text in texts.items()):
            for name, text in texts.items():
                setattr(self, name, text)
            self.refresh()

    def render(self) -> Text:
        style = self.get_component_rich_style
        ok, bad = style("status-header--ok"), style("status-header--bad")
        right = Text(no_wrap=True, end="")
        if self.unsaved_text:
            right.append(self.unsaved_text, style("status-header--unsaved"))
            right.append("  ")
        token_bad = "failed" in self.token_text or "expired" in self.token_text
        right.append(self.token_text, bad if token_bad else ok)
        if self.rate_text:
            right.append("  ")
            right.append(self.rate_text, bad if self.rate_text.startswith("waiting") else ok)
        width = self.content_region.width or self.size.width
        title = Text(self.title_text, style("status-header--title"), no_wrap=True, end="")
        title.truncate(max(0, width - right.cell_len - 2), overflow="ellipsis")
        line = Text(no_wrap=True, end="")
        line.append_text(title)
        line.pad_right(max(1, width - title.cell_len - right.cell_len))
        line.append_text(right)
        return line
