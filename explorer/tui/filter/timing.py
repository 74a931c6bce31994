"""Measuring the filter bar's keystroke-to-diagnostic time, for the TUI benchmark."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from textual import events
from textual.app import App

from explorer.tui.filter.bar import FilterBar


def sample_filter(clauses: int = 20) -> str:
    """A realistic filter of `clauses` comparisons mixing numbers, quoted text and lists."""
    parts: list[str] = []
    for index in range(clauses - 1):
        if index % 3 == 0:
            parts.append(f'Title=lk="disk {index}*"')
        elif index % 3 == 1:
            parts.append(f"Priority=ge={index}")
        else:
            parts.append(f"Created At=gt=2024-03-{index % 28 + 1:02d}T09:30:00.000Z")
    parts.append("Status=in=(Open,Closed)")
    return ";".join(parts)


async def keystroke_latencies(app: App[Any], bar: FilterBar, rounds: int = 50) -> list[float]:
    """Seconds from a key event reaching the app to the bar's updated check, per key.

    The bar must hold the focus; keys alternate between typing `x` and backspace so the text
    goes back and forth between an unknown value and the original filter.
    """
    latencies: list[float] = []
    for index in range(rounds):
        before = bar.value
        key = events.Key("backspace", None) if index % 2 else events.Key("x", "x")
        started = time.perf_counter()
        app.post_message(key)
        while bar.check.text == before:
            await asyncio.sleep(0)
        latencies.append(time.perf_counter() - started)
    return latencies
