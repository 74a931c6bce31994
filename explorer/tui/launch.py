"""Building the app's session: from a config profile, or from the embedded sandbox started in a
child process so it boots while Textual loads and the first frame paints.

Importing this module loads little beyond `subprocess`, so `elx --sandbox` can start the child
before anything else."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from explorer.config import Config, Profile
    from explorer.sandbox import SandboxOptions
    from explorer.tui.session import Session


class SandboxServer(Protocol):
    """What the app needs of a running sandbox (in this process or the child's answer)."""

    base_url: str
    client_id: str
    client_secret: str
    collections: list[str]


SANDBOX_LABEL = "sandbox (local demo data)"


def group_collections(collections: Iterable[str]) -> dict[str, list[str]]:
    """`["tasks/ittickets", "apps/crm"]` → `{"tasks": ["ittickets"], "apps": ["crm"]}`."""
    grouped: dict[str, list[str]] = {}
    for collection in collections:
        record_type, _, alias = collection.partition("/")
        if alias:
            grouped.setdefault(record_type, []).append(alias)
    return grouped


def profile_label(profile: Profile) -> str:
    """ "prod · eu" or "staging · staging.example.com"."""
    if profile.base_url:
        where = profile.base_url.split("://", 1)[-1].rstrip("/")
    else:
        where = profile.region or "us"
    return f"{profile.name} · {where}"


def sandbox_profile(server: SandboxServer, *, read_only: bool = False) -> Profile:
    """An in-memory profile whose aliases are the sandbox's collections."""
    from explorer.config import Profile
    from explorer.config.secrets import SecretSource

    return Profile(
        name="sandbox",
        base_url=server.base_url,
        client_id=server.client_id,
        secret=SecretSource("file", server.client_secret),
        rate_per_second=20.0,
        burst=20,
        aliases=group_collections(server.collections),
        read_only=read_only,
        environment_overrides=False,
    )


def _end_child(process: subprocess.Popen[str]) -> None:
    """Closing its input stops the child sandbox; one that hangs is killed."""
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class SandboxLauncher:
    """Starts the sandbox at once (a child process by default, else a thread); `session()` waits
    for it and builds the session.

    `stop()` shuts the server down (the app calls it through `Session.on_close`).
    """

    def __init__(self, options: SandboxOptions | None = None) -> None:
        self._options = options
        self._ready = threading.Event()
        self._server: SandboxServer | None = None
        self._error: BaseException | None = None
        self._child: subprocess.Popen[str] | None = None
        self._stack = contextlib.ExitStack()
        self._thread = threading.Thread(target=self._run, name="sandbox-start", daemon=True)

    def start(self) -> SandboxLauncher:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            if self._options is None:
                self._server = self._spawn()
            else:
                from explorer.sandbox import start_sandbox

                self._server = self._stack.enter_context(start_sandbox(self._options))
        except BaseException as error:  # re-raised in the waiting thread
            self._error = error
        finally:
            self._ready.set()

    def _spawn(self) -> SandboxServer:
        """The default sandbox runs in a child process: it boots and answers on the other core
        while this process loads Textual and paints."""
        process = subprocess.Popen(
            [sys.executable, "-m", "explorer.sandbox.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        self._stack.callback(_end_child, process)
        self._child = process
        line = process.stdout.readline() if process.stdout is not None else ""
        answer = json.loads(line) if line.strip() else {"error": "the sandbox did not start"}
        if "error" in answer:
            raise RuntimeError(answer["error"])
        server: SandboxServer = SimpleNamespace(**answer)
        return server

    @property
    def ready(self) -> bool:
        """The sandbox is up (`wait()` returns at once)."""
        return self._ready.is_set() and self._error is None

    def wait(self) -> SandboxServer:
        self._ready.wait()
        if self._error is not None:
            raise self._error
        assert self._server is not None
        return self._server

    def stop(self) -> None:
        self._ready.wait()
        self._stack.close()

    def session_factory(
        self, *, config: Config | None = None, read_only: bool = False
    ) -> Callable[[], Session]:
        def build() -> Session:
            from explorer.tui.session import Session

            server = self.wait()
            return Session(
                profile=sandbox_profile(server, read_only=read_only),
                label=SANDBOX_LABEL,
                config=config,
                read_only=read_only,
                keymap=dict(config.keymap) if config is not None else {},
                theme=config.theme if config is not None else None,
                on_close=self.stop,
            )

        return build


def config_session(config: Config, profile_name: str | None, *, read_only: bool = False) -> Session:
    """A session on a profile of the config (the default one unless named)."""
    from explorer.config.connect import resolve_profile
    from explorer.tui.session import Session

    profile = resolve_profile(config, profile_name)
    profile.connection_settings()  # fail early on a missing secret, with the config's message
    return Session(
        profile=profile,
        label=profile_label(profile),
        config=config,
        config_path=config.path,
        read_only=read_only or bool(profile.read_only),
        keymap=dict(config.keymap),
        theme=config.theme,
    )
