"""`elx web`: serve the app in a browser through textual-serve.

Each browser tab runs its own `elx` process on this machine; the page receives only what
that app draws on its terminal, so no secret from the config or the environment reaches it.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from typing import Any

from explorer.cli.common import EXIT_USAGE, command_parser, fail
from explorer.cli.main import add_connection_options

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8566
PAGE_TITLE = "Elementum Explorer"

DESCRIPTION = """\
Serve the explorer in a web browser: open the printed address, and every tab runs its own
copy of the app on this machine, with the same profiles and keys as in a terminal.

It listens on 127.0.0.1 by default. --host binds another address; the page has no login
of its own, so anyone who can reach that address can use the app with your profile.
"""

EPILOG = """\
examples:
  elx web --sandbox
  elx web --profile prod --read-only
  elx web --host 0.0.0.0 --port 9000
"""


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(args: argparse.Namespace) -> str:
    """The shell command each browser tab runs: this Python, the app, the same options."""
    words = [sys.executable, "-m", "explorer"]
    if getattr(args, "sandbox", False):
        words.append("--sandbox")
    for option in ("profile", "config"):
        value = getattr(args, option, None)
        if value:
            words += [f"--{option}", str(value)]
    if args.read_only:
        words.append("--read-only")
    return shlex.join(words)


def page_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _web(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        return fail(
            "usage",
            "elx web needs textual-serve: pip install 'elementum-explorer[web]'",
            EXIT_USAGE,
        )

    class ExplorerServer(Server):
        """textual-serve's server, announcing itself in one line instead of its banner."""

        async def on_startup(self, app: Any) -> None:
            print(f"elx web: serving the explorer on {self.public_url}", flush=True)
            print("elx web: press Ctrl+C to stop", flush=True)

    if not is_loopback(args.host):
        print(
            f"elx web: warning: listening on {args.host}: the page has no login of its own; "
            "anyone who reaches this address can use the app with this profile",
            file=sys.stderr,
            flush=True,
        )
    server = ExplorerServer(
        app_command(args),
        host=args.host,
        port=args.port,
        title=PAGE_TITLE,
        public_url=page_url(args.host, args.port),
    )
    server.serve()
    return 0


def register(subparsers: Any) -> None:
    parser = command_parser(
        subparsers, "web", "serve the app in a web browser (127.0.0.1 by default)", DESCRIPTION
    )
    parser.epilog = EPILOG + "\n" + (parser.epilog or "")
    add_connection_options(parser)
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind ({DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    parser.add_argument(
        "--read-only", action="store_true", help="every write action removed from the app"
    )
    parser.set_defaults(handler=_web)
