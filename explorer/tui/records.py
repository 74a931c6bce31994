"""Turning a page of record maps into table columns and cells, and sorting a page locally."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from explorer.kinds import FieldKind, is_empty, sort_key, value_text

__all__ = [
    "CELL_WIDTH", "EMPTY", "cell_text", "filter_value", "grow_columns", "is_empty",
    "sort_records", "value_text", "visible_columns",
]  # fmt: skip

EMPTY = "—"
CELL_WIDTH = 40


def grow_columns(
    known: Sequence[str], records: Iterable[Mapping[str, Any]], id_key: str | None
) -> list[str]:
    """The known columns plus any new field of `records`, `id_key` (when there is one) first,
    order otherwise stable.

    New fields are appended in the order they first appear, so paging never reshuffles columns.
    """
    columns = ([id_key] if id_key else []) + [c for c in known if c != id_key]
    seen = set(columns)
    for record in records:
        for name in record:
            if name not in seen:
                seen.add(name)
                columns.append(name)
    return columns


def visible_columns(columns: Sequence[str], choice: Mapping[str, Any] | None) -> list[str]:
    """The columns to show given a saved choice `{"order": [...], "hidden": [...]}`.

    Columns the choice orders come first in its order; fields it never saw follow, so a new
    field shows up instead of being silently hidden.
    """
    if not choice:
        return list(columns)
    order = [str(c) for c in choice.get("order", [])]
    hidden = {str(c) for c in choice.get("hidden", [])}
    present = set(columns)
    ordered = [c for c in order if c in present]
    rest = [c for c in columns if c not in set(ordered)]
    return [c for c in ordered + rest if c not in hidden]


def cell_text(value: Any, width: int = CELL_WIDTH) -> str:
    """A value shortened to fit a table cell, on one line."""
    text = " ".join(value_text(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def filter_value(value: Any) -> str:
    """The text a cell contributes to a `Field==value` clause (`null` for an empty cell)."""
    return "null" if is_empty(value) else value_text(value)


def sort_records(
    records: Sequence[Mapping[str, Any]],
    column: str,
    *,
    descending: bool = False,
    kind: FieldKind = FieldKind.TEXT,
) -> list[int]:
    """Indexes of `records` sorted by `column`, a field of `kind`, with the kinds table's
    order (`kinds.sort_key`: `3` and `"3"` sort alike); empty values last either way."""
    indexes = sorted(range(len(records)), key=lambda i: sort_key(kind, records[i].get(column)))
    if descending:
        empties = [i for i in indexes if is_empty(records[i].get(column))]
        filled = [i for i in indexes if not is_empty(records[i].get(column))]
        indexes = filled[::-1] + empties
    return indexes
