"""Typed value parsing, kind inference from seen values, and value comparison."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import httpx

from explorer.edits.fields import infer_profile, infer_profiles, learn_required
from explorer.edits.values import EDITABLE_KINDS, expectation, parse_value, same_value
from explorer.kinds import (
    RULES,
    Align,
    FieldKind,
    expected_text,
    infer_kind,
    value_fits,
)
from explorer.rsql import Diagnostic, parse, validate
from explorer.sandbox import RunningSandbox
from explorer.sandbox.schema import COLLECTIONS
from explorer.tui.records import sort_records


def validate_filter(text: str, kinds: dict[str, FieldKind]) -> list[Diagnostic]:
    result = parse(text)
    assert result.ast is not None, result.diagnostic
    return validate(result.ast, kinds)


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


# --- the one table of field kinds --------------------------------------------------------


def test_every_kind_has_one_row_that_the_shared_readers_follow() -> None:
    assert set(RULES) == set(FieldKind)
    for kind, rule in RULES.items():
        assert rule.kind is kind
        assert kind.rule is rule
        assert expected_text(kind) == rule.expected
        assert value_fits(kind, "42") == rule.fits("42")
        assert rule.affinity in ("TEXT", "INTEGER", "REAL")
    assert [k for k, r in RULES.items() if r.align is Align.RIGHT] == [
        FieldKind.NUMBER,
        FieldKind.DECIMAL,
    ]
    assert set(FieldKind) - {FieldKind.HANDLE, FieldKind.ATTACHMENT_ID} == EDITABLE_KINDS


def test_the_editor_hint_and_choices_come_from_the_table() -> None:
    assert expectation(FieldKind.MULTI_PICKLIST) == "values separated by commas"
    assert expectation(FieldKind.DATE) == "an ISO date, e.g. 2024-03-15"
    assert expectation(FieldKind.PICKLIST, ("Open", "Closed")) == (
        "a choice such as Open, Closed (seen so far)"
    )
    assert infer_profile("Open", [True, False]).choices == ("true", "false")
    assert infer_profile("Open", ["true", "false"]).choices == ("true", "false")


def test_the_sandbox_stores_each_kind_with_the_tables_affinity(sandbox: RunningSandbox) -> None:
    conn = sqlite3.connect(sandbox.options.resolved_db_path())
    try:
        for collection in COLLECTIONS:
            declared = {
                row[1]: row[2] for row in conn.execute(f'PRAGMA table_info("{collection.table}")')
            }
            for index, spec in enumerate(collection.fields):
                assert declared[f"c{index}"] == spec.kind.rule.affinity, spec.name
    finally:
        conn.close()


# --- values the server sends as strings (the spec's shape) -------------------------------


def test_strings_and_typed_values_give_the_same_kind() -> None:
    cases = [
        ([3, 10, 2], ["3", "10", "2"], FieldKind.NUMBER),
        ([2.5, 3.0], ["2.5", "3.0"], FieldKind.DECIMAL),
        ([3.0], ["3.0"], FieldKind.DECIMAL),
        ([True, False], ["true", "FALSE"], FieldKind.BOOLEAN),
        (["2020-04-04", None], ["2020-04-04", ""], FieldKind.DATE),
        (["2024-01-02T03:04:05.000Z"], ["2024-01-02T03:04:05Z"], FieldKind.DATETIME),
    ]
    for typed, strings, kind in cases:
        assert infer_kind(typed) is kind, typed
        assert infer_kind(strings) is kind, strings
    assert infer_kind([[], ["a"]]) is FieldKind.MULTI_PICKLIST
    assert infer_kind([None, ""]) is FieldKind.TEXT


def login(http: httpx.Client, sandbox: RunningSandbox) -> None:
    answer = http.post(
        "/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
        },
    )
    http.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"


def first_page(sandbox: RunningSandbox) -> list[dict[str, Any]]:
    with httpx.Client(base_url=sandbox.base_url) as http:
        login(http, sandbox)
        page = http.get("/v1/tasks/ittickets", params={"first": 100}).json()
    return [item["data"] for item in page["items"]]


def test_a_page_of_strings_is_read_like_the_same_page_typed(
    sandbox: RunningSandbox, literal_sandbox: RunningSandbox
) -> None:
    typed, strings = first_page(sandbox), first_page(literal_sandbox)
    assert all(isinstance(v, str) for record in strings for v in record.values())
    typed_profiles, string_profiles = infer_profiles(typed), infer_profiles(strings)
    lists = {name for name, p in typed_profiles.items() if p.kind is FieldKind.MULTI_PICKLIST}
    assert lists == {"Labels"}
    shared = [name for name in string_profiles if name in typed_profiles and name not in lists]
    assert len(shared) >= 10
    for name in shared:
        profile, seen = typed_profiles[name], string_profiles[name]
        # The same kind, so the same alignment, editor hint and choices...
        assert seen.kind is profile.kind, name
        assert seen.kind.rule.align is profile.kind.rule.align
        assert seen.choices == profile.choices, name
        # ...the same order when sorted...
        assert sort_records(strings, name, kind=seen.kind) == sort_records(
            typed, name, kind=profile.kind
        ), name
        # ...and the same verdict on what a person types into an edit or a filter.
        for text in ("4", "2.5", "true", "2024-03-15", "soon"):
            assert parse_value(seen.kind, text).error == parse_value(profile.kind, text).error
            assert value_fits(seen.kind, text) == value_fits(profile.kind, text)
    kinds = {name: p.kind for name, p in string_profiles.items()}
    assert kinds["Priority"] is FieldKind.NUMBER
    assert kinds["Escalated"] is FieldKind.BOOLEAN
    assert kinds["Due Date"] is FieldKind.DATE
    assert kinds["Estimate Hours"] is FieldKind.DECIMAL
    warnings = validate_filter("Priority=ge=high;Escalated==yes;Due Date=lt=2024-03-15", kinds)
    assert [w.message.split(" (")[0] for w in warnings] == [
        "'high' does not fit 'Priority'",
        "'yes' does not fit 'Escalated'",
    ]


def test_an_edit_of_a_string_field_goes_back_as_a_string(
    make_sandbox: Callable[..., RunningSandbox],
) -> None:
    server = make_sandbox(spec_literal="keyed")
    profiles = infer_profiles(first_page(server))
    changes = {}
    for name, text in (("Priority", "4"), ("Escalated", "TRUE"), ("Estimate Hours", "2.50")):
        parsed = parse_value(profiles[name].kind, text, as_text=profiles[name].as_text)
        assert isinstance(parsed.value, str), name
        changes[name] = parsed.value
    assert changes == {"Priority": "4", "Escalated": "true", "Estimate Hours": "2.50"}
    with httpx.Client(base_url=server.base_url) as http:
        login(http, server)
        answer = http.put("/v1/tasks/ittickets/ITM-1", json=changes)
        assert answer.status_code == 200, answer.text
        saved = http.get("/v1/tasks/ittickets/ITM-1").json()
    assert (saved["Priority"], saved["Escalated"], saved["Estimate Hours"]) == ("4", "true", "2.5")


def test_an_edit_goes_back_in_the_shape_the_server_used() -> None:
    strings = infer_profiles([{"Priority": "3", "Done": "false", "Cost": "2.50"}] * 2)
    typed = infer_profiles([{"Priority": 3, "Done": False, "Cost": 2.5}] * 2)
    for name, text, as_string, as_typed in [
        ("Priority", " 007 ", "007", 7),
        ("Done", "TRUE", "true", True),
        ("Cost", "12.50", "12.50", 12.5),
    ]:
        sent = parse_value(strings[name].kind, text, as_text=strings[name].as_text).value
        assert sent == as_string and isinstance(sent, str)
        sent = parse_value(typed[name].kind, text, as_text=typed[name].as_text).value
        assert sent == as_typed and type(sent) is type(as_typed)


def test_colon_equals_sends_the_json_value_whatever_the_field() -> None:
    assert parse_value(FieldKind.NUMBER, ":=42", as_text=True).value == 42
    assert parse_value(FieldKind.TEXT, ':= {"a": [1]}').value == {"a": [1]}
    assert parse_value(FieldKind.BOOLEAN, ":=null").value is None
    assert parse_value(FieldKind.TEXT, ":=oops").error == "expected a JSON value after :="


def test_a_field_filled_in_every_record_seen_is_always_filled() -> None:
    assert infer_profile("Title", ["a", "b"]).always_filled
    assert not infer_profile("Resolved At", ["2024-01-01", None]).always_filled
    assert not infer_profile("Notes", [None, ""]).always_filled
