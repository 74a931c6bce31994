"""Every rate-limit header family the client reads, in the forms servers send."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import httpx

from explorer.api.rate_headers import parse_rate_headers, parse_retry_after

NOW = 1_800_000_000.0


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    assert parse_retry_after("3", NOW) == 3
    moment = format_datetime(datetime.fromtimestamp(NOW + 7, UTC), usegmt=True)
    assert parse_retry_after(moment, NOW) == 7
    assert parse_retry_after("soon", NOW) is None


def test_x_ratelimit_with_reset_as_delay_or_epoch() -> None:
    delay = parse_rate_headers(
        httpx.Headers(
            {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2"}
        ),
        NOW,
    )
    assert (delay.limit, delay.remaining, delay.reset_after) == (5, 0, 2)
    epoch = parse_rate_headers(
        httpx.Headers({"X-RateLimit-Remaining": "1", "X-RateLimit-Reset": str(int(NOW) + 4)}), NOW
    )
    assert epoch.remaining == 1 and epoch.reset_after == 4


def test_ietf_ratelimit_older_and_newer_forms() -> None:
    older = parse_rate_headers(httpx.Headers({"RateLimit": "limit=5, remaining=0, reset=1"}), NOW)
    assert (older.limit, older.remaining, older.reset_after) == (5, 0, 1)
    newer = parse_rate_headers(
        httpx.Headers({"RateLimit": '"default";r=2;t=3', "RateLimit-Policy": '"default";q=5;w=1'}),
        NOW,
    )
    assert (newer.limit, newer.remaining, newer.reset_after, newer.window) == (5, 2, 3, 1)
    plain_policy = parse_rate_headers(
        httpx.Headers({"RateLimit-Remaining": "4", "RateLimit-Policy": "10;w=60"}), NOW
    )
    assert (plain_policy.limit, plain_policy.remaining, plain_policy.window) == (10, 4, 60)


def test_no_or_unreadable_headers_say_nothing() -> None:
    assert not parse_rate_headers(httpx.Headers({}), NOW).has_any
    junk = parse_rate_headers(
        httpx.Headers({"X-RateLimit-Remaining": "lots", "RateLimit": "???"}), NOW
    )
    assert not junk.has_any
