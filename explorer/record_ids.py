"""Which key of a record map holds its id, per alias: the profile's `id_key` when set, else
detected from the records and remembered for the alias (API.md: the spec documents no id
key, so a server may send it as `Handle`, as `id`, under a name of its own, or not at all).

Detection looks, in order, for a key named like an id (`ID_KEYS`) that every record of the
page fills, then for a field whose values on the page all read as record handles (`ITM-42`)
and differ from record to record. When neither exists the alias has no id, and every
per-record action says so with `id_key_hint`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from explorer.records import DEFAULT_ID_KEY

# Keys that name a record's id, the most telling first.
ID_KEYS: tuple[str, ...] = (
    DEFAULT_ID_KEY, "handle", "HANDLE", "id", "ID", "Id", "Key", "key", "Record ID", "Record Id",
)  # fmt: skip
# A record handle: an uppercase prefix, a dash and a number (`ITM-4`, `PREQ-10`).
HANDLE_PATTERN = re.compile(r"[A-Z][A-Z0-9_]*-[0-9]+")


def reads_as_handle(value: Any) -> bool:
    return isinstance(value, str) and HANDLE_PATTERN.fullmatch(value.strip()) is not None


def _filled(value: Any) -> bool:
    return value is not None and value != "" and value != [] and not isinstance(value, dict)


def detect_id_key(records: Iterable[Mapping[str, Any]]) -> str | None:
    """The key holding the id in every one of `records`, or None when none does."""
    page = [record for record in records if isinstance(record, Mapping)]
    if not page:
        return None
    for name in ID_KEYS:
        if all(_filled(record.get(name)) for record in page):
            return name
    for name in page[0]:
        values = [record.get(name) for record in page]
        if all(reads_as_handle(v) for v in values) and len(set(values)) == len(values):
            return name
    return None


def id_key_hint(alias_key: str, configured: str | None = None, profile: str = "NAME") -> str:
    """Why a record of `alias_key` cannot be acted on, and the profile setting that fixes it."""
    if configured:
        found = f"The records of {alias_key} have no {configured!r} field, the profile's id_key"
    else:
        found = (
            f"The records of {alias_key} carry no id the explorer can find (no Handle, id or "
            "Key field, nor one whose values all read like ITM-42)"
        )
    return (
        f"{found}, so it cannot edit, save, comment on, watch or relate them. If a field holds "
        'the record\'s id, name it in the profile: id_key = "Field name" under '
        f"[profiles.{profile}] in config.toml."
    )


class IdResolver:
    """The id key of each alias: the configured one, else the one detected and remembered."""

    def __init__(self, configured: str | None = None, profile: str = "NAME") -> None:
        self.configured = configured or None
        self.profile = profile
        self._known: dict[str, str] = {}
        self._missing: set[str] = set()

    def learn(self, alias_key: str, records: Iterable[Mapping[str, Any]]) -> str | None:
        """The alias's id key, detected from `records` the first time one is found."""
        if self.configured is not None:
            return self.configured
        known = self._known.get(alias_key)
        if known is not None:
            return known
        page = list(records)
        found = detect_id_key(page)
        if found is not None:
            self._known[alias_key] = found
            self._missing.discard(alias_key)
        elif page:
            self._missing.add(alias_key)
        return found

    def key_for(self, alias_key: str) -> str | None:
        """The id key known for the alias (None: not detected, or not seen yet)."""
        return self.configured or self._known.get(alias_key)

    def hint(self, alias_key: str) -> str:
        """What to tell a user whose action needs an id this alias's records lack."""
        return id_key_hint(alias_key, self.configured, self.profile)

    def short_hint(self, alias_key: str) -> str:
        """The same, short enough for a panel's status line."""
        what = f"no {self.configured!r} field" if self.configured else "no id"
        return (
            f"The records of {alias_key} have {what}, so this cannot work on them. Set "
            f'id_key = "Field name" under [profiles.{self.profile}] in config.toml.'
        )

    def known_missing(self, alias_key: str) -> bool:
        """True when the alias's records were seen and carried no id."""
        return self.key_for(alias_key) is None and alias_key in self._missing

    def id_of(self, alias_key: str, record: Mapping[str, Any]) -> str | None:
        """The record's id; an alias with no key known yet is read from this record alone
        (not remembered: one record is too little to learn from)."""
        key = self.key_for(alias_key) or detect_id_key([record])
        value = record.get(key) if key is not None else None
        return str(value).strip() if _filled(value) else None
