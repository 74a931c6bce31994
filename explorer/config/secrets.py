"""Where a profile's client secret comes from: an environment variable, a command's output,
the system keyring (when the optional `keyring` package is installed), or the config file."""

from __future__ import annotations

import importlib
import os
import shlex
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

SecretKind = Literal["env", "command", "keyring", "file"]
SECRET_KINDS: tuple[str, ...] = ("env", "command", "keyring", "file")


class SecretError(Exception):
    """The secret could not be read; the message says why and how to fix it."""


@dataclass(frozen=True)
class SecretSource:
    """`kind` says where to look; `value` is the variable name, the command, the keyring
    entry (`service` or `service:username`, username defaulting to the client id), or the
    secret itself for `file`."""

    kind: SecretKind
    value: str

    def describe(self) -> str:
        if self.kind == "file":
            return "stored in the config file"
        if self.kind == "env":
            return f"environment variable {self.value}"
        if self.kind == "command":
            return f"output of `{self.value}`"
        return f"keyring entry {self.value}"

    def resolve(self, client_id: str = "", environ: Mapping[str, str] | None = None) -> str:
        if self.kind == "file":
            return self.value
        if self.kind == "env":
            secret = (os.environ if environ is None else environ).get(self.value, "")
            if not secret:
                raise SecretError(f"environment variable {self.value} is not set")
            return secret
        if self.kind == "command":
            return _run(self.value)
        return _keyring(self.value, client_id)


def _run(command: str) -> str:
    try:
        done = subprocess.run(
            shlex.split(command), capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, ValueError, subprocess.TimeoutExpired) as error:
        raise SecretError(f"secret command `{command}` could not run: {error}") from error
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or [""]
        raise SecretError(
            f"secret command `{command}` exited with {done.returncode}"
            + (f": {detail[0]}" if detail[0] else "")
        )
    secret = done.stdout.strip()
    if not secret:
        raise SecretError(f"secret command `{command}` printed nothing")
    return secret


def _keyring(entry: str, client_id: str) -> str:
    try:
        keyring = importlib.import_module("keyring")
    except ImportError as error:
        raise SecretError(
            "the secret is in the system keyring but the `keyring` package is not installed "
            "(pip install keyring), or use an env/command/file secret"
        ) from error
    service, _, username = entry.partition(":")
    try:
        secret = keyring.get_password(service, username or client_id)
    except Exception as error:
        raise SecretError(f"keyring lookup for {entry} failed: {error}") from error
    if not secret:
        raise SecretError(
            f"no keyring entry for service {service!r} and user {username or client_id!r}"
        )
    return str(secret)
