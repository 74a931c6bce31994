"""What the app knows about an alias's fields: kinds inferred from the values seen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.kinds import FieldKind, is_email, read_boolean, read_instant, read_number
from explorer.kinds import value_fits as fits

# Keys the server owns: shown, never edited.
SERVER_FIELDS = frozenset({"Handle", "Created At", "Updated At"})
# A text field with at most this many distinct values, each seen twice on average, is a picklist.
PICKLIST_MAX_CHOICES = 16


@dataclass(slots=True)
class FieldProfile:
    """One field of an alias: its kind, the choices seen, and how values travel."""

    name: str
    kind: FieldKind = FieldKind.TEXT
    choices: tuple[str, ...] = ()
    as_text: bool = True
    read_only: bool = False
    required: bool = False
    seen: int = field(default=0, repr=False)


def _scalar_kind(texts: list[str]) -> FieldKind:
    if all(read_boolean(t) is not None for t in texts):
        return FieldKind.BOOLEAN
    if all(read_number(t) is not None for t in texts):
        return (
            FieldKind.NUMBER
            if all(fits(FieldKind.NUMBER, t) for t in texts)
            else (FieldKind.DECIMAL)
        )
    if all(fits(FieldKind.DATE, t) for t in texts):
        return FieldKind.DATE
    if all(read_instant(t) is not None for t in texts):
        return FieldKind.DATETIME
    if all(is_email(t) for t in texts):
        return FieldKind.USER_ID
    distinct = set(texts)
    if len(distinct) <= PICKLIST_MAX_CHOICES and len(texts) >= 2 * len(distinct):
        return FieldKind.PICKLIST
    return FieldKind.TEXT


def infer_profile(name: str, values: Iterable[Any]) -> FieldProfile:
    """The profile of field `name` from its values across loaded records (nulls ignored)."""
    present = [v for v in values if v is not None and v != ""]
    profile = FieldProfile(name, read_only=name in SERVER_FIELDS, seen=len(present))
    if name == "Handle":
        profile.kind = FieldKind.HANDLE
        return profile
    if not present:
        return profile
    if any(isinstance(v, dict) for v in present):
        profile.kind, profile.as_text = FieldKind.JSON, False
        return profile
    if any(isinstance(v, list) for v in present):
        profile.kind, profile.as_text = FieldKind.MULTI_PICKLIST, False
        items = {str(i) for v in present if isinstance(v, list) for i in v}
        profile.choices = tuple(sorted(items))
        return profile
    profile.as_text = all(isinstance(v, str) for v in present)
    numbers = [v for v in present if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) == len(present):
        whole = all(isinstance(v, int) for v in numbers)
        profile.kind = FieldKind.NUMBER if whole else FieldKind.DECIMAL
        return profile
    texts = [v if isinstance(v, str) else _text(v) for v in present]
    profile.kind = _scalar_kind(texts)
    if profile.kind in (FieldKind.PICKLIST, FieldKind.USER_ID):
        profile.choices = tuple(sorted(set(texts)))
    return profile


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def infer_profiles(records: Iterable[Mapping[str, Any]]) -> dict[str, FieldProfile]:
    """Profiles of every field seen in `records`, in first-seen order."""
    columns: dict[str, list[Any]] = {}
    for record in records:
        for name, value in record.items():
            columns.setdefault(name, []).append(value)
    return {name: infer_profile(name, values) for name, values in columns.items()}


def learn_required(message: str, profiles: Mapping[str, FieldProfile]) -> list[str]:
    """Mark the fields a 422 message names as required; returns the names it marked.

    The server's wording is not part of the contract, so any known field name that appears in
    a message about something being required counts.
    """
    if "required" not in message.lower() and "missing" not in message.lower():
        return []
    marked = []
    for name in sorted(profiles, key=len, reverse=True):
        if name in message and not profiles[name].read_only:
            profiles[name].required = True
            marked.append(name)
    return marked
