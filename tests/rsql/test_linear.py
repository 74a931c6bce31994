"""Parsing stays linear in the filter's length whatever the input, checked by structure.

Three facts make it so, and all are checked here without timing anything:
- the one-scan pattern matches at every position, so its `findall` tiles the text and never
  starts over further on (what made an unclosed quote quadratic);
- every pattern that scans (findall, search) has only possessive repeats, so one scan reads
  each character a bounded number of times;
- every other regular expression is used anchored, a bounded number of times per token, so
  the count of calls grows no faster than the text. (`benchmarks/rsql_bench.py` shows the
  times.)
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # the stdlib's regex syntax tree, to inspect repeats
import re._parser as sre_parser
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.rsql import parse
from explorer.rsql import parser as parser_module
from explorer.rsql.parser import SYNTAX

ROW_PATTERNS = {
    "elementum": SYNTAX["elementum"].rows,
    "elementum ascii": SYNTAX["elementum"].rows_ascii,
    "standard": SYNTAX["standard"].rows,
}
PIECES = st.sampled_from([*"ab ()=!<>~;,'\"\\:\t\u00a0\x1c", "==", "=in=", "=lk=", "ǅ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.sampled_from(sorted(ROW_PATTERNS)))
def test_the_one_scan_pattern_tiles_any_text(text: str, name: str) -> None:
    pattern = ROW_PATTERNS[name]
    if name == "elementum ascii" and not text.isascii():
        return
    end = 0
    for match in pattern.finditer(text):
        assert match.start() == end, (text, match)
        assert match.end() > match.start()
        end = match.end()
    assert end == len(text)


def test_the_ascii_pattern_reads_ascii_as_the_unicode_one_does() -> None:
    for point in range(128):
        text = f"a{chr(point)}==1"
        assert ROW_PATTERNS["elementum ascii"].findall(text) == ROW_PATTERNS["elementum"].findall(
            text
        ), repr(chr(point))


# Every pattern a parse used to scan, by name.
SCANNERS: dict[str, re.Pattern[str]] = {}


class Counting:
    """A compiled pattern that counts its calls by method."""

    def __init__(self, pattern: re.Pattern[str], calls: Counter[str], name: str) -> None:
        self._pattern = pattern
        self._calls = calls
        self._name = name

    def __getattr__(self, method: str) -> Callable[..., Any]:
        real = getattr(self._pattern, method)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self._calls[f"{self._name}.{method}"] += 1
            if method in SCANS:
                SCANNERS[self._name] = self._pattern
            return real(*args, **kwargs)

        return counted


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    counter: Counter[str] = Counter()
    for name, value in vars(parser_module).items():
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(parser_module, name, Counting(value, counter, name))
    for dialect, syntax in SYNTAX.items():
        for slot in type(syntax).__slots__:
            value = getattr(syntax, slot)
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(syntax, slot, Counting(value, counter, f"{dialect}.{slot}"))
    yield counter


HOSTILE = {
    "unclosed double quote": lambda n: 'Title=="' + "x" * n,
    "unclosed quote with escapes": lambda n: "Title=='" + "\\x" * (n // 2),
    "unclosed list": lambda n: "Owner=in=(" + "x," * (n // 2),
    "words and no operator": lambda n: "a" + " b" * (n // 2),
    "clauses then a quote": lambda n: "a==1;" * (n // 5) + "'",
    "spaced clauses then a cut": lambda n: "a == 1" + " and b == 2" * (n // 11) + " and",
    "shouted separators": lambda n: "a==1" + " AND b" * (n // 6) + "=",
    "spaces": lambda n: "a==1 and" + " " * n + "=",
    "colon list": lambda n: "a=in=" + "x:" * (n // 2),
    "nested groups then clauses": lambda n: "(" * 30 + "a==1" + ")" * 30 + ";a==1" * (n // 5),
    "operators": lambda n: "a" + "==" * (n // 2),
    "shouted word before spaces": lambda n: "a==1 AND" + " " * n + "x y=",
}
SCANS = ("findall", "finditer", "search", "sub")


def backtracking_repeats(tree: Any) -> list[str]:
    """The repeats in a parsed pattern that may give characters back (greedy or lazy)."""
    found = []
    for op, argument in tree:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, _ = argument
            if low != high:
                found.append(f"{op} {argument}")
        for part in argument if isinstance(argument, tuple | list) else ():
            if isinstance(part, sre_parser.SubPattern):
                found += backtracking_repeats(part)
            elif isinstance(part, list):
                for branch in part:
                    if isinstance(branch, sre_parser.SubPattern):
                        found += backtracking_repeats(branch)
    return found


def counted(calls: Counter[str], text: str, dialect: str) -> tuple[int, int]:
    """(anchored calls, scanning calls) one parse makes."""
    calls.clear()
    parse(text, dialect, max_length=None)
    scans = sum(n for name, n in calls.items() if name.rsplit(".", 1)[1] in SCANS)
    return sum(calls.values()) - scans, scans


@pytest.mark.parametrize("dialect", ["elementum", "standard"])
@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_regular_expression_calls_grow_linearly(
    calls: Counter[str], shape: str, dialect: str
) -> None:
    small, small_scans = counted(calls, HOSTILE[shape](1000), dialect)
    large, large_scans = counted(calls, HOSTILE[shape](8000), dialect)
    # A scan over the whole text happens a fixed number of times, not once per token.
    assert small_scans == large_scans <= 3, calls
    # Anchored matches: a bounded number per token, so at most proportional to the length.
    assert large <= 8 * small + 8, (small, large)


def test_patterns_that_scan_never_back_off(calls: Counter[str]) -> None:
    for dialect in ("elementum", "standard"):
        for build in HOSTILE.values():
            counted(calls, build(100), dialect)
    assert SCANNERS, "no parse scanned"
    for name, pattern in SCANNERS.items():
        assert backtracking_repeats(sre_parser.parse(pattern.pattern, pattern.flags)) == [], name


def test_the_repeat_check_sees_a_backtracking_repeat() -> None:
    assert backtracking_repeats(sre_parser.parse(r"a(?:b|c+)\s*$"))
    assert not backtracking_repeats(sre_parser.parse(r"a(?:b|c++)\s*+$|x{3}"))
