"""The exact URL a list call requests, and the same call as a curl command a person can run."""

from __future__ import annotations

import shlex

from explorer.api.client import collection_path
from explorer.api.query import with_query
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
    params = {"first": first, "filter": filter or None}
    return settings.api_url + with_query(collection_path(record_type, alias), params)


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
