"""Parse speed of the RSQL engine against pyrsql 0.0.6, and how cost grows with length.

Run: `.venv/bin/python benchmarks/rsql_bench.py`. Prints microseconds per parse for a typical
filter and a 100-clause filter with both parsers, the speed-up, and the 1,000 vs 100 clause
cost ratio (linear growth would be about 10). Exits 1 when a target is missed.
"""

from __future__ import annotations

import importlib
import sys
import time
import timeit
from collections.abc import Callable
from typing import Any

from explorer.rsql import parse

TYPICAL = "Status==Open;Priority=ge=3,Title=lk=*urgent*;Owner=in=(alice,bob,carol)"
# pyrsql spells the like operator =like=; everything else is the same text.
TYPICAL_PYRSQL = TYPICAL.replace("=lk=", "=like=")
ROUNDS = 30
RUN_SECONDS = 0.02


def clauses(count: int) -> str:
    return ";".join(f"Field{i}==value{i}" for i in range(count))


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


def main() -> int:
    hundred = clauses(100)
    thousand = clauses(1000)
    for text in (TYPICAL, hundred, thousand):
        assert parse(text, max_length=None).ok
    contenders: dict[str, Callable[[], object]] = {
        "typical": lambda: parse(TYPICAL),
        "100": lambda: parse(hundred, max_length=None),
        "1000": lambda: parse(thousand, max_length=None),
    }
    pyrsql: Any = None
    try:
        pyrsql = importlib.import_module("pyrsql")
    except ImportError:
        print("pyrsql is not installed: pip install pyrsql==0.0.6 to compare")
    if pyrsql is not None:
        pyrsql.parse(TYPICAL_PYRSQL)
        pyrsql.parse(hundred)
        contenders["pyrsql typical"] = lambda: pyrsql.parse(TYPICAL_PYRSQL)
        contenders["pyrsql 100"] = lambda: pyrsql.parse(hundred)
    us = measure(contenders)
    growth = us["1000"] / us["100"]
    print(f"explorer.rsql typical filter : {us['typical']:10.1f} us/parse")
    print(f"explorer.rsql 100 clauses    : {us['100']:10.1f} us/parse")
    print(f"explorer.rsql 1,000 clauses  : {us['1000']:10.1f} us/parse")
    ok = us["typical"] < 25 and growth <= 12
    if pyrsql is not None:
        speedup_typical = us["pyrsql typical"] / us["typical"]
        speedup_100 = us["pyrsql 100"] / us["100"]
        print(f"pyrsql 0.0.6 typical filter  : {us['pyrsql typical']:10.1f} us/parse")
        print(f"pyrsql 0.0.6 100 clauses     : {us['pyrsql 100']:10.1f} us/parse")
        print(f"speed-up, typical filter     : {speedup_typical:10.1f}x (target >= 10x)")
        print(f"speed-up, 100 clauses        : {speedup_100:10.1f}x (target >= 10x)")
        ok = ok and speedup_typical >= 10 and speedup_100 >= 10
    print(f"typical filter under 25 us   : {'yes' if us['typical'] < 25 else 'no'}")
    print(f"1,000 / 100 clause cost      : {growth:10.1f} (target <= 12)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
