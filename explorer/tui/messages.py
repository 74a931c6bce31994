"""Typed messages that workers, the client's event stream and the palette post to the app.

Workers never touch widgets: they post one of these and the app's handler, on the event loop,
hands it to the part of the app that owns the state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from explorer.api import ClientEvent, Page
    from explorer.browse import Fetch


class PageLoaded(Message):
    """A page arrived for `fetch`."""

    def __init__(self, fetch: Fetch, page: Page) -> None:
        super().__init__()
        self.fetch = fetch
        self.page = page


class PageFailed(Message):
    def __init__(self, fetch: Fetch, error: BaseException) -> None:
        super().__init__()
        self.fetch = fetch
        self.error = error


class CountKnown(Message):
    """The unfiltered record count of an alias, or why it could not be counted."""

    def __init__(self, alias_key: str, total: int | None, problem: str = "") -> None:
        super().__init__()
        self.alias_key = alias_key
        self.total = total
        self.problem = problem


class AliasChecked(Message):
    """A new alias answered its one-record fetch: it exists and holds `total` records."""

    def __init__(self, alias_key: str, total: int) -> None:
        super().__init__()
        self.alias_key = alias_key
        self.total = total


class AliasRefused(Message):
    """A new alias could not be fetched; it is not added."""

    def __init__(self, alias_key: str, error: BaseException) -> None:
        super().__init__()
        self.alias_key = alias_key
        self.error = error


class ClientEventPosted(Message):
    """A token, rate or request event from the client, relayed into the app's queue."""

    def __init__(self, event: ClientEvent) -> None:
        super().__init__()
        self.event = event


class SessionReady(Message):
    """The profile and client are ready (the sandbox may start in the background)."""


class SessionFailed(Message):
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


class ActionChosen(Message):
    """A registry action picked in the command palette; the app runs it."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action


class AliasChosen(Message):
    """An alias picked in the palette or the jump dialog, with a filter to apply ("" none)."""

    def __init__(self, alias_key: str, filter_text: str | None = None) -> None:
        super().__init__()
        self.alias_key = alias_key
        self.filter_text = filter_text
