"""Converting record values between JSON (the wire) and SQLite columns (the storage layout).

Storage: NUMBER/DECIMAL as numbers, BOOLEAN as 0/1, DATE as `YYYY-MM-DD`, DATETIME as the
canonical `YYYY-MM-DDTHH:MM:SS.SSSZ`, MULTI_PICKLIST as a compact JSON array, JSON as its
text, everything else as text; an empty value is NULL. On the wire numbers, booleans and
lists keep their JSON types and empty values are `null`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from explorer.kinds import (
    FieldKind,
    expected_text,
    format_instant,
    read_boolean,
    read_instant,
    read_number,
    value_fits,
)
from explorer.sandbox.schema import FieldSpec, Stored


class ValueRejected(ValueError):
    """A value that does not fit its field; the message says what was expected."""


def wire_converter(kind: FieldKind) -> Callable[[Any], Any] | None:
    """How a non-empty stored value of `kind` becomes its JSON value (None: unchanged)."""
    if kind is FieldKind.NUMBER:
        return int
    if kind is FieldKind.DECIMAL:
        return float
    if kind is FieldKind.BOOLEAN:
        return bool
    if kind in (FieldKind.MULTI_PICKLIST, FieldKind.JSON):
        return json.loads
    return None


def _expected(spec: FieldSpec) -> str:
    if spec.kind is FieldKind.PICKLIST and spec.options:
        return "one of " + ", ".join(spec.options)
    if spec.kind is FieldKind.MULTI_PICKLIST and spec.options:
        return "a list of values from " + ", ".join(spec.options)
    return expected_text(spec.kind)


def _reject(spec: FieldSpec, value: Any) -> ValueRejected:
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return ValueRejected(f"field '{spec.name}' expects {_expected(spec)}, got {shown}")


def from_wire(spec: FieldSpec, value: Any) -> Stored:
    """The column value for JSON `value` of field `spec`; ValueRejected if it does not fit."""
    if value is None or value == "" or value == []:
        return None
    kind = spec.kind
    if kind is FieldKind.NUMBER:
        if isinstance(value, bool):
            raise _reject(spec, value)
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value_fits(kind, value.strip()):
            return int(float(value.strip()))
        raise _reject(spec, value)
    if kind is FieldKind.DECIMAL:
        if isinstance(value, bool):
            raise _reject(spec, value)
        if isinstance(value, int | float):
            return float(value)
        if isinstance(value, str):
            number = read_number(value.strip())
            if number is not None:
                return number
        raise _reject(spec, value)
    if kind is FieldKind.BOOLEAN:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str):
            flag = read_boolean(value)
            if flag is not None:
                return int(flag)
        raise _reject(spec, value)
    if kind is FieldKind.DATE:
        if isinstance(value, str) and value_fits(kind, value.strip()):
            return value.strip()
        raise _reject(spec, value)
    if kind is FieldKind.DATETIME:
        if isinstance(value, str):
            moment = read_instant(value.strip())
            if moment is not None:
                return format_instant(moment)
        raise _reject(spec, value)
    if kind is FieldKind.MULTI_PICKLIST:
        items = [part.strip() for part in value.split(",")] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise _reject(spec, value)
        if spec.options and any(i not in spec.options for i in items):
            raise _reject(spec, value)
        return json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    if kind is FieldKind.JSON:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _reject(spec, value)
    text = str(value)
    if kind is FieldKind.PICKLIST and spec.options and text not in spec.options:
        raise _reject(spec, value)
    if kind is FieldKind.USER_ID and not value_fits(kind, text):
        raise _reject(spec, value)
    return text
