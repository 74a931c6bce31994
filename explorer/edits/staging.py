"""Staged edits per record, the diff a person confirms, and the undo stack of saved edits."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.edits.values import same_value


@dataclass(frozen=True, slots=True, order=True)
class RecordRef:
    """Where a record lives: `/{record_type}/{alias}/{id}`."""

    record_type: str
    alias: str
    id: str

    def __str__(self) -> str:
        return f"{self.alias}/{self.id}"


@dataclass(slots=True)
class StagedEdit:
    """One field's pending change: the value loaded (`old`) and the value wanted (`new`).

    `theirs` holds the server's value when it changed since loading (a conflict the person
    resolves); `error` says why the last save of this edit failed. A `late` conflict is one
    found after a save: another writer changed the field while we saved, and `new` is the
    value we had (keep mine restores it).
    """

    field: str
    old: Any
    new: Any
    error: str | None = None
    conflict: bool = False
    theirs: Any = None
    late: bool = False


@dataclass(frozen=True, slots=True)
class DiffRow:
    ref: RecordRef
    field: str
    old: Any
    new: Any
    conflict: bool
    theirs: Any
    error: str | None
    late: bool = False


@dataclass(frozen=True, slots=True)
class SavedChange:
    """A saved edit of one record: each field's value before and after, for undo."""

    ref: RecordRef
    before: Mapping[str, Any]
    after: Mapping[str, Any]


@dataclass(slots=True)
class EditBook:
    """Every unsaved edit of the session, by record, and the saved edits that undo can revert."""

    staged: dict[RecordRef, dict[str, StagedEdit]] = field(default_factory=dict)
    undo_stack: list[SavedChange] = field(default_factory=list)

    def stage(self, ref: RecordRef, name: str, old: Any, new: Any) -> StagedEdit | None:
        """Stage `name` = `new`; staging a record's loaded value back drops the edit."""
        fields = self.staged.setdefault(ref, {})
        current = fields.get(name)
        original = current.old if current is not None else old
        if same_value(original, new) and not (current is not None and current.conflict):
            fields.pop(name, None)
            if not fields:
                del self.staged[ref]
            return None
        edit = StagedEdit(name, original, new)
        fields[name] = edit
        return edit

    def unstage(self, ref: RecordRef, name: str) -> None:
        fields = self.staged.get(ref, {})
        fields.pop(name, None)
        if not fields:
            self.staged.pop(ref, None)

    def edit(self, ref: RecordRef, name: str) -> StagedEdit | None:
        return self.staged.get(ref, {}).get(name)

    def edits(self, ref: RecordRef) -> list[StagedEdit]:
        return list(self.staged.get(ref, {}).values())

    @property
    def count(self) -> int:
        """How many field changes are unsaved (the header's counter)."""
        return sum(len(fields) for fields in self.staged.values())

    @property
    def conflicts(self) -> int:
        return sum(e.conflict for fields in self.staged.values() for e in fields.values())

    def records(self) -> list[RecordRef]:
        return list(self.staged)

    def __iter__(self) -> Iterator[tuple[RecordRef, StagedEdit]]:
        for ref, fields in self.staged.items():
            for edit in fields.values():
                yield ref, edit

    def diff(self) -> list[DiffRow]:
        """Field, old and new of every staged edit, record by record."""
        return [
            DiffRow(ref, e.field, e.old, e.new, e.conflict, e.theirs, e.error, e.late)
            for ref, e in self
        ]

    def stage_late(self, ref: RecordRef, name: str, mine: Any, theirs: Any) -> StagedEdit:
        """Another writer changed `name` (from `mine` to `theirs`) while we saved: a conflict
        after the fact, whose keep mine stages `mine` back and take theirs drops it."""
        edit = StagedEdit(name, theirs, mine, conflict=True, theirs=theirs, late=True)
        self.staged.setdefault(ref, {})[name] = edit
        return edit

    def resolve(self, ref: RecordRef, name: str, *, keep_mine: bool) -> None:
        """Settle a conflict: keep mine (save over theirs next time) or take theirs (drop mine)."""
        edit = self.edit(ref, name)
        if edit is None or not edit.conflict:
            return
        if keep_mine:
            edit.old, edit.conflict, edit.theirs, edit.late = edit.theirs, False, None, False
            if same_value(edit.old, edit.new):
                self.unstage(ref, name)
        else:
            self.unstage(ref, name)

    def record_saved(self, change: SavedChange) -> None:
        self.undo_stack.append(change)

    def undo(self) -> SavedChange | None:
        """Stage the values from before the last saved edit; returns that edit, or None."""
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        for name, before in change.before.items():
            self.stage(change.ref, name, change.after.get(name), before)
        return change
