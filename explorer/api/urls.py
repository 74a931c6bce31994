"""The exact URL a list call requests, and the same call as a curl command a person can run."""

from __future__ import annotations

import shlex
from collections.abc import Sequence

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


def token_hint(profile: str | None = None) -> str:
    """The comment line that says how to set `$ELEMENTUM_TOKEN` for a profile (`elx token`)."""
    chosen = f" --profile {shlex.quote(profile)}" if profile else ""
    return f"# the token: export ELEMENTUM_TOKEN=$(elx token{chosen})"


def sandbox_token_hint(base_url: str, client_id: str) -> str:
    """How to get a token from a sandbox no profile names (its demo secret left out)."""
    return (
        f"# the token: export ELEMENTUM_TOKEN=$(ELEMENTUM_BASE_URL={base_url}"
        f" ELEMENTUM_CLIENT_ID={shlex.quote(client_id)}"
        " ELEMENTUM_CLIENT_SECRET='<the demo secret elx sandbox serve prints>' elx token)"
    )


def embedded_note(base_url: str) -> str:
    """The comment line saying that the app's embedded sandbox stops with the app."""
    return (
        f"# {base_url} is the app's embedded sandbox: this address lives only as long as the"
        " app (`elx sandbox serve` runs one that stays)"
    )


def curl_command(
    settings: ConnectionSettings,
    record_type: str,
    alias: str,
    filter: str | None = None,
    first: int | None = None,
    token: str | None = None,
    notes: Sequence[str] | None = None,
) -> str:
    """A curl command for the list call; the token is `$ELEMENTUM_TOKEN` unless given.

    Comment lines come first: `notes`, by default how to get the token (`token_hint`); with
    a real `token` there are none unless given."""
    url = request_url(settings, record_type, alias, filter=filter, first=first)
    bearer = (
        shlex.quote(f"Authorization: Bearer {token}")
        if token
        else (f'"Authorization: Bearer {TOKEN_VARIABLE}"')
    )
    if notes is None:
        notes = () if token else (token_hint(),)
    command = f"curl -sS -H {bearer} -H 'Accept: application/json' {shlex.quote(url)}"
    return "\n".join([*notes, command])
