"""Check sandbox answers against the published `openapi.json` (a copy kept beside the tests).

`check_response(answer, literal=True)` checks an answer of the spec-literal mode against the
spec exactly as published, with no adaptation: `GET /elements/{alias}` is then `getElement`,
and an error is checked for a status the operation documents (the spec gives no error body)
and the sandbox's error shape. The default mode is checked with these adaptations, each
because the spec and API.md disagree or the spec is wrong:
- record values: the spec types them as strings; the sandbox sends typed JSON values
  (numbers, booleans, lists, null) as API.md says clients must cope with, so record maps are
  checked as objects of any values;
- `start_cursor`/`end_cursor` are null on an empty page;
- the token answer: API.md's rule is 200 (the spec says 201), and the spec's
  `AccessTokenResponse` wrongly requires `grant_type`, so it is checked without that;
- error answers (the spec documents no body) are checked against API.md's sandbox rule,
  `{"status": int, "error": str, "message": str}`.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import httpx
from openapi_schema_validator import OAS30Validator

SPEC_PATH = Path(__file__).with_name("openapi.json")
ERROR_SCHEMA = {
    "type": "object",
    "required": ["status", "error", "message"],
    "properties": {
        "status": {"type": "integer"},
        "error": {"type": "string"},
        "message": {"type": "string"},
        "diagnostic": {
            "type": "object",
            "required": ["offset", "column", "message"],
            "properties": {
                "offset": {"type": "integer"},
                "column": {"type": "integer"},
                "message": {"type": "string"},
            },
        },
    },
}


@cache
def published_spec() -> dict[str, Any]:
    """`openapi.json` as published."""
    document: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return document


@cache
def spec() -> dict[str, Any]:
    """The spec with the default mode's adaptations (see the module docstring)."""
    adapted = copy.deepcopy(published_spec())
    schemas = adapted["components"]["schemas"]
    schemas["Record"]["additionalProperties"] = {}
    for key in ("start_cursor", "end_cursor"):
        schemas["PagingState"]["properties"][key]["nullable"] = True
    schemas["AccessTokenResponse"].pop("required", None)
    return adapted


@cache
def _templates(literal: bool = False) -> list[tuple[re.Pattern[str], str]]:
    """(regex, spec path) for the record paths, most specific first; `literal` adds
    `getElement`'s `/elements/{alias}` ahead of the record list it shares a URL with."""
    out = []
    for path in published_spec()["paths"]:
        wanted = path.startswith("/{recordType}/{alias}") or path == "/oauth/token"
        if not wanted and not (literal and path == "/elements/{alias}"):
            continue
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path))
        out.append((re.compile(f"^{pattern}$"), path))
    out.sort(key=lambda item: (-item[1].count("/"), sum(c == "{" for c in item[1])))
    return out


def spec_path(url_path: str, method: str = "get", *, literal: bool = False) -> str | None:
    """The spec path of a URL: the most specific one with `method`, else with any method."""
    local = url_path[len("/v1") :] if url_path.startswith("/v1/") else url_path
    matches = [path for pattern, path in _templates(literal) if pattern.match(local)]
    paths = published_spec()["paths"]
    return next((path for path in matches if method in paths[path]), next(iter(matches), None))


def _validate(schema: dict[str, Any], body: Any, document: dict[str, Any]) -> None:
    # The components ride along so `#/components/...` references resolve inside the schema.
    OAS30Validator({**schema, "components": document["components"]}).validate(body)


def check_response(response: httpx.Response, *, literal: bool = False) -> str:
    """Validate one answer; returns the `METHOD path status` it was checked as."""
    document = published_spec() if literal else spec()
    method = response.request.method.lower()
    url_path = response.request.url.path
    path = spec_path(url_path, method, literal=literal)
    status = response.status_code
    label = f"{method.upper()} {path} {status}"
    if path is None:
        return label
    responses = document["paths"][path].get(method, {}).get("responses", {})
    if status >= 400:
        if literal and method in document["paths"][path]:
            assert str(status) in responses, f"{label}: status not in the spec"
        assert response.headers["content-type"].startswith("application/json"), label
        _validate(ERROR_SCHEMA, response.json(), document)
        return label
    documented = responses.get(str(status))
    if path == "/oauth/token" and status == 200 and not literal:
        documented = responses["201"]
    assert documented is not None, f"{label}: status not in the spec"
    content = documented.get("content")
    if not content:
        return label
    media, body_spec = next(iter(content.items()))
    assert response.headers["content-type"].split(";")[0] == media, label
    schema = body_spec.get("schema")
    if media == "application/json" and schema is not None:
        _validate(schema, response.json(), document)
    return label
