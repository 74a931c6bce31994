"""Saving staged edits: re-fetch, detect conflicts, partial PUT, adopt the server's answer."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from explorer.edits.client import RecordClient, describe_failure, record_data
from explorer.edits.staging import EditBook, RecordRef, SavedChange
from explorer.edits.values import same_value


class Outcome(StrEnum):
    SAVED = "saved"
    CONFLICT = "conflict"
    FAILED = "failed"
    UNCHANGED = "unchanged"


@dataclass(slots=True)
class SaveResult:
    """What one record's save did; `record` is the server's map after a successful save."""

    ref: RecordRef
    outcome: Outcome
    saved: dict[str, Any] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    reason: str | None = None
    record: dict[str, Any] | None = None


async def save_record(client: RecordClient, book: EditBook, ref: RecordRef) -> SaveResult:
    """Save one record's staged edits; on any failure they stay staged with the reason.

    The record is fetched first: a field whose server value differs from the value loaded is
    marked as a conflict and nothing of that record is written until the person resolves it.
    """
    edits = book.edits(ref)
    if not edits:
        return SaveResult(ref, Outcome.UNCHANGED)
    try:
        current = record_data(await client.get_record(ref.record_type, ref.alias, ref.id))
    except Exception as error:  # any failure keeps the draft, with its reason shown
        return _failed(book, ref, describe_failure(error))
    conflicts = []
    for edit in edits:
        theirs = current.get(edit.field)
        if edit.conflict or same_value(theirs, edit.old) or same_value(theirs, edit.new):
            continue
        edit.conflict, edit.theirs, edit.error = True, theirs, None
        conflicts.append(edit.field)
    if any(edit.conflict for edit in edits):
        pending = [e.field for e in edits if e.conflict]
        return SaveResult(ref, Outcome.CONFLICT, conflicts=pending, record=current)
    changes = {e.field: e.new for e in edits if not same_value(current.get(e.field), e.new)}
    before = {e.field: e.old for e in edits}
    if not changes:
        answer = current
    else:
        try:
            answer = record_data(
                await client.update_record(ref.record_type, ref.alias, ref.id, changes)
            )
        except Exception as error:  # any failure keeps the draft, with its reason shown
            return _failed(book, ref, describe_failure(error))
    saved = {name: answer.get(name) for name in before}
    for name in before:
        book.unstage(ref, name)
    book.record_saved(SavedChange(ref, before, saved))
    return SaveResult(ref, Outcome.SAVED, saved=saved, record=answer)


def _failed(book: EditBook, ref: RecordRef, reason: str) -> SaveResult:
    for edit in book.edits(ref):
        edit.error = reason
    return SaveResult(ref, Outcome.FAILED, reason=reason)


async def save_all(client: RecordClient, book: EditBook, *, parallel: int = 4) -> list[SaveResult]:
    """Save every record with staged edits, a few at a time; results in record order."""
    gate = asyncio.Semaphore(parallel)

    async def one(ref: RecordRef) -> SaveResult:
        async with gate:
            return await save_record(client, book, ref)

    return list(await asyncio.gather(*(one(ref) for ref in book.records())))
