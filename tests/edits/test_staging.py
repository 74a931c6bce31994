"""Staged edits, the diff, conflict resolution and the undo stack."""

from __future__ import annotations

from explorer.edits.staging import EditBook, RecordRef, SavedChange

REF = RecordRef("tasks", "ittickets", "TKT-1")
OTHER = RecordRef("tasks", "ittickets", "TKT-2")


def test_staging_counts_changes_and_restaging_the_loaded_value_drops_it() -> None:
    book = EditBook()
    book.stage(REF, "Status", "Open", "Closed")
    book.stage(REF, "Priority", 1, 2)
    book.stage(OTHER, "Status", "Open", "Review")
    assert book.count == 3
    book.stage(REF, "Status", "Closed", "Open")  # back to the value loaded
    assert book.count == 2
    assert [(str(r.ref), r.field, r.old, r.new) for r in book.diff()] == [
        ("ittickets/TKT-1", "Priority", 1, 2),
        ("ittickets/TKT-2", "Status", "Open", "Review"),
    ]


def test_conflicts_are_resolved_by_keeping_mine_or_taking_theirs() -> None:
    book = EditBook()
    mine = book.stage(REF, "Status", "Open", "Closed")
    theirs = book.stage(OTHER, "Status", "Open", "Closed")
    assert mine is not None and theirs is not None
    for edit in (mine, theirs):
        edit.conflict, edit.theirs = True, "Review"
    assert book.conflicts == 2
    book.resolve(REF, "Status", keep_mine=True)
    book.resolve(OTHER, "Status", keep_mine=False)
    assert [(r.ref, r.old, r.new, r.conflict) for r in book.diff()] == [
        (REF, "Review", "Closed", False)
    ]


def test_undo_stages_the_previous_values() -> None:
    book = EditBook()
    book.record_saved(SavedChange(REF, {"Status": "Open"}, {"Status": "Closed"}))
    change = book.undo()
    assert change is not None
    assert [(r.field, r.old, r.new) for r in book.diff()] == [("Status", "Closed", "Open")]
    assert book.undo() is None
