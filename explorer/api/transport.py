"""The httpx transport that makes every request well-behaved: token, rate gate, retries, log.

Per attempt: wait at the rate gate (by priority), add a fresh bearer token, send, learn the
server's rate headers. A 401 gets one new token and one replay. 429 is retried for every
method (it promises nothing was done); 500/502/503/504 and dropped connections only for GET
and PUT, which are safe to repeat; a refused connection (nothing sent) for any method.
Waits follow the server's headers when it sends them, else full-jitter exponential backoff;
attempts and total wait are capped.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable

import httpx

from explorer.api.errors import NetworkError
from explorer.api.events import RequestLogged, redact_query
from explorer.api.models import Priority
from explorer.api.rate_gate import RateGate
from explorer.api.rate_headers import RateInfo, parse_rate_headers
from explorer.api.tokens import EXT_AUTH, EXT_PRIORITY, EXT_REPEATABLE, TokenManager

SAFE_METHODS = frozenset({"GET", "HEAD", "PUT"})
RETRY_STATUSES = frozenset({500, 502, 503, 504})
BACKOFF_BASE = 0.2
BACKOFF_CAP = 10.0


class GatedTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        gate: RateGate,
        emit: Callable[[RequestLogged], None],
        *,
        max_attempts: int = 6,
        max_total_wait: float = 60.0,
    ) -> None:
        self._inner = inner
        self._gate = gate
        self._emit = emit
        self.tokens: TokenManager | None = None
        self.max_attempts = max_attempts
        self.max_total_wait = max_total_wait
        self.sent = 0

    async def aclose(self) -> None:
        await self._inner.aclose()

    def _backoff(self, attempt: int) -> float:
        return random.uniform(0.0, min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()  # a body held in memory can be replayed
        priority = Priority(request.extensions.get(EXT_PRIORITY, Priority.INTERACTIVE))
        use_auth = bool(request.extensions.get(EXT_AUTH, True))
        method = request.method.upper()
        repeatable = method in SAFE_METHODS or bool(request.extensions.get(EXT_REPEATABLE))
        started = time.monotonic()
        attempt = 0
        waited = 0.0
        replayed = False
        status: int | None = None
        error_text: str | None = None
        sent_any = False
        ticket = self._gate.ticket()
        try:
            while True:
                if use_auth and self.tokens is not None:
                    # Get the token before queueing, so a request that has passed the gate
                    # is sent at once (the call after the gate is then served from cache).
                    await self.tokens.get()
                await self._gate.acquire(priority, ticket)
                sent_at = time.monotonic()
                info: RateInfo | None = None
                token = None
                try:
                    if use_auth and self.tokens is not None:
                        token = await self.tokens.get()
                        request.headers["Authorization"] = f"Bearer {token}"
                    current = asyncio.current_task()
                    if current is not None and current.cancelling():
                        raise asyncio.CancelledError
                    self.sent += 1
                    sent_any = True
                    sent_at = time.monotonic()
                    response = await self._inner.handle_async_request(request)
                    info = parse_rate_headers(response.headers)
                    status = response.status_code
                except httpx.TransportError as error:
                    status = None
                    nothing_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout)
                    error_text = f"{type(error).__name__}: {error}"
                    delay = self._backoff(attempt)
                    if (
                        not isinstance(error, httpx.UnsupportedProtocol)
                        and (nothing_sent or repeatable)
                        and attempt + 1 < self.max_attempts
                        and waited + delay <= self.max_total_wait
                    ):
                        attempt += 1
                        waited += delay
                        await asyncio.sleep(delay)
                        continue
                    raise NetworkError(
                        f"{method} {request.url.path} failed: {_describe(error)}"
                    ) from error
                finally:
                    self._gate.release(info, sent_at, status)
                status = response.status_code
                error_text = None
                if status == 401 and token is not None and not replayed and self.tokens is not None:
                    replayed = True
                    self.tokens.invalidate(token)
                    await response.aclose()
                    continue
                retryable = status == 429 or (status in RETRY_STATUSES and repeatable)
                if not retryable or attempt + 1 >= self.max_attempts:
                    return response
                if info is not None and info.retry_after is not None:
                    delay = info.retry_after
                elif info is not None and info.remaining is not None and info.remaining < 1:
                    delay = info.reset_after if info.reset_after is not None else 1.0
                else:
                    delay = self._backoff(attempt)
                if waited + delay > self.max_total_wait:
                    return response
                attempt += 1
                waited += delay
                await response.aclose()
                if status == 429:
                    self._gate.hold(delay, f"HTTP 429; waiting {delay:.1f} s", refused=True)
                else:
                    await asyncio.sleep(delay)
        except NetworkError as failure:
            error_text = failure.message
            raise
        finally:
            if sent_any:  # a request given up before sending is not logged
                self._emit(
                    RequestLogged(
                        method=method,
                        path=request.url.path,
                        query=redact_query(request.url.query.decode("ascii", "replace")),
                        status=status,
                        duration_ms=(time.monotonic() - started) * 1000.0,
                        retries=attempt,
                        error=error_text,
                    )
                )


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
