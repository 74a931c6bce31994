"""The one-line header: where the app is connected, the token state and the request rate."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class StatusHeader(Horizontal):
    """Profile and region (or sandbox) on the left, token and rate state on the right."""

    def compose(self) -> ComposeResult:
        yield Static("Elementum Explorer", id="header-title")
        yield Static("token …", id="header-token")
        yield Static("", id="header-rate")

    def set_place(self, text: str) -> None:
        self.query_one("#header-title", Static).update(f"Elementum Explorer · {text}")

    def set_token(self, text: str) -> None:
        token = self.query_one("#header-token", Static)
        token.update(text)
        token.set_class("failed" in text or "expired" in text, "-bad")

    def set_rate(self, text: str) -> None:
        rate = self.query_one("#header-rate", Static)
        rate.update(text)
        rate.set_class(text.startswith("waiting"), "-bad")
