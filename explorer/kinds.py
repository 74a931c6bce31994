"""Field kinds of Elementum objects and the value-reading rules every layer shares.

API.md's comparison rule: two values compare as numbers when both read as numbers, as
instants when both read as ISO 8601 dates, and otherwise as strings. The readers below are
that rule's single definition; the RSQL validator, the sandbox and the editors use them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import StrEnum


class FieldKind(StrEnum):
    """The field kinds `openapi.json` lists for an object's fields."""

    TEXT = "TEXT"
    NUMBER = "NUMBER"
    DECIMAL = "DECIMAL"
    BOOLEAN = "BOOLEAN"
    DATE = "DATE"
    DATETIME = "DATETIME"
    PICKLIST = "PICKLIST"
    MULTI_PICKLIST = "MULTI_PICKLIST"
    USER_ID = "USER_ID"
    GROUP_ID = "GROUP_ID"
    HANDLE = "HANDLE"
    HTML = "HTML"
    JSON = "JSON"
    ATTACHMENT_ID = "ATTACHMENT_ID"

    @property
    def is_numeric(self) -> bool:
        return self in (FieldKind.NUMBER, FieldKind.DECIMAL)

    @property
    def is_temporal(self) -> bool:
        return self in (FieldKind.DATE, FieldKind.DATETIME)


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_BOOLEANS = {"true": True, "false": False}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def read_number(text: str) -> float | None:
    """The number `text` reads as, or None."""
    if not _NUMBER.fullmatch(text):
        return None
    return float(text)


def read_instant(text: str) -> datetime | None:
    """The UTC instant an ISO 8601 date or datetime reads as, or None.

    A date-only value is midnight UTC; a datetime without an offset is taken as UTC.
    """
    try:
        if _DATE.fullmatch(text):
            d = date.fromisoformat(text)
            return datetime(d.year, d.month, d.day, tzinfo=UTC)
        if _DATETIME.fullmatch(text):
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return moment.astimezone(UTC)
    except ValueError:
        return None
    return None


def format_instant(moment: datetime) -> str:
    """API.md's canonical instant: `YYYY-MM-DDTHH:MM:SS.SSSZ` in UTC."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def read_boolean(text: str) -> bool | None:
    """True or False for `true`/`false` in any case, else None."""
    return _BOOLEANS.get(text.strip().lower())


def is_email(text: str) -> bool:
    return bool(_EMAIL.fullmatch(text))


def value_fits(kind: FieldKind, text: str) -> bool:
    """Whether `text` can be a value of a field of `kind` (used for warnings and editors)."""
    if kind is FieldKind.NUMBER:
        number = read_number(text)
        return number is not None and number == int(number)
    if kind is FieldKind.DECIMAL:
        return read_number(text) is not None
    if kind is FieldKind.DATE:
        return bool(_DATE.fullmatch(text)) and read_instant(text) is not None
    if kind is FieldKind.DATETIME:
        return read_instant(text) is not None
    if kind is FieldKind.BOOLEAN:
        return read_boolean(text) is not None
    if kind is FieldKind.USER_ID:
        return is_email(text)
    return True


def expected_text(kind: FieldKind) -> str:
    """How to describe a valid value of `kind` to a person."""
    return {
        FieldKind.NUMBER: "a whole number, e.g. 42",
        FieldKind.DECIMAL: "a number, e.g. 12.50",
        FieldKind.DATE: "an ISO date, e.g. 2024-03-15",
        FieldKind.DATETIME: "an ISO datetime, e.g. 2024-03-15T09:30:00.000Z",
        FieldKind.BOOLEAN: "true or false",
        FieldKind.USER_ID: "a user's e-mail, e.g. ana@example.com",
    }.get(kind, "text")
