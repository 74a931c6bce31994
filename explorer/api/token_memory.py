"""What a client may remember for its profile between runs, behind a small protocol: the
config layer keeps it in the user's state directory (or keyring); the client only asks and
tells. A remembered token is never printed or logged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class CachedToken:
    token: str
    expires_at: float  # wall clock (time.time()), as announced when it was issued
    lifetime: float  # seconds it was issued for


class TokenMemory(Protocol):
    def token_style(self) -> str | None:
        """The token request shape that last worked for this profile, if any."""

    def remember_token_style(self, style: str) -> None:
        """`style` worked: try it first next time."""

    def cached_token(self) -> CachedToken | None:
        """The token kept from an earlier run, if any (it may have expired)."""

    def keep_token(self, token: CachedToken) -> None:
        """Keep `token` for later runs (a no-op when the profile caches none)."""

    def drop_token(self) -> None:
        """Forget the kept token (the server refused it)."""
