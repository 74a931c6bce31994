"""The page controller: which list and page the table shows, and what a key press fetches.

Each method answers with a `Step` for the app: `Show` a page it holds, `Load` (start a fetch
and say "loading…"), `Edge` (there is no page that way) or `Wait` (nothing to do yet). The app
runs fetches in workers and hands their pages back with `landed` or `failed`.

Every press counts: presses that come while a page loads move a target page on (thirty `]`
are thirty pages), and only the target is shown. Cursor paging cannot skip, so the way there
is walked in fetches of up to `MAX_FETCH` records from the nearest end of what is held; the
pages passed on the way are kept for paging back, never drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from explorer.browse.fetches import MAX_FETCH, Fetch, ListKey, Move
from explorer.browse.run import Run

if TYPE_CHECKING:
    from explorer.api.models import Page

# Records kept around the page on screen for paging back and forth without a fetch.
KEEP_RECORDS = 3000


@dataclass(frozen=True, slots=True)
class PageView:
    """A page as the table shows it: its records from row `offset` of `total`."""

    key: ListKey
    offset: int
    records: list[dict[str, Any]]
    total: int
    has_previous: bool
    has_next: bool


@dataclass(frozen=True, slots=True)
class Show:
    """Show `view`; `same_list` when it is another page of the list already shown. The
    cursor goes to `cursor_row` when given (a new list starts at row 0)."""

    view: PageView
    same_list: bool
    cursor_row: int | None


@dataclass(frozen=True, slots=True)
class Load:
    """Start `fetch` (it replaces any page load in flight)."""

    fetch: Fetch


@dataclass(frozen=True, slots=True)
class Edge:
    """No page lies that way; `text` says so."""

    text: str


@dataclass(frozen=True, slots=True)
class Wait:
    """Nothing to do until a fetch in flight lands."""


Step = Show | Load | Edge | Wait
WAIT = Wait()


@dataclass(frozen=True, slots=True)
class Failed:
    """A page load failed. `restored` names the list shown again when the failed one was a
    new alias or filter (the table still shows the old one's page)."""

    restored: ListKey | None


@dataclass(frozen=True, slots=True)
class _Goal:
    """The page to show next: the one at row `offset`, or the last page when None."""

    key: ListKey
    offset: int | None
    cursor_row: int | None = None


class PageController:
    """Filter, page position, the records held around it, the fetch in flight and the one
    ahead; no I/O and no widgets, so every rule is testable on its own."""

    def __init__(
        self, page_size: int, *, fetch_limit: int = MAX_FETCH, keep: int = KEEP_RECORDS
    ) -> None:
        self.size = page_size
        self.fetch_limit = max(page_size, fetch_limit)
        self.keep = max(keep, 2 * page_size)
        self.key: ListKey | None = None  # the list asked for last (it may still be loading)
        self.shown: PageView | None = None
        self.run: Run | None = None
        self.loading: Fetch | None = None
        self.prefetching: Fetch | None = None
        self._goal: _Goal | None = None
        self._reload: Fetch | None = None  # fetches the shown page again

    # ----- what the app reads ---------------------------------------------------------------

    @property
    def alias_key(self) -> str | None:
        return self.key.alias_key if self.key is not None else None

    @property
    def filter_text(self) -> str:
        return self.key.filter if self.key is not None else ""

    @property
    def pending(self) -> bool:
        """A page was asked for and is not on screen yet."""
        return self._goal is not None

    # ----- what the user asks for -----------------------------------------------------------

    def open(self, key: ListKey) -> Step:
        """The first page of a list (a new alias or filter); what is held is dropped once it
        lands, and kept if it fails."""
        self.key = key
        self._goal = _Goal(key, 0)
        return self._start(Fetch(key, True, self.size))

    def go(self, move: Move, cursor_row: int | None = None) -> Step:
        key = self.key
        if key is None:
            return WAIT
        run = self._run_of(key)
        if move is Move.RELOAD:
            shown = self.shown if self.shown is not None and self.shown.key == key else None
            fetch = self._reload if shown is not None and self._reload is not None else None
            self.run = None
            self._goal = _Goal(key, shown.offset if shown is not None else 0, cursor_row)
            return self._start(replace(fetch) if fetch else Fetch(key, True, self.size))
        if move is Move.FIRST:
            self._goal = _Goal(key, 0, cursor_row)
            if run is not None and run.start == 0 and not run.has_before:
                return self._settle()
            return self._start(Fetch(key, True, self.size))
        if move is Move.LAST:
            if run is not None and not run.has_after:
                self._goal = _Goal(key, run.end - self.size, cursor_row)
                return self._settle()
            self._goal = _Goal(key, None, cursor_row)
            return self._start(Fetch(key, False, self.size, None, None))
        return self._step(key, move is Move.NEXT, cursor_row)

    def _step(self, key: ListKey, forward: bool, cursor_row: int | None) -> Step:
        """One page on or back from the target in flight, else from the page shown."""
        shown = self.shown
        if shown is None or shown.key != key:
            return WAIT  # the list asked for has no page yet
        goal = self._goal if self._goal is not None and self._goal.key == key else None
        if goal is None:
            if forward and not shown.has_next:
                return Edge("This is the last page.")
            if not forward and not shown.has_previous:
                return Edge("This is the first page.")
            offset = shown.offset + len(shown.records) if forward else shown.offset - self.size
        else:
            if goal.offset is None:
                return WAIT  # the last page is on its way; it is the edge
            end = self._list_end(key)
            if forward and end is not None and goal.offset + self.size >= end:
                return WAIT  # already bound for the last page
            if not forward and goal.offset <= 0:
                return WAIT  # already bound for the first page
            offset = goal.offset + self.size if forward else goal.offset - self.size
            if cursor_row is None:
                cursor_row = goal.cursor_row
        if offset == shown.offset and len(shown.records) == self.size:
            self._goal = None  # back where the table is: nothing to fetch
            return WAIT
        self._goal = _Goal(key, offset, cursor_row)
        return self._settle()

    def prefetch(self) -> Fetch | None:
        """The next page ahead of the user, when it is not held, no fetch is in flight and
        the shown page is the target."""
        shown, run = self.shown, self.run
        if shown is None or run is None or run.key != shown.key or self._goal is not None:
            return None
        if self.loading is not None or self.prefetching is not None:
            return None
        end = shown.offset + len(shown.records)
        if run.holds(end, self.size) or not run.has_after:
            return None
        fetch = run.toward(end, self.size, self.size)
        if fetch is None:
            return None
        self.prefetching = replace(fetch, prefetch=True)
        return self.prefetching

    # ----- what the workers bring -----------------------------------------------------------

    def landed(self, fetch: Fetch, page: Page) -> Step:
        if fetch.prefetch:
            if fetch is not self.prefetching:
                return WAIT
            self.prefetching = None
            run = self._run_of(fetch.key)
            if run is not None:
                run.extend(fetch, page)
            return self._settle() if self._goal is not None else WAIT
        if fetch is not self.loading:
            return WAIT  # replaced by a later request
        self.loading = None
        if fetch.extends:
            run = self._run_of(fetch.key)
            if run is not None:
                run.extend(fetch, page)  # False when a prefetch filled that end first
        else:
            self.run = Run.begin(fetch, page)
            goal = self._goal
            if goal is not None and goal.key == fetch.key and goal.offset is None:
                self._goal = replace(goal, offset=self.run.start)
        return self._settle() if self._goal is not None else WAIT

    def failed(self, fetch: Fetch) -> Failed | None:
        """Forget a failed fetch; None when nobody needs telling (a prefetch, a stale load)."""
        if fetch.prefetch:
            if fetch is self.prefetching:
                self.prefetching = None
            return None
        if fetch is not self.loading:
            return None
        self.loading = None
        self._goal = None
        shown = self.shown
        if shown is not None and shown.key != self.key:
            self.key = shown.key
            return Failed(shown.key)
        return Failed(None)

    # ----- the way to the goal --------------------------------------------------------------

    def _run_of(self, key: ListKey) -> Run | None:
        return self.run if self.run is not None and self.run.key == key else None

    def _list_end(self, key: ListKey) -> int | None:
        run = self._run_of(key)
        return run.list_end if run is not None else None

    def _start(self, fetch: Fetch) -> Step:
        """A fetch that starts afresh: it replaces the load in flight and any prefetch."""
        self.loading = fetch
        self.prefetching = None
        return Load(fetch)

    def _settle(self) -> Step:
        """Show the goal when it is held, else fetch toward it (one fetch at a time)."""
        goal = self._goal
        assert goal is not None
        run = self._run_of(goal.key)
        if run is None or goal.offset is None:
            if self.loading is not None:
                return WAIT
            return self._start(Fetch(goal.key, True, self.size))
        offset = self._clamp(goal.offset, run)
        if offset != goal.offset:
            self._goal = goal = replace(goal, offset=offset)
        if run.holds(offset, self.size):
            return self._show(run, offset, goal.cursor_row)
        if self.loading is not None:
            return WAIT
        fetch = run.toward(offset, self.size, self.fetch_limit)
        if fetch is None:  # nothing leads there (the server changed its mind): start over
            self._goal = _Goal(goal.key, 0, goal.cursor_row)
            return self._start(Fetch(goal.key, True, self.size))
        self.loading = fetch
        return Load(fetch)

    def _clamp(self, offset: int, run: Run) -> int:
        """A target past the end of the list becomes the last page, counted in whole pages
        from the target, so pages keep their places."""
        end = run.list_end
        if end is None or offset < end:
            return offset
        if end <= 0:
            return 0
        return offset - ((offset - end) // self.size + 1) * self.size

    def _show(self, run: Run, offset: int, cursor_row: int | None) -> Show:
        start, items = run.page(offset, self.size)
        end = start + len(items)
        list_end = run.list_end
        view = PageView(
            run.key,
            start,
            [item.data for item in items],
            run.total if run.total is not None else list_end if list_end is not None else end,
            start > 0 and (start > run.start or run.has_before),
            end < run.end or run.has_after,
        )
        shown = self.shown
        same_list = shown is not None and shown.key == view.key
        self.shown, self.key, self._goal = view, view.key, None
        self._reload = self._reload_fetch(run, start, end)
        run.trim(start, end, self.keep)
        return Show(view, same_list, cursor_row if same_list else 0)

    def _reload_fetch(self, run: Run, start: int, end: int) -> Fetch:
        """The fetch that brings the page at `start..end` again, from the cursors held."""
        key = run.key
        if start == 0:
            return Fetch(key, True, self.size)
        before = run.cursor_at(start - 1)
        if before is not None:
            return Fetch(key, True, self.size, before, start)
        if start == run.start and run.lead_known:
            return Fetch(key, True, self.size, run.lead, start)
        after = run.cursor_at(end)
        if after is not None:
            return Fetch(key, False, self.size, after, end)
        if end == run.end and not run.has_after:
            return Fetch(key, False, self.size, None, None)
        return Fetch(key, True, self.size)
