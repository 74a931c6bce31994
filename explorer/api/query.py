"""The one encoding of a call's query string: RFC 3986 percent-encoding of every character
outside the unreserved set (a space is `%20`, never `+`), so the request sent and the URL or
curl command shown for it are the same bytes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode


def encode_query(params: Mapping[str, Any]) -> str:
    """`first=5&filter=Title%3D%3D%22a%20b%22` for the members that are not None."""
    pairs = [(name, str(value)) for name, value in params.items() if value is not None]
    return urlencode(pairs, quote_via=quote, safe="")


def with_query(path: str, params: Mapping[str, Any]) -> str:
    """`path` with the encoded query appended, when there is one."""
    query = encode_query(params)
    return f"{path}?{query}" if query else path
