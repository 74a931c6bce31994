"""What the filter bar tells the app: handled as `on_filter_bar_applied` and so on."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from explorer.rsql import Diagnostic


class BarMessage(Message):
    """A message from the filter bar; `control` is the bar, for `@on(..., selector)`."""

    def __init__(self, bar: Widget) -> None:
        super().__init__()
        self.bar = bar

    @property
    def control(self) -> Widget:
        return self.bar


class Applied(BarMessage, namespace="filter_bar"):
    """A valid filter (as typed, trimmed) was applied; "" means no filter."""

    def __init__(self, bar: Widget, filter: str) -> None:
        super().__init__(bar)
        self.filter = filter


class Left(BarMessage, namespace="filter_bar"):
    """Escape in the bar: the app moves the focus back to the table."""


class SaveRequested(BarMessage, namespace="filter_bar"):
    """The user named the current filter; the app writes it to config."""

    def __init__(self, bar: Widget, name: str, filter: str) -> None:
        super().__init__(bar)
        self.name = name
        self.filter = filter


class Changed(BarMessage, namespace="filter_bar"):
    """The text changed and was checked: `valid` means it may be applied."""

    def __init__(self, bar: Widget, valid: bool, diagnostic: Diagnostic | None) -> None:
        super().__init__(bar)
        self.valid = valid
        self.diagnostic = diagnostic
