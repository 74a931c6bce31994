"""Turning a page of record maps into table columns and cells, and sorting a page locally."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from explorer.kinds import read_instant, read_number

EMPTY = "—"
CELL_WIDTH = 40


def grow_columns(
    known: Sequence[str], records: Iterable[Mapping[str, Any]], id_key: str
) -> list[str]:
    """The known columns plus any new field of `records`, `id_key` first, order otherwise stable.

    New fields are appended in the order they first appear, so paging never reshuffles columns.
    """
    columns = [id_key] + [c for c in known if c != id_key]
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


def value_text(value: Any) -> str:
    """A record value as one line of text: lists joined, objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def cell_text(value: Any, width: int = CELL_WIDTH) -> str:
    """A value shortened to fit a table cell, on one line."""
    text = " ".join(value_text(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def filter_value(value: Any) -> str:
    """The text a cell contributes to a `Field==value` clause (`null` for an empty cell)."""
    return "null" if is_empty(value) else value_text(value)


def _sort_key(value: Any) -> tuple[int, float, str]:
    """Numbers first by value, then instants by time, then text; empty values last."""
    if is_empty(value):
        return (3, 0.0, "")
    text = value_text(value)
    number = read_number(text)
    if number is not None:
        return (0, number, "")
    instant = read_instant(text)
    if instant is not None:
        return (1, instant.timestamp(), "")
    return (2, 0.0, text.casefold())


def sort_records(
    records: Sequence[Mapping[str, Any]], column: str, *, descending: bool = False
) -> list[int]:
    """Indexes of `records` sorted by `column` with the shared value-reading rule."""
    indexes = sorted(range(len(records)), key=lambda i: _sort_key(records[i].get(column)))
    if descending:
        empties = [i for i in indexes if is_empty(records[i].get(column))]
        filled = [i for i in indexes if not is_empty(records[i].get(column))]
        indexes = filled[::-1] + empties
    return indexes
