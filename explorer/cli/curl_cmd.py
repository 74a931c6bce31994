"""`elx curl TYPE/ALIAS [--filter F]`: the list call as a curl command to run or share.

The token is written as `$ELEMENTUM_TOKEN`, never the real one, and a comment line above the
command says how to set it (`elx token`); no request is made and no secret is read.
Exit codes: 0 ok, 1 invalid filter, 2 usage, 3 configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from explorer.api import ConnectionSettings, curl_command
from explorer.api.settings import base_url_for
from explorer.api.urls import token_hint
from explorer.cli.common import (
    UsageError,
    check_filter,
    command_parser,
    guarded,
    parse_collection,
)
from explorer.cli.main import add_connection_options
from explorer.config import load_config
from explorer.config.connect import resolve_profile
from explorer.config.model import ENV_BASE_URL, ENV_REGION

SANDBOX_HINT = "http://127.0.0.1:8765"


def _curl(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)
    filter_text = check_filter(args.filter)
    if args.first is not None and not 1 <= args.first <= 1000:
        raise UsageError("--first must be between 1 and 1000")
    if getattr(args, "sandbox", False):
        base = os.environ.get(ENV_BASE_URL) or SANDBOX_HINT
        if base == SANDBOX_HINT:
            # An embedded sandbox stops with this command: say which one answers there.
            print(
                f"elx curl: {SANDBOX_HINT} is 'elx sandbox serve' (it prints the demo client"
                " id and secret for a token)",
                file=sys.stderr,
            )
    else:
        profile = resolve_profile(load_config(getattr(args, "config", None)), args.profile)
        base = profile.target
        if os.environ.get(ENV_REGION):
            base = base_url_for(os.environ[ENV_REGION])
        if os.environ.get(ENV_BASE_URL):
            base = base_url_for(os.environ[ENV_BASE_URL])
    settings = ConnectionSettings(base_url=base, client_id="", client_secret="")
    notes = [token_hint(getattr(args, "profile", None))]
    print(
        curl_command(
            settings, record_type, alias, filter=filter_text, first=args.first, notes=notes
        )
    )
    return 0


def register(subparsers: Any) -> None:
    parser = command_parser(
        subparsers,
        "curl",
        "print the equivalent curl command (token as $ELEMENTUM_TOKEN)",
        "Print the list call as a curl command; the token is $ELEMENTUM_TOKEN.",
    )
    add_connection_options(parser)
    parser.add_argument("collection", metavar="TYPE/ALIAS", help="e.g. tasks/ittickets")
    parser.add_argument("--filter", "-f", help="RSQL filter, checked before printing")
    parser.add_argument("--first", "-n", type=int, help="page size (1-1000)")
    parser.set_defaults(handler=guarded(_curl))
