"""Per-alias filter history: newest last, no duplicates, at most 100, kept on disk."""

from __future__ import annotations

from explorer.config.state import StateStore

HISTORY_LIMIT = 100


class FilterHistory:
    """Applied filters of one alias at a time, with an Up/Down recall position."""

    def __init__(self, store: StateStore) -> None:
        self.store = store  # read on first `load`, so a missing file costs nothing until then
        self._key = ""
        self._entries: list[str] = []
        self._position: int | None = None  # index being shown; None while editing a draft
        self._draft = ""

    @property
    def entries(self) -> list[str]:
        return list(self._entries)

    @property
    def position(self) -> int | None:
        """The index of the entry on show while recalling, else None."""
        return self._position

    def load(self, key: str) -> None:
        """Switch to the history of alias `key`."""
        self._key = key
        stored = self.store.get(key, []) if key else []
        self._entries = (
            [e for e in stored if isinstance(e, str)] if isinstance(stored, list) else []
        )
        self.reset()

    def reset(self) -> None:
        self._position = None
        self._draft = ""

    def record(self, text: str) -> None:
        """Remember an applied filter as the newest entry."""
        text = text.strip()
        self.reset()
        if not text:
            return
        self._entries = [e for e in self._entries if e != text]
        self._entries.append(text)
        del self._entries[:-HISTORY_LIMIT]
        if self._key:
            self.store.set(self._key, self._entries)

    def back(self, current: str) -> str | None:
        """The next older entry (the current text is kept as a draft), or None at the oldest."""
        if not self._entries:
            return None
        if self._position is None:
            self._draft = current
            self._position = len(self._entries) - 1
            # Skip an entry identical to what is already in the bar.
            if self._entries[-1] == current.strip() and len(self._entries) > 1:
                self._position -= 1
        elif self._position > 0:
            self._position -= 1
        else:
            return None
        return self._entries[self._position]

    def forward(self) -> str | None:
        """The next newer entry, the draft after the newest, or None when already editing."""
        if self._position is None:
            return None
        if self._position < len(self._entries) - 1:
            self._position += 1
            return self._entries[self._position]
        self._position = None
        return self._draft
