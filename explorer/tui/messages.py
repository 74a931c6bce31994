"""Typed messages that workers and the client's event stream post to the app."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from explorer.tui.paging import PageRequest


class PageLoaded(Message):
    """A page arrived for `request`; `prefetched` when it was fetched ahead of the user."""

    def __init__(self, request: PageRequest, page: Any, *, prefetched: bool = False) -> None:
        super().__init__()
        self.request = request
        self.page = page
        self.prefetched = prefetched


class PageFailed(Message):
    def __init__(self, request: PageRequest, error: BaseException) -> None:
        super().__init__()
        self.request = request
        self.error = error


class CountKnown(Message):
    """The unfiltered record count of an alias, or why it could not be counted."""

    def __init__(self, alias_key: str, total: int | None, problem: str = "") -> None:
        super().__init__()
        self.alias_key = alias_key
        self.total = total
        self.problem = problem


class ClientEventPosted(Message):
    """A token, rate or request event from the client, relayed into the app's queue."""

    def __init__(self, event: Any) -> None:
        super().__init__()
        self.event = event


class SessionReady(Message):
    """The profile and client are ready (the sandbox may start in the background)."""


class SessionFailed(Message):
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error
