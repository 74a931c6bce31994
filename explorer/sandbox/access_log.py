"""The sandbox's log: one line per request and a traceback for every failure.

`explorer.sandbox.access` gets, at INFO, `METHOD /path?query STATUS 1.2ms` per request, with
the query decoded so a filter reads as typed (`filter=Status==Open;Priority=ge=3`); each
line's record also holds the query as it came over the wire, still encoded, as `raw_query`
(what a client really sent: `%20` or `+`). Query values whose names speak of tokens or
secrets are masked in both, and no header or body is ever logged (so neither the
Authorization header nor the token request's credentials).
`explorer.sandbox.errors` gets, at ERROR, the traceback of every exception that became a
500. The loggers have no handlers of their own: `log_to(stream)` gives them one, as
`elx sandbox serve` does (stderr); embedded sandboxes stay silent unless a caller asks.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import IO
from urllib.parse import parse_qsl, unquote_plus

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ACCESS = logging.getLogger("explorer.sandbox.access")
ERRORS = logging.getLogger("explorer.sandbox.errors")

_SECRET_NAME = re.compile(r"token|secret|password|authorization|credential", re.IGNORECASE)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


def _printable(text: str) -> str:
    """Control characters escaped, so a value cannot forge or break a log line."""
    return _UNPRINTABLE.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def request_target(scope: Scope) -> str:
    """The path and the decoded query of a request, as the log shows them."""
    path = _printable(str(scope.get("path", "")))
    raw = bytes(scope.get("query_string", b"")).decode("latin-1")
    if not raw:
        return path
    pairs = parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="replace")
    shown = [
        f"{_printable(name)}={'***' if _SECRET_NAME.search(name) else _printable(value)}"
        for name, value in pairs
    ]
    return f"{path}?{'&'.join(shown)}"


def raw_query(scope: Scope) -> str:
    """The query string as received, byte for byte, but for secret-named values masked."""
    raw = bytes(scope.get("query_string", b"")).decode("latin-1")
    parts = []
    for part in raw.split("&") if raw else []:
        name, equals, _ = part.partition("=")
        secret = equals and _SECRET_NAME.search(unquote_plus(name))
        parts.append(f"{name}=***" if secret else part)
    return _printable("&".join(parts))


def log_failure(scope: Scope) -> None:
    """Log the exception being handled, with the request it broke (never its headers)."""
    ERRORS.error(
        "%s %s failed with a 500", scope.get("method", "?"), request_target(scope), exc_info=True
    )


class AccessLog:
    """ASGI middleware: logs each request's line once its answer is sent; an exception that
    escapes the app is logged with its traceback and answered as a documented 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        status = 0

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            log_failure(scope)
            if status == 0:
                status = 500
                await _send_500(send)
        finally:
            if ACCESS.isEnabledFor(logging.INFO):
                spent = (time.perf_counter() - began) * 1000
                ACCESS.info(
                    "%s %s %d %.1fms",
                    scope.get("method", "?"),
                    request_target(scope),
                    status,
                    spent,
                    extra={"raw_query": raw_query(scope)},
                )


async def _send_500(send: Send) -> None:
    body = json.dumps(
        {"status": 500, "error": "Internal Server Error", "message": "the sandbox failed"}
    ).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def quiet_form_parser() -> None:
    """The multipart parser warns on every malformed body, which the 400 already explains."""
    for name in ("python_multipart", "multipart"):
        logging.getLogger(name).setLevel(logging.ERROR)


def log_to(stream: IO[str], *, requests: bool = True) -> logging.Handler:
    """Send the sandbox's log to `stream`: request lines unless `requests` is off, and every
    failure's traceback. Returns the handler (remove it from both loggers to stop)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    ACCESS.setLevel(logging.INFO if requests else logging.WARNING)
    ERRORS.setLevel(logging.ERROR)
    for logger in (ACCESS, ERRORS):
        logger.addHandler(handler)
        logger.propagate = False
    return handler


def remove_handler(handler: logging.Handler) -> None:
    for logger in (ACCESS, ERRORS):
        logger.removeHandler(handler)
