"""The Elementum API client: tokens, rate limits, retries, events and typed calls.

Headless core: never imports Textual. Each name below is imported from its module when first
asked for, so a module that needs only `explorer.api.settings` (the config) does not load
httpx: the app paints its first frame before the HTTP client's code is loaded.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

# httpx loads its command-line client (click, Pygments, Rich) whenever click is installed, and
# the sandbox's server brings click: ~50 ms of every start-up for code never run here. httpx
# 0.28 falls back to a stub `httpx.main` when that import fails, which a None entry makes it do.
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

if TYPE_CHECKING:
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

# Where each public name lives.
_HOMES = {
    "ApiError": "explorer.api.errors",
    "AuthError": "explorer.api.errors",
    "BadRequestError": "explorer.api.errors",
    "ClientEvent": "explorer.api.events",
    "ConfigurationError": "explorer.api.errors",
    "ConnectionSettings": "explorer.api.settings",
    "ElementumClient": "explorer.api.client",
    "ExportWriter": "explorer.api.export",
    "ForbiddenError": "explorer.api.errors",
    "InvalidInputError": "explorer.api.errors",
    "NetworkError": "explorer.api.errors",
    "NotFoundError": "explorer.api.errors",
    "OutcomeUnknownError": "explorer.api.errors",
    "Page": "explorer.api.models",
    "PageItem": "explorer.api.models",
    "PagingState": "explorer.api.models",
    "Priority": "explorer.api.models",
    "RateLimitedError": "explorer.api.errors",
    "RateState": "explorer.api.events",
    "RequestLogged": "explorer.api.events",
    "ServerError": "explorer.api.errors",
    "TokenState": "explorer.api.events",
    "UnexpectedAnswerError": "explorer.api.errors",
    "UnprocessableError": "explorer.api.errors",
    "curl_command": "explorer.api.urls",
    "request_url": "explorer.api.urls",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # asked for once
    return value
