"""Writing records to CSV, JSON or JSON Lines safely: never a half-written file under the
final name. Records go to `<path>.partial`, which is renamed to `<path>` only on completion;
an interrupted export leaves the `.partial` file (its name says it is incomplete) and a rerun
starts it afresh.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TextIO

ExportFormat = Literal["csv", "json", "jsonl"]
FORMATS: tuple[str, ...] = ("csv", "json", "jsonl")
PARTIAL_SUFFIX = ".partial"


def format_for_path(path: str | Path) -> ExportFormat | None:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "csv":
        return "csv"
    if suffix == "json":
        return "json"
    if suffix in ("jsonl", "ndjson"):
        return "jsonl"
    return None


def cell_text(value: Any) -> str:
    """A value as one CSV cell: text as is, null empty, anything else as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class ExportWriter:
    """`with ExportWriter(path, "csv") as out: out.write(records)`; completes on a clean exit.

    CSV columns are the fields of the first records written, in their order; fields first seen
    later are appended to the header when the file is completed.
    """

    def __init__(self, path: str | Path, fmt: ExportFormat) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}")
        self.path = Path(path)
        self.partial_path = self.path.with_name(self.path.name + PARTIAL_SUFFIX)
        self.fmt: ExportFormat = fmt
        self.count = 0
        self.completed = False
        self._columns: list[str] = []
        self._header: list[str] = []
        self._handle: TextIO | None = None

    def __enter__(self) -> ExportWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.complete()
        else:
            self.abort()

    def open(self) -> None:
        """Start the `.partial` file (done by the first write, so a failed start leaves none)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        newline = "" if self.fmt == "csv" else None
        self._handle = self.partial_path.open("w", encoding="utf-8", newline=newline)
        if self.fmt == "json":
            self._handle.write("[")

    def _out(self) -> TextIO:
        if self._handle is None:
            self.open()
        assert self._handle is not None
        return self._handle

    def write(self, records: list[dict[str, Any]]) -> None:
        handle = self._out()
        if self.fmt == "csv":
            for record in records:
                for key in record:
                    if key not in self._columns:
                        self._columns.append(key)
            self._write_csv_rows(handle, records)
        else:
            for record in records:
                text = json.dumps(record, ensure_ascii=False)
                if self.fmt == "json":
                    handle.write(("," if self.count else "") + "\n  " + text)
                else:
                    handle.write(text + "\n")
                self.count += 1
        handle.flush()

    def _write_csv_rows(self, handle: TextIO, records: list[dict[str, Any]]) -> None:
        # Rows are written as they come; the header goes first once the columns are known
        # from the first batch, and is rewritten on completion if later batches added fields.
        writer = csv.writer(handle)
        if self.count == 0 and records:
            self._header = list(self._columns)
            writer.writerow(self._header)
        for record in records:
            writer.writerow([cell_text(record.get(column)) for column in self._columns])
            self.count += 1

    def complete(self) -> Path:
        """Finish the file and move it to its final name."""
        handle = self._out()
        if self.fmt == "json":
            handle.write("\n]\n" if self.count else "]\n")
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        self._handle = None
        if self.fmt == "csv" and self.count and self._columns != self._header:
            self._rewrite_csv_header()
        os.replace(self.partial_path, self.path)
        self.completed = True
        return self.path

    def _rewrite_csv_header(self) -> None:
        rows = list(csv.reader(self.partial_path.open(encoding="utf-8", newline="")))
        width = len(self._columns)
        with self.partial_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(self._columns)
            for row in rows[1:]:
                writer.writerow(row + [""] * (width - len(row)))

    def abort(self) -> None:
        """Stop without completing: the `.partial` file stays, marked by its name."""
        if self._handle is not None:
            self._handle.flush()
            self._handle.close()
            self._handle = None
