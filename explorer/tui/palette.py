"""The command palette: every registry action, the profile's saved filters and its aliases."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Provider

from explorer.tui import actions
from explorer.tui.keys import effective_keys

if TYPE_CHECKING:
    from explorer.tui.app import ExplorerApp


class ExplorerCommands(Provider):
    """Commands named by their registry label, with keys and help shown beside them."""

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("ExplorerApp", self.app)
        session = app.session
        keymap = session.keymap if session else {}
        read_only = session.read_only if session else False
        entries: list[tuple[str, Callable[[], object], str]] = []
        for spec in actions.palette_specs(read_only=read_only):
            keys = effective_keys(spec, keymap)
            help_text = f"{spec.help} ({keys})" if keys else spec.help
            entries.append((spec.label, partial(app.run_spec, spec), help_text))
        if session is not None:
            for key, saved in session.profile.saved_filters.items():
                for name, text in saved.items():
                    entries.append(
                        (
                            f"Saved filter: {name} ({key})",
                            partial(app.use_saved_filter, key, text),
                            text,
                        )
                    )
            for key in session.alias_keys():
                entries.append((f"Open {key}", partial(app.jump_to, key), "Show this alias."))
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
