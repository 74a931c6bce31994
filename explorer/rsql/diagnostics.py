"""Diagnostics: where a filter goes wrong, why, and what was expected there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in a filter: a 0-based `offset` and `length`, the 1-based `column`."""

    offset: int
    length: int
    column: int
    message: str
    expected: tuple[str, ...] = field(default=())
    severity: Severity = "error"

    def to_json(self) -> dict[str, object]:
        return {
            "offset": self.offset,
            "length": self.length,
            "column": self.column,
            "message": self.message,
            "expected": list(self.expected),
            "severity": self.severity,
        }


def diagnostic(
    offset: int,
    length: int,
    message: str,
    expected: tuple[str, ...] = (),
    severity: Severity = "error",
) -> Diagnostic:
    """A diagnostic whose column follows from its offset (filters are one line)."""
    return Diagnostic(offset, max(length, 0), offset + 1, message, expected, severity)


def shown(text: str, limit: int = 40) -> str:
    """`text` quoted for a message, shortened with an ellipsis so messages stay one short line."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


class RsqlError(Exception):
    """A filter the engine cannot use; carries the diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
