"""Per-token rate limiting (a token bucket of `rate_limit` requests per second) and its headers."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass


@dataclass
class Bucket:
    rate: float
    capacity: int
    tokens: float
    stamp: float


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    retry_after: float
    reset: float
    window: int = 1


class RateLimiter:
    """Buckets per access token; a bucket holds `max(1, floor(rate))` and refills at `rate`/s."""

    def __init__(self) -> None:
        self._buckets: dict[str, Bucket] = {}

    def take(self, token: str, rate: float) -> Decision:
        now = time.monotonic()
        capacity = max(1, math.floor(rate))
        bucket = self._buckets.get(token)
        if bucket is None or bucket.rate != rate:
            bucket = self._buckets[token] = Bucket(rate, capacity, float(capacity), now)
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.stamp) * rate)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            allowed = True
            retry_after = 0.0
        else:
            allowed = False
            retry_after = (1 - bucket.tokens) / rate
        reset = (capacity - bucket.tokens) / rate
        window = max(1, round(capacity / rate))
        return Decision(allowed, capacity, math.floor(bucket.tokens), retry_after, reset, window)


def rate_headers(decision: Decision, mode: str) -> dict[str, str]:
    """The headers `mode` (none, retry-after, all) puts on an answer given `decision`."""
    headers: dict[str, str] = {}
    if mode == "none":
        return headers
    wait = max(1, math.ceil(decision.retry_after))
    if not decision.allowed:
        headers["Retry-After"] = str(wait)
    if mode != "all":
        return headers
    reset = wait if not decision.allowed else max(0, math.ceil(decision.reset))
    headers["X-RateLimit-Limit"] = str(decision.limit)
    headers["X-RateLimit-Remaining"] = str(decision.remaining)
    headers["X-RateLimit-Reset"] = str(reset)
    headers["RateLimit-Policy"] = f'"sandbox";q={decision.limit};w={decision.window}'
    headers["RateLimit"] = f'"sandbox";r={decision.remaining};t={reset}'
    return headers
