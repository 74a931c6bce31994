"""The edit hub: owns the staged edits of a session and opens the edit screens.

It is an invisible widget the app mounts once; the app's actions call it and it answers with
messages (`Changed`, `RecordSaved`, `RecordCreated`, `BulkDone`) that bubble to the app, so
the table, detail pane and header can redraw marks, values and the unsaved counter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.message import Message
from textual.widget import Widget

from explorer.edits.bulk import BulkReport
from explorer.edits.client import RecordClient
from explorer.edits.fields import FieldProfile, infer_profiles
from explorer.edits.lookup import lookup_filter
from explorer.edits.saving import Outcome, SaveResult, save_all
from explorer.edits.staging import EditBook, RecordRef
from explorer.record_ids import IdResolver

# Pages shown since an editor last asked for an alias's fields that it will learn from.
UNLEARNED_PAGES = 8
# Profiles inferred from a page, or a function that infers them when called.
Learned = Mapping[str, FieldProfile] | Callable[[], Mapping[str, FieldProfile]]

if TYPE_CHECKING:
    from explorer.tui.edit.field_editor import Edited

READ_ONLY_NOTE = "Read-only mode: writing is switched off."


class EditHub(Widget):
    """Staged edits, field kinds learned per alias, and the flows that write."""

    DEFAULT_CSS = "EditHub { display: none; }"

    class Changed(Message):
        """The unsaved edits changed: `count` field changes, `conflicts` of them conflicting."""

        def __init__(self, count: int, conflicts: int) -> None:
            super().__init__()
            self.count = count
            self.conflicts = conflicts

    class RecordSaved(Message):
        """The server's answer for a saved record; shown values should come from it."""

        def __init__(self, ref: RecordRef, record: dict[str, Any]) -> None:
            super().__init__()
            self.ref = ref
            self.record = record

    class RecordCreated(Message):
        def __init__(self, record_type: str, alias: str, record: dict[str, Any]) -> None:
            super().__init__()
            self.record_type = record_type
            self.alias = alias
            self.record = record

    class BulkDone(Message):
        def __init__(self, report: BulkReport) -> None:
            super().__init__()
            self.report = report

    class _Saved(Message):
        def __init__(self, results: list[SaveResult]) -> None:
            super().__init__()
            self.results = results

    def __init__(
        self, client: RecordClient, *, read_only: bool = False, ids: IdResolver | None = None
    ):
        super().__init__(id="edit-hub")
        self.client = client
        self.read_only = read_only
        self.ids = ids if ids is not None else IdResolver()
        self.book = EditBook()
        self.profiles: dict[tuple[str, str], dict[str, FieldProfile]] = {}
        # Pages observed but not yet learned from, per alias, oldest first.
        self._unlearned: dict[tuple[str, str], list[Learned]] = {}

    # -- what the table and detail pane ask ---------------------------------------------
    def observe(
        self,
        record_type: str,
        alias: str,
        records: Sequence[Mapping[str, Any]],
        learned: Learned | None = None,
    ) -> None:
        """Learn field kinds and seen values from loaded records (keeps required marks).

        `learned` passes profiles already inferred from those records, or a function giving
        them; they are merged when an editor first asks for the fields, not per page shown
        (of pages paged past in between, the last few are kept).
        """
        self.ids.learn(f"{record_type}/{alias}", records)
        if learned is None:
            learned = partial(infer_profiles, list(records))
        pending = self._unlearned.setdefault((record_type, alias), [])
        pending.append(learned)
        del pending[:-UNLEARNED_PAGES]

    def fields(self, record_type: str, alias: str) -> dict[str, FieldProfile]:
        known = self.profiles.setdefault((record_type, alias), {})
        for learned in self._unlearned.pop((record_type, alias), []):
            for name, profile in (learned() if callable(learned) else learned).items():
                before = known.get(name)
                if before is not None:
                    # A field empty in any page seen is not always filled.
                    filled = before.always_filled and profile.always_filled
                    before.always_filled = profile.always_filled = filled
                    if before.seen > profile.seen:
                        continue
                profile.required = before is not None and before.required
                known[name] = profile
        return known

    def ref(self, record_type: str, alias: str, record: Mapping[str, Any]) -> RecordRef | None:
        record_id = self.ids.id_of(f"{record_type}/{alias}", record)
        return None if record_id is None else RecordRef(record_type, alias, record_id)

    def refuse_without_id(self, record_type: str, alias: str) -> None:
        """Say why a per-record action cannot run on this alias, and how to fix it."""
        self.notify(self.ids.hint(f"{record_type}/{alias}"), severity="error", timeout=10)

    def shown_value(self, ref: RecordRef | None, name: str, loaded: Any) -> Any:
        """The value to show: the staged one when there is an unsaved edit."""
        edit = self.book.edit(ref, name) if ref is not None else None
        return loaded if edit is None else edit.new

    def mark(self, ref: RecordRef | None, name: str) -> str | None:
        """`staged`, `conflict` or `failed` for a cell with an unsaved edit, else None."""
        edit = self.book.edit(ref, name) if ref is not None else None
        if edit is None:
            return None
        return "conflict" if edit.conflict else "failed" if edit.error else "staged"

    @property
    def unsaved(self) -> int:
        return self.book.count

    def _changed(self) -> None:
        self.post_message(self.Changed(self.book.count, self.book.conflicts))

    def _refuse_in_read_only(self) -> bool:
        if self.read_only:
            self.notify(READ_ONLY_NOTE, severity="warning")
        return self.read_only

    # -- edit ---------------------------------------------------------------------------
    def edit(self, record_type: str, alias: str, record: Mapping[str, Any], name: str) -> None:
        """Open the inline editor on one field of a loaded record."""
        from explorer.tui.edit.field_editor import FieldEditor

        if self._refuse_in_read_only():
            return
        ref = self.ref(record_type, alias, record)
        if ref is None:
            self.refuse_without_id(record_type, alias)
            return
        if name == self.ids.key_for(f"{record_type}/{alias}"):
            self.notify(f"{name} is the record's id, set by the server.", severity="warning")
            return
        if not self.fields(record_type, alias):
            self.observe(record_type, alias, [record])
        profile = self.fields(record_type, alias).get(name) or FieldProfile(name)
        if profile.read_only:
            self.notify(f"{name} is set by the server.", severity="warning")
            return
        loaded = record.get(name)

        def staged(answer: Edited | None) -> None:
            if answer is not None:
                self.book.stage(ref, name, loaded, answer.value)
                self._changed()

        self.app.push_screen(
            FieldEditor(str(ref), profile, self.shown_value(ref, name, loaded)), staged
        )

    def undo(self) -> None:
        """Stage the values from before the last saved edit."""
        if self._refuse_in_read_only():
            return
        change = self.book.undo()
        if change is None:
            self.notify("Nothing to undo.")
            return
        fields = ", ".join(change.before)
        self.notify(f"Undo staged for {change.ref}: {fields}. ctrl+s saves it.")
        self._changed()

    # -- save ---------------------------------------------------------------------------
    def save(self) -> None:
        """Show the diff; saving sends one partial PUT per record after a conflict check."""
        from explorer.tui.edit.diff_screen import DiffScreen

        if self._refuse_in_read_only():
            return
        if not self.book.count:
            self.notify("Nothing to save.")
            return

        def confirmed(go: bool | None) -> None:
            self._changed()
            if go:
                self._save()

        self.app.push_screen(DiffScreen(self.book), confirmed)

    @work(exclusive=True, group="save")
    async def _save(self) -> None:
        self.post_message(self._Saved(await save_all(self.client, self.book)))

    @on(_Saved)
    def _saved(self, event: _Saved) -> None:
        event.stop()
        saved = [r for r in event.results if r.outcome is Outcome.SAVED]
        conflicts = [r for r in event.results if r.outcome is Outcome.CONFLICT]
        failed = [r for r in event.results if r.outcome is Outcome.FAILED]
        for result in saved:
            if result.record is not None:
                self.post_message(self.RecordSaved(result.ref, result.record))
        late = [r for r in saved if r.meanwhile]
        parts = [f"Saved {len(saved)} record(s)"] if saved else []
        if late:
            fields = ", ".join(late[0].meanwhile)
            parts.append(
                f"someone else changed {late[0].ref} while it was saved ({fields}): review it"
            )
        if conflicts:
            parts.append(f"{len(conflicts)} with conflicts to resolve")
        if failed:
            parts.append(f"{len(failed)} failed ({failed[0].ref}: {failed[0].reason})")
        self.notify(
            "; ".join(parts) or "Nothing changed.",
            severity="error" if failed else "warning" if conflicts or late else "information",
            timeout=8 if failed else 4,
        )
        self._changed()
        if conflicts or late:
            self.save()

    # -- create, bulk, export -----------------------------------------------------------
    def create(self, record_type: str, alias: str) -> None:
        from explorer.tui.edit.create_form import CreateRecordScreen

        if self._refuse_in_read_only():
            return

        async def call(data: dict[str, Any]) -> dict[str, Any]:
            return await self.client.create_record(record_type, alias, data)

        async def find(data: dict[str, Any]) -> list[dict[str, Any]]:
            found_by = lookup_filter(data)
            if found_by is None:
                return []
            page = await self.client.list_page(record_type, alias, first=10, filter=found_by)
            return page.records

        def created(record: dict[str, Any] | None) -> None:
            if record is not None:
                record_id = self.ids.id_of(f"{record_type}/{alias}", record)
                self.notify(f"Created {record_id or 'a record'}.")
                self.post_message(self.RecordCreated(record_type, alias, record))

        fields = self.fields(record_type, alias)
        id_key = self.ids.key_for(f"{record_type}/{alias}")
        screen = CreateRecordScreen(alias, fields, call, find, id_key=id_key)
        self.app.push_screen(screen, created)

    def bulk(self, record_type: str, alias: str, filter_text: str | None) -> None:
        from explorer.tui.edit.bulk_screen import BulkEditScreen

        if self._refuse_in_read_only():
            return
        id_key = self.ids.key_for(f"{record_type}/{alias}")
        if id_key is None:
            self.refuse_without_id(record_type, alias)
            return

        def done(report: BulkReport | None) -> None:
            if report is not None:
                self.notify(f"Bulk edit: {report.summary}")
                self.post_message(self.BulkDone(report))

        screen = BulkEditScreen(
            self.client, record_type, alias, filter_text, self.fields(record_type, alias), id_key
        )
        self.app.push_screen(screen, done)

    def export(
        self,
        record_type: str,
        alias: str,
        filter_text: str | None,
        page: Sequence[dict[str, Any]] = (),
    ) -> None:
        from explorer.tui.export.screen import ExportScreen

        self.app.push_screen(ExportScreen(self.client, record_type, alias, filter_text, page))
