"""The one-line header: where the app is connected, the token state and the request rate."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class StatusHeader(Horizontal):
    """Profile and region (or sandbox) on the left, token and rate state on the right."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = Static("Elementum Explorer", id="header-title")
        self._token = Static("token …", id="header-token")
        self._rate = Static("", id="header-rate")

    def compose(self) -> ComposeResult:
        yield self._title
        yield self._token
        yield self._rate

    def set_place(self, text: str) -> None:
        self._title.update(f"Elementum Explorer · {text}")

    def set_token(self, text: str) -> None:
        token = self._token
        token.update(text)
        token.set_class("failed" in text or "expired" in text, "-bad")

    def set_rate(self, text: str) -> None:
        rate = self._rate
        rate.update(text)
        rate.set_class(text.startswith("waiting"), "-bad")
