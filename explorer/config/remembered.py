"""What the client remembers per profile between runs, in the user's state directory: the
token request shape that worked (`token-styles.json`) and the last token (`tokens.json`,
mode 0600, or the system keyring when the profile's secret is there), each keyed by profile,
client id and token URL so a changed profile starts over. A token is never printed."""

from __future__ import annotations

import contextlib
import importlib
import json
from dataclasses import dataclass
from typing import Any

from explorer.api.token_memory import CachedToken
from explorer.config.state import StateStore

STYLES = "token-styles"
TOKENS = "tokens"
KEYRING_SERVICE = "elementum-explorer-token"


@dataclass
class ProfileMemory:
    """The `TokenMemory` of one profile (see `explorer.api.token_memory`)."""

    profile: str
    client_id: str
    token_url: str
    cache_token: bool = True
    use_keyring: bool = False

    @property
    def key(self) -> str:
        return f"{self.profile}|{self.client_id}|{self.token_url}"

    def token_style(self) -> str | None:
        style = StateStore(STYLES).get(self.key)
        return style if isinstance(style, str) else None

    def remember_token_style(self, style: str) -> None:
        StateStore(STYLES).set(self.key, style)

    def cached_token(self) -> CachedToken | None:
        if not self.cache_token:
            return None
        raw: Any = None
        if self.use_keyring:
            text = _keyring_get(self.key)
            with contextlib.suppress(ValueError, TypeError):
                raw = json.loads(text) if text else None
        if raw is None:
            raw = StateStore(TOKENS).get(self.key)
        return _read(raw)

    def keep_token(self, token: CachedToken) -> None:
        if not self.cache_token:
            return
        entry = {"token": token.token, "expires_at": token.expires_at, "lifetime": token.lifetime}
        if self.use_keyring and _keyring_set(self.key, json.dumps(entry)):
            return
        StateStore(TOKENS).set(self.key, entry)

    def drop_token(self) -> None:
        forget_tokens(self.profile, keys=[self.key] if self.use_keyring else [])


def forget_tokens(profile: str, keys: list[str] | None = None) -> int:
    """Remove every token kept for `profile` (and the keyring entries named by `keys`); how
    many were removed."""
    store = StateStore(TOKENS)
    mine = [key for key in store.names() if key.split("|", 1)[0] == profile]
    for key in mine:
        store.delete(key)
    removed = len(mine)
    for key in keys or []:
        removed += _keyring_delete(key)
    return removed


def _read(raw: Any) -> CachedToken | None:
    if not isinstance(raw, dict):
        return None
    token: object = raw.get("token")
    expires_at: object = raw.get("expires_at")
    lifetime: object = raw.get("lifetime")
    if not isinstance(token, str) or not token:
        return None
    if not isinstance(expires_at, int | float) or not isinstance(lifetime, int | float):
        return None
    return CachedToken(token, float(expires_at), float(lifetime))


def _keyring() -> Any | None:
    try:
        return importlib.import_module("keyring")
    except ImportError:
        return None


def _keyring_get(key: str) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, key)
    except Exception:  # a locked or absent keyring: fall back to the state file
        return None
    return value if isinstance(value, str) else None


def _keyring_set(key: str, value: str) -> bool:
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, key, value)
    except Exception:
        return False
    return True


def _keyring_delete(key: str) -> int:
    keyring = _keyring()
    if keyring is None:
        return 0
    try:
        keyring.delete_password(KEYRING_SERVICE, key)
    except Exception:  # no such entry, or no keyring to ask
        return 0
    return 1
