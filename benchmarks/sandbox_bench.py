"""Sandbox speed over real HTTP on loopback, against the issue's targets.

With an alias of 100,000 records (`tasks/ittickets`): median latency of the first page
unfiltered (target <= 10 ms), of a 3-clause filtered page (target <= 50 ms; shown both with
the count cached, as a client paging or refreshing sees it, and cold, each filter new), and
of paging 20 pages forward; then the time to seed 1,000,000 records (target <= 60 s).

The server runs as `elx sandbox serve` in its own process, as a user runs it, so the client's
work does not compete with it for the interpreter lock; `--in-process` measures the server
in a thread of the benchmark instead (how the app embeds it).

Usage: python benchmarks/sandbox_bench.py [--records N] [--seed-records N] [--runs N]
                                          [--in-process]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from explorer.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SandboxOptions, start_sandbox
from explorer.sandbox.schema import COLLECTIONS
from explorer.sandbox.store import Store

FILTER = "Status==Open;Priority=ge=3,Title=lk=*printer*"
WORDS = (
    "printer",
    "laptop",
    "vpn",
    "monitor",
    "badge",
    "phone",
    "projector",
    "wi-fi",
    "email",
    "password",
    "docking",
    "drive",
    "toner",
    "floor",
    "desk",
    "room",
    "hour",
    "boot",
    "slow",
    "error",
)


def only(key: str, count: int) -> dict[str, int]:
    """Seed counts: `count` records in `key`, none elsewhere."""
    return {c.key: (count if c.key == key else 0) for c in COLLECTIONS}


@contextmanager
def served(db: Path, in_process: bool) -> Iterator[str]:
    """The base URL of a sandbox over `db`, in a thread or in its own process."""
    if in_process:
        with start_sandbox(SandboxOptions(db_path=db)) as sb:
            yield sb.base_url
        return
    command = [sys.executable, "-m", "explorer", "sandbox", "serve", "--port", "0", "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    try:
        yield process.stdout.readline().split(" at ")[1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def timed(call: Callable[[], httpx.Response]) -> float:
    began = time.perf_counter()
    answer = call()
    elapsed = (time.perf_counter() - began) * 1000
    answer.raise_for_status()
    return elapsed


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed-records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--in-process", action="store_true", help="serve from a thread")
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        began = time.perf_counter()
        Store(db, reset=True, counts=only("tasks/ittickets", args.records)).close()
        print(f"seeded {args.records:,} records in {time.perf_counter() - began:.1f} s")
        with served(db, args.in_process) as base_url, httpx.Client() as client:
            token = client.post(
                base_url + "/oauth/token",
                json={
                    "grant_type": "client_credentials",
                    "client_id": DEMO_CLIENT_ID,
                    "client_secret": DEMO_CLIENT_SECRET,
                },
            ).json()["access_token"]
            client.headers["Authorization"] = f"Bearer {token}"
            url = base_url + "/v1/tasks/ittickets"
            for _ in range(5):  # warm the connection and the server's caches
                timed(lambda: client.get(url))
            first = [timed(lambda: client.get(url)) for _ in range(args.runs)]
            warm = [
                timed(lambda: client.get(url, params={"filter": FILTER})) for _ in range(args.runs)
            ]
            cold = [
                timed(
                    lambda w=word: client.get(
                        url, params={"filter": f"Status==Open;Priority=ge=3,Title=lk=*{w}*"}
                    )
                )
                for word in WORDS
            ]
            pages: list[float] = []
            for _ in range(max(3, args.runs // 10)):
                after = None
                for _ in range(20):
                    params = {"after": after} if after else {}
                    began = time.perf_counter()
                    answer = client.get(url, params=params)
                    pages.append((time.perf_counter() - began) * 1000)
                    after = answer.json()["paging"]["end_cursor"]
            total = client.get(url, params={"filter": FILTER}).json()["total"]
        rows = [
            ("first page, unfiltered", statistics.median(first), 10.0),
            (f"3-clause filter, count cached ({total:,} match)", statistics.median(warm), 50.0),
            ("3-clause filter, cold (new filter each time)", statistics.median(cold), 50.0),
        ]
        where = "a thread of this process" if args.in_process else "its own process"
        print(
            f"\nmedian latency over HTTP (server in {where}), {args.records:,} records,"
            " pages of 100:"
        )
        for label, value, target in rows:
            print(
                f"  {label:<52} {value:7.2f} ms  (target <= {target:g} ms) {verdict(value, target)}"
            )
            failures += value > target
        print(f"  {'paging 20 pages forward, per page':<52} {statistics.median(pages):7.2f} ms")
        print(f"  {'20 pages forward in total':<52} {sum(pages) / (len(pages) / 20):7.1f} ms")
        if args.seed_records:
            big = Path(folder) / "million.sqlite3"
            began = time.perf_counter()
            Store(big, reset=True, counts=only("tasks/ittickets", args.seed_records)).close()
            seconds = time.perf_counter() - began
            print(
                f"\nseeding {args.seed_records:,} records: {seconds:.1f} s "
                f"(target <= 60 s) {verdict(seconds, 60)}"
            )
            failures += seconds > 60
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
