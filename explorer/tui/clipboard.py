"""Copying text: Textual's OSC 52 for the terminal plus pyperclip for the system clipboard."""

from __future__ import annotations

from typing import Any

from textual.app import App


def copy_text(app: App[Any], text: str, what: str) -> None:
    """Copy `text` and toast "Copied <what> (N chars)"; a missing system clipboard is fine."""
    app.copy_to_clipboard(text)
    if not app.is_headless:
        try:
            import pyperclip

            pyperclip.copy(text)
        except Exception:  # no system clipboard (SSH, CI): OSC 52 still copied
            pass
    app.notify(f"Copied {what} ({len(text):,} chars)", title="Copied", timeout=3)
