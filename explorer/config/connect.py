"""Which Elementum to talk to for one command: the embedded sandbox, a named profile, the
default profile, or `ELEMENTUM_*` environment variables alone."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from explorer.api.settings import ConnectionSettings
from explorer.config.files import load_config
from explorer.config.model import ENV_CLIENT_ID, ENV_CLIENT_SECRET, Config, Profile


@dataclass(frozen=True)
class Target:
    resolve_settings: Callable[[], ConnectionSettings]
    profile: Profile | None
    config: Config
    collections: tuple[str, ...] = ()
    sandbox: bool = False

    @cached_property
    def settings(self) -> ConnectionSettings:
        """Resolved on first use, so commands that only read config.toml need no secret."""
        return self.resolve_settings()

    @property
    def read_only(self) -> bool:
        """Writes are refused for a read-only profile (the sandbox is always writable)."""
        return not self.sandbox and self.profile is not None and self.profile.read_only


def resolve_profile(config: Config, name: str | None) -> Profile:
    """The chosen profile, or a profile made only of environment variables when the config
    has none and `ELEMENTUM_CLIENT_ID`/`ELEMENTUM_CLIENT_SECRET` are set."""
    env_only = os.environ.get(ENV_CLIENT_ID) and os.environ.get(ENV_CLIENT_SECRET)
    if name is None and not config.profiles and env_only:
        return Profile(name="environment")
    return config.profile(name)


@contextmanager
def open_target(
    profile: str | None = None, config_file: str | None = None, sandbox: bool = False
) -> Iterator[Target]:
    """Resolve settings; with `sandbox`, start the embedded sandbox for the block's duration."""
    config = load_config(config_file)
    if sandbox:
        # Imported only here: the sandbox server stack is needed by `--sandbox` alone.
        sandbox_module: Any = importlib.import_module("explorer.sandbox")
        options = sandbox_module.SandboxOptions()
        with sandbox_module.start_sandbox(options) as server:
            settings = ConnectionSettings(
                base_url=server.base_url,
                client_id=server.client_id,
                client_secret=server.client_secret,
                label="sandbox",
            )
            chosen = config.profiles.get(profile or config.default_profile or "")
            yield Target(lambda: settings, chosen, config, tuple(server.collections), sandbox=True)
        return
    chosen = resolve_profile(config, profile)
    yield Target(chosen.connection_settings, chosen, config)
