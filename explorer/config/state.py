"""Small persistent app state that is not configuration: filter history, learned fields,
column choices. One JSON file per kind in the user state dir, written atomically.

Keys are free-form strings such as `"sandbox:tasks/ittickets"` (profile, record type, alias).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "elementum-explorer"


def state_dir() -> Path:
    """Where state files live: `$ELX_STATE_DIR`, else the platform's user state dir."""
    override = os.environ.get("ELX_STATE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_state_dir(APP_NAME))


def write_atomically(path: Path, text: str, *, mode: int = 0o600) -> None:
    """Write `text` to `path` via a temporary file in the same dir and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class StateStore:
    """A JSON object on disk mapping keys to JSON values; unreadable files start empty."""

    def __init__(self, name: str, directory: Path | None = None) -> None:
        self.path = (directory or state_dir()) / f"{name}.json"
        self._data: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._data is None:
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = {}
            self._data = loaded if isinstance(loaded, dict) else {}
        return self._data

    def get(self, key: str, default: Any = None) -> Any:
        return self._load().get(key, default)

    def names(self) -> list[str]:
        """Every key held."""
        return list(self._load())

    def set(self, key: str, value: Any) -> None:
        data = self._load()
        data[key] = value
        self._save()

    def delete(self, key: str) -> None:
        data = self._load()
        if key in data:
            del data[key]
            self._save()

    def _save(self) -> None:
        text = json.dumps(self._load(), ensure_ascii=False, indent=1)
        write_atomically(self.path, text)
