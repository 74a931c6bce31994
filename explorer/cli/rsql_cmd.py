"""`elx rsql check|fmt|encode`: the RSQL engine on the command line."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "rsql", help="check, format and encode RSQL filters"
    )
    parser.set_defaults(handler=lambda args: 2)
