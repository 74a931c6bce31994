"""Header texts for the client's token and rate events, with an injectable clock for stable
snapshots."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def _seconds_until(moment: Any, now: datetime) -> float | None:
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return float((moment - now).total_seconds())
    if isinstance(moment, int | float):
        return float(moment) - now.timestamp()
    return None


def token_text(event: Any, now: datetime) -> str:
    """ "token ok, 23 h left", "token refreshing", "token failed: bad secret"."""
    status = str(getattr(event, "status", "") or "").lower()
    message = str(getattr(event, "message", "") or "")
    if "fail" in status or "error" in status:
        return f"token failed: {message}" if message else "token failed"
    if "refresh" in status or "fetch" in status or "request" in status:
        return "token refreshing"
    if status == "none":
        return "signing in…"
    left = _seconds_until(getattr(event, "valid_until", None), now)
    if left is None:
        return f"token {status}" if status else "token …"
    if left <= 0:
        return "token expired"
    if left >= 3600:
        return f"token ok, {round(left / 3600)} h left"
    return f"token ok, {max(1, math.ceil(left / 60))} min left"


def rate_text(event: Any, now: datetime, *, live: bool = True) -> str:
    """ "4/5 req/s" (requests available now of the rate) or "waiting 3 s after 429".

    With `live` off only the configured rate shows, for stable screenshots and snapshots.
    """
    rate = float(getattr(event, "rate_per_second", 0) or 0)
    remaining = getattr(event, "remaining", None)
    wait = _seconds_until(getattr(event, "waiting_until", None), now)
    if wait is not None and wait > 0:
        reason = str(getattr(event, "reason", "") or "")
        return f"waiting {math.ceil(wait)} s" + (f" after {reason}" if reason else "")
    if remaining is None or not live:
        return f"≤{rate:g} req/s"
    return f"{max(0, math.floor(float(remaining)))}/{rate:g} req/s"
