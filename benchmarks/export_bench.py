"""Export 20,000 records from the sandbox under a 5 req/s limit, pages of 500, in each
`--rate-headers` mode; print records/s against the limit (rate × page size = 2,500/s) and
the most 429s seen in any 10 s window. Target: at least 90% of the limit with at most one
429 per 10 s.

The client's budget is set 5% under the server's limit (`--margin`), as a profile for a known
limit would be: sending at exactly the limit leaves no room for the network's jitter, and the
server refuses whichever request happens to arrive a little early.

Usage: python benchmarks/export_bench.py [--records N] [--rate R] [--page-size P]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import httpx
from bench_rows import Row, report

from explorer.api import ConnectionSettings, ElementumClient, ExportWriter
from explorer.sandbox import SandboxOptions, start_sandbox

MODES = ("none", "retry-after", "all")


class CountingTransport(httpx.AsyncBaseTransport):
    """httpx's transport, counting the 429s that really came over the wire."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.refused: list[float] = []
        self.sent = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        self.sent += 1
        if response.status_code == 429:
            self.refused.append(time.monotonic())
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def most_in_window(moments: list[float], window: float = 10.0) -> int:
    """The largest number of `moments` inside any `window` seconds."""
    return max(
        (sum(1 for other in moments if start <= other < start + window) for start in moments),
        default=0,
    )


async def export(
    settings: ConnectionSettings, out: Path, page_size: int
) -> tuple[int, list[float], int]:
    wire = CountingTransport()
    async with ElementumClient(settings, inner_transport=wire) as client:
        with ExportWriter(out, "jsonl") as writer:
            async for page in client.iter_pages("tasks", "ittickets", page_size=page_size):
                writer.write(page.records)
    return writer.count, wire.refused, wire.sent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument(
        "--margin", type=float, default=0.05, help="share of the limit the client leaves unused"
    )
    args = parser.parse_args()
    limit = args.rate * args.page_size
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print(f"seeding {args.records:,} records per alias …", file=sys.stderr)
        db = root / "bench.sqlite3"
        options = SandboxOptions(db_path=db, reset=True, records=args.records)
        with start_sandbox(options):
            pass
        budget = args.rate * (1 - args.margin)
        print(
            f"limit: {args.rate:g} req/s × {args.page_size} = {limit:,.0f} records/s; "
            f"client budget {budget:g} req/s"
        )
        ok = True
        shares: dict[str, float] = {}
        for mode in MODES:
            options = SandboxOptions(db_path=db, rate_limit=args.rate, rate_headers=mode)
            with start_sandbox(options) as sb:
                settings = ConnectionSettings(
                    base_url=sb.base_url,
                    client_id=sb.client_id,
                    client_secret=sb.client_secret,
                    rate_per_second=budget,
                    burst=max(1, int(args.rate)),
                )
                started = time.monotonic()
                count, refused, sent = asyncio.run(
                    export(settings, root / f"{mode}.jsonl", args.page_size)
                )
                elapsed = time.monotonic() - started
            rate = count / elapsed
            per_ten = most_in_window(refused)
            share = rate / limit
            shares[mode] = share
            good = share >= 0.9 and per_ten <= 1 and count == args.records
            ok = ok and good
            print(
                f"{mode:>12}: {count:,} records in {elapsed:5.1f} s = {rate:7,.0f} rec/s "
                f"({share:6.1%} of limit), {len(refused)} × 429 in {sent} requests "
                f"(at most {per_ten} in any 10 s) {'ok' if good else 'BELOW TARGET'}"
            )
    worst = min(shares, key=shares.__getitem__)
    report(
        Row(
            "export",
            f"{shares[worst] * limit:,.0f} rec/s ({worst})",
            f"limit {args.rate:g} req/s × {args.page_size} = {limit:,.0f} rec/s",
            " ".join(f"{mode} {share:.0%}" for mode, share in shares.items()),
            "≥ 90 % in every mode",
            ok,
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
