"""Building the clause a table cell adds to the filter (`=`/`!` on a cell)."""

from __future__ import annotations

from explorer.rsql import quote_value
from explorer.tui.filter.tokens import has_top_level_or


def clause(field: str, op: str, value: str | None) -> str:
    """`Field==value` with the value quoted as needed; a missing value tests `null`."""
    operator = "==" if op == "=" else op
    return f"{field}{operator}{'null' if value is None else quote_value(value)}"


def and_clause(base: str, extra: str) -> str:
    """`extra` AND-ed to `base`; an OR filter is parenthesised first so AND keeps its meaning."""
    base = base.strip()
    if not base:
        return extra
    if has_top_level_or(base):
        base = f"({base})"
    return f"{base};{extra}"
