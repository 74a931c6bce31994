"""Parse speed of the RSQL engine against pyrsql 0.0.6, and how cost grows with length.

Run: `.venv/bin/python benchmarks/rsql_bench.py`. Every contender (ours and pyrsql, in the
dev extras) is timed in the same run, round by round in turn, as the best CPU time of many
short runs. Prints, each with its target:

- a typical filter (4 clauses, a `=lk=` and a 3-value `=in=` list) and 100 clauses: our
  microseconds, pyrsql's, and the speed-up;
- cost per character of flat filters from 500 to the 4,000-character cap (linear: flat);
- an unclosed quote at 4 KB to 32 KB, and other hostile shapes: linear growth means the
  32 KB / 4 KB ratio stays near 8.

Exits 1 when a target is missed.
"""

from __future__ import annotations

import importlib
import sys
import time
import timeit
from collections.abc import Callable
from typing import Any

from bench_rows import Row, report

from explorer.rsql import parse

TYPICAL = "Status==Open;Priority=ge=3,Title=lk=*urgent*;Owner=in=(alice,bob,carol)"
# pyrsql spells the like operator =like=; everything else is the same text.
TYPICAL_PYRSQL = TYPICAL.replace("=lk=", "=like=")
ROUNDS = 30
RUN_SECONDS = 0.02

TYPICAL_MAX_US = 10.0
TYPICAL_SPEEDUP = 20.0
HUNDRED_SPEEDUP = 30.0
# Cost per character at the cap against the shortest size: 1.0 is perfectly linear.
PER_CHAR_GROWTH = 1.3
# 32 KB against 4 KB: 8.0 is perfectly linear; quadratic would be 64.
HOSTILE_GROWTH = 16.0
HOSTILE_SIZES = (4_000, 8_000, 16_000, 32_000)


def clauses(count: int) -> str:
    return ";".join(f"Field{i}==value{i}" for i in range(count))


def flat_of_length(length: int) -> str:
    """Clauses like the 100-clause filter, as many as fit in `length` characters."""
    text = ""
    index = 0
    while True:
        clause = f"Field{index}==value{index}"
        grown = f"{text};{clause}" if text else clause
        if len(grown) > length:
            return text
        text = grown
        index += 1


HOSTILE: dict[str, Callable[[int], str]] = {
    "unclosed double quote": lambda n: 'Title=="' + "x" * (n - 8),
    "unclosed quote, escapes": lambda n: "Title=='" + "\\x" * ((n - 8) // 2),
    "unclosed list": lambda n: "Owner=in=(" + "x," * ((n - 10) // 2),
    "words, no operator": lambda n: "a" + " b" * ((n - 1) // 2),
    "clauses, then a quote": lambda n: "a==1;" * ((n - 1) // 5) + "'",
    "' and ' clauses, cut": lambda n: "a==1" + " and b==2" * ((n - 8) // 9) + " and",
    "'AND', spaces, then '='": lambda n: "a==1 AND" + " " * (n - 13) + "x y=",
}


def measure(contenders: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Microseconds of CPU per call for each contender: the best of ROUNDS short runs.

    The contenders take turns round by round, and CPU time (not wall time) is counted, so a
    busy shared machine slows every contender alike instead of skewing the ratios.
    """
    timers = {name: timeit.Timer(fn, timer=time.process_time) for name, fn in contenders.items()}
    numbers: dict[str, int] = {}
    for name, timer in timers.items():
        number = 1
        while timer.timeit(number) < RUN_SECONDS and number < 1_000_000:
            number *= 2
        numbers[name] = number
    best = {name: float("inf") for name in timers}
    for _ in range(ROUNDS):
        for name, timer in timers.items():
            elapsed = timer.timeit(numbers[name]) / numbers[name] * 1e6
            best[name] = min(best[name], elapsed)
    return best


def _ours(text: str) -> Callable[[], object]:
    return lambda: parse(text, max_length=None)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    hundred = clauses(100)
    thousand = clauses(1000)
    lengths = (500, 1000, 2000, 4000)
    flats = {length: flat_of_length(length) for length in lengths}
    for text in (TYPICAL, hundred, thousand, *flats.values()):
        assert parse(text, max_length=None).ok, text

    contenders: dict[str, Callable[[], object]] = {
        "typical": _ours(TYPICAL),
        "100": _ours(hundred),
        "1000": _ours(thousand),
    }
    pyrsql: Any = None
    try:
        pyrsql = importlib.import_module("pyrsql")
    except ImportError:
        print("pyrsql is not installed (pip install pyrsql==0.0.6): no speed-ups to compare")
    if pyrsql is not None:
        pyrsql.parse(TYPICAL_PYRSQL)
        pyrsql.parse(hundred)
        contenders["pyrsql typical"] = lambda: pyrsql.parse(TYPICAL_PYRSQL)
        contenders["pyrsql 100"] = lambda: pyrsql.parse(hundred)
    for length, text in flats.items():
        contenders[f"flat {length}"] = _ours(text)
    for name, builder in HOSTILE.items():
        for size in HOSTILE_SIZES:
            contenders[f"{name} {size}"] = _ours(builder(size))
    us = measure(contenders)

    ok = True
    print(f"{'':34s} {'explorer':>10s} {'pyrsql':>10s} {'ratio':>8s}  target")
    typical_ok = us["typical"] <= TYPICAL_MAX_US
    line = f"{'typical filter, us/parse':34s} {us['typical']:10.1f}"
    if pyrsql is not None:
        speedup = us["pyrsql typical"] / us["typical"]
        typical_ok = typical_ok and speedup >= TYPICAL_SPEEDUP
        line += f" {us['pyrsql typical']:10.1f} {speedup:7.1f}x"
    print(f"{line}  <= {TYPICAL_MAX_US:.0f} us, >= {TYPICAL_SPEEDUP:.0f}x: {verdict(typical_ok)}")
    report(
        Row(
            "rsql-typical",
            f"{us['typical']:.1f} µs",
            f"pyrsql {us['pyrsql typical']:.0f} µs" if pyrsql is not None else "pyrsql missing",
            f"{us['pyrsql typical'] / us['typical']:.1f}× faster" if pyrsql is not None else "",
            f"≤ {TYPICAL_MAX_US:.0f} µs, ≥ {TYPICAL_SPEEDUP:.0f}×",
            typical_ok and pyrsql is not None,
        )
    )
    ok = ok and typical_ok
    line = f"{'100 clauses, us/parse':34s} {us['100']:10.1f}"
    if pyrsql is not None:
        speedup = us["pyrsql 100"] / us["100"]
        hundred_ok = speedup >= HUNDRED_SPEEDUP
        ok = ok and hundred_ok
        line += f" {us['pyrsql 100']:10.1f} {speedup:7.1f}x  >= {HUNDRED_SPEEDUP:.0f}x: "
        line += verdict(hundred_ok)
        report(
            Row(
                "rsql-100",
                f"{us['100']:.0f} µs",
                f"pyrsql {us['pyrsql 100']:.0f} µs",
                f"{speedup:.1f}× faster",
                f"≥ {HUNDRED_SPEEDUP:.0f}×",
                hundred_ok,
            )
        )
    print(line)
    growth = us["1000"] / us["100"]
    print(f"{'1,000 clauses / 100 clauses':34s} {growth:10.1f} {'':19s}  "
          f"<= 12: {verdict(growth <= 12)}")  # fmt: skip
    ok = ok and growth <= 12

    print()
    per_char = {length: us[f"flat {length}"] / len(flats[length]) * 1000 for length in lengths}
    for length in lengths:
        print(f"{f'flat filter, {len(flats[length])} chars':34s} {us[f'flat {length}']:10.1f} us"
              f"  {per_char[length]:6.1f} ns/char")  # fmt: skip
    char_growth = per_char[lengths[-1]] / per_char[lengths[0]]
    char_ok = char_growth <= PER_CHAR_GROWTH
    print(f"{'ns/char at 4,000 / at 500':34s} {char_growth:10.2f} {'':19s}  "
          f"<= {PER_CHAR_GROWTH}: {verdict(char_ok)}")  # fmt: skip
    ok = ok and char_ok

    print()
    sizes = "  ".join(f"{size // 1000:>6d} KB" for size in HOSTILE_SIZES)
    print(f"{'hostile input, ms/parse':34s} {sizes}  {'ratio':>6s}  target")
    for name in HOSTILE:
        figures = [us[f"{name} {size}"] / 1000 for size in HOSTILE_SIZES]
        ratio = figures[-1] / figures[0]
        hostile_ok = ratio <= HOSTILE_GROWTH
        ok = ok and hostile_ok
        cells = "  ".join(f"{figure:9.3f}" for figure in figures)
        print(f"{name:34s} {cells}  {ratio:6.1f}  <= {HOSTILE_GROWTH:.0f}: {verdict(hostile_ok)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
