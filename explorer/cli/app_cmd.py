"""Opens the Textual app; the only CLI module that imports Textual."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    print("The explorer app is not built yet.")
    return 2
