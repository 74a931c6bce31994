"""The fields the app knows per alias: seen this run, remembered across runs, and the user's
column choice. The filter bar completes from them before a page has even loaded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.config.state import StateStore
from explorer.edits.fields import infer_profile
from explorer.kinds import FieldKind
from explorer.tui.records import grow_columns, value_text, visible_columns

if TYPE_CHECKING:
    from explorer.edits.fields import FieldProfile
    from explorer.tui.session import Session

# Seen values offered per field for completion, and the longest one offered.
VALUES_PER_FIELD = 50
LONGEST_VALUE = 60


class KnownFields:
    def __init__(self, session: Session, state_dir: Path | None) -> None:
        self.session = session
        self._columns = StateStore("columns", state_dir)
        self._remembered = StateStore("fields", state_dir)
        self._seen: dict[str, list[str]] = {}

    def seen(self, alias_key: str) -> list[str]:
        """The columns of the alias seen this run, in a stable order (the id first)."""
        return self._seen.get(alias_key, [])

    def grow(self, alias_key: str, records: Iterable[Mapping[str, Any]]) -> bool:
        """Learn the fields of a page; True when there were new ones (`remember` them)."""
        records = list(records)
        id_key = self.session.ids.learn(alias_key, records)
        known = grow_columns(self.seen(alias_key), records, id_key)
        if known == self._seen.get(alias_key):
            return False
        self._seen[alias_key] = known
        return True

    def remember(self, alias_key: str) -> None:
        self._remembered.set(self.session.state_key(alias_key), self.names(alias_key))

    def names(self, alias_key: str) -> list[str]:
        """Fields of the alias: those seen this run, then those remembered from before."""
        names = list(self.seen(alias_key))
        remembered = self._remembered.get(self.session.state_key(alias_key), [])
        names += [n for n in remembered if isinstance(n, str) and n not in names]
        return names

    def kinds(self, alias_key: str, profiles: Mapping[str, FieldProfile]) -> dict[str, FieldKind]:
        """Each field's kind: from the shown page's profiles, else guessed from its name."""
        return {
            name: (profiles[name] if name in profiles else infer_profile(name, ())).kind
            for name in self.names(alias_key)
        }

    def visible(self, alias_key: str) -> list[str]:
        """The columns to show: those seen, ordered and hidden as the user chose."""
        return visible_columns(self.seen(alias_key), self.choice(alias_key))

    def choice(self, alias_key: str) -> dict[str, Any] | None:
        choice = self._columns.get(self.session.state_key(alias_key))
        return choice if isinstance(choice, dict) else None

    def choose(self, alias_key: str, choice: dict[str, Any]) -> None:
        self._columns.set(self.session.state_key(alias_key), choice)


def values_later(records: list[Mapping[str, Any]]) -> Callable[[], dict[str, list[str]]]:
    """The values seen per field in `records`, collected when first asked for."""
    return lambda: field_values(records)


def field_values(records: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for record in records:
        for name, value in record.items():
            text = value_text(value)
            if text and len(text) <= LONGEST_VALUE:
                seen = values.setdefault(name, [])
                if text not in seen and len(seen) < VALUES_PER_FIELD:
                    seen.append(text)
    return values
