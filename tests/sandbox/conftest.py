"""In-process sandbox clients (httpx over ASGI) whose every answer is checked against the spec.

A client made with `make_api(spec_literal=...)` has its answers checked against the spec as
published (`check_response(..., literal=True)`); its shapes are recorded in `CHECKED_LITERAL`.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from itertools import count
from pathlib import Path
from typing import Any

import httpx
import pytest

from explorer.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SandboxOptions, create_app
from explorer.sandbox.app import SandboxState

from .contract import check_response

# Every answer the in-process clients get is validated and its shape recorded here.
CHECKED: set[str] = set()
CHECKED_LITERAL: set[str] = set()


async def _check(response: httpx.Response) -> None:
    await response.aread()
    CHECKED.add(check_response(response))


async def _check_literal(response: httpx.Response) -> None:
    await response.aread()
    CHECKED_LITERAL.add(check_response(response, literal=True))


class Api:
    """An httpx client on an in-process sandbox, with a fresh token and its live state."""

    def __init__(self, client: httpx.AsyncClient, state: SandboxState) -> None:
        self.http = client
        self.state = state

    async def token(self) -> str:
        answer = await self.http.post(
            "/oauth/token",
            json={
                "grant_type": "client_credentials",
                "client_id": DEMO_CLIENT_ID,
                "client_secret": DEMO_CLIENT_SECRET,
            },
        )
        expected = 200 if self.state.spec_literal is None else 201
        assert answer.status_code == expected, answer.text
        value: str = answer.json()["access_token"]
        return value

    async def login(self) -> Api:
        self.http.headers["Authorization"] = f"Bearer {await self.token()}"
        return self


MakeApi = Callable[..., Awaitable[Api]]


@pytest.fixture
async def make_api(sandbox_template: Path, tmp_path: Path) -> AsyncIterator[MakeApi]:
    """A factory of logged-in in-process clients, each over its own copy of the seeded data."""
    opened: list[tuple[httpx.AsyncClient, SandboxState]] = []
    numbers = count(1)

    async def make(**overrides: Any) -> Api:
        path = tmp_path / f"asgi-{next(numbers)}.sqlite3"
        shutil.copyfile(sandbox_template, path)
        options = SandboxOptions(**{"db_path": path, **overrides})
        app = create_app(options)
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://sandbox.test",
            event_hooks={"response": [_check if options.spec_literal is None else _check_literal]},
        )
        state: SandboxState = app.state.sandbox
        opened.append((client, state))
        return await Api(client, state).login()

    yield make
    for client, state in opened:
        await client.aclose()
        state.store.close()


@pytest.fixture
async def api(make_api: MakeApi) -> Api:
    """A logged-in client on a fresh in-process sandbox with the default options."""
    return await make_api()
