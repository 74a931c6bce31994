"""Saving staged edits: re-fetch, detect conflicts, partial PUT, adopt the server's answer."""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from explorer.edits.client import RecordClient, describe_failure, record_data
from explorer.edits.fields import SERVER_FIELDS
from explorer.edits.staging import EditBook, RecordRef, SavedChange
from explorer.edits.values import same_value


class Outcome(StrEnum):
    SAVED = "saved"
    CONFLICT = "conflict"
    FAILED = "failed"
    UNCHANGED = "unchanged"


@dataclass(slots=True)
class SaveResult:
    """What one record's save did; `record` is the server's map after a successful save.

    `meanwhile`: fields we did not change whose value the PUT's answer shows changed since
    the re-fetch, as (the value we had, the server's now): another writer was at work while
    we saved (staged back as conflicts after the fact)."""

    ref: RecordRef
    outcome: Outcome
    saved: dict[str, Any] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    reason: str | None = None
    record: dict[str, Any] | None = None
    meanwhile: dict[str, tuple[Any, Any]] = field(default_factory=dict)


def changed_meanwhile(
    expected: Mapping[str, Any], answer: Mapping[str, Any], ours: Collection[str]
) -> dict[str, tuple[Any, Any]]:
    """Fields outside `ours` (and not kept by the server) whose value in `answer` differs from
    `expected`, as (expected, answer's). The API has no ETags: a write that landed between the
    re-fetch and the PUT shows only here, after the fact. A field missing from one side is
    empty there (the spec-literal answer leaves empty fields out)."""
    changed: dict[str, tuple[Any, Any]] = {}
    if not set(answer) - set(ours) - SERVER_FIELDS:
        return changed  # an answer that echoes only what was sent tells nothing of the rest
    for name in [*expected, *(k for k in answer if k not in expected)]:
        if name in ours or name in SERVER_FIELDS:
            continue
        mine, now = expected.get(name), answer.get(name)
        if not same_value(mine, now):
            changed[name] = (mine, now)
    return changed


async def save_record(client: RecordClient, book: EditBook, ref: RecordRef) -> SaveResult:
    """Save one record's staged edits; on any failure they stay staged with the reason.

    The record is fetched first, just before the PUT: a field whose server value differs
    from the value loaded is marked as a conflict and nothing of that record is written until
    the person resolves it. After the PUT, a field we did not change that the answer shows
    changed since the re-fetch is staged as a conflict after the fact (`book.stage_late`).
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
    meanwhile = changed_meanwhile(current, answer, changes) if changes else {}
    for name, (mine, theirs) in meanwhile.items():
        book.stage_late(ref, name, mine, theirs)
    return SaveResult(ref, Outcome.SAVED, saved=saved, record=answer, meanwhile=meanwhile)


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
