"""Where the edit, collaboration and export screens find their stylesheet."""

from __future__ import annotations

from pathlib import Path

EDIT_CSS = Path(__file__).resolve().parents[3] / "styles" / "edit.tcss"
