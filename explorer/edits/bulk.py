"""Bulk edit: set one field on every record matching a filter, within the client's rate limit."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.api import Priority
from explorer.edits.client import RecordClient, describe_failure, page_records, page_total
from explorer.record_ids import detect_id_key


@dataclass(slots=True)
class BulkProgress:
    """Where a bulk edit is: ids collected, then records written."""

    phase: str = "counting"
    total: int | None = None
    collected: int = 0
    done: int = 0
    changed: int = 0
    failed: int = 0
    elapsed: float = 0.0


@dataclass(slots=True)
class BulkReport:
    changed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0
    # Why nothing was written, when the records carry no id to write them by.
    refused: str | None = None

    @property
    def summary(self) -> str:
        if self.refused is not None:
            return f"nothing changed: {self.refused}"
        text = f"{len(self.changed)} changed, {len(self.failed)} failed of {self.total}"
        return text + (" (cancelled)" if self.cancelled else "")


ProgressCallback = Callable[[BulkProgress], None]


@dataclass(slots=True)
class BulkEdit:
    """Set `changes` on every record of `record_type/alias` matching `filter`.

    Ids are collected first and written afterwards: writing while paging would move records
    out of the filter under offset-based cursors and skip some of them.
    """

    record_type: str
    alias: str
    changes: Mapping[str, Any]
    filter: str | None = None
    page_size: int = 500
    # Writes in flight at once; the client's rate gate still bounds the request rate.
    parallel: int = 4
    # The record key holding the id; None: detected from each page (explorer.record_ids).
    id_key: str | None = None
    _cancel: asyncio.Event = field(default_factory=asyncio.Event, init=False)

    def cancel(self) -> None:
        """Stop after the writes in flight; the report says what was done."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    async def count(self, client: RecordClient) -> int | None:
        """How many records the edit will touch (the first page's total)."""
        async for page in client.iter_pages(
            self.record_type, self.alias, **self._page_options(page_size=1)
        ):
            return page_total(page)
        return 0

    def _page_options(self, *, page_size: int) -> dict[str, Any]:
        return {"filter": self.filter, "page_size": page_size, "priority": Priority.BACKGROUND}

    async def run(
        self, client: RecordClient, on_progress: ProgressCallback | None = None
    ) -> BulkReport:
        started = time.monotonic()
        progress = BulkProgress()
        report = BulkReport()

        def tell() -> None:
            progress.elapsed = time.monotonic() - started
            if on_progress is not None:
                on_progress(progress)

        ids: list[str] = []
        async for page in client.iter_pages(
            self.record_type, self.alias, **self._page_options(page_size=self.page_size)
        ):
            progress.total = page_total(page) if progress.total is None else progress.total
            records = page_records(page)
            key = self.id_key or detect_id_key(records)
            if key is None and records:
                report.refused = (
                    f"the records of {self.record_type}/{self.alias} carry no id to update "
                    "them by; set id_key in the profile"
                )
                progress.phase = "done"
                tell()
                return report
            ids.extend(str(r[key]) for r in records if key is not None and key in r)
            progress.collected = len(ids)
            tell()
            if self.cancelled:
                break
        report.total = progress.total = len(ids) if progress.total is None else progress.total
        progress.phase = "writing"
        tell()
        queue = iter(ids)

        async def worker() -> None:
            for record_id in queue:
                if self.cancelled:
                    return
                try:
                    await client.update_record(
                        self.record_type, self.alias, record_id, dict(self.changes)
                    )
                except Exception as error:  # a failed record is reported, the rest go on
                    report.failed.append((record_id, describe_failure(error)))
                    progress.failed += 1
                else:
                    report.changed.append(record_id)
                    progress.changed += 1
                progress.done += 1
                tell()

        await asyncio.gather(*(worker() for _ in range(max(1, self.parallel))))
        report.cancelled = self.cancelled and progress.done < len(ids)
        progress.phase = "cancelled" if report.cancelled else "done"
        tell()
        return report
