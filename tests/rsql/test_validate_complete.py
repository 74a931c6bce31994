"""Warnings against a known field list, and completions at the cursor."""

from __future__ import annotations

from explorer.kinds import FieldKind
from explorer.rsql import Node, complete, parse, validate

FIELDS = {
    "Status": FieldKind.PICKLIST,
    "Priority": FieldKind.NUMBER,
    "Due": FieldKind.DATE,
    "Done": FieldKind.BOOLEAN,
    "Created At": FieldKind.DATETIME,
    "Title": FieldKind.TEXT,
}
NAMES = list(FIELDS)
VALUES = {"Status": ["Open", "Closed", "In Progress"]}


def ast_of(text: str) -> Node:
    result = parse(text)
    assert result.ast is not None, result.diagnostic
    return result.ast


def test_unknown_field_is_a_warning_with_a_suggestion() -> None:
    (warning,) = validate(ast_of("Title==x;Stauts==Open"), FIELDS)
    assert warning.severity == "warning"
    assert warning.message == "unknown field 'Stauts'; did you mean 'Status'?"
    assert (warning.offset, warning.length, warning.column) == (9, 6, 10)
    (lower,) = validate(ast_of("status==Open"), FIELDS)
    assert lower.message == "unknown field 'status'; did you mean 'Status'?"
    (far,) = validate(ast_of("Zzz==1"), FIELDS)
    assert far.message == "unknown field 'Zzz'"


def test_values_that_cannot_be_of_the_kind_are_warnings() -> None:
    text = "Priority=gt=high;Due=ge=2024-13-01;Done==yes;Created At=lt=soon;Priority=in=(1,x)"
    messages = [(w.column, w.message) for w in validate(ast_of(text), FIELDS)]
    assert messages == [
        (
            text.index("high") + 1,
            "'high' does not fit 'Priority' (NUMBER: a whole number, e.g. 42)",
        ),
        (
            text.index("2024-13") + 1,
            "'2024-13-01' does not fit 'Due' (DATE: an ISO date, e.g. 2024-03-15)",
        ),
        (text.index("yes") + 1, "'yes' does not fit 'Done' (BOOLEAN: true or false)"),
        (
            text.index("soon") + 1,
            "'soon' does not fit 'Created At' "
            "(DATETIME: an ISO datetime, e.g. 2024-03-15T09:30:00.000Z)",
        ),
        (text.index("x)") + 1, "'x' does not fit 'Priority' (NUMBER: a whole number, e.g. 42)"),
    ]


def test_valid_filters_and_patterns_give_no_warnings() -> None:
    text = "Priority=ge=3;Due!=null;Done==TRUE;Title=lk=*x*;Priority=lk=1*;Status==Open"
    assert validate(ast_of(text), FIELDS) == []


def pairs(text: str, cursor: int | None = None) -> list[tuple[str, int, int, str]]:
    at = len(text) if cursor is None else cursor
    return [(c.text, c.start, c.end, c.kind) for c in complete(text, at, NAMES, VALUES)]


def test_fields_at_the_start_and_after_separators() -> None:
    assert pairs("")[:2] == [("Status", 0, 0, "field"), ("Priority", 0, 0, "field")]
    assert pairs("Pri") == [("Priority", 0, 3, "field")]
    assert pairs("Status==Open;Cre") == [("Created At", 13, 16, "field")]
    assert pairs("a==1 and (Ti") == [("Title", 10, 12, "field")]
    assert pairs("Pri==1", 2) == [("Priority", 0, 3, "field")]


def test_operators_after_a_field() -> None:
    found = complete("Status", 6, NAMES, VALUES)
    assert (found[0].text, found[0].kind) == ("Status", "field")
    operators = [c for c in found if c.kind == "operator"]
    assert operators[0].text == "==" and (operators[0].start, operators[0].end) == (6, 6)
    assert {c.text for c in complete("Priority=g", 10, NAMES, VALUES)} == {"=gt=", "=ge="}
    ge = next(c for c in complete("Priority=g", 10, NAMES, VALUES) if c.text == "=ge=")
    assert (ge.start, ge.end, ge.help) == (8, 10, "greater than or equal to")


def test_a_field_name_may_go_on_after_a_space() -> None:
    found = pairs("Created ")
    assert found[0] == ("Created At", 0, 8, "field")
    assert ("==", 8, 8, "operator") in found


def test_known_values_quoted_when_needed() -> None:
    assert pairs("Status==O")[:2] == [("Open", 8, 9, "value"), ("Closed", 8, 9, "value")]
    assert pairs("Status==In")[0] == ('"In Progress"', 8, 10, "value")
    assert pairs('Status=="In')[0] == ('"In Progress"', 8, 11, "value")
    assert ("null", 8, 8, "value") in pairs("Status==")
    assert pairs("Status=in=")[0] == ("Open", 10, 10, "value")
    assert {c[0] for c in pairs("Priority<")} == {"<", "<="}
    in_list = pairs("Status=in=(Open,")
    assert in_list[0] == ("Open", 16, 16, "value")


def test_separators_after_a_value() -> None:
    assert pairs("Status==Open ") == [(";", 13, 13, "separator"), (",", 13, 13, "separator")]
    assert (")", 13, 13, "separator") in pairs("(Status==Open")
    assert (")", 15, 15, "separator") in pairs("Status=in=(Open")


def test_nothing_fits_after_garbage() -> None:
    assert pairs("Status==Open)") == []
    assert pairs("==") == []
