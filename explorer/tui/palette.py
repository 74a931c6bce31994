"""The command palette: every registry action, the profile's saved filters and its aliases.

A choice is posted to the app as a message (`ActionChosen`, `AliasChosen`); the palette knows
nothing of the app beyond the session it reads its entries from.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Provider
from textual.message import Message

from explorer.tui import actions
from explorer.tui.keys import effective_keys
from explorer.tui.messages import ActionChosen, AliasChosen

if TYPE_CHECKING:
    from explorer.tui.session import Session


@runtime_checkable
class HasSession(Protocol):
    """The app as the palette sees it."""

    @property
    def session(self) -> Session | None: ...


class ExplorerCommands(Provider):
    """Commands named by their registry label, with keys and help shown beside them."""

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.app
        session = app.session if isinstance(app, HasSession) else None
        keymap = session.keymap if session else {}
        read_only = session.read_only if session else False

        def post(make: Callable[[], Message]) -> Callable[[], object]:
            return lambda: app.post_message(make())

        entries: list[tuple[str, Callable[[], object], str]] = []
        for spec in actions.palette_specs(read_only=read_only):
            keys = effective_keys(spec, keymap)
            help_text = f"{spec.help} ({keys})" if keys else spec.help
            entries.append((spec.label, post(partial(ActionChosen, spec.action)), help_text))
        if session is not None:
            for key, saved in session.profile.saved_filters.items():
                for name, text in saved.items():
                    label = f"Saved filter: {name} ({key})"
                    entries.append((label, post(partial(AliasChosen, key, text)), text))
            for key in session.alias_keys():
                entries.append((f"Open {key}", post(partial(AliasChosen, key)), "Show this alias."))
        return entries

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for label, callback, help_text in self._entries():
            yield DiscoveryHit(label, callback, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for label, callback, help_text in self._entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, text=label, help=help_text)
