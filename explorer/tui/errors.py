"""Toast titles and messages for failed requests: say what happened, then the server's words."""

from __future__ import annotations


def describe_error(error: BaseException) -> tuple[str, str]:
    """A (title, message) pair for a failed call; the title names the kind of failure."""
    from explorer import api

    status = getattr(error, "status", None)
    message = str(getattr(error, "message", "") or error) or type(error).__name__
    if isinstance(error, api.ConfigurationError):
        return "Configuration problem", message
    if isinstance(error, api.AuthError) or status == 401:
        return "Not signed in (401 after retry)", message
    if isinstance(error, api.ForbiddenError) or status == 403:
        return "No data access (403)", message
    if isinstance(error, api.NotFoundError) or status == 404:
        return "Not found (404)", message
    if isinstance(error, api.RateLimitedError) or status == 429:
        return "Rate limited (429)", message
    if isinstance(error, api.NetworkError):
        return "Offline: server unreachable", message
    if isinstance(error, api.UnexpectedAnswerError):
        return "Unexpected answer", message
    if isinstance(error, api.ServerError) or (isinstance(status, int) and status >= 500):
        return f"Server error ({status or '5xx'})", message
    if isinstance(status, int):
        return f"Request refused ({status})", message
    return "Unexpected error", message
