"""The exact URL a list call requests, and the same call as a curl command a person can run."""

from __future__ import annotations

import shlex
from urllib.parse import quote, urlencode

from explorer.api.client import collection_path
from explorer.api.settings import ConnectionSettings

TOKEN_VARIABLE = "$ELEMENTUM_TOKEN"


def request_url(
    settings: ConnectionSettings,
    record_type: str,
    alias: str,
    filter: str | None = None,
    first: int | None = None,
) -> str:
    """The full list URL with the filter percent-encoded (`;` as `%3B`, spaces as `%20`)."""
    params: list[tuple[str, str]] = []
    if first is not None:
        params.append(("first", str(first)))
    if filter:
        params.append(("filter", filter))
    url = settings.api_url + collection_path(record_type, alias)
    if params:
        url += "?" + urlencode(params, quote_via=quote, safe="")
    return url


def curl_command(
    settings: ConnectionSettings,
    record_type: str,
    alias: str,
    filter: str | None = None,
    first: int | None = None,
    token: str | None = None,
) -> str:
    """A curl command for the list call; the token is `$ELEMENTUM_TOKEN` unless given."""
    url = request_url(settings, record_type, alias, filter=filter, first=first)
    bearer = (
        shlex.quote(f"Authorization: Bearer {token}")
        if token
        else (f'"Authorization: Bearer {TOKEN_VARIABLE}"')
    )
    return f"curl -sS -H {bearer} -H 'Accept: application/json' {shlex.quote(url)}"
