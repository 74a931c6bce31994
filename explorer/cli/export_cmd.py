"""`elx export TYPE/ALIAS -o FILE`: every record of a filter to CSV, JSON or JSON Lines.

The file is written as `FILE.partial` and renamed to FILE only when the export completes, so
an interrupted export (Ctrl-C, network failure, server stopped) leaves a clearly marked
partial file and a rerun produces a complete one. Progress (records, pages, rate, ETA) is shown
on stderr when it is a terminal; a summary line is printed either way.

Exit codes: 0 ok, 1 invalid input, 2 usage, 3 configuration/auth, 4 not found, 5 forbidden,
6 API refused, 7 network/server failure or rate limit exhaustion, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from explorer.api import ElementumClient, ExportWriter
from explorer.api.export import FORMATS, ExportFormat, format_for_path
from explorer.cli.common import (
    UsageError,
    check_filter,
    command_parser,
    guarded,
    parse_collection,
    run_command,
)
from explorer.cli.filter_warnings import warn_about_filter
from explorer.cli.main import add_connection_options
from explorer.config.connect import Target

DEFAULT_PAGE_SIZE = 500


class Progress:
    """A one-line progress bar on stderr, redrawn with `\\r` at most ten times a second."""

    def __init__(self, stream: TextIO, live: bool) -> None:
        self.stream = stream
        self.live = live
        self.started = time.monotonic()
        self.records = 0
        self.pages = 0
        self.total: int | None = None
        self._drawn = 0.0

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.records / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        count = f"{self.records:,}"
        bar = ""
        eta = ""
        if self.total:
            share = min(1.0, self.records / self.total)
            filled = int(share * 24)
            bar = "[" + "#" * filled + "." * (24 - filled) + f"] {share:4.0%} "
            count += f"/{self.total:,}"
            if rate > 0:
                eta = f"  ETA {max(0.0, (self.total - self.records) / rate):.0f}s"
        pages = f"{self.pages} page" + ("" if self.pages == 1 else "s")
        return f"{bar}{count} records  {pages}  {rate:,.0f} rec/s{eta}"

    def update(self, records: int, total: int | None) -> None:
        self.records += records
        self.pages += 1
        self.total = total if total is not None else self.total
        now = time.monotonic()
        if self.live and (now - self._drawn >= 0.1 or self.records == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def finish(self, message: str) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self.stream.flush()


def _export(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)
    filter_text = check_filter(args.filter)
    fmt: ExportFormat | None = args.format or format_for_path(args.output)
    if fmt is None:
        raise UsageError("cannot tell the format from the file name: use .csv, .json or .jsonl")
    if not 1 <= args.page_size <= 1000:
        raise UsageError("--page-size must be between 1 and 1000")

    async def body(target: Target) -> int:
        progress = Progress(sys.stderr, sys.stderr.isatty())
        writer = ExportWriter(args.output, fmt)
        try:
            async with ElementumClient(target.settings) as client:
                await warn_about_filter(client, record_type, alias, filter_text)
                with writer:
                    async for page in client.iter_pages(
                        record_type, alias, filter=filter_text, page_size=args.page_size
                    ):
                        writer.write(page.records)
                        progress.update(len(page.items), page.total)
        except BaseException:
            if writer.partial_path.exists():
                progress.finish(
                    f"export stopped after {writer.count:,} records; partial file kept at "
                    f"{writer.partial_path} (rerun to export again)"
                )
            raise
        elapsed = time.monotonic() - progress.started
        progress.finish(
            f"exported {writer.count:,} records in {progress.pages} "
            f"page{'' if progress.pages == 1 else 's'} to {writer.path} "
            f"({elapsed:.1f} s, {progress.rate():,.0f} rec/s)"
        )
        return 0

    return run_command(args, body)


def register(subparsers: Any) -> None:
    parser = command_parser(
        subparsers,
        "export",
        "export every record of a filter to CSV, JSON or JSON Lines",
        "\n\n".join(__doc__.split("\n\n")[:2]) if __doc__ else None,
    )
    add_connection_options(parser)
    parser.add_argument("collection", metavar="TYPE/ALIAS", help="e.g. tasks/ittickets")
    parser.add_argument("--filter", "-f", help="RSQL filter, checked before sending")
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.csv, FILE.json or FILE.jsonl"
    )
    parser.add_argument("--format", choices=FORMATS, help="override the format the name implies")
    parser.add_argument(
        "--page-size",
        type=int,
        default=DEFAULT_PAGE_SIZE,
        help="records per request (1-1000, default: %(default)s)",
    )
    parser.set_defaults(handler=guarded(_export))
