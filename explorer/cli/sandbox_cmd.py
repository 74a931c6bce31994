"""`elx sandbox serve`: run the local Elementum-compatible API server in the foreground."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

from explorer.sandbox.literal import LITERAL_ID_KEY, SPEC_LITERAL_CHOICES
from explorer.sandbox.options import DEFAULT_PORT, RATE_HEADER_CHOICES, SandboxOptions

DESCRIPTION = """\
Serve the sandbox: a local Elementum-compatible REST API with realistic demo data, over
HTTP on loopback. It prints the base URL, the demo client id and secret and every
recordType/alias it holds, then serves until Ctrl+C.

The data lives in a SQLite file ($ELX_SANDBOX_DB, or sandbox.sqlite3 in the user data
directory), created and seeded on first use and kept across restarts; --reset reseeds it
(--records and --seed take effect only then).

Paging: first (default 100) or last, each 1 to 1000 and not both; after and before take
cursors from earlier pages and may be combined. Answers carry Server-Timing (app;dur=ms).

Each request is logged on stderr as one line (method, path with the query decoded, status,
milliseconds; never a token, a secret or a header), and every 500 with its traceback;
--quiet leaves out the request lines.

By default records carry typed values (numbers, booleans, lists, null) and the keys Handle,
Created At and Updated At. --spec-literal answers as Elementum's published spec shows it:
every value a string (empty fields left out, lists joined by ", "), no Created At/Updated
At, the token answer 201 with token_type "bearer" and expires_in 3600, GET
/v1/elements/{alias} answering the element's metadata, and the record id under a key of
its own (keyed) or nowhere in the map (unkeyed); paths still take the handle (ITM-42).
"""

EPILOG = """\
examples:
  elx sandbox serve
  elx sandbox serve --port 9000 --reset --records 100000
  elx sandbox serve --rate-limit 5 --rate-headers retry-after --fail-rate 0.1 --latency-ms 200
  elx sandbox serve --spec-literal unkeyed
"""


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox",
        help="the local Elementum-compatible API server",
        description="The local Elementum-compatible API server.",
    )
    commands = parser.add_subparsers(dest="sandbox_command", metavar="COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))
    serve = commands.add_parser(
        "serve",
        help="serve the sandbox over HTTP until Ctrl+C",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port",
        type=_non_negative_int,
        default=DEFAULT_PORT,
        help="port to listen on; 0 picks a free one (default: %(default)s)",
    )
    serve.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help="SQLite file to use (default: $ELX_SANDBOX_DB or the user data directory)",
    )
    serve.add_argument("--reset", action="store_true", help="delete the data and seed it afresh")
    serve.add_argument(
        "--records",
        type=_non_negative_int,
        default=None,
        metavar="N",
        help="seed N records in every alias (default: 50,000 IT tickets, fewer elsewhere);"
        " applies when the file is new or with --reset",
    )
    serve.add_argument(
        "--seed", type=int, default=1, metavar="S", help="seed of the demo data (default: 1)"
    )
    serve.add_argument(
        "--token-ttl",
        type=_positive,
        default=None,
        metavar="SECONDS",
        help="lifetime of access tokens (default: 86400, or 3600 with --spec-literal)",
    )
    serve.add_argument(
        "--rate-limit",
        type=_positive,
        default=None,
        metavar="REQ_PER_S",
        help="answer 429 past this many requests per second per token (default: no limit)",
    )
    serve.add_argument(
        "--rate-headers",
        choices=RATE_HEADER_CHOICES,
        default="all",
        help="headers sent with rate limits: none, retry-after, or all (X-RateLimit-* and"
        " RateLimit/RateLimit-Policy) (default: %(default)s)",
    )
    serve.add_argument(
        "--latency-ms", type=float, default=0, metavar="MS", help="delay every answer by MS"
    )
    serve.add_argument(
        "--fail-rate",
        type=_fraction,
        default=0.0,
        metavar="P",
        help="answer this share of API calls (0 to 1) with a 500 (default: 0)",
    )
    serve.add_argument(
        "--spec-literal",
        choices=SPEC_LITERAL_CHOICES,
        default=None,
        help="answer exactly as the published spec shows (string values, no timestamps,"
        f" getElement metadata); keyed: the record id under {LITERAL_ID_KEY!r}, unkeyed: no id"
        " in the record (default: the sandbox's typed records with Handle)",
    )
    serve.add_argument(
        "--quiet",
        action="store_true",
        help="log no request lines on stderr (failures and their tracebacks still are)",
    )
    serve.set_defaults(handler=serve_command)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def serve_command(args: argparse.Namespace) -> int:
    from explorer.sandbox.access_log import log_to
    from explorer.sandbox.server import start_sandbox

    options = SandboxOptions(
        host=args.host,
        port=args.port,
        db_path=args.db,
        reset=args.reset,
        records=args.records,
        seed=args.seed,
        token_ttl=args.token_ttl,
        rate_limit=args.rate_limit,
        rate_headers=args.rate_headers,
        latency_ms=args.latency_ms,
        fail_rate=args.fail_rate,
        spec_literal=args.spec_literal,
    )
    try:
        sandbox = start_sandbox(options)
    except sqlite3.DatabaseError as error:
        where = options.resolved_db_path()
        print(
            f"elx sandbox: {where} is not a usable sandbox database ({error}); --reset replaces it",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(f"elx sandbox: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    log_to(sys.stderr, requests=not args.quiet)
    with sandbox:
        print(f"Elementum sandbox at {sandbox.base_url}", flush=False)
        print(f"  API base:      {sandbox.api_url}")
        print(f"  token URL:     {sandbox.token_url}")
        print(f"  client id:     {sandbox.client_id}")
        print(f"  client secret: {sandbox.client_secret}")
        state = "seeded now" if sandbox.store.seeded_now else "existing data kept"
        print(f"  database:      {sandbox.store.path} ({state})")
        if options.spec_literal is not None:
            print(f"  answers:       spec-literal ({options.spec_literal})")
        print("collections:")
        for key in sandbox.collections:
            print(key)
        print("Press Ctrl+C to stop.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopped", flush=True)
    return 0
