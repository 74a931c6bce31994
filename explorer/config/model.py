"""What `config.toml` holds: profiles (where Elementum is and how to sign in), per-profile
aliases and saved filters, the default profile, key bindings and the theme."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.api.errors import ConfigurationError
from explorer.api.settings import REGION_HOSTS, ConnectionSettings, TokenStyle, base_url_for
from explorer.config.secrets import SecretError, SecretSource
from explorer.records import DEFAULT_ID_KEY, DEFAULT_PAGE_SIZE

ENV_CLIENT_ID = "ELEMENTUM_CLIENT_ID"
ENV_CLIENT_SECRET = "ELEMENTUM_CLIENT_SECRET"
ENV_REGION = "ELEMENTUM_REGION"
ENV_BASE_URL = "ELEMENTUM_BASE_URL"

DEFAULT_RATE = 5.0
DEFAULT_BURST = 5


@dataclass
class Profile:
    name: str
    region: str | None = "us"
    base_url: str | None = None
    client_id: str = ""
    secret: SecretSource | None = None
    token_style: TokenStyle = "json"
    id_key: str = DEFAULT_ID_KEY
    rate_per_second: float = DEFAULT_RATE
    burst: int = DEFAULT_BURST
    page_size: int = DEFAULT_PAGE_SIZE
    aliases: dict[str, list[str]] = field(default_factory=dict)
    saved_filters: dict[str, dict[str, str]] = field(default_factory=dict)
    read_only: bool = False
    # False for a profile the app makes itself (the embedded sandbox): `ELEMENTUM_*`
    # variables meant for a real workspace must not redirect it.
    environment_overrides: bool = True

    @property
    def target(self) -> str:
        """The service root this profile talks to (before environment overrides)."""
        if self.base_url:
            return base_url_for(self.base_url)
        return REGION_HOSTS.get((self.region or "us").lower(), REGION_HOSTS["us"])

    def add_alias(self, record_type: str, alias: str) -> bool:
        """Remember `alias` under `record_type`; False when it was already there."""
        known = self.aliases.setdefault(record_type, [])
        if alias in known:
            return False
        known.append(alias)
        return True

    def remove_alias(self, record_type: str, alias: str) -> bool:
        known = self.aliases.get(record_type, [])
        if alias not in known:
            return False
        known.remove(alias)
        if not known:
            del self.aliases[record_type]
        return True

    def connection_settings(self, environ: dict[str, str] | None = None) -> ConnectionSettings:
        """Settings with the secret resolved; `ELEMENTUM_*` environment variables override."""
        env = dict(os.environ) if environ is None else environ
        if not self.environment_overrides:
            env = {}
        base = self.target
        if env.get(ENV_REGION):
            base = base_url_for(env[ENV_REGION])
        if env.get(ENV_BASE_URL):
            base = base_url_for(env[ENV_BASE_URL])
        client_id = env.get(ENV_CLIENT_ID) or self.client_id
        if not client_id:
            raise ConfigurationError(
                f"profile {self.name!r} has no client_id (set it in config.toml or {ENV_CLIENT_ID})"
            )
        secret = env.get(ENV_CLIENT_SECRET, "")
        if not secret:
            if self.secret is None:
                raise ConfigurationError(
                    f"profile {self.name!r} has no secret source (add `secret` to the profile "
                    f"or set {ENV_CLIENT_SECRET})"
                )
            try:
                secret = self.secret.resolve(client_id, env)
            except SecretError as error:
                raise ConfigurationError(f"profile {self.name!r}: {error}") from error
        return ConnectionSettings(
            base_url=base,
            client_id=client_id,
            client_secret=secret,
            token_style=self.token_style,
            id_key=self.id_key,
            rate_per_second=self.rate_per_second,
            burst=self.burst,
            page_size=self.page_size,
            label=self.name,
        )


@dataclass
class Config:
    profiles: dict[str, Profile] = field(default_factory=dict)
    default_profile: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    # Top-level tables this version does not know, kept so saving never loses them.
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def profile(self, name: str | None = None) -> Profile:
        """The named profile, else the default one, else the only one."""
        wanted = name or self.default_profile
        if wanted is None and len(self.profiles) == 1:
            wanted = next(iter(self.profiles))
        if wanted is None:
            if not self.profiles:
                raise ConfigurationError(
                    "no profile is set up: add one with `elx profiles add NAME --client-id ID "
                    "--secret-env VAR`, set ELEMENTUM_CLIENT_ID and ELEMENTUM_CLIENT_SECRET, "
                    "or use --sandbox"
                )
            raise ConfigurationError(
                "several profiles and no default: pass --profile or run `elx profiles use NAME`"
            )
        if wanted not in self.profiles:
            known = ", ".join(sorted(self.profiles)) or "none"
            raise ConfigurationError(f"no profile named {wanted!r} (known: {known})")
        return self.profiles[wanted]
