"""A run: the records of one list known in a row, with the cursors that continue it.

The controller keeps one run per list it shows. Pages fetched at its ends extend it; the page
on screen is a slice of it, so paging back and forth over pages already seen costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.browse.fetches import Fetch, ListKey

if TYPE_CHECKING:
    from explorer.api.models import Page, PageItem


@dataclass
class Run:
    """`items[0]` is the record at row offset `start`. `head`/`tail` are the cursors to fetch
    what comes before and after; `lead` the cursor whose `after=` gives `items[0]` first
    (None with `lead_known` for the start of the list)."""

    key: ListKey
    start: int
    items: list[PageItem]
    head: str | None
    tail: str | None
    has_before: bool
    has_after: bool
    total: int | None
    lead: str | None = None
    lead_known: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.items)

    @classmethod
    def begin(cls, fetch: Fetch, page: Page) -> Run:
        """The run a fetch that starts afresh (first, last, reload, a new list) begins."""
        items = list(page.items)
        paging = page.paging
        # Relay paging answers reliably only for the direction it pages in; a cursor given
        # on the other side means records lie there.
        if fetch.forward:
            start = fetch.edge or 0
            has_before = paging.has_previous_page or start > 0 or fetch.cursor is not None
            has_after = paging.has_next_page
        else:
            has_before, has_after = paging.has_previous_page, fetch.cursor is not None
            if fetch.edge is not None:
                start = fetch.edge - len(items)
            elif page.total is not None:
                start = page.total - len(items)
            else:
                start = 0
        run = cls(
            fetch.key,
            start,
            items,
            paging.start_cursor,
            paging.end_cursor,
            has_before,
            has_after,
            page.total,
            lead=fetch.cursor if fetch.forward else None,
            lead_known=fetch.forward,
        )
        run._settle_start()
        return run

    def extend(self, fetch: Fetch, page: Page) -> bool:
        """Add an answer fetched at one of the run's ends; False (and nothing changes) when the
        run has moved on since (another fetch already filled that end)."""
        if not fetch.extends or fetch.key != self.key:
            return False
        items, paging = list(page.items), page.paging
        if fetch.forward:
            if fetch.edge != self.end or fetch.cursor != self.tail or not self.has_after:
                return False
            self.items.extend(items)
            self.has_after = paging.has_next_page and bool(items)
            if items:
                self.tail = paging.end_cursor or items[-1].cursor
        else:
            if fetch.edge != self.start or fetch.cursor != self.head or not self.has_before:
                return False
            self.items[:0] = items
            self.start -= len(items)
            self.has_before = paging.has_previous_page and bool(items)
            if items:
                self.head = paging.start_cursor or items[0].cursor
            self.lead_known = False
        if page.total is not None:
            self.total = page.total
        self._settle_start()
        return True

    def _settle_start(self) -> None:
        """Nothing before the run means it starts the list, whatever the offsets said."""
        if not self.has_before or self.start < 0:
            self.start = 0
        if not self.has_before:
            self.lead, self.lead_known = None, True

    @property
    def list_end(self) -> int | None:
        """The list's length when known: the run reaches it, or the server counted it."""
        if not self.has_after:
            return self.end
        return self.total

    def holds(self, offset: int, size: int) -> bool:
        """Whether the page at `offset` (cut at the start and end of the list) is all here."""
        low, high = max(offset, 0), offset + size
        if low < self.start:
            return False
        if high <= self.end:
            return True
        return not self.has_after and (low < self.end or low == self.start)

    def page(self, offset: int, size: int) -> tuple[int, list[PageItem]]:
        """The offset and items of the page at `offset` (`holds` must be true)."""
        low = max(offset, 0)
        return low, self.items[low - self.start : offset + size - self.start]

    def cursor_at(self, offset: int) -> str | None:
        if self.start <= offset < self.end:
            return self.items[offset - self.start].cursor
        return None

    def toward(self, offset: int, size: int, limit: int) -> Fetch | None:
        """The next fetch that brings the page at `offset` closer: from the run's end forward,
        or from its start backward, at most `limit` records (pages in between are not shown,
        they only lead the way)."""
        low, high = max(offset, 0), offset + size
        if high > self.end and low >= self.start and self.has_after:
            count = max(size, min(limit, high - self.end))
            return Fetch(self.key, True, count, self.tail, self.end, extends=True)
        if low < self.start and self.has_before:
            count = max(size, min(limit, self.start - low))
            return Fetch(self.key, False, count, self.head, self.start, extends=True)
        return None

    def trim(self, keep_from: int, keep_to: int, limit: int) -> None:
        """Keep at most `limit` records, dropping those farthest from `keep_from..keep_to`
        (the page on screen), and only where the dropped edge leaves a cursor to go on from."""
        excess = len(self.items) - limit
        if excess <= 0:
            return
        before, after = keep_from - self.start, self.end - keep_to
        if before >= after:
            cut = min(excess, before)
            if cut > 0 and self.items[cut].cursor and self.items[cut - 1].cursor:
                self.head = self.items[cut].cursor
                self.lead, self.lead_known = self.items[cut - 1].cursor, True
                del self.items[:cut]
                self.start += cut
                self.has_before = True
        else:
            cut = min(excess, after)
            keep = len(self.items) - cut
            if cut > 0 and self.items[keep - 1].cursor:
                self.tail = self.items[keep - 1].cursor
                del self.items[keep:]
                self.has_after = True
