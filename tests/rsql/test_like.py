"""`=lk=` and `=lki=` in the sandbox's SQL agree with a plain reference matcher.

The reference is written here from the rule in API.md: `*` matches any run of characters,
a pattern without `*` means "contains", and `=lki=` compares characters ignoring case (each
character folded to its one-character case fold, else its one-character lower case, else
itself). Texts hold no NUL character: SQLite's GLOB and LIKE stop reading at one.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from explorer.kinds import FieldKind
from explorer.rsql import SqlColumn, parse, quote_value, to_sql


def reference_fold(text: str) -> str:
    out = []
    for char in text:
        if len(char.casefold()) == 1:
            out.append(char.casefold())
        elif len(char.lower()) == 1:
            out.append(char.lower())
        else:
            out.append(char)
    return "".join(out)


def reference_match(value: str, pattern: str, *, ignore_case: bool) -> bool:
    if ignore_case:
        value, pattern = reference_fold(value), reference_fold(pattern)
    if "*" not in pattern:
        return pattern in value
    regex = ".*".join(re.escape(piece) for piece in pattern.split("*"))
    return re.fullmatch(regex, value, re.DOTALL) is not None


def matched(values: list[str | None], operator: str, pattern: str) -> list[int]:
    """Indexes of `values` the compiled filter `v<operator><pattern>` selects in SQLite."""
    result = parse(f"v{operator}{quote_value(pattern)}")
    assert result.ast is not None, result.diagnostic
    sql, params = to_sql(result.ast, {"v": SqlColumn('"v"', FieldKind.TEXT)})
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE TABLE t (i INTEGER, "v" TEXT)')
    conn.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    return [row[0] for row in conn.execute(f"SELECT i FROM t WHERE {sql} ORDER BY i", params)]


def expected(values: list[str | None], operator: str, pattern: str) -> list[int]:
    ignore_case = "lki" in operator
    negated = operator.startswith("!")
    found = []
    for index, value in enumerate(values):
        if value is None:
            # A record without the value "does not contain" anything.
            hit = negated
        else:
            hit = reference_match(value, pattern, ignore_case=ignore_case) != negated
        if hit:
            found.append(index)
    return found


# Small alphabets make matches likely; the cased extras are where folding is subtle.
CHARS = st.sampled_from(
    [*"abAB*%_\\[]?^-", "ǅ", "ǆ", "Ǆ", "K", "k", "K", "ß", "ẞ", "ſ", "s", "ς", "σ", "Σ", "İ", "i"]
)
TEXT = st.lists(CHARS, max_size=7).map("".join)
ANY_TEXT = st.text(st.characters(blacklist_characters="\x00"), max_size=7)
OPERATORS = st.sampled_from(["=lk=", "!lk=", "=lki=", "!lki="])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.none(), TEXT), max_size=8), OPERATORS, TEXT)
@example(["ab", "abb", "b"], "=lk=", "ab**b")
@example(["ǅ", "ǆ", "Ǆ", "x"], "=lki=", "ǅ")
@example(["K", "k"], "=lki=", "k")
def test_like_agrees_with_the_reference(
    values: list[str | None], operator: str, pattern: str
) -> None:
    assert matched(values, operator, pattern) == expected(values, operator, pattern)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), ANY_TEXT), max_size=6), OPERATORS, ANY_TEXT)
def test_like_agrees_with_the_reference_on_any_text(
    values: list[str | None], operator: str, pattern: str
) -> None:
    assert matched(values, operator, pattern) == expected(values, operator, pattern)


@pytest.mark.parametrize(
    ("pattern", "values", "hits"),
    [
        ("ab**b", ["ab", "abb", "ab-b"], [1, 2]),
        ("ǅ", ["Ǆ", "ǅ", "ǆ", "D"], [0, 1, 2]),
        ("ǆ", ["Ǆ", "ǅ"], [0, 1]),
        ("straße", ["STRASSE", "STRAẞE", "Straße"], [1, 2]),
    ],
)
def test_like_cases_a_user_types(pattern: str, values: list[str], hits: list[int]) -> None:
    operator = "=lk=" if pattern == "ab**b" else "=lki="
    assert matched(list(values), operator, pattern) == hits
