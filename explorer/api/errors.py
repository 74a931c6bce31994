"""Typed errors for every way a call to Elementum can fail, each with a message for a person.

Each error carries the HTTP status (None when no answer came), a short title, a one-line
message and the exit code the `elx` commands use for it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import httpx


class ApiError(Exception):
    """Base of every client error; `.message` is one line a person can act on."""

    title: ClassVar[str] = "API error"
    exit_code: ClassVar[int] = 7

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return f"{self.title}: {self.message}"


class InvalidInputError(ApiError):
    """Input rejected before anything was sent (a bad filter, a bad Field=value)."""

    title = "invalid input"
    exit_code = 1


class BadRequestError(ApiError):
    title = "bad request"
    exit_code = 6


class AuthError(ApiError):
    """A call was refused with 401 even with a fresh token."""

    title = "not authorised"
    exit_code = 3


class ConfigurationError(ApiError):
    """The profile cannot work as set up: bad client id/secret, no secret, unknown profile."""

    title = "configuration error"
    exit_code = 3


class ForbiddenError(ApiError):
    title = "forbidden"
    exit_code = 5


class NotFoundError(ApiError):
    title = "not found"
    exit_code = 4


class UnprocessableError(ApiError):
    title = "refused"
    exit_code = 6


class RateLimitedError(ApiError):
    title = "rate limited"
    exit_code = 7


class ServerError(ApiError):
    title = "server error"
    exit_code = 7


class UnexpectedAnswerError(ApiError):
    """A success status whose body is not what was asked for (metadata for a page, a page
    for a record, text that is not JSON)."""

    title = "unexpected answer"
    exit_code = 7


class NetworkError(ApiError):
    title = "network error"
    exit_code = 7


class OutcomeUnknownError(NetworkError):
    """A write reached the server (or may have) and its answer was lost: it may have taken
    effect, so sending it again could do it twice."""

    title = "no answer"


def nothing_was_sent(error: BaseException) -> bool:
    """Whether a failed call surely never reached the server (the connection was not made)."""
    import httpx  # loaded already: a call was made

    cause = error.__cause__
    return isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout | httpx.UnsupportedProtocol)


_MEANINGS: dict[int, tuple[type[ApiError], str]] = {
    400: (BadRequestError, "the request was malformed (a bad filter, cursor or page size)"),
    401: (AuthError, "the token was refused even after getting a new one"),
    403: (ForbiddenError, "this user may not read or change this object"),
    404: (NotFoundError, "no such record type, alias or record"),
    422: (UnprocessableError, "the server understood the body but refused it"),
    429: (RateLimitedError, "too many requests, and waiting did not help"),
}


def body_text(response: httpx.Response, limit: int = 300) -> str:
    """The most useful single line of an error body: its `message`, else its text."""
    import httpx  # loaded already: a response exists; the error classes alone need none of it

    try:
        raw = response.text
    except (httpx.ResponseNotRead, UnicodeDecodeError):
        return ""
    text = raw.strip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict):
        for key in ("message", "error_description", "detail", "error"):
            value = parsed.get(key)
            if isinstance(value, str) and value.strip():
                text = value.strip()
                break
    line = " ".join(text.split())
    return line[:limit] + ("…" if len(line) > limit else "")


def error_for_response(response: httpx.Response, what: str = "") -> ApiError:
    """The typed error for a failed response; `what` names the target, e.g. `tasks/ittickets`."""
    status = response.status_code
    cls, meaning = _MEANINGS.get(status, (ServerError, "the server failed; try again later"))
    if status not in _MEANINGS and status < 500:
        cls, meaning = ApiError, f"unexpected HTTP status {status}"
    detail = body_text(response)
    parts = [f"{what}: " if what else "", f"{meaning} (HTTP {status})"]
    if detail:
        parts.append(f": {detail}")
    return cls("".join(parts), status=status)
