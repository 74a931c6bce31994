"""What the app knows about an alias's fields: kinds inferred from the values seen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.kinds import FieldKind, infer_kind, value_text
from explorer.records import DEFAULT_ID_KEY

# Keys the server owns: shown, never edited.
SERVER_FIELDS = frozenset({DEFAULT_ID_KEY, "Created At", "Updated At"})


@dataclass(slots=True)
class FieldProfile:
    """One field of an alias: its kind, the choices seen, and how values travel.

    `as_text`: every value seen came as a string, so edits go back as strings too.
    `required`: the server said so (a refused create named it). `always_filled`: every record
    seen had a value, so the field is likely required, though nobody said so."""

    name: str
    kind: FieldKind = FieldKind.TEXT
    choices: tuple[str, ...] = ()
    as_text: bool = True
    read_only: bool = False
    required: bool = False
    always_filled: bool = False
    seen: int = field(default=0, repr=False)


def infer_profile(name: str, values: Iterable[Any]) -> FieldProfile:
    """The profile of field `name` from its values across loaded records (nulls ignored).

    The kind follows `kinds.infer_kind`, so values sent as strings (`"3"`, `"true"`) give
    the same kind as typed ones; the choices are the values seen (for a boolean, its two)."""
    values = list(values)
    present = [v for v in values if v is not None and v != ""]
    profile = FieldProfile(name, read_only=name in SERVER_FIELDS, seen=len(present))
    profile.always_filled = bool(present) and len(present) == len(values)
    if name == DEFAULT_ID_KEY:
        profile.kind = FieldKind.HANDLE
        return profile
    profile.kind = infer_kind(present)
    profile.as_text = all(isinstance(v, str) for v in present)
    if profile.kind is FieldKind.MULTI_PICKLIST:
        items = {value_text(i) for v in present if isinstance(v, list) for i in v}
        profile.choices = tuple(sorted(items))
    elif profile.kind in (FieldKind.PICKLIST, FieldKind.USER_ID):
        profile.choices = tuple(sorted({value_text(v).strip() for v in present}))
    else:
        profile.choices = profile.kind.rule.choices
    return profile


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
