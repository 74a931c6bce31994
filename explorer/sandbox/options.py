"""How a sandbox is started (`SandboxOptions`) and the knobs that may change while it runs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from explorer.sandbox.literal import LITERAL_TOKEN_TTL, SPEC_LITERAL_CHOICES

# The demo workspace's OAuth client; printed by `elx sandbox serve` and used by `--sandbox`.
DEMO_CLIENT_ID = "elx-demo-client"
DEMO_CLIENT_SECRET = "elx-demo-secret"
# The user the demo client acts as: writes (comments, watchers) are attributed to it.
DEMO_USER_EMAIL = "demo.user@example.com"

# The port `elx sandbox serve` listens on unless told otherwise.
DEFAULT_PORT = 8765

RATE_HEADER_CHOICES: tuple[str, ...] = ("none", "retry-after", "all")
# The token request shapes API.md documents (see `auth.py`).
TOKEN_SHAPE_CHOICES: tuple[str, ...] = ("json", "basic", "form")


def default_db_path() -> Path:
    """The sandbox database: `$ELX_SANDBOX_DB`, else `sandbox.sqlite3` in the user data dir."""
    override = os.environ.get("ELX_SANDBOX_DB")
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("elementum-explorer")) / "sandbox.sqlite3"


@dataclass
class SandboxOptions:
    """Everything `elx sandbox serve` takes; `port=0` picks a free port.

    `spec_literal` ("keyed" or "unkeyed") answers as the spec shows it (see `literal.py`);
    `token_ttl` None means 86400 s, or 3600 s in that mode. `reject_tokens` makes every
    `/v1` call answer 401 though tokens are still issued (a server that revoked the client);
    `token_shape` ("json", "basic", "form") makes the token endpoint take that request shape
    only and answer 400 to the others.
    """

    host: str = "127.0.0.1"
    port: int = 0
    db_path: Path | str | None = None
    reset: bool = False
    records: int | None = None
    seed: int = 1
    token_ttl: float | None = None
    rate_limit: float | None = None
    rate_headers: str = "all"
    latency_ms: float = 0
    fail_rate: float = 0.0
    spec_literal: str | None = None
    reject_tokens: bool = False
    token_shape: str | None = None

    def __post_init__(self) -> None:
        if self.spec_literal is not None and self.spec_literal not in SPEC_LITERAL_CHOICES:
            choices = ", ".join(SPEC_LITERAL_CHOICES)
            raise ValueError(f"spec_literal must be one of {choices}, or None")

    def resolved_db_path(self) -> Path:
        return Path(self.db_path) if self.db_path is not None else default_db_path()

    def live_settings(self) -> LiveSettings:
        default_ttl = 86400.0 if self.spec_literal is None else LITERAL_TOKEN_TTL
        return LiveSettings(
            token_ttl=default_ttl if self.token_ttl is None else self.token_ttl,
            rate_limit=self.rate_limit,
            rate_headers=self.rate_headers,
            latency_ms=self.latency_ms,
            fail_rate=self.fail_rate,
            reject_tokens=self.reject_tokens,
            token_shape=self.token_shape,
        )


@dataclass
class LiveSettings:
    """Knobs a running sandbox reads on every request, so tests may change them at runtime."""

    token_ttl: float = 86400
    rate_limit: float | None = None
    rate_headers: str = "all"
    latency_ms: float = 0
    fail_rate: float = 0.0
    reject_tokens: bool = False
    token_shape: str | None = None

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        if self.rate_headers not in RATE_HEADER_CHOICES:
            raise ValueError(f"rate_headers must be one of {', '.join(RATE_HEADER_CHOICES)}")
        if self.token_shape is not None and self.token_shape not in TOKEN_SHAPE_CHOICES:
            raise ValueError(f"token_shape must be one of {', '.join(TOKEN_SHAPE_CHOICES)}")
        if not 0.0 <= self.fail_rate <= 1.0:
            raise ValueError("fail_rate must be between 0 and 1")
        if self.rate_limit is not None and self.rate_limit <= 0:
            raise ValueError("rate_limit must be positive")
