"""`elx token`: the profile's access token on stdout, for `export ELEMENTUM_TOKEN=$(elx token)`
before running a copied curl command.

The token is the one the client holds while it is valid, else a new one; it is written to
stdout only, never to stderr or a log. Exit codes: 0 ok, 3 configuration or authentication,
7 network or server failure.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from explorer.api import ElementumClient
from explorer.cli.common import command_parser, guarded, run_command
from explorer.cli.main import add_connection_options
from explorer.config.connect import Target


def _token(args: argparse.Namespace) -> int:
    async def body(target: Target) -> int:
        async with ElementumClient(target.settings) as client:
            token = await client.access_token()
        if target.sandbox:
            print(
                "elx token: this token is for the embedded sandbox, which stopped with this"
                " command; run 'elx sandbox serve' for one that stays",
                file=sys.stderr,
            )
        sys.stdout.write(token + "\n")
        return 0

    return run_command(args, body)


def register(subparsers: Any) -> None:
    parser = command_parser(
        subparsers,
        "token",
        "print the profile's access token (for $ELEMENTUM_TOKEN)",
        "Print the profile's access token on stdout, e.g. for a copied curl command:\n"
        "  export ELEMENTUM_TOKEN=$(elx token)",
    )
    add_connection_options(parser)
    parser.set_defaults(handler=guarded(_token))
