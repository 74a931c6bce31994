"""Reading typed values from what a person types, and comparing values as the API does."""

from __future__ import annotations

import json
from dataclasses import dataclass
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

# Kinds a person edits as one line of text in the inline editor.
EDITABLE_KINDS = frozenset(FieldKind) - {FieldKind.HANDLE, FieldKind.ATTACHMENT_ID}


@dataclass(frozen=True, slots=True)
class Parsed:
    """The value typed text stands for, or why it cannot be one."""

    value: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def expectation(kind: FieldKind, choices: tuple[str, ...] = ()) -> str:
    """What a valid value of `kind` looks like, for the editor's hint line."""
    if kind is FieldKind.PICKLIST and choices:
        # Choices are only the values seen so far, so they are examples, not the rule.
        shown = ", ".join(choices[:8]) + (" …" if len(choices) > 8 else "")
        return f"a choice such as {shown} (seen so far)"
    if kind is FieldKind.MULTI_PICKLIST:
        return "values separated by commas"
    if kind is FieldKind.JSON:
        return "a JSON value"
    return expected_text(kind)


def parse_value(kind: FieldKind, text: str, *, as_text: bool = False) -> Parsed:
    """The value `text` gives a field of `kind`; empty text clears the field.

    `as_text` keeps the value a JSON string in its canonical spelling, for fields whose
    values the server sends as strings (the spec types every value as a string).
    """
    text = text.strip()
    if text == "":
        return Parsed(None)
    if kind is FieldKind.MULTI_PICKLIST:
        return Parsed([part.strip() for part in text.split(",") if part.strip()])
    if kind is FieldKind.JSON:
        try:
            return Parsed(json.loads(text))
        except ValueError:
            return Parsed(error=f"expected {expectation(kind)}")
    if not value_fits(kind, text):
        return Parsed(error=f"expected {expected_text(kind)}")
    if kind is FieldKind.NUMBER:
        whole = int(read_number(text) or 0)
        return Parsed(str(whole) if as_text else whole)
    if kind is FieldKind.DECIMAL:
        return Parsed(text if as_text else float(text))
    if kind is FieldKind.BOOLEAN:
        flag = bool(read_boolean(text))
        return Parsed(("true" if flag else "false") if as_text else flag)
    if kind is FieldKind.DATETIME:
        moment = read_instant(text)
        assert moment is not None  # value_fits checked it
        return Parsed(format_instant(moment))
    return Parsed(text)


def display(value: Any) -> str:
    """One-line text of a record value, as the editor and diff show it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(display(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return str(value)


def _key(value: Any) -> tuple[str, Any]:
    """A comparison key following the API's rule: numbers, then instants, then strings."""
    if value is None:
        return ("null", None)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, list | dict):
        return ("json", json.dumps(value, sort_keys=True))
    text = str(value)
    number = read_number(text)
    if number is not None:
        return ("number", number)
    moment = read_instant(text)
    if moment is not None:
        return ("instant", moment)
    flag = read_boolean(text)
    if flag is not None:
        return ("bool", flag)
    return ("text", text)


def same_value(left: Any, right: Any) -> bool:
    """Whether two record values mean the same (`"42"` and `42` do; `""` and null do)."""
    if left == "":
        left = None
    if right == "":
        right = None
    return _key(left) == _key(right)
