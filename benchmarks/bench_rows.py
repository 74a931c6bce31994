"""The rows of the speed table that `make bench` ends with (`benchmarks/summary.py`).

Each benchmark prints its own figures and, for each row of the table it measures, calls
`report`. When `ELX_BENCH_ROWS` names a file, the row is added to it as one JSON line, so the
summary can show every row with the peer measured in the same run.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Row:
    """One measure: our figure, the peer's (or the floor's) from the same run, the ratio."""

    key: str  # the row of the table this fills, as `summary.ROWS` names it
    figure: str
    peer: str
    ratio: str
    target: str
    met: bool


def report(row: Row) -> None:
    path = os.environ.get("ELX_BENCH_ROWS")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(row)) + "\n")


def read_rows(path: str) -> list[Row]:
    try:
        with open(path, encoding="utf-8") as handle:
            return [Row(**json.loads(line)) for line in handle if line.strip()]
    except FileNotFoundError:
        return []
