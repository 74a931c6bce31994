"""The app's pure parts: error titles, header texts, paging, columns, sorting, keys, aliases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from explorer.api import (
    ApiError,
    AuthError,
    ConfigurationError,
    ForbiddenError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RateState,
    ServerError,
    TokenState,
)
from explorer.tui.alias_screen import parse_alias
from explorer.tui.errors import describe_error
from explorer.tui.jump_screen import rank_aliases
from explorer.tui.keys import key_display
from explorer.tui.launch import group_collections
from explorer.tui.paging import Move, PageRequest, rows_text
from explorer.tui.records import cell_text, grow_columns, sort_records, visible_columns
from explorer.tui.status import rate_text, token_text

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("error", "title"),
    [
        (AuthError("refused", status=401), "Not signed in (401 after retry)"),
        (ForbiddenError("no access", status=403), "No data access (403)"),
        (NotFoundError("no alias", status=404), "Not found (404)"),
        (RateLimitedError("slow down", status=429), "Rate limited (429)"),
        (ServerError("boom", status=503), "Server error (503)"),
        (NetworkError("connection refused"), "Offline: server unreachable"),
        (ConfigurationError("bad secret", status=401), "Configuration problem"),
        (ApiError("odd", status=400), "Request refused (400)"),
    ],
)
def test_error_toast_titles_say_what_happened(error: ApiError, title: str) -> None:
    assert describe_error(error) == (title, error.message)


def test_token_and_rate_texts() -> None:
    valid = TokenState("valid", (NOW + timedelta(hours=23, minutes=10)).timestamp())
    assert token_text(valid, NOW) == "token ok, 23 h left"
    assert token_text(TokenState("valid", (NOW + timedelta(minutes=9)).timestamp()), NOW) == (
        "token ok, 9 min left"
    )
    assert token_text(TokenState("refreshing"), NOW) == "token refreshing"
    assert token_text(TokenState("none"), NOW) == "signing in…"
    assert token_text(TokenState("failed", message="bad secret"), NOW) == (
        "token failed: bad secret"
    )
    assert rate_text(RateState(5, 4.2, None), NOW) == "4/5 req/s"
    assert rate_text(RateState(5, 4.2, None), NOW, live=False) == "≤5 req/s"
    waiting = RateState(5, 0, (NOW + timedelta(seconds=2.5)).timestamp(), "429")
    assert rate_text(waiting, NOW) == "waiting 3 s after 429"


def test_rows_text_and_page_offsets() -> None:
    assert rows_text(100, 100, 1234, "Status==Open") == "rows 101–200 of 1,234 · Status==Open"
    assert rows_text(0, 0, 0, "Status==Nope") == "no rows match · Status==Nope"
    forward = PageRequest("tasks", "x", "", Move.NEXT, 100, after="c", base=100)
    assert forward.params() == {"filter": None, "first": 100, "after": "c"}
    assert forward.offset_of(100, 250, True) == 100
    back = PageRequest("tasks", "x", "A==1", Move.PREVIOUS, 100, before="s", base=200)
    assert back.params() == {"filter": "A==1", "last": 100, "before": "s"}
    assert back.offset_of(100, 250, True) == 100
    assert back.offset_of(100, 250, False) == 0
    last = PageRequest("tasks", "x", "", Move.LAST, 100)
    assert last.params() == {"filter": None, "last": 100}
    assert last.offset_of(100, 250, True) == 150


def test_columns_are_stable_with_handle_first_and_choices_applied() -> None:
    first = grow_columns([], [{"Title": "a", "Handle": "T-1"}, {"Status": "Open"}], "Handle")
    assert first == ["Handle", "Title", "Status"]
    assert grow_columns(first, [{"Owner": "x", "Title": "b"}], "Handle") == [
        "Handle",
        "Title",
        "Status",
        "Owner",
    ]
    choice = {"order": ["Status", "Handle"], "hidden": ["Title"]}
    assert visible_columns(["Handle", "Title", "Status", "Owner"], choice) == [
        "Status",
        "Handle",
        "Owner",
    ]


def test_page_sort_reads_numbers_dates_then_text_and_cells_fit() -> None:
    records = [{"P": "10"}, {"P": "9"}, {"P": None}, {"P": "2024-01-02"}, {"P": "abc"}]
    assert sort_records(records, "P") == [1, 0, 3, 4, 2]
    assert sort_records(records, "P", descending=True) == [4, 3, 0, 1, 2]
    assert cell_text("a\nb  c") == "a b c"
    assert cell_text("x" * 50) == "x" * 39 + "…"
    assert cell_text(["a", "b"]) == "a, b"


def test_keys_aliases_and_collections() -> None:
    assert key_display("right_square_bracket") == "]"
    assert key_display("ctrl+y") == "^y"
    assert key_display("f1") == "F1"
    ranked = rank_aliases("inv", ["tasks/ittickets", "transactions/invoices"])
    assert ranked[0][1] == "transactions/invoices"
    assert parse_alias("tasks/ittickets") == ("tasks", "ittickets")
    assert isinstance(parse_alias("widgets/x"), str)
    assert group_collections(["tasks/a", "apps/b", "tasks/c"]) == {
        "tasks": ["a", "c"],
        "apps": ["b"],
    }
