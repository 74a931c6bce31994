"""`elx sandbox serve`: run the local Elementum-compatible API server."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox", help="the local Elementum-compatible API server"
    )
    parser.set_defaults(handler=lambda args: 2)
