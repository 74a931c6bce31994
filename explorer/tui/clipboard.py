"""Copying text: Textual's OSC 52 for the terminal plus pyperclip for the system clipboard;
and what the app copies: a record, a value, the filter, the request."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from textual.app import App

from explorer.tui.detail import record_json
from explorer.tui.records import value_text

if TYPE_CHECKING:
    from explorer.tui.browsing import Browser
    from explorer.tui.session import Session
    from explorer.tui.table import RecordTable


def copy_text(app: App[Any], text: str, what: str) -> None:
    """Copy `text` and toast "Copied <what> (N chars)"; a missing system clipboard is fine."""
    app.copy_to_clipboard(text)
    if not app.is_headless:
        try:
            import pyperclip

            pyperclip.copy(text)
        except Exception:  # no system clipboard (SSH, CI): OSC 52 still copied
            pass
    app.notify(f"Copied {what} ({len(text):,} chars)", title="Copied", timeout=3)


def copy_record(app: App[Any], table: RecordTable) -> None:
    record = table.current_record
    if record is not None:
        copy_text(app, record_json(record), "record")


def copy_value(app: App[Any], table: RecordTable) -> None:
    record, column = table.current_record, table.current_column
    if record is not None and column is not None:
        copy_text(app, value_text(record.get(column)), f"{column} value")


def copy_filter(app: App[Any], filter_text: str, *, as_parameter: bool = False) -> None:
    """The filter as typed, or as an encoded `filter=` query parameter."""
    if as_parameter:
        copy_text(app, "filter=" + quote(filter_text, safe=""), "filter parameter")
    else:
        copy_text(app, filter_text, "filter")


def curl_notes(session: Session) -> list[str]:
    """The comment lines above a copied curl command: that the embedded sandbox's address
    dies with the app, and how to get a token (with `--profile` when it names a saved one)."""
    from explorer.api.urls import embedded_note, sandbox_token_hint, token_hint

    if session.embedded:
        settings = session.profile.connection_settings()
        return [
            embedded_note(settings.base_url),
            sandbox_token_hint(settings.base_url, settings.client_id),
        ]
    saved = session.config is not None and session.profile.name in session.config.profiles
    return [token_hint(session.profile.name if saved else None)]


def copy_request(app: App[Any], browser: Browser | None, *, curl: bool = False) -> None:
    """The current list's request as a URL, or as a curl command (token never shown)."""
    from explorer.api import curl_command, request_url

    request = browser.request() if browser is not None else None
    if request is None:
        return
    settings, record_type, alias, params = request
    if curl:
        notes = curl_notes(browser.session) if browser is not None else None
        command = curl_command(settings, record_type, alias, notes=notes, **params)
        copy_text(app, command, "curl command")
    else:
        copy_text(app, request_url(settings, record_type, alias, **params), "URL")
