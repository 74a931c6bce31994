"""The page controller on its own: a list served by a stand-in for `list_page` that pages by
cursor as the API does, so every rule of paging is checked without a terminal."""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.api.models import Page, PageItem, PagingState
from explorer.browse import Edge, Fetch, ListKey, Load, Move, PageController, Show, Step, Wait

KEY = ListKey("tasks", "ittickets")


@dataclass
class Server:
    """`records` records with cursors `c0`, `c1`…; answers fetches like the API's cursor paging."""

    records: int
    calls: list[Fetch] = field(default_factory=list)

    def answer(self, fetch: Fetch) -> Page:
        self.calls.append(fetch)
        if fetch.forward:
            low = 0 if fetch.cursor is None else int(fetch.cursor[1:]) + 1
            high = min(self.records, low + fetch.count)
        else:
            high = self.records if fetch.cursor is None else int(fetch.cursor[1:])
            low = max(0, high - fetch.count)
        items = [PageItem(f"c{i}", {"Handle": f"ITM-{i + 1}"}) for i in range(low, high)]
        paging = PagingState(
            has_previous_page=low > 0,
            start_cursor=items[0].cursor if items else None,
            end_cursor=items[-1].cursor if items else None,
            has_next_page=high < self.records,
        )
        return Page(items, self.records, paging)


def first_handle(step: Step) -> str:
    assert isinstance(step, Show), step
    return str(step.view.records[0]["Handle"])


def run_out(controller: PageController, server: Server, step: Step) -> Step:
    """Answer each fetch the controller asks for until it shows a page or waits."""
    while isinstance(step, Load):
        step = controller.landed(step.fetch, server.answer(step.fetch))
    return step


def opened(records: int = 250, size: int = 100) -> tuple[PageController, Server]:
    controller, server = PageController(size), Server(records)
    shown = run_out(controller, server, controller.open(KEY))
    assert isinstance(shown, Show) and shown.view.offset == 0
    return controller, server


def test_the_first_page_then_the_prefetched_next_without_a_fetch() -> None:
    controller, server = opened()
    assert [f.params() for f in server.calls] == [{"filter": None, "first": 100, "after": None}]
    ahead = controller.prefetch()
    assert ahead is not None and ahead.params() == {"filter": None, "first": 100, "after": "c99"}
    assert isinstance(controller.landed(ahead, server.answer(ahead)), Wait)
    step = controller.go(Move.NEXT)
    assert first_handle(step) == "ITM-101"
    assert isinstance(step, Show) and step.same_list and step.view.offset == 100
    assert len(server.calls) == 2


def test_thirty_presses_while_a_page_loads_move_thirty_pages_showing_only_the_last() -> None:
    controller, server = opened(records=5000)
    first = controller.go(Move.NEXT)
    assert isinstance(first, Load)
    steps = [controller.go(Move.NEXT) for _ in range(29)]
    assert all(isinstance(step, Wait) for step in steps)  # one fetch in flight at a time
    shown: list[Step] = []
    step: Step = first
    while isinstance(step, Load):
        step = controller.landed(step.fetch, server.answer(step.fetch))
        shown.append(step)
    assert [s for s in shown if isinstance(s, Show)] == [step]  # no page on the way is drawn
    assert isinstance(step, Show) and step.view.offset == 3000
    assert first_handle(step) == "ITM-3001"
    # The way there is walked in large fetches, never more than the API allows.
    assert len(server.calls) <= 1 + 1 + 3
    assert max(f.count for f in server.calls) <= 1000
    # Paging back over pages walked past needs no fetch.
    calls = len(server.calls)
    assert first_handle(controller.go(Move.PREVIOUS)) == "ITM-2901"
    assert len(server.calls) == calls


def test_presses_back_and_forth_while_loading_add_up() -> None:
    controller, server = opened(records=2000)
    step = controller.go(Move.NEXT)
    for move in [Move.NEXT] * 4 + [Move.PREVIOUS] * 2:
        assert isinstance(controller.go(move), Wait)
    assert first_handle(run_out(controller, server, step)) == "ITM-301"


def test_presses_past_the_end_stop_at_the_last_page_then_say_so() -> None:
    controller, server = opened(records=250)
    step = controller.go(Move.NEXT)
    for _ in range(9):
        controller.go(Move.NEXT)
    shown = run_out(controller, server, step)
    assert isinstance(shown, Show) and (shown.view.offset, len(shown.view.records)) == (200, 50)
    assert not shown.view.has_next
    assert controller.go(Move.NEXT) == Edge("This is the last page.")


def test_first_page_says_so_and_home_end_and_back_keep_the_cursor_row() -> None:
    controller, server = opened(records=250)
    assert controller.go(Move.PREVIOUS) == Edge("This is the first page.")
    last = run_out(controller, server, controller.go(Move.LAST))
    assert isinstance(last, Show) and last.view.offset == 150
    assert server.calls[-1].params() == {"filter": None, "last": 100, "before": None}
    back = run_out(controller, server, controller.go(Move.PREVIOUS, cursor_row=99))
    assert isinstance(back, Show) and (back.view.offset, back.cursor_row) == (50, 99)
    assert server.calls[-1].params() == {"filter": None, "last": 100, "before": "c150"}
    # Less than a page is left before: the page is cut at the start, as the server cuts it.
    cut = run_out(controller, server, controller.go(Move.PREVIOUS))
    assert isinstance(cut, Show) and (cut.view.offset, len(cut.view.records)) == (0, 50)
    home = run_out(controller, server, controller.go(Move.FIRST))
    assert isinstance(home, Show) and home.view.offset == 0 and len(home.view.records) == 100


def test_a_new_filter_that_fails_gives_the_shown_list_back() -> None:
    controller, server = opened()
    load = controller.open(ListKey("tasks", "ittickets", "Status==Open"))
    assert isinstance(load, Load) and controller.filter_text == "Status==Open"
    failure = controller.failed(load.fetch)
    assert failure is not None and failure.restored == KEY
    assert controller.key == KEY and controller.shown is not None
    # What was held for the shown list still serves it.
    ahead = controller.prefetch()
    assert ahead is not None
    controller.landed(ahead, server.answer(ahead))
    assert first_handle(controller.go(Move.NEXT)) == "ITM-101"


def test_a_failed_prefetch_or_a_replaced_load_is_nobody_s_business() -> None:
    controller, server = opened()
    ahead = controller.prefetch()
    assert ahead is not None and controller.failed(ahead) is None
    old = controller.open(ListKey("tasks", "ittickets", "A==1"))
    new = controller.open(ListKey("tasks", "ittickets", "A==2"))
    assert isinstance(old, Load) and isinstance(new, Load)
    assert controller.failed(old.fetch) is None
    assert isinstance(controller.landed(old.fetch, server.answer(old.fetch)), Wait)
    shown = controller.landed(new.fetch, server.answer(new.fetch))
    assert isinstance(shown, Show) and shown.view.key.filter == "A==2" and not shown.same_list


def test_reload_fetches_the_shown_page_again() -> None:
    controller, server = opened(records=5000)
    step = controller.go(Move.NEXT)
    for _ in range(11):
        controller.go(Move.NEXT)
    assert first_handle(run_out(controller, server, step)) == "ITM-1201"
    reload = controller.go(Move.RELOAD)
    assert isinstance(reload, Load) and reload.fetch.params()["first"] == 100
    shown = run_out(controller, server, reload)
    assert isinstance(shown, Show) and shown.view.offset == 1200
    assert first_handle(shown) == "ITM-1201"


def test_what_is_held_stays_bounded() -> None:
    controller, server = PageController(100, keep=500), Server(10_000)
    step: Step = run_out(controller, server, controller.open(KEY))
    for _ in range(40):
        step = run_out(controller, server, controller.go(Move.NEXT))
        assert controller.run is not None and len(controller.run.items) <= 600
    assert first_handle(step) == "ITM-4001"
    assert first_handle(run_out(controller, server, controller.go(Move.PREVIOUS))) == "ITM-3901"


def test_an_empty_list_has_one_empty_page() -> None:
    controller, server = PageController(100), Server(0)
    shown = run_out(controller, server, controller.open(KEY))
    assert isinstance(shown, Show) and shown.view.records == [] and shown.view.total == 0
    assert controller.go(Move.NEXT) == Edge("This is the last page.")
    assert controller.prefetch() is None
