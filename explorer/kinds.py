"""Field kinds of Elementum objects: the one table of what each kind means to every layer.

`RULES[kind]` says, per kind: how text reads as a value of it (`read`), whether text can be
one (`fits`), how to describe a valid value (`expected`, the editor's `hint`), the fixed
`choices` an editor offers, how a table aligns it, how values sort, whether the inline
editor edits it, and the SQL affinity the sandbox stores it with. `infer_kind` is the one
rule that tells a field's kind from the values seen, typed or all strings (the spec types
every value as a string: "3", "true", "2020-04-04"). The RSQL validator and compiler, the
editors, the sandbox and the table all read these instead of testing kinds themselves.

API.md's comparison rule underlies the readers: two values compare as numbers when both read
as numbers, as instants when both read as ISO 8601 dates, and otherwise as strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any


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
    def rule(self) -> KindRule:
        """This kind's row of the table."""
        return RULES[self]

    @property
    def is_numeric(self) -> bool:
        return self in (FieldKind.NUMBER, FieldKind.DECIMAL)

    @property
    def is_temporal(self) -> bool:
        return self in (FieldKind.DATE, FieldKind.DATETIME)


class Align(StrEnum):
    """Where a table puts a kind's values in their cells."""

    LEFT = "left"
    RIGHT = "right"


# --- the readers ------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WHOLE = re.compile(r"[+-]?\d+")
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


def _fits_number(text: str) -> bool:
    number = read_number(text)
    return number is not None and number == int(number)


def _fits_date(text: str) -> bool:
    return bool(_DATE.fullmatch(text)) and read_instant(text) is not None


def _fits_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _anything(text: str) -> bool:
    return True


def _read_whole(text: str) -> int:
    return int(read_number(text) or 0)


def _read_float(text: str) -> float:
    return float(text)


def _read_boolean(text: str) -> bool:
    return bool(read_boolean(text))


def _read_instant_text(text: str) -> str:
    moment = read_instant(text)
    assert moment is not None  # only called on text that fits
    return format_instant(moment)


def _read_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _read_text(text: str) -> str:
    return text


def _order_number(text: str) -> float | None:
    return read_number(text)


def _order_instant(text: str) -> float | None:
    moment = read_instant(text)
    return None if moment is None else moment.timestamp()


def _order_boolean(text: str) -> float | None:
    flag = read_boolean(text)
    return None if flag is None else float(flag)


def _order_none(text: str) -> float | None:
    return None


# --- the table --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KindRule:
    """What one kind means to every layer.

    - `read(text)`: the JSON value text stands for in a field of the kind (only for text
      that `fits`): NUMBER an int, DECIMAL a float, BOOLEAN a bool, DATETIME the canonical
      instant, MULTI_PICKLIST a list, JSON the parsed value, everything else the text.
    - `fits(text)`: whether text can be a value of the kind (filter warnings, editors).
    - `expected`: a valid value described to a person; `hint`: what the editor says.
    - `choices`: the values an editor and the filter bar offer whatever was seen.
    - `align`: where a table puts the values; `order(text)`: the sort position of a value
      that reads as the kind (None: it sorts by the general rule, see `sort_key`).
    - `editable`: whether the inline editor edits it as one line.
    - `affinity`: the SQLite column affinity the sandbox stores it with.
    """

    kind: FieldKind
    read: Callable[[str], Any]
    fits: Callable[[str], bool]
    expected: str
    hint: str
    choices: tuple[str, ...]
    align: Align
    order: Callable[[str], float | None]
    editable: bool
    affinity: str


def _rule(
    kind: FieldKind,
    *,
    read: Callable[[str], Any] = _read_text,
    fits: Callable[[str], bool] = _anything,
    expected: str = "text",
    hint: str | None = None,
    choices: tuple[str, ...] = (),
    align: Align = Align.LEFT,
    order: Callable[[str], float | None] = _order_none,
    editable: bool = True,
    affinity: str = "TEXT",
) -> KindRule:
    return KindRule(
        kind, read, fits, expected, expected if hint is None else hint, choices, align,
        order, editable, affinity,
    )  # fmt: skip


RULES: dict[FieldKind, KindRule] = {
    rule.kind: rule
    for rule in (
        _rule(FieldKind.TEXT),
        _rule(FieldKind.NUMBER, read=_read_whole, fits=_fits_number, affinity="INTEGER",
              expected="a whole number, e.g. 42", align=Align.RIGHT, order=_order_number),
        _rule(FieldKind.DECIMAL, read=_read_float, fits=lambda t: read_number(t) is not None,
              expected="a number, e.g. 12.50", affinity="REAL", align=Align.RIGHT,
              order=_order_number),
        _rule(FieldKind.BOOLEAN, read=_read_boolean, fits=lambda t: read_boolean(t) is not None,
              expected="true or false", choices=("true", "false"), order=_order_boolean,
              affinity="INTEGER"),
        _rule(FieldKind.DATE, fits=_fits_date, expected="an ISO date, e.g. 2024-03-15",
              order=_order_instant),
        _rule(FieldKind.DATETIME, read=_read_instant_text,
              fits=lambda t: read_instant(t) is not None, order=_order_instant,
              expected="an ISO datetime, e.g. 2024-03-15T09:30:00.000Z"),
        _rule(FieldKind.PICKLIST),
        _rule(FieldKind.MULTI_PICKLIST, read=_read_list, hint="values separated by commas"),
        _rule(FieldKind.USER_ID, fits=is_email, expected="a user's e-mail, e.g. ana@example.com"),
        _rule(FieldKind.GROUP_ID),
        _rule(FieldKind.HANDLE, editable=False),
        _rule(FieldKind.HTML),
        _rule(FieldKind.JSON, read=json.loads, fits=_fits_json, expected="a JSON value"),
        _rule(FieldKind.ATTACHMENT_ID, editable=False),
    )
}  # fmt: skip


def value_fits(kind: FieldKind, text: str) -> bool:
    """Whether `text` can be a value of a field of `kind` (used for warnings and editors)."""
    return RULES[kind].fits(text)


def expected_text(kind: FieldKind) -> str:
    """How to describe a valid value of `kind` to a person."""
    return RULES[kind].expected


# --- values as text, their order and the kind they suggest ------------------------------


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


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def sort_key(kind: FieldKind, value: Any) -> tuple[int, float, str]:
    """Where `value` sorts in a column of `kind`, the same for `3` and `"3"`.

    Values reading as the kind come first in its order (numbers by value, dates by time,
    false before true); the rest follow API.md's rule (numbers, then instants, then text
    ignoring case); empty values last."""
    if is_empty(value):
        return (4, 0.0, "")
    text = value_text(value)
    position = RULES[kind].order(text)
    if position is not None:
        return (0, position, "")
    number = read_number(text)
    if number is not None:
        return (1, number, "")
    instant = read_instant(text)
    if instant is not None:
        return (2, instant.timestamp(), "")
    return (3, 0.0, text.casefold())


# A text field with at most this many distinct values, each seen twice on average, is a picklist.
PICKLIST_MAX_CHOICES = 16


def _is_whole(value: Any) -> bool:
    """Whether a number reads as whole as written: `3` and `"3"` do, `3.0` and `"3.0"` not."""
    if isinstance(value, str):
        return bool(_WHOLE.fullmatch(value.strip()))
    return isinstance(value, int)


def infer_kind(values: Iterable[Any]) -> FieldKind:
    """The kind a field's non-empty values suggest, whether the server sent them typed
    (`3`, `true`, `["a"]`) or as strings (`"3"`, `"true"`): the same kind either way.
    Nulls and empty strings say nothing; an empty list still says "a list"."""
    present = [v for v in values if v is not None and v != ""]
    if not present:
        return FieldKind.TEXT
    if any(isinstance(v, dict) for v in present):
        return FieldKind.JSON
    if any(isinstance(v, list) for v in present):
        return FieldKind.MULTI_PICKLIST
    texts = [value_text(v).strip() for v in present]
    pairs = zip(present, texts, strict=True)
    if all(isinstance(v, bool) or read_boolean(t) is not None for v, t in pairs):
        return FieldKind.BOOLEAN
    if not any(isinstance(v, bool) for v in present) and all(
        read_number(t) is not None for t in texts
    ):
        return FieldKind.NUMBER if all(_is_whole(v) for v in present) else FieldKind.DECIMAL
    if all(_fits_date(t) for t in texts):
        return FieldKind.DATE
    if all(read_instant(t) is not None for t in texts):
        return FieldKind.DATETIME
    if all(is_email(t) for t in texts):
        return FieldKind.USER_ID
    distinct = set(texts)
    if len(distinct) <= PICKLIST_MAX_CHOICES and len(texts) >= 2 * len(distinct):
        return FieldKind.PICKLIST
    return FieldKind.TEXT
