"""The first page fetched while the app loads is used once, and only for its own list."""

from __future__ import annotations

from explorer.tui.session import Session


def test_early_first_page_is_taken_once() -> None:
    page = object()
    session = Session(profile=None, label="x", early_first_page=lambda: ("tasks/a", 100, page))
    assert session.take_first_page("tasks/a", 100) is page
    assert session.take_first_page("tasks/a", 100) is None


def test_early_first_page_of_another_list_is_dropped() -> None:
    session = Session(profile=None, label="x", early_first_page=lambda: ("tasks/a", 100, object()))
    assert session.take_first_page("tasks/b", 100) is None
    assert session.take_first_page("tasks/a", 100) is None
    assert session.take_first_page("tasks/a", 50) is None


def test_no_early_page_when_it_has_not_arrived() -> None:
    session = Session(profile=None, label="x", early_first_page=lambda: None)
    assert session.take_first_page("tasks/a", 100) is None
