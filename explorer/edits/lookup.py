"""Finding a record by the values a create sent: for a create whose answer was lost, so a
person can tell whether it was made before making it again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.rsql import parse, quote_value

# Values longer than this are left out of the filter: the others find the record.
MAX_VALUE_LENGTH = 200


def _filter_value(value: Any) -> str | None:
    """A sent value as RSQL text for `==`, or None when `==` cannot match it exactly."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and value.strip() and "*" not in value:
        return quote_value(value) if len(value) <= MAX_VALUE_LENGTH else None
    return None


def lookup_filter(data: Mapping[str, Any]) -> str | None:
    """`Title=="Printer jam";Status==Open;…`: every sent value `==` can match exactly (lists,
    nulls, wildcards and very long texts left out); None when none can."""
    parts = []
    for name, value in data.items():
        text = _filter_value(value)
        if text is not None and name.strip() == name and name:
            part = f"{name}=={text}"
            if parse(part).ok:
                parts.append(part)
    return ";".join(parts) or None
