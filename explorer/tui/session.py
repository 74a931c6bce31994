"""What the app runs on: a profile, how to reach it, where its config lives and how to close."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.record_ids import IdResolver

if TYPE_CHECKING:
    from explorer.api import ElementumClient
    from explorer.config import Config, Profile


@dataclass
class Session:
    """A profile opened by the app; `persist` is False for the in-memory sandbox profile."""

    profile: Profile
    label: str
    config: Config | None = None
    config_path: Path | None = None
    read_only: bool = False
    persist: bool = True
    embedded: bool = False  # the profile is the app's own sandbox, which stops with the app
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    on_close: Callable[[], None] | None = None
    _ids: IdResolver | None = field(default=None, init=False, repr=False)

    @property
    def page_size(self) -> int:
        return self.profile.page_size

    @property
    def ids(self) -> IdResolver:
        """Each alias's id key: the profile's `id_key`, else detected from its records."""
        if self._ids is None or self._ids.configured != (self.profile.id_key or None):
            self._ids = IdResolver(self.profile.id_key, self.profile.name)
        return self._ids

    def aliases(self) -> dict[str, list[str]]:
        aliases: dict[str, list[str]] = self.profile.aliases
        return aliases

    def alias_keys(self) -> list[str]:
        return [f"{rt}/{alias}" for rt, names in self.aliases().items() for alias in names]

    def state_key(self, alias_key: str) -> str:
        """The key of per-alias state such as column choices: `profile:type/alias`."""
        return f"{self.profile.name}:{alias_key}"

    def saved_filters(self, alias_key: str) -> dict[str, str]:
        saved: dict[str, dict[str, str]] = self.profile.saved_filters
        return dict(saved.get(alias_key, {}))

    def save_filter(self, alias_key: str, name: str, text: str) -> None:
        self.profile.saved_filters.setdefault(alias_key, {})[name] = text
        self.save()

    def open_client(self) -> ElementumClient:
        from explorer.api import ElementumClient

        return ElementumClient(self.profile.connection_settings())

    def save(self, *, profile_changed: bool = True) -> None:
        """Write the config back (aliases, saved filters, theme).

        A profile that is not in the config (the in-memory sandbox one) is never written, so
        a profile change to it saves nothing.
        """
        if not self.persist or self.config is None:
            return
        if profile_changed and self.config.profiles.get(self.profile.name) is not self.profile:
            return
        from explorer.config import save_config

        save_config(self.config, self.config_path)

    def close(self) -> None:
        if self.on_close is not None:
            self.on_close()
            self.on_close = None
