"""The spec-literal mode: answers shaped exactly as `openapi.json` and its examples show them.

The default sandbox sends typed values and its own `Handle`, `Created At` and `Updated At`
keys (API.md's project choice). A server that follows the spec to the letter does neither, so
this mode converts every answer at the response boundary, leaving storage and the filter
compiler as they are:

- a record map holds strings only: numbers as decimal text (`"3"`, `"4.5"`), booleans as
  `"true"`/`"false"`, dates and instants as stored, a multi-picklist as its values joined by
  `", "` (the same text a write may send back), JSON values as compact JSON text; an empty
  field is left out, as the spec's examples hold no nulls;
- `Created At` and `Updated At` are not in the map (the spec documents no such keys; filters
  on them still work, as the spec's filter examples use `Created At`);
- the record id: variant `keyed` puts it under `id` (one of the names API.md's detection
  rule looks for), variant `unkeyed` leaves it out; paths take the handle in both;
- the token answer is 201 with `token_type: "bearer"`, `expires_in` (3600 unless the token
  lifetime is set) and `grant_type`, which the spec's `AccessTokenResponse` requires;
- `GET /v1/elements/{alias}` answers the element's metadata (the spec's `getElement`, an
  `Aspect`), not its records;
- an empty page has no `start_cursor`/`end_cursor` (the spec types them as strings).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from explorer.sandbox.schema import HANDLE, SYSTEM_FIELDS, Collection

KEYED = "keyed"
UNKEYED = "unkeyed"
SPEC_LITERAL_CHOICES: tuple[str, ...] = (KEYED, UNKEYED)
# The key of the record id in the `keyed` variant.
LITERAL_ID_KEY = "id"
# The token lifetime the spec's example announces; the mode's default.
LITERAL_TOKEN_TTL = 3600.0


def id_key(mode: str | None) -> str | None:
    """The key the record id travels under in `mode` (None: the id is not in the map)."""
    if mode is None:
        return HANDLE
    return LITERAL_ID_KEY if mode == KEYED else None


def as_text(value: Any) -> str | None:
    """The spec-literal string of a wire value; None for an empty value (left out)."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def literal_record(record: dict[str, Any], mode: str) -> dict[str, str]:
    """A typed record map (as the store makes it) in the spec-literal shape of `mode`."""
    literal: dict[str, str] = {}
    key = id_key(mode)
    if key is not None:
        literal[key] = str(record[HANDLE])
    for name, value in record.items():
        if name in SYSTEM_FIELDS:
            continue
        text = as_text(value)
        if text is not None:
            literal[name] = text
    return literal


def literal_token(answer: dict[str, Any]) -> dict[str, Any]:
    """The token answer as the spec's `AccessTokenResponse` has it."""
    return {
        "access_token": answer["access_token"],
        "token_type": "bearer",
        "expires_in": answer["expires_in"],
        "grant_type": "client_credentials",
    }


def aspect(collection: Collection) -> dict[str, Any]:
    """The element's metadata, the spec's `Aspect` answer to `getElement`."""
    return {
        "id": collection.uuid,
        "name": collection.title,
        "namespace": collection.alias,
        "handle": collection.prefix,
        "description": f"{collection.title} of the sandbox's demo workspace",
        "__typename": "AspectElement",
        "status": "ACTIVE",
        "configured": True,
        "readOnly": False,
        "sourceType": "ELEMENTUM",
        "icon": "table",
        "color": "#3b82f6",
        "category": {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "elementum-sandbox:category:demo")),
            "name": "Demo workspace",
        },
    }
