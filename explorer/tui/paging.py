"""Where the table is in a filtered list: page requests, row offsets and the border text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Move(StrEnum):
    FIRST = "first"
    NEXT = "next"
    PREVIOUS = "previous"
    LAST = "last"
    RELOAD = "reload"


@dataclass(frozen=True, slots=True)
class PageRequest:
    """One page fetch; `base` is the row offset it is anchored to (see `offset_of`)."""

    record_type: str
    alias: str
    filter: str
    move: Move
    size: int
    after: str | None = None
    before: str | None = None
    base: int = 0

    @property
    def alias_key(self) -> str:
        return f"{self.record_type}/{self.alias}"

    def params(self) -> dict[str, object]:
        """Keyword arguments for the client's `list_page`."""
        params: dict[str, object] = {"filter": self.filter or None}
        if self.move is Move.LAST:
            params["last"] = self.size
        elif self.move is Move.PREVIOUS:
            params.update(last=self.size, before=self.before)
        else:
            params.update(first=self.size, after=self.after)
        return params

    def offset_of(self, count: int, total: int, has_previous: bool) -> int:
        """The zero-based row offset of a page of `count` items this request returned."""
        if self.move is Move.LAST:
            return max(0, total - count)
        if self.move is Move.PREVIOUS:
            return 0 if not has_previous else max(0, self.base - count)
        return self.base


def rows_text(offset: int, count: int, total: int, filter_text: str) -> str:
    """The table's border text: "rows 101–200 of 1,234 · Status==Open"."""
    if count == 0:
        text = "no rows match" if filter_text else "no rows"
    else:
        text = f"rows {offset + 1:,}–{offset + count:,} of {total:,}"
    return f"{text} · {filter_text}" if filter_text else text
