"""The Elementum API client: tokens, rate limits, retries, events and typed calls.

Headless core: never imports Textual.
"""

import sys

# httpx loads its command-line client (click, Pygments, Rich) whenever click is installed, and
# the sandbox's server brings click: ~50 ms of every start-up for code never run here. httpx
# 0.28 falls back to a stub `httpx.main` when that import fails, which a None entry makes it do.
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

from explorer.api.client import ElementumClient
from explorer.api.errors import (
    ApiError,
    AuthError,
    BadRequestError,
    ConfigurationError,
    ForbiddenError,
    InvalidInputError,
    NetworkError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitedError,
    ServerError,
    UnexpectedAnswerError,
    UnprocessableError,
)
from explorer.api.events import ClientEvent, RateState, RequestLogged, TokenState
from explorer.api.export import ExportWriter
from explorer.api.models import Page, PageItem, PagingState, Priority
from explorer.api.settings import ConnectionSettings
from explorer.api.urls import curl_command, request_url

__all__ = [
    "ApiError",
    "AuthError",
    "BadRequestError",
    "ClientEvent",
    "ConfigurationError",
    "ConnectionSettings",
    "ElementumClient",
    "ExportWriter",
    "ForbiddenError",
    "InvalidInputError",
    "NetworkError",
    "NotFoundError",
    "OutcomeUnknownError",
    "Page",
    "PageItem",
    "PagingState",
    "Priority",
    "RateLimitedError",
    "RateState",
    "RequestLogged",
    "ServerError",
    "TokenState",
    "UnexpectedAnswerError",
    "UnprocessableError",
    "curl_command",
    "request_url",
]
