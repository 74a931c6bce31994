"""Reading typed values from what a person types, and comparing values as the API does."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from explorer.kinds import RULES, FieldKind, read_boolean, read_instant, read_number, value_text

# Kinds a person edits as one line of text in the inline editor.
EDITABLE_KINDS = frozenset(kind for kind, rule in RULES.items() if rule.editable)
# Typed text starting with this is sent as the JSON value after it, whatever the field.
JSON_PREFIX = ":="


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
    return RULES[kind].hint


def parse_value(kind: FieldKind, text: str, *, as_text: bool = False) -> Parsed:
    """The value `text` gives a field of `kind`; empty text clears the field.

    The value takes the shape the server used for the field: typed (a number, a boolean, a
    list) or, with `as_text`, a string as typed (the spec types every value as a string),
    booleans and instants in their canonical spelling. Text starting with `:=` is sent as
    the JSON value after it, whatever the field (as `elx records update Field:=json`).
    """
    text = text.strip()
    if text.startswith(JSON_PREFIX):
        try:
            return Parsed(json.loads(text[len(JSON_PREFIX) :]))
        except ValueError:
            return Parsed(error=f"expected a JSON value after {JSON_PREFIX}")
    if text == "":
        return Parsed(None)
    rule = RULES[kind]
    if not rule.fits(text):
        return Parsed(error=f"expected {rule.expected}")
    value = rule.read(text)
    if as_text and not isinstance(value, str):
        # Numbers keep the digits as typed (`007`, `12.50`); the rest their canonical text.
        value = text if kind.is_numeric else value_text(value)
    return Parsed(value)


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
