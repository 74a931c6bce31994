"""Reading `config.toml` (tomllib) with errors that name the file and key, and writing it
atomically with mode 0600 (tomli-w), never over a file that does not load."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

import platformdirs
import tomli_w

from explorer.api.settings import DEFAULT_DEADLINE, REGION_HOSTS, TOKEN_STYLES, TokenStyle
from explorer.config.errors import ConfigError
from explorer.config.model import Config, Profile
from explorer.config.secrets import SECRET_KINDS, SecretSource
from explorer.config.state import APP_NAME, write_atomically
from explorer.records import RECORD_TYPES

ENV_CONFIG = "ELX_CONFIG"

# The secret table's member for each source kind: `secret = { env = "VAR" }` and so on.
_SECRET_KEYS = {"env": "env", "command": "command", "keyring": "keyring", "value": "file"}
_KIND_KEYS = {kind: key for key, kind in _SECRET_KEYS.items()}
_PROFILE_KEYS = frozenset(
    {
        "region",
        "base_url",
        "client_id",
        "secret",
        "token_style",
        "id_key",
        "rate_per_second",
        "burst",
        "page_size",
        "aliases",
        "saved_filters",
        "read_only",
        "deadline_s",
        "cache_token",
    }
)


def config_path(explicit: str | Path | None = None) -> Path:
    """`--config`, else `$ELX_CONFIG`, else the platform's user config dir."""
    if explicit:
        return Path(explicit).expanduser()
    override = os.environ.get(ENV_CONFIG)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(message, path=self.path, key=key)

    def text(self, table: dict[str, Any], name: str, key: str) -> str | None:
        value = table.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(key, f"expected text, got {type(value).__name__} {value!r}")
        return value

    def number(self, table: dict[str, Any], name: str, key: str, default: float) -> float:
        value = table.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise self.fail(key, f"expected a positive number, got {value!r}")
        return float(value)

    def whole(self, table: dict[str, Any], name: str, key: str, default: int, top: int) -> int:
        value = table.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
            raise self.fail(key, f"expected a whole number from 1 to {top}, got {value!r}")
        return value

    def profile(self, name: str, raw: Any) -> Profile:
        base = f"profiles.{name}"
        if not isinstance(raw, dict):
            raise self.fail(base, "expected a table of profile settings")
        unknown = sorted(set(raw) - _PROFILE_KEYS)
        if unknown:
            raise self.fail(
                f"{base}.{unknown[0]}",
                f"unknown setting (known: {', '.join(sorted(_PROFILE_KEYS))})",
            )
        region = self.text(raw, "region", f"{base}.region")
        if region is not None and region.lower() not in REGION_HOSTS:
            raise self.fail(f"{base}.region", f"expected `us` or `eu`, got {region!r}")
        base_url = self.text(raw, "base_url", f"{base}.base_url")
        if base_url is not None and not base_url.startswith(("http://", "https://")):
            raise self.fail(f"{base}.base_url", f"expected an http(s) URL, got {base_url!r}")
        style = self.text(raw, "token_style", f"{base}.token_style") or "auto"
        if style not in TOKEN_STYLES:
            raise self.fail(
                f"{base}.token_style", f"expected one of {', '.join(TOKEN_STYLES)}, got {style!r}"
            )
        read_only = raw.get("read_only", False)
        if not isinstance(read_only, bool):
            raise self.fail(f"{base}.read_only", f"expected true or false, got {read_only!r}")
        cache_token = raw.get("cache_token", True)
        if not isinstance(cache_token, bool):
            raise self.fail(f"{base}.cache_token", f"expected true or false, got {cache_token!r}")
        return Profile(
            name=name,
            region=region.lower() if region else (None if base_url else "us"),
            base_url=base_url,
            client_id=self.text(raw, "client_id", f"{base}.client_id") or "",
            secret=self.secret(raw.get("secret"), f"{base}.secret"),
            token_style=cast(TokenStyle, style),
            id_key=self.text(raw, "id_key", f"{base}.id_key") or None,
            rate_per_second=self.number(raw, "rate_per_second", f"{base}.rate_per_second", 5.0),
            burst=self.whole(raw, "burst", f"{base}.burst", 5, 1000),
            page_size=self.whole(raw, "page_size", f"{base}.page_size", 100, 1000),
            aliases=self.aliases(raw.get("aliases", {}), f"{base}.aliases"),
            saved_filters=self.saved(raw.get("saved_filters", {}), f"{base}.saved_filters"),
            read_only=read_only,
            deadline_s=self.number(raw, "deadline_s", f"{base}.deadline_s", DEFAULT_DEADLINE),
            cache_token=cache_token,
        )

    def secret(self, raw: Any, key: str) -> SecretSource | None:
        if raw is None:
            return None
        if not isinstance(raw, dict) or len(raw) != 1:
            raise self.fail(
                key,
                "expected a table with one of env, command, keyring or value, "
                'e.g. secret = { env = "ELEMENTUM_CLIENT_SECRET" }',
            )
        ((member, value),) = raw.items()
        if member not in _SECRET_KEYS:
            raise self.fail(f"{key}.{member}", "expected one of env, command, keyring or value")
        if not isinstance(value, str) or not value:
            raise self.fail(f"{key}.{member}", f"expected non-empty text, got {value!r}")
        kind = _SECRET_KEYS[member]
        assert kind in SECRET_KINDS
        return SecretSource(cast(Any, kind), value)

    def aliases(self, raw: Any, key: str) -> dict[str, list[str]]:
        if not isinstance(raw, dict):
            raise self.fail(key, "expected a table of record type = [aliases]")
        result: dict[str, list[str]] = {}
        for record_type, names in raw.items():
            if record_type not in RECORD_TYPES:
                raise self.fail(
                    f"{key}.{record_type}",
                    f"unknown record type (expected one of {', '.join(RECORD_TYPES)})",
                )
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise self.fail(f"{key}.{record_type}", "expected a list of alias names")
            result[record_type] = list(names)
        return result

    def saved(self, raw: Any, key: str) -> dict[str, dict[str, str]]:
        if not isinstance(raw, dict):
            raise self.fail(key, 'expected a table of "type/alias" = { name = "filter" }')
        result: dict[str, dict[str, str]] = {}
        for target, filters in raw.items():
            if not isinstance(filters, dict) or not all(
                isinstance(v, str) for v in filters.values()
            ):
                raise self.fail(f'{key}."{target}"', "expected a table of name = filter text")
            result[target] = dict(filters)
        return result

    def config(self, raw: dict[str, Any]) -> Config:
        profiles_raw = raw.get("profiles", {})
        if not isinstance(profiles_raw, dict):
            raise self.fail("profiles", "expected a table of profiles")
        profiles = {name: self.profile(name, body) for name, body in profiles_raw.items()}
        default = self.text(raw, "default_profile", "default_profile")
        if default is not None and default not in profiles:
            raise self.fail("default_profile", f"no profile named {default!r}")
        keymap = raw.get("keymap", {})
        if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
            raise self.fail("keymap", 'expected a table of action id = "keys"')
        theme = self.text(raw, "theme", "theme")
        known = {"profiles", "default_profile", "keymap", "theme"}
        extra = {k: v for k, v in raw.items() if k not in known}
        return Config(profiles, default, dict(keymap), theme, extra, self.path)


def _parse(path: Path) -> Config:
    import tomllib  # only when there is a file: a first run (the demo) never needs it

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot be read: {error.strerror or error}", path=path) from error
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"is not valid TOML: {error}", path=path) from error
    return _Reader(path).config(raw)


def load_config(path: str | Path | None = None) -> Config:
    """The config at `path` (see `config_path`); a missing file is an empty config."""
    where = config_path(path)
    if not where.exists():
        return Config(path=where)
    return _parse(where)


def _dump_profile(profile: Profile) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if profile.base_url:
        body["base_url"] = profile.base_url
    elif profile.region:
        body["region"] = profile.region
    if profile.client_id:
        body["client_id"] = profile.client_id
    if profile.secret is not None:
        body["secret"] = {_KIND_KEYS[profile.secret.kind]: profile.secret.value}
    body["token_style"] = profile.token_style
    if profile.id_key:
        body["id_key"] = profile.id_key
    body["rate_per_second"] = profile.rate_per_second
    body["burst"] = profile.burst
    body["page_size"] = profile.page_size
    if not profile.cache_token:
        body["cache_token"] = False
    if profile.deadline_s != DEFAULT_DEADLINE:
        body["deadline_s"] = profile.deadline_s
    if profile.read_only:
        body["read_only"] = True
    if profile.aliases:
        body["aliases"] = {k: list(v) for k, v in profile.aliases.items()}
    if profile.saved_filters:
        body["saved_filters"] = {k: dict(v) for k, v in profile.saved_filters.items()}
    return body


def dump_config(config: Config) -> str:
    raw: dict[str, Any] = {}
    if config.default_profile:
        raw["default_profile"] = config.default_profile
    if config.theme:
        raw["theme"] = config.theme
    raw.update(config.extra)
    if config.keymap:
        raw["keymap"] = dict(config.keymap)
    raw["profiles"] = {name: _dump_profile(p) for name, p in config.profiles.items()}
    return tomli_w.dumps(raw)


def save_config(config: Config, path: str | Path | None = None) -> Path:
    """Write atomically with mode 0600; refuses to replace a file that does not load."""
    where = config_path(path) if path is not None or config.path is None else config.path
    if where.exists():
        try:
            _parse(where)
        except ConfigError as error:
            raise ConfigError(
                f"not overwritten because it does not load ({error.message}); fix or move it",
                path=where,
            ) from error
    write_atomically(where, dump_config(config), mode=0o600)
    config.path = where
    return where
