"""OAuth client-credentials tokens: fetched once for many callers, renewed before they expire.

- Single flight: however many callers need a token at once, one token request is made.
- Proactive renewal at `expires_in` minus a margin of 20% of it (at most 60 s), counted
  from when the token was asked for, so a token is never used past its announced life.
- A 400/401 from the token endpoint means the client id or secret is wrong: a
  ConfigurationError at once, never retried.
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable
from typing import Any

import httpx

from explorer.api.errors import (
    ApiError,
    AuthError,
    ConfigurationError,
    NetworkError,
    RateLimitedError,
    ServerError,
    body_text,
)
from explorer.api.events import TokenState
from explorer.api.models import Priority
from explorer.api.retry_policy import EXT_BUDGET, CallBudget
from explorer.api.settings import SHAPE_NAMES, TOKEN_SHAPES, ConnectionSettings
from explorer.api.token_memory import CachedToken

DEFAULT_LIFETIME = 86400.0
# Token endpoint answers that refuse the request's shape or its credentials.
REFUSED = frozenset({400, 401, 403, 415})
MAX_SKEW = 60.0

# Extension keys the transport reads on each request.
EXT_PRIORITY = "elx.priority"
EXT_REPEATABLE = "elx.repeatable"  # a POST that is safe to send twice (the token request)


def refresh_skew(lifetime: float) -> float:
    """How long before its announced end a token is renewed: a fifth of its life (at most a
    minute), room for a request stamped with it to wait for a connection and be read."""
    return min(MAX_SKEW, 0.2 * lifetime)


def token_request(
    settings: ConnectionSettings, style: str
) -> tuple[dict[str, str], dict[str, Any]]:
    """Headers and httpx body arguments for one token request shape (API.md)."""
    grant = {"grant_type": "client_credentials"}
    if style == "basic":
        pair = f"{settings.client_id}:{settings.client_secret}".encode()
        headers = {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return headers, {"data": grant}
    credentials = {"client_id": settings.client_id, "client_secret": settings.client_secret}
    if style == "form":
        return {}, {"data": {**grant, **credentials}}
    return {}, {"json": {**grant, **credentials}}


def styles_to_try(settings: ConnectionSettings) -> tuple[str, ...]:
    """An explicit style alone; for `auto`, the documented shapes in order, the one that
    worked last time first."""
    if settings.token_style != "auto":
        return (settings.token_style,)
    known = settings.memory.token_style() if settings.memory is not None else None
    if known not in TOKEN_SHAPES:
        return TOKEN_SHAPES
    return (known, *(style for style in TOKEN_SHAPES if style != known))


class TokenManager:
    def __init__(
        self,
        settings: ConnectionSettings,
        http: httpx.AsyncClient,
        emit: Callable[[TokenState], None],
    ) -> None:
        self._settings = settings
        self._http = http
        self._emit = emit
        self._token: str | None = None
        self._refresh_at = 0.0
        self._expires_at = 0.0
        self._inflight: asyncio.Task[str] | None = None
        self.requests_made = 0
        self._looked_up = False  # the token kept from an earlier run was looked for
        self.state = TokenState("none", None, "no token yet")

    def _set_state(self, state: TokenState) -> None:
        self.state = state
        self._emit(state)

    async def get(self) -> str:
        """A token valid for at least the skew; fetches one (single flight) when needed."""
        if self._token is None and not self._looked_up:
            self._reuse_cached()
        if self._token is not None and time.monotonic() < self._refresh_at:
            return self._token
        if self._inflight is None:
            task = asyncio.get_running_loop().create_task(self._fetch())
            task.add_done_callback(self._fetched)
            self._inflight = task
        return await asyncio.shield(self._inflight)

    def _fetched(self, task: asyncio.Task[str]) -> None:
        if self._inflight is task:
            self._inflight = None
        if not task.cancelled():
            task.exception()  # retrieved here so an unawaited failure is never reported twice

    def cancel(self) -> None:
        """Stop a token request in flight (the client is closing)."""
        if self._inflight is not None:
            self._inflight.cancel()

    def invalidate(self, token: str) -> None:
        """The server refused `token`: the next `get` fetches a new one."""
        if self._token == token:
            self._token = None
            self._refresh_at = 0.0
            if self._settings.memory is not None:
                self._settings.memory.drop_token()

    def _reuse_cached(self) -> None:
        """Take the token an earlier run kept, if it is not yet due for renewal."""
        self._looked_up = True
        memory = self._settings.memory
        cached = memory.cached_token() if memory is not None else None
        if cached is None:
            return
        left = cached.expires_at - time.time()
        if left <= refresh_skew(cached.lifetime):
            return
        now = time.monotonic()
        self._token = cached.token
        self._expires_at = now + left
        self._refresh_at = now + left - refresh_skew(cached.lifetime)
        self._set_state(TokenState("valid", cached.expires_at, "token valid"))

    async def _fetch(self) -> str:
        valid_until = time.time() + (self._expires_at - time.monotonic()) if self._token else None
        self._set_state(TokenState("refreshing", valid_until, "getting a token"))
        deadline = self._settings.deadline_s
        url = self._settings.token_url
        try:
            async with asyncio.timeout(deadline):
                asked_at, token, lifetime = await self._ask(time.monotonic() + deadline)
        except TimeoutError as error:
            failure = NetworkError(
                f"cannot get a token from {url}: the server stopped "
                f"answering; gave up after {deadline:g} s (the profile's deadline_s)"
            )
            self._set_state(TokenState("failed", None, failure.message))
            raise failure from error
        except ApiError as error:
            self._set_state(TokenState("failed", None, error.message))
            raise
        except httpx.HTTPError as error:
            failure = NetworkError(f"cannot reach {url}: {error}")
            self._set_state(TokenState("failed", None, failure.message))
            raise failure from error
        # The lifetime counts from when the server issued the token, which is after the
        # request was sent: counting from the send errs on the early side.
        self._token = token
        self._expires_at = asked_at + lifetime
        self._refresh_at = asked_at + lifetime - refresh_skew(lifetime)
        valid_until = time.time() + (self._expires_at - time.monotonic())
        if self._settings.memory is not None:
            self._settings.memory.keep_token(CachedToken(token, valid_until, lifetime))
        self._set_state(TokenState("valid", valid_until, "token valid"))
        return token

    async def _post(self, style: str, deadline: float) -> httpx.Response:
        headers, body = token_request(self._settings, style)
        self.requests_made += 1
        response = await self._http.post(
            self._settings.token_url,
            headers={"Accept": "application/json", **headers},
            auth=httpx.Auth(),  # it carries credentials, never a bearer token
            extensions={
                EXT_PRIORITY: Priority.TOKEN,
                EXT_REPEATABLE: True,
                EXT_BUDGET: CallBudget(deadline=deadline),
            },
            **body,
        )
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    async def _ask(self, deadline: float) -> tuple[float, str, float]:
        """When the answered request was sent, its token and lifetime: each shape to try in
        turn while the server refuses the shape (or the credentials: it cannot tell us)."""
        styles = styles_to_try(self._settings)
        refusals: list[str] = []
        for style in styles:
            asked_at = time.monotonic()
            response = await self._post(style, deadline)
            if response.status_code in REFUSED and len(styles) > 1:
                refusals.append(f"{style} ({SHAPE_NAMES[style]}): {self._refusal(response)}")
                continue
            token, lifetime = self._read(response)
            memory = self._settings.memory
            if len(styles) > 1 and memory is not None and memory.token_style() != style:
                memory.remember_token_style(style)
            return asked_at, token, lifetime
        raise ConfigurationError(
            f"the client id or secret was refused by {self._settings.token_url} in every "
            "documented token request shape: "
            + "; ".join(refusals)
            + ". Check the profile's client id and secret (the same refusal for every shape "
            "usually means they are wrong), or set token_style to the shape the server takes",
            status=401,
        )

    def _refusal(self, response: httpx.Response) -> str:
        """What a refused token request got, as one line that never holds the secret."""
        detail = body_text(response)
        secret = self._settings.client_secret
        if secret:
            detail = detail.replace(secret, "***")
        return f"HTTP {response.status_code}" + (f": {detail}" if detail else "")

    def _read(self, response: httpx.Response) -> tuple[str, float]:
        status = response.status_code
        url = self._settings.token_url
        if status in REFUSED:
            style = self._settings.token_style
            others = ", ".join(s for s in TOKEN_SHAPES if s != style)
            error: ApiError = ConfigurationError(
                f"the client id or secret was refused by {url} ({self._refusal(response)}); "
                f"check the profile's credentials, or its token_style: {style} is one of the "
                f"documented request shapes ({others} are the others, auto tries each)",
                status=status,
            )
        elif status not in (200, 201):
            cls: type[ApiError] = AuthError
            if status == 429:
                cls = RateLimitedError
            elif status >= 500:
                cls = ServerError
            error = cls(f"token request to {url} failed (HTTP {status})", status=status)
        else:
            try:
                body = response.json()
            except ValueError:
                body = None
            token = body.get("access_token") if isinstance(body, dict) else None
            token_type = str(body.get("token_type", "bearer")) if isinstance(body, dict) else ""
            if isinstance(token, str) and token and token_type.lower() == "bearer":
                raw_lifetime = body.get("expires_in") if isinstance(body, dict) else None
                try:
                    lifetime = float(raw_lifetime) if raw_lifetime is not None else None
                except (TypeError, ValueError):
                    lifetime = None
                if lifetime is None or lifetime <= 0:
                    lifetime = DEFAULT_LIFETIME
                return token, lifetime
            error = AuthError(f"the token answer from {url} holds no bearer token", status=status)
        raise error
