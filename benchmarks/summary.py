"""The speed table that `make bench` ends with: each row of the speed work's table with our
figure, the peer or floor measured in the same run, the ratio and the target.

Usage: python benchmarks/summary.py ROWS_FILE [FAILED_BENCH ...]

ROWS_FILE holds the rows the benchmarks reported (`bench_rows.report`); the names after it
are benchmarks that exited non-zero. A row no benchmark reported is shown as not measured.
Exits 1 unless every row was measured and met its target and every benchmark succeeded.
"""

from __future__ import annotations

import sys

from bench_rows import Row, read_rows

# The table's rows, in its order: the key a benchmark reports and what the row measures.
ROWS: tuple[tuple[str, str], ...] = (
    ("startup", "elx --sandbox → first records on screen"),
    ("rsql-typical", "RSQL parse, typical 4-clause filter"),
    ("rsql-100", "RSQL parse, 100 clauses"),
    ("export", "elx export at 5 req/s, worst header mode"),
    ("records-all", "elx records list --all, records/s"),
    ("page-turn", "prefetched next page on screen"),
)


def _table(lines: list[tuple[str, ...]]) -> str:
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def summary(rows: list[Row], failed: list[str]) -> tuple[str, bool]:
    by_key = {row.key: row for row in rows}  # a row reported twice: the last one counts
    known = {key for key, _ in ROWS}
    lines: list[tuple[str, ...]] = [("measure", "ours", "peer, same run", "ratio",
                                     "target", "")]  # fmt: skip
    ok = not failed
    for key, label in ROWS:
        row = by_key.get(key)
        if row is None:
            lines.append((label, "not measured", "", "", "", "MISSING"))
            ok = False
            continue
        lines.append((label, row.figure, row.peer, row.ratio, row.target,
                      "met" if row.met else "MISSED"))  # fmt: skip
        ok = ok and row.met
    for row in by_key.values():  # rows beyond the table (other targets of the speed work)
        if row.key not in known:
            lines.append((row.key, row.figure, row.peer, row.ratio, row.target,
                          "met" if row.met else "MISSED"))  # fmt: skip
            ok = ok and row.met
    text = _table(lines)
    if failed:
        text += "\n\nexited non-zero: " + ", ".join(failed)
    return text, ok


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    text, ok = summary(read_rows(argv[0]), argv[1:])
    print("\n== summary")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
