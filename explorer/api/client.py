"""ElementumClient: the async client every part of the explorer talks to Elementum through."""

from __future__ import annotations

import asyncio
import mimetypes
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from explorer.api.answers import read_page, read_record
from explorer.api.auth import TokenAuth
from explorer.api.errors import (
    ApiError,
    NetworkError,
    OutcomeUnknownError,
    error_for_response,
    nothing_was_sent,
)
from explorer.api.events import ClientEvent, EventHub, RateState, TokenState
from explorer.api.models import Page, Priority
from explorer.api.query import with_query
from explorer.api.rate_gate import RateGate
from explorer.api.retry_policy import EXT_BUDGET, CallBudget, RetryPolicy
from explorer.api.settings import ConnectionSettings
from explorer.api.tokens import EXT_PRIORITY, TokenManager
from explorer.api.transport import GatedTransport

MAX_PAGE_SIZE = 1000
USER_AGENT = "elementum-explorer"
# Per attempt, within the call's deadline: connecting is quick or never; an answer may take
# a while on a big page, but a frozen server must leave time for a second attempt.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 20.0


def attempt_timeouts(deadline: float) -> httpx.Timeout:
    return httpx.Timeout(
        min(READ_TIMEOUT, deadline), connect=min(CONNECT_TIMEOUT, deadline), pool=deadline
    )


def stopped_answering(deadline: float) -> str:
    """Why a call ran out of its deadline, for a person."""
    return f"the server stopped answering; gave up after {deadline:g} s (the profile's deadline_s)"


def collection_path(record_type: str, alias: str) -> str:
    return f"/{quote(record_type, safe='')}/{quote(alias, safe='')}"


def record_path(record_type: str, alias: str, record_id: str) -> str:
    return f"{collection_path(record_type, alias)}/{quote(str(record_id), safe='')}"


class ElementumClient:
    """One workspace connection: tokens, the rate gate, retries and events are shared by all
    calls made through it. Use as `async with ElementumClient(settings) as client:`."""

    def __init__(
        self,
        settings: ConnectionSettings,
        *,
        timeout: float | None = None,
        max_attempts: int = 6,
        max_total_wait: float = 60.0,
        inner_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self._events = EventHub()
        self._gate = RateGate(settings.rate_per_second, settings.burst, self._events.emit)
        # Plain-http endpoints (the sandbox) need no certificates: loading them takes ~0.1 s.
        plain = all(url.startswith("http://") for url in (settings.api_url, settings.token_url))
        inner = inner_transport or httpx.AsyncHTTPTransport(retries=1, verify=not plain)
        self._policy = RetryPolicy(max_attempts=max_attempts, max_total_wait=max_total_wait)
        self._transport = GatedTransport(inner, self._gate, self._events.emit, policy=self._policy)
        self._http = httpx.AsyncClient(
            base_url=settings.api_url,
            transport=self._transport,
            timeout=attempt_timeouts(settings.deadline_s) if timeout is None else timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        )
        self._tokens = TokenManager(settings, self._http, self._events.emit)
        self._http.auth = TokenAuth(self._tokens, self._policy)

    async def __aenter__(self) -> ElementumClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._tokens.cancel()
        await self._http.aclose()

    # -- events -------------------------------------------------------------------------
    def subscribe(self, callback: Callable[[ClientEvent], None]) -> Callable[[], None]:
        """Receive every event synchronously; returns a function that unsubscribes."""
        return self._events.subscribe(callback)

    @property
    def token_state(self) -> TokenState:
        return self._tokens.state

    @property
    def rate_state(self) -> RateState:
        return self._gate.state

    async def access_token(self) -> str:
        """The bearer token calls are sent with: the one held while it is valid, else a new
        one (for `elx token`; never logged)."""
        return await self._tokens.get()

    @property
    def token_requests(self) -> int:
        """How many token requests this client has made."""
        return self._tokens.requests_made

    # -- plumbing -----------------------------------------------------------------------
    async def _call(
        self,
        method: str,
        path: str,
        *,
        what: str,
        priority: Priority = Priority.INTERACTIVE,
        params: dict[str, Any] | None = None,
        ok: tuple[int, ...] = (200, 201, 202, 204),
        **kwargs: Any,
    ) -> httpx.Response:
        # The query is encoded here, not by httpx (which sends a space as `+`).
        target = with_query(path, params or {})
        deadline = self.settings.deadline_s
        budget = CallBudget(deadline=time.monotonic() + deadline)
        extensions = {EXT_PRIORITY: priority, EXT_BUDGET: budget}
        try:
            async with asyncio.timeout(deadline):
                response = await self._http.request(
                    method, target, extensions=extensions, **kwargs
                )
        except TimeoutError as error:
            raise NetworkError(f"{what}: {stopped_answering(deadline)}") from error
        except ApiError:
            raise
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            raise NetworkError(f"{method} {path} failed: {error}") from error
        if response.status_code not in ok:
            raise error_for_response(response, what)
        return response

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            return response.text

    # -- records ------------------------------------------------------------------------
    async def list_page(
        self,
        record_type: str,
        alias: str,
        *,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: str | None = None,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Page:
        params = {"first": first, "after": after, "last": last, "before": before}
        if filter:
            params["filter"] = filter
        response = await self._call(
            "GET",
            collection_path(record_type, alias),
            what=f"{record_type}/{alias}",
            priority=priority,
            params=params,
        )
        return read_page(response, f"{record_type}/{alias}", record_type, "records")

    async def iter_pages(
        self,
        record_type: str,
        alias: str,
        *,
        filter: str | None = None,
        page_size: int | None = None,
        priority: Priority = Priority.BACKGROUND,
        after: str | None = None,
    ) -> AsyncIterator[Page]:
        """Every page of the filter, front to back, following `end_cursor`."""
        size = max(1, min(MAX_PAGE_SIZE, page_size or self.settings.page_size))
        cursor = after
        while True:
            page = await self.list_page(
                record_type, alias, first=size, after=cursor, filter=filter, priority=priority
            )
            yield page
            if not page.paging.has_next_page or not page.items or not page.paging.end_cursor:
                return
            cursor = page.paging.end_cursor

    async def get_record(self, record_type: str, alias: str, record_id: str) -> dict[str, Any]:
        path = record_path(record_type, alias, record_id)
        what = f"{record_type}/{alias}/{record_id}"
        response = await self._call("GET", path, what=what)
        return read_record(response, what, record_type)

    async def create_record(
        self, record_type: str, alias: str, data: dict[str, Any]
    ) -> dict[str, Any]:
        """POST a new record. A POST is never sent twice: when it went out and no answer came
        back, OutcomeUnknownError says the record may have been created."""
        path = collection_path(record_type, alias)
        what = f"{record_type}/{alias}"
        try:
            response = await self._call("POST", path, what=what, json=data)
        except NetworkError as error:
            if isinstance(error, OutcomeUnknownError) or nothing_was_sent(error):
                raise
            raise OutcomeUnknownError(
                f"{error.message}; the request was sent and no answer came back, so the"
                " record may have been created"
            ) from error
        return read_record(response, what, record_type, empty_ok=True)

    async def update_record(
        self, record_type: str, alias: str, record_id: str, changes: dict[str, Any]
    ) -> dict[str, Any]:
        """A partial update: only the fields in `changes` are sent and changed."""
        path = record_path(record_type, alias, record_id)
        what = f"{record_type}/{alias}/{record_id}"
        response = await self._call("PUT", path, what=what, json=changes)
        return read_record(response, what, record_type, empty_ok=True)

    # -- comments -----------------------------------------------------------------------
    async def list_comments(
        self,
        record_type: str,
        alias: str,
        record_id: str,
        *,
        first: int | None = None,
        after: str | None = None,
    ) -> Page:
        return await self._sub_page(
            record_type, alias, record_id, "comment", "comments", first=first, after=after
        )

    async def _sub_page(
        self,
        record_type: str,
        alias: str,
        record_id: str,
        suffix: str,
        noun: str,
        *,
        first: int | None,
        after: str | None,
    ) -> Page:
        """One page of a record's paged sub-resource (comments, watchers, related items)."""
        path = f"{record_path(record_type, alias, record_id)}/{suffix}"
        what = f"{noun} of {record_id}"
        response = await self._call("GET", path, what=what, params={"first": first, "after": after})
        return read_page(response, what, record_type, noun)

    async def add_comment(self, record_type: str, alias: str, record_id: str, text: str) -> str:
        path = record_path(record_type, alias, record_id) + "/comment"
        response = await self._call(
            "POST",
            path,
            what=f"comment on {record_id}",
            content=text.encode("utf-8"),
            headers={"Content-Type": "text/plain; charset=utf-8"},
        )
        return response.text

    # -- attachments --------------------------------------------------------------------
    def _attachments(self, record_type: str, alias: str, record_id: str) -> str:
        return record_path(record_type, alias, record_id) + "/attachments"

    async def list_attachments(
        self, record_type: str, alias: str, record_id: str
    ) -> list[dict[str, Any]]:
        path = self._attachments(record_type, alias, record_id)
        body = self._json(await self._call("GET", path, what=f"attachments of {record_id}"))
        if isinstance(body, dict):
            body = body.get("items", [])
        return [item for item in body if isinstance(item, dict)] if isinstance(body, list) else []

    async def upload_attachment(
        self, record_type: str, alias: str, record_id: str, path: str | Path
    ) -> dict[str, Any]:
        source = Path(path)
        media = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        files = {"file": (source.name, source.read_bytes(), media)}
        url = self._attachments(record_type, alias, record_id)
        response = await self._call("POST", url, what=f"upload to {record_id}", files=files)
        body = self._json(response)
        return body if isinstance(body, dict) else {}

    async def add_url_link(
        self, record_type: str, alias: str, record_id: str, url: str, description: str = ""
    ) -> dict[str, Any]:
        path = self._attachments(record_type, alias, record_id) + "/url-links"
        response = await self._call(
            "POST",
            path,
            what=f"link on {record_id}",
            json={"url": url, "description": description},
        )
        body = self._json(response)
        return body if isinstance(body, dict) else {}

    async def download_attachment(
        self,
        record_type: str,
        alias: str,
        record_id: str,
        attachment_id: str,
        dest_path: str | Path,
    ) -> Path:
        base = self._attachments(record_type, alias, record_id)
        path = f"{base}/{quote(str(attachment_id), safe='')}/content"
        response = await self._call("GET", path, what=f"attachment {attachment_id}")
        destination = Path(dest_path)
        destination.write_bytes(response.content)
        return destination

    async def delete_attachment(
        self, record_type: str, alias: str, record_id: str, attachment_id: str
    ) -> None:
        base = self._attachments(record_type, alias, record_id)
        path = f"{base}/{quote(str(attachment_id), safe='')}"
        await self._call("DELETE", path, what=f"attachment {attachment_id}")

    # -- watchers -----------------------------------------------------------------------
    async def list_watchers(
        self,
        record_type: str,
        alias: str,
        record_id: str,
        *,
        first: int | None = None,
        after: str | None = None,
    ) -> Page:
        return await self._sub_page(
            record_type, alias, record_id, "watchers", "watchers", first=first, after=after
        )

    async def add_watchers(
        self, record_type: str, alias: str, record_id: str, emails: list[str]
    ) -> None:
        path = record_path(record_type, alias, record_id) + "/watchers"
        await self._call("POST", path, what=f"watchers of {record_id}", json={"users": emails})

    async def remove_watchers(
        self, record_type: str, alias: str, record_id: str, emails: list[str]
    ) -> None:
        path = record_path(record_type, alias, record_id) + "/watchers"
        await self._call("DELETE", path, what=f"watchers of {record_id}", json={"users": emails})

    # -- related items ------------------------------------------------------------------
    async def list_related(
        self,
        record_type: str,
        alias: str,
        record_id: str,
        *,
        first: int | None = None,
        after: str | None = None,
    ) -> Page:
        return await self._sub_page(
            record_type,
            alias,
            record_id,
            "related-items",
            "related items",
            first=first,
            after=after,
        )

    async def add_related(
        self, record_type: str, alias: str, record_id: str, item_id: str, item_alias: str
    ) -> None:
        path = record_path(record_type, alias, record_id) + "/related-items"
        await self._call(
            "POST",
            path,
            what=f"related items of {record_id}",
            json={"id": item_id, "alias": item_alias},
        )

    async def remove_related(
        self, record_type: str, alias: str, record_id: str, item_id: str
    ) -> None:
        base = record_path(record_type, alias, record_id) + "/related-items"
        path = f"{base}/{quote(str(item_id), safe='')}"
        await self._call("DELETE", path, what=f"related item {item_id}")
