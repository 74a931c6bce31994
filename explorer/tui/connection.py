"""The session's client: built off the event loop, opened once the session is ready, closed
with the app; its token and rate events relayed as messages and shown in the header."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from explorer.tui.header import StatusHeader
from explorer.tui.messages import ClientEventPosted, SessionFailed
from explorer.tui.session import Session
from explorer.tui.status import Clock, rate_text, token_text

if TYPE_CHECKING:
    from explorer.api import ClientEvent, ElementumClient, TokenState


class Connection:
    def __init__(self, app: App[None], header: StatusHeader, clock: Clock, live_rate: bool):
        self.app = app
        self.header = header
        self.clock = clock
        self.live_rate = live_rate
        self.client: ElementumClient | None = None
        self.prepared: ElementumClient | None = None  # made with the session, off the loop
        self._stack = contextlib.AsyncExitStack()
        self._unsubscribe: Callable[[], None] | None = None
        self._last_token: TokenState | None = None

    def build(self, factory: Callable[[], Session]) -> Session | None:
        """In a worker thread: the session and its HTTP client (creating its TLS context is
        slow on the loop). Posts `SessionReady` or `SessionFailed`."""
        try:
            session = factory()
            self.prepared = session.open_client()
        except Exception as error:  # shown to the user as a toast
            self.app.post_message(SessionFailed(error))
            return None
        return session

    async def open(self, session: Session) -> ElementumClient:
        client = self.prepared or session.open_client()
        self.client = await self._stack.enter_async_context(client)
        self._unsubscribe = client.subscribe(self._relay)
        self._last_token = client.token_state
        self.refresh_token_text()
        self.header.set_rate(rate_text(client.rate_state, self.clock(), live=self.live_rate))
        return client

    async def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        await self._stack.aclose()

    def _relay(self, event: ClientEvent) -> None:
        """The client's callback (in the event loop): queue the event, touch no widget."""
        self.app.post_message(ClientEventPosted(event))

    def show(self, message: ClientEventPosted) -> None:
        from explorer.api import RateState, TokenState

        event = message.event
        if isinstance(event, TokenState):
            self._last_token = event
            self.refresh_token_text()
        elif isinstance(event, RateState):
            self.header.set_rate(rate_text(event, self.clock(), live=self.live_rate))

    def refresh_token_text(self) -> None:
        if self._last_token is not None:
            self.header.set_token(token_text(self._last_token, self.clock()))
