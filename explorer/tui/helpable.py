"""Contextual help: a part of the screen that explains itself to `?`.

Any widget with a title, a sentence and the registry scopes of its keys is `Helpable`; help
shows the nearest one from the focused widget up, whatever it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from textual.dom import DOMNode


@runtime_checkable
class Helpable(Protocol):
    HELP_TITLE: str
    HELP_TEXT: str
    HELP_SCOPES: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HelpTopic:
    title: str
    text: str
    scopes: tuple[str, ...]


APP_TOPIC = HelpTopic("Explorer", "Browse records of your aliases.", ())


def help_topic(node: DOMNode | None) -> HelpTopic:
    """What the focused widget, or the nearest helpable widget around it, says of itself."""
    while node is not None:
        if isinstance(node, Helpable):
            return HelpTopic(node.HELP_TITLE, node.HELP_TEXT, tuple(node.HELP_SCOPES))
        node = node.parent
    return APP_TOPIC
