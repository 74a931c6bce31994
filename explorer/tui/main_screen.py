"""The explorer's own screen: the panes are composed on it, the table takes focus first."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class MainScreen(Screen[None]):
    """The table takes focus first (the alias tree would take it, then give it up once the
    first page loads, restyling both on the way)."""

    AUTO_FOCUS = "#table"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first resume follows the mount that has just styled every widget; styling them
        # all again would only repeat that work before the first frame.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
