"""What the page controller asks the client for: one list (an alias and a filter) and one
`list_page` call on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The most records one `first` or `last` may ask for (the API refuses more with a 400).
MAX_FETCH = 1000


class Move(StrEnum):
    FIRST = "first"
    NEXT = "next"
    PREVIOUS = "previous"
    LAST = "last"
    RELOAD = "reload"


@dataclass(frozen=True, slots=True)
class ListKey:
    """One filtered list: the records of `record_type/alias` matching `filter` ("" for all)."""

    record_type: str
    alias: str
    filter: str = ""

    @classmethod
    def of(cls, alias_key: str, filter_text: str = "") -> ListKey:
        record_type, _, alias = alias_key.partition("/")
        return cls(record_type, alias, filter_text)

    @property
    def alias_key(self) -> str:
        return f"{self.record_type}/{self.alias}"


@dataclass(frozen=True, slots=True, eq=False)
class Fetch:
    """One `list_page` call; compared by identity, so the controller knows which one landed.

    Forward: `count` records after `cursor` (from the start of the list when None), the first
    of them at row offset `edge`. Backward: `count` records before `cursor` (the end of the
    list when None), the last of them just before offset `edge` (unknown when from the end).
    `extends` says the answer continues the records the controller holds at that edge;
    otherwise it starts them afresh. `prefetch` fetches ahead of the user, quietly.
    """

    key: ListKey
    forward: bool
    count: int
    cursor: str | None = None
    edge: int | None = 0
    extends: bool = False
    prefetch: bool = False

    def params(self) -> dict[str, object]:
        """Keyword arguments for the client's `list_page`."""
        params: dict[str, object] = {"filter": self.key.filter or None}
        if self.forward:
            params.update(first=self.count, after=self.cursor)
        else:
            params.update(last=self.count, before=self.cursor)
        return params
