"""What every headless command shares: resolving the target, checking a filter before
anything is sent, reading `Field=value` arguments, building `ACTION` subcommands, and turning
failures into one stderr line `elx: <title>: <message>` and an exit code a script can rely on:

    0    success
    1    invalid input (a malformed filter, a bad Field=value)
    2    usage (unknown option, malformed TYPE/ALIAS)
    3    configuration or authentication (no profile, bad client id/secret)
    4    not found (unknown record type, alias or record)
    5    forbidden (the user may not read or change this object)
    6    refused by the API (400 bad request, 422 unprocessable)
    7    network failure, server failure, rate limit exhaustion, or an answer that is not
         what was asked for (metadata or text where a page or record was due)
    8    conflict: the server's value is not the one `--expect` names; nothing was written
    130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from explorer.api import InvalidInputError
from explorer.api.errors import ApiError
from explorer.cli.main import add_connection_options
from explorer.config import ConfigError, SecretError
from explorer.config.connect import Target, open_target
from explorer.rsql import parse

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3
EXIT_CONFLICT = 8
EXIT_INTERRUPTED = 130

RECORD_TYPES = ("apps", "elements", "tasks", "transactions")

EXIT_CODES_EPILOG = """exit codes:
  0 ok, 1 invalid input (bad filter, bad Field=value), 2 usage, 3 configuration/auth error,
  4 not found, 5 forbidden, 6 API refused (400/422), 7 network/server failure, rate limit
  exhaustion or an unexpected answer (not a page or record), 8 conflict (the server's value
  differs from --expect), 130 interrupted"""


class UsageError(Exception):
    """A malformed argument the parser could not catch; exit code 2."""


def fail(title: str, message: str, code: int) -> int:
    print(f"elx: {title}: {message}", file=sys.stderr)
    return code


def parse_collection(text: str) -> tuple[str, str]:
    """`TYPE/ALIAS` into its parts, e.g. `tasks/ittickets`."""
    record_type, slash, alias = text.strip().strip("/").partition("/")
    if not slash or not alias or "/" in alias:
        raise UsageError(f"expected TYPE/ALIAS such as tasks/ittickets, got {text!r}")
    if record_type not in RECORD_TYPES:
        raise UsageError(
            f"unknown record type {record_type!r} (expected one of {', '.join(RECORD_TYPES)})"
        )
    return record_type, alias


def check_filter(text: str | None) -> str | None:
    """The filter if the RSQL engine accepts it; otherwise InvalidInputError saying where."""
    if text is None or not text.strip():
        return None
    result = parse(text)
    if result.ok or result.diagnostic is None:
        return text
    diagnostic = result.diagnostic
    pointer = f"\n    {text}\n    {' ' * diagnostic.offset}^"
    raise InvalidInputError(
        f"malformed filter at column {diagnostic.column}: {diagnostic.message}{pointer}"
    )


def parse_assignments(pairs: list[str]) -> dict[str, Any]:
    """`Field=value` (sent as text) and `Field:=json` (sent as that JSON value)."""
    changes: dict[str, Any] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals:
            raise InvalidInputError(f"expected Field=value or Field:=json, got {pair!r}")
        if name.endswith(":"):
            name = name[:-1]
            try:
                parsed: Any = json.loads(value)
            except ValueError:
                raise InvalidInputError(
                    f'{name}:= takes a JSON value (a number, true, false, null, "text" in'
                    f" double quotes, [..] or {{..}}), and {value!r} is not one;"
                    f" to send it as text write {name}={value}"
                ) from None
        else:
            parsed = value
        name = name.strip()
        if not name:
            raise InvalidInputError(f"missing field name in {pair!r}")
        changes[name] = parsed
    return changes


def run_command(
    args: argparse.Namespace, body: Callable[[Target], Coroutine[Any, Any, int]]
) -> int:
    """Resolve the target from `--profile`/`--config`/`--sandbox` and run `body` (its errors
    become exit codes in `guarded`, which wraps every handler)."""
    try:
        with open_target(
            getattr(args, "profile", None),
            getattr(args, "config", None),
            bool(getattr(args, "sandbox", False)),
        ) as target:
            return asyncio.run(body(target))
    except OSError as error:
        return fail("file error", str(error), EXIT_INVALID)


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Every failure a command can meet becomes its one-line message and exit code."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except UsageError as error:
            return fail("usage", str(error), EXIT_USAGE)
        except ApiError as error:
            return fail(error.title, error.message, error.exit_code)
        except (ConfigError, SecretError) as error:
            return fail("configuration error", str(error), EXIT_CONFIG)
        except KeyboardInterrupt:
            return fail("interrupted", "stopped by the user", EXIT_INTERRUPTED)

    return run


def command_parser(
    subparsers: Any, name: str, help_text: str, description: str | None
) -> argparse.ArgumentParser:
    """Add command `name`, its help ending with the exit codes."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=EXIT_CODES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def action_group(
    subparsers: Any, name: str, help_text: str, description: str
) -> Callable[[str, str], argparse.ArgumentParser]:
    """Add command `name` with required `ACTION` subcommands; returns a maker of actions,
    each taking the connection options and showing the exit codes in its help."""
    parser = command_parser(subparsers, name, help_text, description)
    actions = parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)

    def action(action_name: str, action_help: str) -> argparse.ArgumentParser:
        child = command_parser(actions, action_name, action_help, action_help)
        add_connection_options(child)
        return child

    return action


def refuse_if_read_only(target: Target) -> None:
    if target.read_only and target.profile is not None:
        raise InvalidInputError(f"profile {target.profile.name!r} is read-only; nothing was sent")
