"""Sandbox speed over real HTTP on loopback, against the issue's targets.

With an alias of 100,000 records (`tasks/ittickets`): median latency of the first page
unfiltered (target <= 10 ms), of a 3-clause filtered page (target <= 50 ms; shown both with
the count cached, as a client paging or refreshing sees it, and cold, each filter new), and
of paging 20 pages forward; 20 concurrent clients with varied filters (p50 and p99, target
p99 <= 200 ms; the same requests sent one at a time are the peer); then the time to seed
1,000,000 records (target <= 60 s).
Each latency is shown as the client's round trip (judged against the target) and as the
server's own time from its `Server-Timing` header, which machine load disturbs less.

The server runs as `elx sandbox serve` in its own process, as a user runs it, so the client's
work does not compete with it for the interpreter lock; `--in-process` measures the server
in a thread of the benchmark instead (how the app embeds it).

Usage: python benchmarks/sandbox_bench.py [--records N] [--seed-records N] [--runs N]
                                          [--clients N] [--in-process]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from bench_rows import Row, report

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


# What 20 people browsing at once ask for: each filter's first page, sometimes the next one.
MIXED_FILTERS = (
    "Status==Open",
    "Status==Closed;Priority=ge=4",
    "Priority=bt=2:3",
    "Title=lk=*printer*",
    "Assignee==ana.garcia@example.com",
    "Escalated==true;Status!=Closed",
    "Category=in=(Network,Access)",
    "Estimate Hours=gt=20",
    "Due Date=lt=2024-06-01",
    "Location==Berlin,Location==Lisbon",
    "Status==Review;Title=lk=*vpn*",
    "Reporter==grace.hopper@example.com;Priority=le=2",
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
    command = [sys.executable, "-m", "explorer", "sandbox", "serve", "--port", "0", "--quiet"]
    command += ["--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    try:
        yield process.stdout.readline().split(" at ")[1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


Sample = tuple[float, float]


def fetch(client: httpx.Client, url: str, params: dict[str, str]) -> tuple[Sample, httpx.Response]:
    """The answer and (round trip, the server's own time from Server-Timing) in milliseconds."""
    began = time.perf_counter()
    answer = client.get(url, params=params)
    elapsed = (time.perf_counter() - began) * 1000
    answer.raise_for_status()
    server = float(answer.headers["Server-Timing"].split("dur=")[1])
    return (elapsed, server), answer


def timed(client: httpx.Client, url: str, params: dict[str, str] | None = None) -> Sample:
    return fetch(client, url, params or {})[0]


def medians(samples: list[Sample]) -> Sample:
    return (
        statistics.median(s[0] for s in samples),
        statistics.median(s[1] for s in samples),
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def browse(base_url: str, token: str, plan: list[tuple[str, bool]]) -> list[Sample]:
    """One person's requests in order: each filter's first page, and its next one if asked.
    A body is parsed only to find the next page's cursor."""
    url = base_url + "/v1/tasks/ittickets"
    samples: list[Sample] = []
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        for text, next_page in plan:
            params = {"filter": text}
            for step in range(2 if next_page else 1):
                began = time.perf_counter()
                answer = client.get(url, params=params)
                elapsed = (time.perf_counter() - began) * 1000
                answer.raise_for_status()
                server = float(answer.headers["Server-Timing"].split("dur=")[1])
                samples.append((elapsed, server))
                if step or not next_page:
                    continue
                cursor = answer.json()["paging"].get("end_cursor")
                if not cursor:
                    break
                params = {"filter": text, "after": cursor}
    return samples


def plans(clients: int, each: int) -> list[list[tuple[str, bool]]]:
    rng = random.Random(7)
    return [
        [(rng.choice(MIXED_FILTERS), rng.random() < 0.4) for _ in range(each)]
        for _ in range(clients)
    ]


def _person(job: tuple[Any, str, str, list[tuple[str, bool]]]) -> list[Sample]:
    """A client process: connect, wait for every other one, then browse."""
    start, base_url, token, plan = job
    browse(base_url, token, plan[:1])
    start.wait()
    return browse(base_url, token, plan)


def concurrent_load(
    base_url: str, token: str, clients: int, each: int
) -> tuple[list[Sample], list[Sample], float]:
    """(samples with `clients` processes browsing at once, some of the same plans sent one
    request at a time, seconds the concurrent run took). Each client is a process of its
    own, as people's apps are, so the clients do not queue behind each other's parsing."""
    people = plans(clients, each)
    one_by_one: list[Sample] = []
    for plan in people[: max(1, clients // 4)]:
        one_by_one += browse(base_url, token, plan)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(clients) as pool:
        start = manager.Barrier(clients + 1)
        running = pool.map_async(_person, [(start, base_url, token, plan) for plan in people])
        start.wait()
        began = time.perf_counter()
        together = running.get(timeout=600)
        spent = time.perf_counter() - began
    return [s for samples in together for s in samples], one_by_one, spent


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed-records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--clients", type=int, default=20)
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
                timed(client, url)
            first = [timed(client, url) for _ in range(args.runs)]
            warm = [timed(client, url, {"filter": FILTER}) for _ in range(args.runs)]
            cold = [
                timed(client, url, {"filter": f"Status==Open;Priority=ge=3,Title=lk=*{word}*"})
                for word in WORDS
            ]
            pages: list[Sample] = []
            for _ in range(max(3, args.runs // 10)):
                after = None
                for _ in range(20):
                    sample, answer = fetch(client, url, {"after": after} if after else {})
                    pages.append(sample)
                    after = answer.json()["paging"]["end_cursor"]
            total = client.get(url, params={"filter": FILTER}).json()["total"]
            together, one_by_one, spent = concurrent_load(
                base_url, token, args.clients, max(5, args.runs // 2)
            )
        rows = [
            ("first page, unfiltered", medians(first), 10.0),
            (f"3-clause filter, count cached ({total:,} match)", medians(warm), 50.0),
            ("3-clause filter, cold (new filter each time)", medians(cold), 50.0),
            ("paging 20 pages forward, per page", medians(pages), None),
        ]
        where = "a thread of this process" if args.in_process else "its own process"
        print(f"\nmedian latency, {args.records:,} records, pages of 100, server in {where}:")
        print(f"  {'':<50} {'round trip':>10} {'server':>8}")
        for label, (trip, server), target in rows:
            line = f"  {label:<50} {trip:7.2f} ms {server:5.2f} ms"
            if target is not None:
                line += f"  (target <= {target:g} ms) {verdict(trip, target)}"
                failures += trip > target
            print(line)
        walk = sum(p[0] for p in pages) / (len(pages) / 20)
        print(f"  {'20 pages forward in total':<50} {walk:7.1f} ms")
        trips = [s[0] for s in together]
        alone = [s[0] for s in one_by_one]
        p50, p99 = percentile(trips, 0.5), percentile(trips, 0.99)
        server_p99 = percentile([s[1] for s in together], 0.99)
        alone_p50 = percentile(alone, 0.5)
        print(
            f"\n{args.clients} clients at once, varied filters ({len(MIXED_FILTERS)} filters,"
            f" first and next pages), {len(trips)} requests in {spent:.1f} s"
            f" ({len(trips) / spent:.0f} req/s):"
        )
        print(f"  {'p50 round trip':<50} {p50:7.1f} ms")
        print(f"  {'p99 round trip':<50} {p99:7.1f} ms  (target <= 200 ms) {verdict(p99, 200)}")
        print(f"  {'p99 server time':<50} {server_p99:7.1f} ms")
        print(
            f"  {'peer: the same requests one at a time, p50':<50} {alone_p50:7.1f} ms"
            f"  (p99 at once / p50 alone: {p99 / alone_p50:.1f}x)"
        )
        failures += p99 > 200
        report(
            Row(
                f"sandbox p99, {args.clients} clients at once",
                f"{p99:.0f} ms",
                f"one at a time, p50 {alone_p50:.1f} ms",
                f"{p99 / alone_p50:.1f}×",
                "p99 ≤ 200 ms",
                p99 <= 200,
            )
        )
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
