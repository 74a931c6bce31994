"""The filter bar's parts without a screen: colouring scan, checks, clauses, history."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from explorer.config.state import StateStore
from explorer.kinds import FieldKind
from explorer.tui.filter import Verdict, check_filter
from explorer.tui.filter.clauses import and_clause, clause
from explorer.tui.filter.history import HISTORY_LIMIT, FilterHistory
from explorer.tui.filter.tokens import TokenKind, has_top_level_or, tokenize

FIELDS = {"Priority": FieldKind.NUMBER, "Status": FieldKind.PICKLIST}


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind.value, text[t.start : t.end]) for t in tokenize(text)]


def test_each_part_of_a_filter_gets_its_colour_class() -> None:
    text = 'Created At=gt=2024-03-15T09:30:00.000Z;Status=in=(Open,"In Review") or X!=null'
    assert kinds(text) == [
        ("selector", "Created At"),
        ("operator", "=gt="),
        ("value", "2024-03-15T09:30:00.000Z"),
        ("and", ";"),
        ("selector", "Status"),
        ("operator", "=in="),
        ("list", "("),
        ("value", "Open"),
        ("list", ","),
        ("quoted", '"In Review"'),
        ("list", ")"),
        ("or", "or"),
        ("selector", "X"),
        ("operator", "!="),
        ("null", "null"),
    ]


def test_colon_lists_split_only_for_list_operators() -> None:
    assert [k for k, _ in kinds("N=bt=1:10")] == ["selector", "operator", "value", "list", "value"]
    assert kinds("At=ge=09:30")[-1] == ("value", "09:30")


def test_only_ors_outside_parentheses_count_as_top_level() -> None:
    assert has_top_level_or("A==1,B==2")
    assert has_top_level_or("A==1 or B==2")
    assert not has_top_level_or("(A==1,B==2);C==3")
    assert not has_top_level_or("A=in=(1,2)")
    assert not has_top_level_or('Title=="a,b"')


@given(st.text(alphabet=st.sampled_from(list("ab =!<>;,()'\"\\:*-1")), max_size=40))
def test_any_text_scans_into_ordered_spans_inside_it(text: str) -> None:
    tokens = tokenize(text)
    position = 0
    for token in tokens:
        assert position <= token.start < token.end <= len(text)
        position = token.end
    assert all(token.kind in TokenKind for token in tokens)


def test_cell_clauses_are_quoted_and_and_ed_after_an_or_is_grouped() -> None:
    assert clause("Title", "==", "disk full") == 'Title=="disk full"'
    assert clause("Assignee", "!=", None) == "Assignee!=null"
    assert and_clause("", "A==1") == "A==1"
    assert and_clause("A==1,B==2", "C==3") == "(A==1,B==2);C==3"
    assert and_clause("A==1;B==2 ", "C==3") == "A==1;B==2;C==3"


def test_check_wording() -> None:
    assert check_filter("  ", FIELDS).verdict is Verdict.EMPTY
    assert check_filter("Priority=ge=3", FIELDS).message == "✓ valid"
    wrong_kind = check_filter("Priority==high", FIELDS)
    assert wrong_kind.verdict is Verdict.WARNING
    assert wrong_kind.message.startswith("⚠ col 11: 'high' does not fit 'Priority'")
    assert wrong_kind.valid
    two = check_filter("Priority==high;Stat==Open", FIELDS)
    assert two.message.endswith("(+1 more)")
    broken = check_filter("Status==Open;", FIELDS)
    assert broken.verdict is Verdict.ERROR and not broken.valid
    assert broken.message == "✗ col 14: expected a field name after ';'"


def test_history_dedupes_keeps_newest_last_caps_and_persists(tmp_path: Path) -> None:
    history = FilterHistory(StateStore("filter_history", tmp_path))
    history.load("sandbox:tasks/ittickets")
    for number in range(HISTORY_LIMIT + 5):
        history.record(f"Priority=={number}")
    history.record("Priority==7")
    history.record("  ")
    entries = history.entries
    assert len(entries) == HISTORY_LIMIT
    assert entries[-1] == "Priority==7"
    assert entries.count("Priority==7") == 1
    assert entries[0] == "Priority==5"

    reopened = FilterHistory(StateStore("filter_history", tmp_path))
    reopened.load("sandbox:tasks/ittickets")
    assert reopened.entries == entries
    reopened.load("sandbox:tasks/other")
    assert reopened.entries == []


def test_history_recall_keeps_the_draft(tmp_path: Path) -> None:
    history = FilterHistory(StateStore("filter_history", tmp_path))
    history.load("k")
    history.record("A==1")
    history.record("B==2")
    assert history.back("C==") == "B==2"
    assert history.back("B==2") == "A==1"
    assert history.back("A==1") is None
    assert history.forward() == "B==2"
    assert history.forward() == "C=="
    assert history.forward() is None
