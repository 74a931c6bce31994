"""The headless core (RSQL, API client, sandbox, config, edits, browsing, CLI commands) never
imports Textual."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import explorer
for package in (
    "explorer.rsql", "explorer.api", "explorer.sandbox", "explorer.config", "explorer.edits",
    "explorer.browse",
):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)
importlib.import_module("explorer.kinds")
importlib.import_module("explorer.record_ids")
importlib.import_module("explorer.cli.main").build_parser()
leaked = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print(",".join(leaked))
"""


def test_headless_packages_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Textual imported by the headless core: {result.stdout}"
