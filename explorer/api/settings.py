"""Connection settings: where Elementum is, how to ask for a token, and the request budget."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from explorer.api.token_memory import TokenMemory
from explorer.records import DEFAULT_PAGE_SIZE

# The token request shapes API.md documents, in the order `auto` tries them.
TokenStyle = Literal["auto", "json", "basic", "form"]
TOKEN_SHAPES: tuple[str, ...] = ("json", "basic", "form")
TOKEN_STYLES: tuple[str, ...] = ("auto", *TOKEN_SHAPES)
SHAPE_NAMES = {
    "json": "a JSON body with client_id and client_secret",
    "basic": "a form body with a Basic authorization header",
    "form": "a form body with client_id and client_secret",
}

# Seconds one user-visible call may take, all its attempts and waits together.
DEFAULT_DEADLINE = 60.0

REGION_HOSTS: dict[str, str] = {
    "us": "https://api.elementum.io",
    "eu": "https://api.eu.elementum.io",
}


def base_url_for(region_or_url: str) -> str:
    """A region name (`us`, `eu`) or any URL, as the service root without `/v1`."""
    key = region_or_url.strip().lower()
    if key in REGION_HOSTS:
        return REGION_HOSTS[key]
    url = region_or_url.strip().rstrip("/")
    if url.endswith("/v1"):
        url = url[: -len("/v1")]
    if "://" not in url:
        url = "https://" + url
    return url


@dataclass(frozen=True)
class ConnectionSettings:
    """Everything the client needs to talk to one Elementum workspace."""

    base_url: str
    client_id: str
    client_secret: str
    token_style: TokenStyle = "auto"
    id_key: str | None = None  # None: detected from the records
    rate_per_second: float = 5.0
    burst: int = 5
    page_size: int = DEFAULT_PAGE_SIZE
    deadline_s: float = DEFAULT_DEADLINE
    label: str = "default"
    # What the client remembers for the profile between runs (the token shape that worked);
    # None remembers nothing.
    memory: TokenMemory | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", base_url_for(self.base_url))
        if self.token_style not in TOKEN_STYLES:
            raise ValueError(f"token_style must be one of {', '.join(TOKEN_STYLES)}")

    @property
    def api_url(self) -> str:
        """The versioned API root, e.g. `https://api.elementum.io/v1`."""
        return self.base_url + "/v1"

    @property
    def token_url(self) -> str:
        """The token endpoint at the host root (API.md: not under `/v1`)."""
        parts = urlsplit(self.base_url)
        return urlunsplit((parts.scheme, parts.netloc, "/oauth/token", "", ""))

    def __repr__(self) -> str:
        return (
            f"ConnectionSettings(base_url={self.base_url!r}, client_id={self.client_id!r}, "
            f"client_secret='***', token_style={self.token_style!r}, label={self.label!r})"
        )
