"""`elx`: the root parser. Each subcommand lives in its own module with a `register` function.

With no subcommand, `elx` opens the app (Textual is imported only then, so headless
commands start fast).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from explorer import __version__

# Modules under explorer.cli that each define `register(subparsers) -> None`.
COMMAND_MODULES: tuple[str, ...] = (
    "sandbox_cmd",
    "rsql_cmd",
    "profiles_cmd",
    "aliases_cmd",
    "records_cmd",
    "export_cmd",
    "curl_cmd",
    "web_cmd",
)


def add_connection_options(parser: argparse.ArgumentParser, *, root: bool = False) -> None:
    """Options every command that talks to Elementum takes, at the root or after a subcommand.

    Below the root they default to SUPPRESS so `elx --profile x records list` and
    `elx records list --profile x` both work.
    """
    default = None if root else argparse.SUPPRESS
    parser.add_argument(
        "--profile", default=default, help="profile from config.toml (default: the default one)"
    )
    parser.add_argument(
        "--config", default=default, help="config.toml path (default: $ELX_CONFIG or user dir)"
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        default=False if root else argparse.SUPPRESS,
        help="start the embedded sandbox and use it",
    )


def _root_parser(*, exit_on_error: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="elx",
        description="Elementum Explorer: browse, filter and edit Elementum records.",
        exit_on_error=exit_on_error,
    )
    parser.add_argument("--version", action="version", version=f"elx {__version__}")
    add_connection_options(parser, root=True)
    parser.add_argument(
        "--read-only", action="store_true", help="open the app with every write action removed"
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _root_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"explorer.cli.{name}")
        module.register(subparsers)
    return parser


def _app_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The root options when the command line names no subcommand (the app), else None.

    Parsed without importing the subcommand modules, which pull in the API client and the
    sandbox server: the app starts ~0.5 s sooner. Help and errors go through the full parser.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    if any(arg in ("-h", "--help") for arg in args_list):
        return None
    try:
        args, rest = _root_parser(exit_on_error=False).parse_known_args(args_list)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    app_args = _app_args(argv)
    if app_args is not None:
        app_args.command = None
        app_launcher = importlib.import_module("explorer.cli.app_cmd")
        app_result: int = app_launcher.run_app(app_args)
        return app_result
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        launcher = importlib.import_module("explorer.cli.app_cmd")
        result: int = launcher.run_app(args)
        return result
    code: int = handler(args)
    return code


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
