"""Typed value parsing, kind inference from seen values, and value comparison."""

from __future__ import annotations

from explorer.edits.fields import infer_profile, infer_profiles, learn_required
from explorer.edits.values import parse_value, same_value
from explorer.kinds import FieldKind


def test_bad_values_are_refused_with_what_is_expected() -> None:
    assert parse_value(FieldKind.NUMBER, "4.5").error == "expected a whole number, e.g. 42"
    assert parse_value(FieldKind.DATE, "2024-13-01").error == (
        "expected an ISO date, e.g. 2024-03-15"
    )
    assert parse_value(FieldKind.BOOLEAN, "maybe").error == "expected true or false"
    assert "e-mail" in (parse_value(FieldKind.USER_ID, "ana").error or "")
    assert parse_value(FieldKind.JSON, "{oops").error == "expected a JSON value"


def test_good_values_travel_typed_or_as_text_like_the_field() -> None:
    assert parse_value(FieldKind.NUMBER, " 42 ").value == 42
    assert parse_value(FieldKind.NUMBER, "42", as_text=True).value == "42"
    assert parse_value(FieldKind.DECIMAL, "12.50").value == 12.5
    assert parse_value(FieldKind.BOOLEAN, "TRUE").value is True
    assert parse_value(FieldKind.DATETIME, "2024-03-15T09:30").value == "2024-03-15T09:30:00.000Z"
    assert parse_value(FieldKind.MULTI_PICKLIST, "a, b,").value == ["a", "b"]
    assert parse_value(FieldKind.TEXT, "").value is None


def test_kinds_are_inferred_from_values_seen() -> None:
    profiles = infer_profiles(
        [
            {"Handle": "T-1", "Qty": 3, "Cost": 2.5, "Due": "2024-01-02", "Open": True,
             "Owner": "ana@example.com", "Status": "Open", "Tags": ["a"],
             "At": "2024-01-02T03:04:05.000Z", "Title": "Printer jam"},
            {"Handle": "T-2", "Qty": 5, "Cost": 3.0, "Due": None, "Open": False,
             "Owner": "bo@example.com", "Status": "Open", "Tags": ["b", "c"],
             "At": "2024-02-02T03:04:05.000Z", "Title": "Laptop battery"},
        ]
    )  # fmt: skip
    kinds = {name: p.kind for name, p in profiles.items()}
    assert kinds == {
        "Handle": FieldKind.HANDLE,
        "Qty": FieldKind.NUMBER,
        "Cost": FieldKind.DECIMAL,
        "Due": FieldKind.DATE,
        "Open": FieldKind.BOOLEAN,
        "Owner": FieldKind.USER_ID,
        "Status": FieldKind.PICKLIST,
        "Tags": FieldKind.MULTI_PICKLIST,
        "At": FieldKind.DATETIME,
        "Title": FieldKind.TEXT,
    }
    assert profiles["Handle"].read_only
    assert profiles["Status"].choices == ("Open",)
    assert profiles["Tags"].choices == ("a", "b", "c")
    assert infer_profile("Code", ["7", "9"]).as_text


def test_required_fields_are_learned_from_a_refusal() -> None:
    profiles = infer_profiles([{"Title": "x", "Status": "Open", "Priority": 1}])
    marked = learn_required("missing required field(s): Title, Priority", profiles)
    assert sorted(marked) == ["Priority", "Title"]
    assert not profiles["Status"].required
    assert learn_required("field 'Status' expects one of Open, Closed", profiles) == []


def test_values_compare_as_the_api_reads_them() -> None:
    assert same_value("42", 42)
    assert same_value("2024-01-02T00:00:00Z", "2024-01-02T00:00:00.000Z")
    assert same_value("", None)
    assert not same_value("Open", "open")
    assert same_value(["a"], ["a"])
