"""The client's event stream: token state, rate state and one log entry per request.

Events are emitted synchronously to subscribers and never carry secrets or tokens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlencode

TokenStatus = Literal["none", "valid", "refreshing", "failed"]

_log = logging.getLogger(__name__)

# Query members whose values are never shown (none are sent today; this keeps it that way).
_SECRET_KEYS = frozenset({"client_secret", "access_token", "token", "password", "secret"})


@dataclass(frozen=True)
class TokenState:
    status: TokenStatus
    valid_until: float | None = None
    message: str = ""


@dataclass(frozen=True)
class RateState:
    rate_per_second: float
    remaining: float | None
    waiting_until: float | None
    reason: str = ""


@dataclass(frozen=True)
class RequestLogged:
    method: str
    path: str
    query: str
    status: int | None
    duration_ms: float
    retries: int
    error: str | None = None


ClientEvent = TokenState | RateState | RequestLogged


def redact_query(query: str) -> str:
    """The query string with any secret-looking member's value replaced by `***`."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "***" if k.lower() in _SECRET_KEYS else v) for k, v in pairs])


class EventHub:
    """Synchronous fan-out to subscribers; a failing subscriber never breaks a request."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[ClientEvent], None]] = []

    def subscribe(self, callback: Callable[[ClientEvent], None]) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def emit(self, event: ClientEvent) -> None:
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:
                _log.exception("event subscriber failed")
