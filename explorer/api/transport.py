"""The httpx transport under every request: the rate gate, the I/O, retries and the log.

Per attempt: wait at the rate gate (by priority), send, learn the server's rate headers;
`retry_policy.decide` says whether and when to try again. Tokens are the auth flow's
(`auth.py`), which sits above this transport.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from explorer.api.auth import EXT_RESTAMP
from explorer.api.errors import NetworkError
from explorer.api.events import RequestLogged, redact_query
from explorer.api.models import Priority
from explorer.api.rate_gate import RateGate
from explorer.api.rate_headers import RateInfo, parse_rate_headers
from explorer.api.retry_policy import (
    SAFE_METHODS,
    Failure,
    Outcome,
    RetryPolicy,
    call_budget,
    decide,
)
from explorer.api.tokens import EXT_PRIORITY, EXT_REPEATABLE


@dataclass
class _Attempts:
    """This request's tries (the call's budget counts a 401 replay's too)."""

    sent: int = 0
    status: int | None = None
    error: str | None = None
    cause: httpx.TransportError | None = None


class GatedTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        gate: RateGate,
        emit: Callable[[RequestLogged], None],
        *,
        policy: RetryPolicy | None = None,
    ) -> None:
        self._inner = inner
        self._gate = gate
        self._emit = emit
        self.policy = policy or RetryPolicy()
        self.sent = 0

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()  # a body held in memory can be replayed
        priority = Priority(request.extensions.get(EXT_PRIORITY, Priority.INTERACTIVE))
        method = request.method.upper()
        repeatable = method in SAFE_METHODS or bool(request.extensions.get(EXT_REPEATABLE))
        started = time.monotonic()
        tries = _Attempts()
        budget = call_budget(request)
        ticket = self._gate.ticket()
        try:
            while True:
                await self._gate.acquire(priority, ticket)
                outcome, response = await self._send_once(request, tries)
                budget.sent += 1  # `_send_once` returns only once it has sent
                verdict = decide(
                    self.policy,
                    outcome,
                    repeatable=repeatable,
                    attempts=budget.sent,
                    waited=budget.waited,
                    jitter=random.random(),
                    time_left=budget.time_left(time.monotonic()),
                )
                if not verdict.retry:
                    if response is None:
                        message = f"{method} {request.url.path} failed: {tries.error}"
                        spent = time.monotonic() - started
                        tried = f"{tries.sent} attempt" + ("s" if tries.sent > 1 else "")
                        message += f"; gave up after {tried} in {spent:.1f} s"
                        raise NetworkError(message) from tries.cause
                    return response
                budget.waited += verdict.delay
                if response is not None:
                    await response.aclose()
                if verdict.hold:
                    reason = f"HTTP 429; waiting {verdict.delay:.1f} s"
                    self._gate.hold(verdict.delay, reason, refused=True)
                else:
                    await asyncio.sleep(verdict.delay)
        finally:
            if tries.sent:  # a request given up before sending is not logged
                self._log(request, tries, started)

    async def _send_once(
        self, request: httpx.Request, tries: _Attempts
    ) -> tuple[Outcome, httpx.Response | None]:
        """One attempt, the gate already passed: the outcome, and the response if any."""
        sent_at = time.monotonic()
        info: RateInfo | None = None
        status: int | None = None
        try:
            restamp: Callable[[httpx.Request], Awaitable[None]] | None
            restamp = request.extensions.get(EXT_RESTAMP)
            if restamp is not None:
                await restamp(request)
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise asyncio.CancelledError
            self.sent += 1
            tries.sent += 1
            sent_at = time.monotonic()
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as error:
                tries.status = None
                tries.error = _describe(error)
                tries.cause = error
                return Outcome(failure=_failure(error)), None
            info = parse_rate_headers(response.headers)
            status = tries.status = response.status_code
            tries.error = None
            return Outcome(status=status, info=info), response
        finally:
            self._gate.release(info, sent_at, status)

    def _log(self, request: httpx.Request, tries: _Attempts, started: float) -> None:
        self._emit(
            RequestLogged(
                method=request.method.upper(),
                path=request.url.path,
                query=redact_query(request.url.query.decode("ascii", "replace")),
                status=tries.status,
                duration_ms=(time.monotonic() - started) * 1000.0,
                retries=tries.sent - 1,
                error=None if tries.error is None else _logged_error(request, tries.error),
            )
        )


def _logged_error(request: httpx.Request, error: str) -> str:
    return f"{request.method.upper()} {request.url.path} failed: {error}"


def _failure(error: httpx.TransportError) -> Failure:
    if isinstance(error, httpx.UnsupportedProtocol):
        return "unsupported"
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
        return "unsent"
    return "lost"


def _describe(error: httpx.TransportError) -> str:
    text = str(error).strip()
    kind = {
        httpx.ConnectError: "the server refused or could not be reached",
        httpx.ConnectTimeout: "connecting timed out",
        httpx.ReadTimeout: "the server stopped answering",
        httpx.RemoteProtocolError: "the server closed the connection",
        httpx.ReadError: "the connection dropped",
    }.get(type(error), "the connection failed")
    return f"{kind} ({text})" if text else kind
