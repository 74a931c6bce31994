"""What the filter bar's dropdown offers at the cursor: the engine's completions, saved
filters on a blank line, and values right after an operator."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from explorer.rsql import Completion, complete


def offered(
    text: str,
    cursor: int,
    fields: Sequence[str],
    values: Mapping[str, Sequence[str]],
    saved: Mapping[str, str],
) -> tuple[list[Completion], bool]:
    """What `complete()` offers at the cursor, minus entries that would change nothing, and
    whether one of those was dropped (the text at the cursor is already complete)."""
    found: list[Completion] = []
    if not text.strip():
        found.extend(
            # A saved filter replaces the whole (blank) text, like a value would.
            Completion(filter_text, 0, len(text), "value", f"★ {name}", filter_text)
            for name, filter_text in saved.items()
        )
    found.extend(complete(text, cursor, list(fields), values))
    if any(c.kind == "operator" and c.end == cursor == c.start + len(c.text) for c in found):
        found.extend(values_after_operator(text, cursor, fields, values))
    useful = [c for c in found if text[c.start : c.end] != c.text]
    settled = [c for c in found if c not in useful and c.kind in ("field", "value")]
    return useful, bool(settled)


def values_after_operator(
    text: str, cursor: int, fields: Sequence[str], values: Mapping[str, Sequence[str]]
) -> list[Completion]:
    """Values for the comparison whose operator ends at the cursor (`Status==|`).

    The engine still sees the operator there, so ask as if a space followed it and map the
    spans back to the real text.
    """
    probe = text[:cursor] + " " + text[cursor:]
    return [
        replace(c, start=cursor, end=c.end - 1 if c.end > cursor else cursor)
        for c in complete(probe, cursor + 1, list(fields), values)
        if c.kind == "value" and c.start == cursor + 1
    ]
