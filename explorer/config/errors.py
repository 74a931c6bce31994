"""The one error config reading and writing raise."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A config problem, naming the file, the key and what is wrong."""

    def __init__(self, message: str, *, path: Path | None = None, key: str | None = None) -> None:
        where = str(path) if path else "config"
        if key:
            where += f", key `{key}`"
        super().__init__(f"{where}: {message}")
        self.message = f"{where}: {message}"
        self.path = path
        self.key = key
