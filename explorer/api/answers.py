"""Reading a success answer as what was asked for: a page for a list call, a record map for a
record call. Anything else is an `UnexpectedAnswerError` that names what came back, never an
empty page or an empty record (a server may answer `GET /elements/{alias}` with the element's
metadata, the spec's `getElement`, instead of its records)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from explorer.api.errors import UnexpectedAnswerError
from explorer.api.models import Page

# Keys of the spec's `Aspect` (object metadata): three of them and no `items` name metadata.
ASPECT_KEYS = frozenset({"namespace", "handle", "__typename", "sourceType", "configured"})
# The `__typename` of an `Aspect` names its kind: `AspectElement` is an element's metadata.
ASPECT_PREFIX = "Aspect"
SNIPPET = 60


def body_of(response: httpx.Response) -> tuple[bool, Any]:
    """(True, parsed JSON) or (False, the body's text) when the body is not JSON."""
    try:
        return True, response.json()
    except (ValueError, UnicodeDecodeError):
        return False, response.text


def is_page(body: Any) -> bool:
    return isinstance(body, dict) and isinstance(body.get("items"), list)


def _metadata_kind(body: dict[str, Any], record_type: str) -> str | None:
    """`element` for an element's `Aspect` answer, None when `body` is no metadata."""
    typename = body.get("__typename")
    if isinstance(typename, str) and typename.startswith(ASPECT_PREFIX) and typename[6:]:
        return typename[len(ASPECT_PREFIX) :].lower()
    if len(ASPECT_KEYS & body.keys()) >= 3:
        return record_type.removesuffix("s") or "object"
    return None


def _keys(body: dict[str, Any], limit: int = 4) -> str:
    names = list(body)
    shown = ", ".join(names[:limit]) + (", …" if len(names) > limit else "")
    return f"a JSON object with keys {shown}" if names else "an empty JSON object"


def describe(parsed: bool, body: Any, response: httpx.Response, record_type: str) -> str:
    """What a person would call this answer: `element metadata`, `non-JSON text …`."""
    if not parsed:
        text = " ".join(str(body).split())
        if not text:
            return "an empty body"
        media = response.headers.get("content-type", "").split(";")[0].strip() or "no type"
        clip = text[:SNIPPET] + ("…" if len(text) > SNIPPET else "")
        return f"non-JSON text ({media}: {clip!r})"
    if isinstance(body, dict):
        if is_page(body):
            count = len(body["items"])
            return f"a page of {count} item{'' if count == 1 else 's'}"
        kind = _metadata_kind(body, record_type)
        return f"{kind} metadata" if kind else _keys(body)
    if isinstance(body, list):
        return f"a JSON list of {len(body)} item{'' if len(body) == 1 else 's'}"
    return "JSON null" if body is None else f"a JSON {type(body).__name__} ({json.dumps(body)})"


def read_page(response: httpx.Response, what: str, record_type: str, noun: str) -> Page:
    """The page a list call answered; `noun` says what it pages (`records`, `comments`)."""
    parsed, body = body_of(response)
    if parsed and is_page(body):
        return Page.from_json(body)
    found = describe(parsed, body, response, record_type)
    raise UnexpectedAnswerError(
        f"the server answered {found} for {what}, not a page of {noun}",
        status=response.status_code,
    )


def read_record(
    response: httpx.Response, what: str, record_type: str, *, empty_ok: bool = False
) -> dict[str, Any]:
    """The record map a record call answered (a `{"data": {...}}` envelope is opened).

    With `empty_ok` (a write), an answer with no body at all reads as an empty map.
    """
    if empty_ok and not response.content.strip():
        return {}
    parsed, body = body_of(response)
    if parsed and isinstance(body, dict) and not is_page(body):
        data = body.get("data")
        if isinstance(data, dict) and len(body) <= 2:
            return dict(data)
        if _metadata_kind(body, record_type) is None:
            return body
    found = describe(parsed, body, response, record_type)
    raise UnexpectedAnswerError(
        f"the server answered {found} for {what}, not a record", status=response.status_code
    )
