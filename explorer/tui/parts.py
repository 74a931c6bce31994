"""The parts of the app that own state, and how the app hands its actions and messages to
them: each handler is one line naming the part and the method that owns it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from textual.message import Message

from explorer.tui.aliases import AliasManager
from explorer.tui.browsing import Browser
from explorer.tui.edit.wiring import EditLink

M = TypeVar("M", bound=Message)


@dataclass(frozen=True)
class Parts:
    """Made once the session and its client are ready."""

    browser: Browser
    aliases: AliasManager
    edits: EditLink


class HasParts(Protocol):
    parts: Parts | None


def routed(act: Callable[[Parts], object]) -> Callable[[HasParts], None]:
    """An action that hands itself to the parts (nothing happens before they exist)."""

    def action(app: HasParts) -> None:
        if app.parts is not None:
            act(app.parts)

    return action


def routed_message(
    pick: Callable[[Parts], Callable[[M], object]],
) -> Callable[[HasParts, M], None]:
    """A message handler that hands the message to the method `pick` names."""

    def handler(app: HasParts, message: M) -> None:
        if app.parts is not None:
            pick(app.parts)(message)

    return handler
