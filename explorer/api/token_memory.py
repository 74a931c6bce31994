"""What a client may remember for its profile between runs, behind a small protocol: the
config layer keeps it in the user's state directory; the client only asks and tells."""

from __future__ import annotations

from typing import Protocol


class TokenMemory(Protocol):
    def token_style(self) -> str | None:
        """The token request shape that last worked for this profile, if any."""

    def remember_token_style(self, style: str) -> None:
        """`style` worked: try it first next time."""
