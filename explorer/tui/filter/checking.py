"""Checking filter text with the RSQL engine and wording the result for the status line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from explorer.kinds import FieldKind
from explorer.rsql import Diagnostic, parse, validate


class Verdict(StrEnum):
    EMPTY = "empty"  # blank text: no filter
    VALID = "valid"
    WARNING = "warning"  # parses, but something looks wrong (unknown field, wrong kind)
    ERROR = "error"  # does not parse: never applied


@dataclass(frozen=True, slots=True)
class FilterCheck:
    """What the engine says about one filter text."""

    text: str
    verdict: Verdict
    diagnostic: Diagnostic | None = None
    others: tuple[Diagnostic, ...] = ()  # further warnings: underlined, counted in the message

    @property
    def more(self) -> int:
        """How many warnings there are beyond the one the message words."""
        return len(self.others)

    @property
    def valid(self) -> bool:
        """Whether the filter may be applied (blank means "no filter", which is fine)."""
        return self.verdict is not Verdict.ERROR

    @property
    def filter(self) -> str:
        """The text to send: trimmed, "" for no filter."""
        return self.text.strip()

    @property
    def message(self) -> str:
        """The status line's words for this check."""
        if self.verdict is Verdict.EMPTY:
            return "no filter · type RSQL such as Status==Open"
        if self.verdict is Verdict.VALID or self.diagnostic is None:
            return "✓ valid"
        mark = "✗" if self.verdict is Verdict.ERROR else "⚠"
        text = f"{mark} col {self.diagnostic.column}: {self.diagnostic.message}"
        return f"{text} (+{self.more} more)" if self.more else text

    @property
    def span(self) -> tuple[int, int] | None:
        """The character range of the diagnostic the message words, or None."""
        return None if self.diagnostic is None else _span(self.diagnostic)

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every character range to underline: the worded diagnostic's, then the others'."""
        worded = () if self.diagnostic is None else (_span(self.diagnostic),)
        return worded + tuple(_span(d) for d in self.others)


def _span(diagnostic: Diagnostic) -> tuple[int, int]:
    start = max(0, diagnostic.offset)
    return start, start + max(0, diagnostic.length)


def is_warning(diagnostic: Diagnostic) -> bool:
    return "warn" in str(diagnostic.severity).lower()


def check_filter(text: str, fields: Mapping[str, FieldKind]) -> FilterCheck:
    """Parse `text` and, when it parses, validate it against the alias's known fields."""
    if not text.strip():
        return FilterCheck(text, Verdict.EMPTY)
    result = parse(text)
    if not result.ok or result.ast is None:
        return FilterCheck(text, Verdict.ERROR, result.diagnostic)
    if fields:
        found = validate(result.ast, fields)
        errors = [d for d in found if not is_warning(d)]
        if errors:
            return FilterCheck(text, Verdict.ERROR, errors[0])
        if found:
            return FilterCheck(text, Verdict.WARNING, found[0], tuple(found[1:]))
    return FilterCheck(text, Verdict.VALID)
