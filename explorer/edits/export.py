"""Export: the current page or every record matching a filter to CSV, JSON or JSONL.

Pages are fetched in the background within the client's rate limit; the client's
`ExportWriter` writes `<path>.partial` and renames it only when every record is in, so a file
at the asked path is always complete and a cancelled or failed run leaves a `.partial` file.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from explorer.api import ExportWriter, Priority
from explorer.api.export import ExportFormat
from explorer.edits.client import RecordClient, describe_failure, page_records, page_total

FORMATS = ("csv", "json", "jsonl")


class Scope(StrEnum):
    PAGE = "page"
    ALL = "all"


@dataclass(slots=True)
class ExportProgress:
    records: int = 0
    pages: int = 0
    total: int | None = None
    page_size: int = 0
    elapsed: float = 0.0

    @property
    def total_pages(self) -> int | None:
        if self.total is None or not self.page_size:
            return None
        return max(1, -(-self.total // self.page_size))

    @property
    def seconds_left(self) -> float | None:
        """Time left at the rate so far, once a page has come in."""
        if not self.records or self.total is None:
            return None
        return max(0.0, self.elapsed / self.records * (self.total - self.records))

    @property
    def line(self) -> str:
        total = "?" if self.total is None else str(self.total)
        pages = "?" if self.total_pages is None else str(self.total_pages)
        left = self.seconds_left
        eta = "" if left is None else f" · {left:.0f}s left"
        return f"{self.records}/{total} records · {self.pages}/{pages} pages{eta}"


@dataclass(slots=True)
class ExportResult:
    path: Path
    records: int
    complete: bool
    reason: str | None = None


@dataclass(slots=True)
class ExportJob:
    """One export run; `cancel()` stops it between pages and leaves a clearly partial file."""

    record_type: str
    alias: str
    path: Path
    fmt: str = "csv"
    scope: Scope = Scope.ALL
    filter: str | None = None
    page_records: Sequence[dict[str, Any]] = ()
    page_size: int = 500
    _cancel: asyncio.Event = field(default_factory=asyncio.Event, init=False)

    def cancel(self) -> None:
        self._cancel.set()

    async def run(
        self, client: RecordClient, on_progress: Callable[[ExportProgress], None] | None = None
    ) -> ExportResult:
        if self.fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}")
        started = time.monotonic()
        progress = ExportProgress(page_size=self.page_size)
        writer = ExportWriter(self.path, cast(ExportFormat, self.fmt))
        reason: str | None = None

        def tell() -> None:
            progress.elapsed = time.monotonic() - started
            if on_progress is not None:
                on_progress(progress)

        try:
            if self.scope is Scope.PAGE:
                progress.total = len(self.page_records)
                progress.page_size = max(1, len(self.page_records))
                writer.write(list(self.page_records))
                progress.records, progress.pages = len(self.page_records), 1
                tell()
            else:
                async for page in client.iter_pages(
                    self.record_type,
                    self.alias,
                    filter=self.filter,
                    page_size=self.page_size,
                    priority=Priority.BACKGROUND,
                ):
                    rows = page_records(page)
                    if progress.total is None:
                        progress.total = page_total(page)
                    writer.write(rows)
                    progress.records += len(rows)
                    progress.pages += 1
                    tell()
                    if self._cancel.is_set():
                        reason = "cancelled"
                        break
        except Exception as error:  # the file stays marked partial, with the reason
            reason = describe_failure(error)
        if reason is None:
            return ExportResult(writer.complete(), progress.records, True)
        writer.abort()
        return ExportResult(writer.partial_path, progress.records, False, reason)
