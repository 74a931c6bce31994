"""Bearer auth as an httpx auth flow: attach the token, and on a 401 get a new one (single
flight, through the token manager) and replay the request once, if the call's retry budget
has an attempt left (a server that refuses every fresh token gets one replay, then the 401
is the caller's clear auth error).

The rate gate may hold a request long after the flow attached its token, so the transport
calls `restamp` once the request has passed the gate: a token renewed meanwhile replaces the
one attached before queueing.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import httpx

from explorer.api.retry_policy import RetryPolicy, call_budget
from explorer.api.tokens import TokenManager

EXT_RESTAMP = "elx.restamp"


def _bearer(request: httpx.Request) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token if scheme == "Bearer" and token else None


class TokenAuth(httpx.Auth):
    requires_request_body = True  # a replay resends the same body

    def __init__(self, tokens: TokenManager, policy: RetryPolicy) -> None:
        self.tokens = tokens
        self.policy = policy

    async def restamp(self, request: httpx.Request) -> None:
        """Attach the current token (a cached one costs nothing; a due one is renewed)."""
        request.headers["Authorization"] = f"Bearer {await self.tokens.get()}"

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        # Get the token before queueing at the gate, so a request that has passed the gate
        # is sent at once (its restamp is then served from cache).
        await self.restamp(request)
        request.extensions[EXT_RESTAMP] = self.restamp
        budget = call_budget(request)
        response = yield request
        if response.status_code != 401 or not budget.can_send_again(self.policy):
            return
        refused = _bearer(request)
        if refused is not None:
            self.tokens.invalidate(refused)
        await self.restamp(request)
        yield request
