"""The sandbox's Starlette application: the routes API.md lists, over the SQLite store."""

from __future__ import annotations

import asyncio
import inspect
import json
import math
import os
import random
import sqlite3
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar, cast

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from explorer.kinds import FieldKind, is_email
from explorer.records import DEFAULT_PAGE_SIZE
from explorer.rsql import RsqlError, SqlColumn, parse, to_sql
from explorer.sandbox.access_log import AccessLog, log_failure, quiet_form_parser
from explorer.sandbox.auth import Tokens, read_form, read_token_request
from explorer.sandbox.cursors import CursorError, Cursors
from explorer.sandbox.errors import ApiError
from explorer.sandbox.limits import RateLimiter, rate_headers
from explorer.sandbox.literal import aspect, id_key, literal_record, literal_token
from explorer.sandbox.options import DEMO_USER_EMAIL, LiveSettings, SandboxOptions
from explorer.sandbox.schema import (
    BY_ALIAS,
    BY_UUID,
    COLLECTIONS,
    CREATED_AT,
    HANDLE,
    RECORD_TYPE_NAMES,
    RECORD_TYPES,
    SYSTEM_FIELDS,
    UPDATED_AT,
    USERS,
    Collection,
    Stored,
)
from explorer.sandbox.store import RowPage, Store
from explorer.sandbox.values import ValueRejected, from_wire

# Worker threads for the calls that read or write SQLite. SQLite releases the interpreter
# lock while it works, so reads proceed side by side; a few threads per core keep a slow
# scan from holding up the rest, and more would only fight over the lock (the measured
# p99 under 20 clients rose with 8 or 40 threads on two cores).
WORKER_THREADS = max(4, 2 * (os.cpu_count() or 1))
T = TypeVar("T")


async def in_worker(state: SandboxState, func: Callable[..., T], *args: Any) -> T:
    """`func(*args)` in one of this sandbox's worker threads (the limiter is made on first
    use, inside the server's own event loop)."""
    if state.workers is None:
        state.workers = anyio.CapacityLimiter(WORKER_THREADS)
    return await anyio.to_thread.run_sync(func, *args, limiter=state.workers)


MAX_PAGE = 1000
DEFAULT_PAGE = DEFAULT_PAGE_SIZE


@dataclass
class SandboxState:
    """What every handler shares: the store, the live knobs and the per-run machinery."""

    store: Store
    settings: LiveSettings
    tokens: Tokens
    limiter: RateLimiter
    cursors: Cursors
    failures: random.Random
    # None, or the spec-literal variant ("keyed", "unkeyed") the answers are shaped for.
    spec_literal: str | None = None
    workers: anyio.CapacityLimiter | None = None

    def record(self, collection: Collection, row: sqlite3.Row) -> dict[str, Any]:
        """The record map of a stored row, in this sandbox's answer shape."""
        record = self.store.to_record(collection, row)
        return record if self.spec_literal is None else literal_record(record, self.spec_literal)


@dataclass(frozen=True)
class Call:
    """A request that passed auth, limits and collection lookup, with its body read."""

    request: Request
    state: SandboxState
    collection: Collection
    body: bytes = b""


# A handler that reads the form itself is a coroutine; every other one is a plain function
# that `api` runs in a worker thread, so calls that wait on SQLite never queue on the loop.
Handler = Callable[[Call], Awaitable[Response]] | Callable[[Call], Response]


# --- shared steps -----------------------------------------------------------------------


def _state(request: Request) -> SandboxState:
    state: SandboxState = request.app.state.sandbox
    return state


def _collection(record_type: str, alias: str) -> Collection:
    if record_type not in RECORD_TYPES:
        raise ApiError(
            404, f"unknown record type {record_type!r}: use one of {', '.join(RECORD_TYPES)}"
        )
    collection = BY_ALIAS.get(alias) or BY_UUID.get(alias.lower())
    if collection is None or collection.record_type != record_type:
        raise ApiError(404, f"no object with alias {alias!r} under {record_type}")
    if collection.forbidden:
        raise ApiError(403, f"the demo user has no access to {collection.key}")
    return collection


def api(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Wrap a `/v1` handler: latency, bearer token, rate limit, injected failures, lookup."""

    async def endpoint(request: Request) -> Response:
        state = _state(request)
        settings = state.settings
        extra_headers: dict[str, str] = {}
        try:
            if settings.latency_ms > 0:
                await asyncio.sleep(settings.latency_ms / 1000)
            token = state.tokens.check(request, reject=settings.reject_tokens)
            if settings.rate_limit is not None:
                decision = state.limiter.take(token, settings.rate_limit)
                extra_headers = rate_headers(decision, settings.rate_headers)
                if not decision.allowed:
                    raise ApiError(
                        429,
                        f"more than {settings.rate_limit:g} requests per second for this token",
                    )
            if settings.fail_rate > 0 and state.failures.random() < settings.fail_rate:
                raise ApiError(500, "injected failure (the sandbox's fail rate)")
            began = time.perf_counter()
            params = request.path_params
            collection = _collection(params["record_type"], params["alias"])
            reads_form = inspect.iscoroutinefunction(handler)
            body = b"" if reads_form or request.method in ("GET", "HEAD") else await request.body()
            call = Call(request, state, collection, body)
            if reads_form:
                response = await cast(Callable[[Call], Awaitable[Response]], handler)(call)
            else:
                work = cast(Callable[[Call], Response], handler)
                response = await in_worker(state, work, call)
            # The server's own time, so clients and benchmarks can tell it from the network's.
            spent = (time.perf_counter() - began) * 1000
            extra_headers["Server-Timing"] = f"app;dur={spent:.2f}"
        except ApiError as error:
            response = error.response()
        except Exception as error:  # a sandbox bug still answers in the documented shape
            log_failure(request.scope)
            response = ApiError(500, f"the sandbox failed: {type(error).__name__}").response()
        response.headers.update(extra_headers)
        return response

    return endpoint


def _record_id(call: Call) -> int:
    """The row id of the path's `{id}` (a handle such as ITM-42), or a 404."""
    handle = call.request.path_params["id"]
    prefix, _, number = handle.rpartition("-")
    if prefix == call.collection.prefix and number.isdigit() and not number.startswith("0"):
        return int(number)
    raise ApiError(404, f"no record {handle!r} in {call.collection.key}")


def _row(call: Call) -> sqlite3.Row:
    row = call.state.store.get_row(call.collection, _record_id(call))
    if row is None:
        raise ApiError(
            404, f"no record {call.request.path_params['id']!r} in {call.collection.key}"
        )
    return row


def _scope(call: Call) -> str:
    """The key of a record's sub-resources, e.g. `tasks/ittickets/ITM-4`; the record must exist."""
    row = _row(call)
    return f"{call.collection.key}/{call.collection.prefix}-{row['id']}"


def _json_body(call: Call) -> Any:
    raw = call.body
    if not raw.strip():
        raise ApiError(400, "the request body is empty; send JSON")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiError(400, f"the request body is not valid JSON: {error}") from error


def _page_size(request: Request, name: str) -> int | None:
    text = request.query_params.get(name)
    if text is None or text == "":
        return None
    try:
        size = int(text)
    except ValueError as error:
        raise ApiError(400, f"{name} must be a whole number from 1 to {MAX_PAGE}") from error
    if not 1 <= size <= MAX_PAGE:
        raise ApiError(400, f"{name} must be from 1 to {MAX_PAGE}, not {size}")
    return size


def _paged(
    call: Call, scope: str, table: str, where: str, params: list[Any]
) -> tuple[RowPage, int, Callable[[int], str]]:
    """A page per the request's first/after/last/before, the filtered total and a cursor maker.

    Rules: `first` and `last` exclude each other (400); `after` and `before` bound the list
    and may be combined; with neither size given a page is the first 100.
    """
    request = call.request
    first = _page_size(request, "first")
    last = _page_size(request, "last")
    if first is not None and last is not None:
        raise ApiError(400, "give first or last, not both")
    cursors = call.state.cursors
    bounds: dict[str, int | None] = {}
    for name in ("after", "before"):
        text = request.query_params.get(name)
        try:
            bounds[name] = cursors.read(scope, text) if text else None
        except CursorError as error:
            raise ApiError(400, f"{name}: {error}") from error
    if first is None and last is None:
        first = DEFAULT_PAGE
    store = call.state.store
    page, total = store.listing(
        table, where, params, first=first, last=last, after=bounds["after"], before=bounds["before"]
    )
    return page, total, lambda row_id: cursors.mint(scope, row_id)


def _page_json(
    call: Call, page: RowPage, total: int, mint: Callable[[int], str], items: list[Any]
) -> Any:
    paging: dict[str, Any] = {
        "has_previous_page": page.has_previous,
        "start_cursor": mint(int(page.rows[0]["id"])) if page.rows else None,
        "end_cursor": mint(int(page.rows[-1]["id"])) if page.rows else None,
        "has_next_page": page.has_next,
    }
    if call.state.spec_literal is not None and not page.rows:
        # The spec types cursors as strings: an empty page has none.
        del paging["start_cursor"], paging["end_cursor"]
    return {"paging": paging, "total": total, "items": items}


# --- filters ----------------------------------------------------------------------------


def filter_columns(
    collection: Collection, record_id_key: str | None = None
) -> dict[str, SqlColumn]:
    """Field name -> SQL column for the RSQL compiler (generated names only).

    `record_id_key` names the record id too when it travels under another key than Handle.
    """
    handle = SqlColumn(f"('{collection.prefix}-' || \"id\")", FieldKind.HANDLE)
    columns = {
        HANDLE: handle,
        CREATED_AT: SqlColumn('"created_at"', FieldKind.DATETIME),
        UPDATED_AT: SqlColumn('"updated_at"', FieldKind.DATETIME),
    }
    if record_id_key is not None:
        columns[record_id_key] = handle
    for index, spec in enumerate(collection.fields):
        columns[spec.name] = SqlColumn(f'"c{index}"', spec.kind)
    return columns


@lru_cache(maxsize=256)
def compile_filter(
    collection_key: str, text: str, record_id_key: str | None = None
) -> tuple[str, tuple[Any, ...]]:
    """`(condition, params)` for a filter, or a 400 whose body carries the diagnostic."""
    collection = next(c for c in COLLECTIONS if c.key == collection_key)
    result = parse(text)
    if not result.ok or result.ast is None:
        diagnostic = result.diagnostic
        assert diagnostic is not None
        raise ApiError(
            400,
            f"bad filter at column {diagnostic.column}: {diagnostic.message}",
            extra={"diagnostic": diagnostic.to_json()},
        )
    try:
        sql, params = to_sql(result.ast, filter_columns(collection, record_id_key))
    except RsqlError as error:
        raise ApiError(
            400,
            f"bad filter at column {error.diagnostic.column}: {error.diagnostic.message}",
            extra={"diagnostic": error.diagnostic.to_json()},
        ) from error
    return sql, tuple(params)


# --- records ----------------------------------------------------------------------------


def _literal_id_key(state: SandboxState) -> str | None:
    """The extra filter name of the record id in spec-literal mode (None: only Handle)."""
    if state.spec_literal is None:
        return None
    return id_key(state.spec_literal)


def list_records(call: Call) -> Response:
    state = call.state
    if state.spec_literal is not None and call.collection.record_type == "elements":
        # The spec's getElement shares this URL with the element record list.
        return JSONResponse(aspect(call.collection))
    text = call.request.query_params.get("filter", "").strip()
    extra_key = _literal_id_key(state)
    where, params = compile_filter(call.collection.key, text, extra_key) if text else ("1", ())
    table = call.collection.table
    page, total, mint = _paged(call, call.collection.key, table, where, list(params))
    items = [
        {"cursor": mint(int(row["id"])), "data": state.record(call.collection, row)}
        for row in page.rows
    ]
    return JSONResponse(_page_json(call, page, total, mint, items))


def _server_keys(state: SandboxState) -> tuple[str, ...]:
    """The keys of a record map that the server sets, in this sandbox's answer shape."""
    if state.spec_literal is None:
        return SYSTEM_FIELDS
    key = id_key(state.spec_literal)
    return () if key is None else (key,)


def _values(
    state: SandboxState, collection: Collection, body: Any, current: sqlite3.Row | None
) -> dict[str, Stored]:
    """Column values from a record map; 422 for unknown fields, wrong kinds, missing ones."""
    if not isinstance(body, dict):
        raise ApiError(400, "the body must be a JSON object of field name to value")
    values: dict[str, Stored] = {}
    server_keys = _server_keys(state)
    for name, value in body.items():
        if name in server_keys:
            # A key the server sets may come back unchanged (Updated At with any value).
            if current is not None:
                handle = f"{collection.prefix}-{current['id']}"
                shown = {
                    HANDLE: handle,
                    CREATED_AT: current["created_at"],
                    UPDATED_AT: current["updated_at"],
                }
                # The spec-literal id key (not in `shown`) carries the handle.
                if value == shown.get(name, handle) or name == UPDATED_AT:
                    continue
            raise ApiError(422, f"field {name!r} is set by the server and cannot be changed")
        spec = collection.field_named(name)
        if spec is None:
            known = ", ".join(s.name for s in collection.fields)
            raise ApiError(422, f"unknown field {name!r} in {collection.key}; fields: {known}")
        try:
            stored = from_wire(spec, value)
        except ValueRejected as error:
            raise ApiError(422, str(error)) from error
        if stored is None and spec.required:
            raise ApiError(422, f"field {name!r} is required and cannot be empty")
        values[collection.column_of(name)] = stored
    if current is None:
        missing = [s.name for s in collection.fields if s.required and s.name not in body]
        if missing:
            # One answer names every missing field, so a client can ask for all at once.
            names = ", ".join(repr(name) for name in missing)
            what = (
                f"required field {names} is"
                if len(missing) == 1
                else f"required fields {names} are"
            )
            raise ApiError(422, f"{what} missing", extra={"missing": missing})
    return values


def create_record(call: Call) -> Response:
    state = call.state
    values = _values(state, call.collection, _json_body(call), None)
    row = state.store.insert_record(call.collection, values)
    return JSONResponse(state.record(call.collection, row), status_code=201)


def get_record(call: Call) -> Response:
    return JSONResponse(call.state.record(call.collection, _row(call)))


def update_record(call: Call) -> Response:
    state = call.state
    row = _row(call)
    values = _values(state, call.collection, _json_body(call), row)
    updated = state.store.update_record(call.collection, row, values) if values else row
    return JSONResponse(state.record(call.collection, updated))


# --- people -----------------------------------------------------------------------------

_PEOPLE = {user.email: user for user in USERS}


def person(email: str) -> dict[str, str]:
    """A user object for an e-mail: the directory's names, or names read from the address."""
    known = _PEOPLE.get(email)
    if known is not None:
        first, last = known.first_name, known.last_name
    else:
        local = email.split("@")[0].replace("_", ".").split(".")
        first = local[0].capitalize()
        last = " ".join(part.capitalize() for part in local[1:])
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"mailto:{email}")),
        "firstName": first,
        "lastName": last,
        "email": email,
    }


def _emails(body: Any) -> list[str]:
    users = body.get("users") if isinstance(body, dict) else None
    if not isinstance(users, list) or not users:
        raise ApiError(422, 'the body must be {"users": ["name@example.com", ...]}')
    for user in users:
        if not isinstance(user, str) or not is_email(user):
            raise ApiError(422, f"users must be e-mail addresses, got {user!r}")
    return list(dict.fromkeys(users))


# --- comments ---------------------------------------------------------------------------


def list_comments(call: Call) -> Response:
    scope = _scope(call)
    page, total, mint = _paged(call, f"comment:{scope}", "comments", "scope = ?", [scope])
    items = [
        {
            "id": row["uid"],
            "createdAt": row["created_at"],
            "source": row["source"],
            "contents": row["contents"],
            "createdBy": {**person(row["author"]), "status": "ACTIVE"},
        }
        for row in page.rows
    ]
    return JSONResponse(_page_json(call, page, total, mint, items))


def add_comment(call: Call) -> Response:
    scope = _scope(call)
    try:
        text = call.body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, "the comment must be UTF-8 text") from error
    if not text.strip():
        raise ApiError(422, "the comment text is empty")
    row = call.state.store.add_comment(scope, text, DEMO_USER_EMAIL)
    return PlainTextResponse(str(row["uid"]), status_code=201)


# --- attachments ------------------------------------------------------------------------


def _attachment_json(call: Call, row: sqlite3.Row) -> dict[str, Any]:
    scope = str(row["scope"])
    return {
        "id": row["uid"],
        "name": row["name"],
        "description": row["description"] or "",
        "mediaType": row["media_type"],
        "size": row["size"],
        "createdAt": row["created_at"],
        "state": row["state"],
        "viewState": row["view_state"],
        "contentUrl": f"/v1/{scope}/attachments/{row['uid']}/content",
    }


def list_attachments(call: Call) -> Response:
    rows = call.state.store.attachments(_scope(call))
    return JSONResponse([_attachment_json(call, row) for row in rows])


async def upload_attachment(call: Call) -> Response:
    scope = await in_worker(call.state, _scope, call)
    content_type = call.request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        raise ApiError(400, "send the file as multipart/form-data with a part named 'file'")
    form = await read_form(call.request)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(422, "the multipart part 'file' is missing")
    description = form.get("description")
    content = await upload.read()

    def store() -> Response:
        row = call.state.store.add_attachment(
            scope,
            name=upload.filename or "upload.bin",
            description=description if isinstance(description, str) else None,
            media_type=upload.content_type or "application/octet-stream",
            content=content,
            link_url=None,
        )
        return JSONResponse(_attachment_json(call, row), status_code=202)

    return await in_worker(call.state, store)


def add_link(call: Call) -> Response:
    scope = _scope(call)
    body = _json_body(call)
    url = body.get("url") if isinstance(body, dict) else None
    if not isinstance(url, str) or not url.strip():
        raise ApiError(422, 'the body must be {"url": "...", "description": "..."}')
    description = body.get("description")
    if description is not None and not isinstance(description, str):
        raise ApiError(422, "description must be text")
    row = call.state.store.add_attachment(
        scope,
        name=url,
        description=description,
        media_type="text/uri-list",
        content=url.encode(),
        link_url=url,
    )
    return JSONResponse(
        {"id": row["uid"], "url": url, "description": description or ""}, status_code=201
    )


def _attachment(call: Call) -> sqlite3.Row:
    attachment_id = call.request.path_params["attachment_id"]
    row = call.state.store.attachment(_scope(call), attachment_id)
    if row is None:
        raise ApiError(404, f"no attachment {attachment_id!r} on this record")
    return row


def get_attachment(call: Call) -> Response:
    return JSONResponse(_attachment_json(call, _attachment(call)))


def attachment_content(call: Call) -> Response:
    row = _attachment(call)
    name = str(row["name"]).replace('"', "")
    return Response(
        bytes(row["content"] or b""),
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def delete_attachment(call: Call) -> Response:
    attachment_id = call.request.path_params["attachment_id"]
    if not call.state.store.delete_attachment(_scope(call), attachment_id):
        raise ApiError(404, f"no attachment {attachment_id!r} on this record")
    return Response(status_code=200)


# --- watchers ---------------------------------------------------------------------------


def list_watchers(call: Call) -> Response:
    scope = _scope(call)
    page, total, mint = _paged(call, f"watchers:{scope}", "watchers", "scope = ?", [scope])
    items = [
        {"id": row["uid"], "target": {"type": "User", **person(str(row["email"]))}}
        for row in page.rows
    ]
    return JSONResponse(_page_json(call, page, total, mint, items))


def add_watchers(call: Call) -> Response:
    scope = _scope(call)
    call.state.store.add_watchers(scope, _emails(_json_body(call)))
    return Response(status_code=201)


def remove_watchers(call: Call) -> Response:
    scope = _scope(call)
    call.state.store.remove_watchers(scope, _emails(_json_body(call)))
    return Response(status_code=200)


# --- related items ----------------------------------------------------------------------


def list_related(call: Call) -> Response:
    scope = _scope(call)
    page, total, mint = _paged(call, f"related:{scope}", "related", "scope = ?", [scope])
    items = [
        {
            "id": row["target_id"],
            "type": row["target_type"],
            "alias": row["target_alias"],
            "cursor": mint(int(row["id"])),
        }
        for row in page.rows
    ]
    return JSONResponse(_page_json(call, page, total, mint, items))


def add_related(call: Call) -> Response:
    scope = _scope(call)
    body = _json_body(call)
    target = body.get("id") if isinstance(body, dict) else None
    if not isinstance(target, str) or not target:
        raise ApiError(422, 'the body must be {"id": "ITM-4", "alias": "ittickets"}')
    alias = body.get("alias") or call.collection.alias
    other = BY_ALIAS.get(alias) if isinstance(alias, str) else None
    if other is None:
        raise ApiError(422, f"no object with alias {alias!r}")
    prefix, _, number = target.rpartition("-")
    exists = (
        prefix == other.prefix
        and number.isdigit()
        and call.state.store.get_row(other, int(number)) is not None
    )
    if not exists:
        raise ApiError(422, f"no record {target!r} in {other.key}")
    if f"{other.key}/{target}" == scope:
        raise ApiError(422, "a record cannot be related to itself")
    call.state.store.add_related(scope, RECORD_TYPE_NAMES[other.record_type], other.alias, target)
    return Response(status_code=201)


def remove_related(call: Call) -> Response:
    item_id = call.request.path_params["item_id"]
    if not call.state.store.remove_related(_scope(call), item_id):
        raise ApiError(404, f"{item_id!r} is not related to this record")
    return Response(status_code=200)


# --- token and index --------------------------------------------------------------------


def announced_lifetime(ttl: float) -> float:
    """`expires_in` for a token living `ttl` seconds: whole seconds rounded down, so a client
    that trusts it never holds a token longer than it lives; a test's sub-second lifetime is
    announced to the millisecond, rounded down too."""
    if ttl >= 1:
        return math.floor(ttl)
    return math.floor(ttl * 1000) / 1000


async def issue_token(request: Request) -> Response:
    state = _state(request)
    try:
        if state.settings.latency_ms > 0:
            await asyncio.sleep(state.settings.latency_ms / 1000)
        credentials = await read_token_request(request)
        ttl = state.settings.token_ttl
        token = state.tokens.issue(credentials, ttl, state.settings.token_shape)
    except ApiError as error:
        return error.response()
    answer = {"access_token": token, "token_type": "Bearer", "expires_in": announced_lifetime(ttl)}
    if state.spec_literal is not None:
        return JSONResponse(
            literal_token(answer), status_code=201, headers={"Cache-Control": "no-store"}
        )
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


async def index(request: Request) -> Response:
    return JSONResponse(
        {
            "name": "Elementum sandbox",
            "api": "/v1",
            "token": "/oauth/token",
            "collections": [c.key for c in COLLECTIONS],
        }
    )


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    message = {404: "no such path", 405: "method not allowed on this path"}.get(
        status, str(getattr(exc, "detail", "")) or "error"
    )
    path = request.url.path
    if status == 404 and len(path) > 1 and path.endswith("/"):
        # No documented path ends in a slash; a redirect would hide the client's mistake.
        message = "no such path: the API's paths have no trailing slash"
    headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else {}
    return ApiError(status, message, headers=headers).response()


Endpoint = Callable[[Request], Awaitable[Response]]


def _by_method(handlers: dict[str, Endpoint]) -> Endpoint:
    """One endpoint for a path that several methods share, so its 405 names them all."""

    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return endpoint


def _routes(table: list[tuple[str, dict[str, Endpoint]]]) -> list[Route]:
    return [Route(path, _by_method(handlers), methods=list(handlers)) for path, handlers in table]


def create_app(
    options: SandboxOptions | None = None,
    *,
    settings: LiveSettings | None = None,
    store: Store | None = None,
) -> Starlette:
    """The sandbox as an ASGI app (opening, and seeding when new, the options' database)."""
    options = options or SandboxOptions()
    if store is None:
        store = Store(
            options.resolved_db_path(),
            reset=options.reset,
            records=options.records,
            seed=options.seed,
        )
    record = "/v1/{record_type}/{alias}/{id}"
    attachment = f"{record}/attachments/{{attachment_id}}"
    routes = _routes(
        [
            ("/", {"GET": index}),
            ("/oauth/token", {"POST": issue_token}),
            ("/v1/{record_type}/{alias}", {"GET": api(list_records), "POST": api(create_record)}),
            (record, {"GET": api(get_record), "PUT": api(update_record)}),
            (f"{record}/comment", {"GET": api(list_comments), "POST": api(add_comment)}),
            (
                f"{record}/attachments",
                {"GET": api(list_attachments), "POST": api(upload_attachment)},
            ),
            (f"{record}/attachments/url-links", {"POST": api(add_link)}),
            (attachment, {"GET": api(get_attachment), "DELETE": api(delete_attachment)}),
            (f"{attachment}/content", {"GET": api(attachment_content)}),
            (
                f"{record}/watchers",
                {
                    "GET": api(list_watchers),
                    "POST": api(add_watchers),
                    "DELETE": api(remove_watchers),
                },
            ),
            (f"{record}/related-items", {"GET": api(list_related), "POST": api(add_related)}),
            (f"{record}/related-items/{{item_id}}", {"DELETE": api(remove_related)}),
        ]
    )
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: http_error},
        middleware=[Middleware(AccessLog)],
    )
    app.router.redirect_slashes = False
    quiet_form_parser()
    live = settings or options.live_settings()
    app.state.sandbox = SandboxState(
        store=store,
        settings=live,
        tokens=Tokens(),
        limiter=RateLimiter(),
        cursors=Cursors(store.secret),
        failures=random.Random(options.seed),
        spec_literal=options.spec_literal,
    )
    return app
