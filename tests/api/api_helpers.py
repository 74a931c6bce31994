"""Helpers for client tests (imported as `api_helpers`): settings for a sandbox and a wire recorder.

The recorder sits under the client, between it and httpx's own transport, so tests can see
every attempt that really went over the socket (including retries the client hides).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from explorer.api import ConnectionSettings
from explorer.sandbox import RunningSandbox


@dataclass(frozen=True)
class Attempt:
    method: str
    path: str
    sent: float
    received: float
    status: int
    headers: httpx.Headers


@dataclass
class WireRecorder(httpx.AsyncBaseTransport):
    inner: httpx.AsyncBaseTransport = field(default_factory=httpx.AsyncHTTPTransport)
    attempts: list[Attempt] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sent = time.monotonic()
        response = await self.inner.handle_async_request(request)
        self.attempts.append(
            Attempt(
                request.method,
                request.url.path,
                sent,
                time.monotonic(),
                response.status_code,
                response.headers,
            )
        )
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()

    def statuses(self, path_part: str = "") -> list[int]:
        return [a.status for a in self.attempts if path_part in a.path]

    def token_requests(self) -> int:
        return sum(1 for a in self.attempts if a.path == "/oauth/token")


def settings_for(sandbox: RunningSandbox, **overrides: Any) -> ConnectionSettings:
    values: dict[str, Any] = {
        "base_url": sandbox.base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "rate_per_second": 50.0,
        "burst": 50,
        "label": "sandbox",
    }
    values.update(overrides)
    return ConnectionSettings(**values)
