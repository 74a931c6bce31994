"""Effective keys of registry actions (defaults overridden by the user's keymap), for display."""

from __future__ import annotations

from collections.abc import Mapping

from textual.keys import format_key

from explorer.tui.actions import ActionSpec

_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "colon": ":",
    "equals_sign": "=",
    "exclamation_mark": "!",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def key_display(key: str) -> str:
    """`ctrl+y` → `^y`, `right_square_bracket` → `]`, `f1` → `F1`."""
    parts = key.split("+")
    name = parts[-1]
    shown = _NAMES.get(name) or format_key(name)
    if len(shown) > 1 and shown.islower():
        shown = shown.capitalize() if not shown.startswith("f") else shown.upper()
    mods = parts[:-1]
    if "ctrl" in mods:
        mods.remove("ctrl")
        shown = f"^{shown}"
    return "+".join([*mods, shown])


def effective_keys(spec: ActionSpec, keymap: Mapping[str, str]) -> str:
    keys = keymap.get(spec.id, spec.keys)
    return " ".join(key_display(k.strip()) for k in keys.split(",") if k.strip())
