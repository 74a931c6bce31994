"""Reading what a server says about its rate limit, from any of the header families in use.

Understood: `Retry-After` (seconds or an HTTP date), `X-RateLimit-Limit/-Remaining/-Reset`
(reset as seconds from now or as an epoch time), the IETF draft's `RateLimit` in both its
older form (`limit=5, remaining=0, reset=1`) and newer one (`"default";r=0;t=1`), its separate
`RateLimit-Remaining`/`RateLimit-Reset` headers, and `RateLimit-Policy` (`5;w=1` or
`"default";q=5;w=1`). Anything unreadable is ignored.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from httpx import Headers

# A reset above this many seconds is an epoch timestamp, not a delay.
_EPOCH_THRESHOLD = 10 * 365 * 24 * 3600

_PARAM = re.compile(r"([A-Za-z][\w-]*)\s*=\s*\"?([0-9.]+)\"?")


@dataclass(frozen=True)
class RateInfo:
    """What one response said; None where it said nothing."""

    retry_after: float | None = None
    remaining: float | None = None
    reset_after: float | None = None
    limit: float | None = None
    window: float | None = None

    @property
    def has_any(self) -> bool:
        return any(
            value is not None
            for value in (self.retry_after, self.remaining, self.reset_after, self.limit)
        )


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.strip().split(",")[0].strip())
    except ValueError:
        return None
    return value if value >= 0 else None


def parse_retry_after(text: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from `Retry-After`: a number of seconds or an HTTP date."""
    if text is None or not text.strip():
        return None
    seconds = _number(text)
    if seconds is not None:
        return seconds
    try:
        moment = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    current = time.time() if now is None else now
    return max(0.0, moment.timestamp() - current)


def _as_delay(value: float | None, now: float) -> float | None:
    if value is None:
        return None
    if value > _EPOCH_THRESHOLD:
        return max(0.0, value - now)
    return value


def _structured(text: str) -> dict[str, float]:
    """`key=value` numbers from either IETF form; the newer form's `r`/`t`/`q`/`w` keys too."""
    found: dict[str, float] = {}
    for key, value in _PARAM.findall(text):
        try:
            found.setdefault(key.lower(), float(value))
        except ValueError:
            continue
    return found


def parse_rate_headers(headers: Headers, now: float | None = None) -> RateInfo:
    current = time.time() if now is None else now
    retry_after = parse_retry_after(headers.get("retry-after"), current)
    remaining = _number(headers.get("x-ratelimit-remaining"))
    reset = _as_delay(_number(headers.get("x-ratelimit-reset")), current)
    limit = _number(headers.get("x-ratelimit-limit"))
    window: float | None = None

    combined = headers.get("ratelimit")
    if combined:
        params = _structured(combined)
        remaining = params.get("remaining", params.get("r", remaining))
        reset_value = params.get("reset", params.get("t"))
        if reset_value is not None:
            reset = _as_delay(reset_value, current)
        limit = params.get("limit", limit)
    if remaining is None:
        remaining = _number(headers.get("ratelimit-remaining"))
    if reset is None:
        reset = _as_delay(_number(headers.get("ratelimit-reset")), current)
    if limit is None:
        limit = _number(headers.get("ratelimit-limit"))

    policy = headers.get("ratelimit-policy")
    if policy:
        params = _structured(policy)
        window = params.get("w", window)
        if limit is None:
            limit = params.get("q")
        if limit is None:
            head = _number(policy.split(";")[0])
            limit = head
    return RateInfo(retry_after, remaining, reset, limit, window)
