"""First records with and without the token kept from an earlier run, with the sandbox at no
added latency and at `--latency-ms` (default 150 ms per request). Each run is a new client,
as a new `elx` process would make; runs are interleaved and the median of `--runs` shown.

Target (issue 15): with the kept token, first records at 150 ms latency arrive at most one
round trip (one latency) later than with no latency.

Usage: python benchmarks/token_bench.py [--runs N] [--latency-ms MS]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from explorer.api import ElementumClient
from explorer.config import Profile, SecretSource
from explorer.config.remembered import forget_tokens
from explorer.sandbox import RunningSandbox, SandboxOptions, start_sandbox


async def first_records(profile: Profile) -> float:
    """Seconds from a new client to its first page of records."""
    began = time.perf_counter()
    async with ElementumClient(profile.connection_settings()) as client:
        page = await client.list_page("tasks", "ittickets", first=100)
    assert page.items
    return time.perf_counter() - began


def measure(server: RunningSandbox, profile: Profile, latency: float, kept: bool) -> float:
    server.settings.latency_ms = latency
    if kept:
        asyncio.run(first_records(profile))  # an earlier run that left its token
    else:
        forget_tokens(profile.name)
    return asyncio.run(first_records(profile))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--latency-ms", type=float, default=150.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        os.environ["ELX_STATE_DIR"] = str(Path(root) / "state")
        options = SandboxOptions(db_path=Path(root) / "bench.sqlite3", records=2000)
        with start_sandbox(options) as server:
            server.warm()
            profile = Profile(
                name="bench",
                base_url=server.base_url,
                client_id=server.client_id,
                secret=SecretSource("file", server.client_secret),
                token_style="json",
            )
            cases = [(lat, kept) for lat in (0.0, args.latency_ms) for kept in (False, True)]
            times: dict[tuple[float, bool], list[float]] = {case: [] for case in cases}
            for _ in range(args.runs):
                for case in cases:
                    times[case].append(measure(server, profile, *case))
    median = {case: statistics.median(values) * 1000 for case, values in times.items()}
    for (latency, kept), ms in median.items():
        token = "kept token" if kept else "no token  "
        print(f"first records, latency {latency:5.0f} ms, {token}: {ms:7.1f} ms")
    for kept in (False, True):
        later = median[(args.latency_ms, kept)] - median[(0.0, kept)]
        label = "kept token" if kept else "no token  "
        print(
            f"{label}: {later:6.1f} ms later at {args.latency_ms:g} ms latency "
            f"= {later / args.latency_ms:.2f} round trips (target with a kept token: <= 1)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
