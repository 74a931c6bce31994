"""`elx profiles`: headless command (built on explorer.api and explorer.config)."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("profiles", help="(not built yet)")
    parser.set_defaults(handler=lambda args: 2)
