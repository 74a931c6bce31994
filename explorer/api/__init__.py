"""The Elementum API client: tokens, rate limits, retries, events and typed calls.

Headless core: never imports Textual.
"""

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
    RateLimitedError,
    ServerError,
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
    "Page",
    "PageItem",
    "PagingState",
    "Priority",
    "RateLimitedError",
    "RateState",
    "RequestLogged",
    "ServerError",
    "TokenState",
    "UnprocessableError",
    "curl_command",
    "request_url",
]
