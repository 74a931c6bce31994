"""Parsing both dialects: operators, spellings, quoting, lists, precedence and grouping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.rsql import OPERATORS, And, Comparison, Or, format_filter, parse, tree
from explorer.rsql.operators import BY_NAME


def ok_tree(text: str, dialect: str = "elementum") -> str:
    result = parse(text, dialect)
    assert result.ok, result.diagnostic
    assert result.ast is not None
    return tree(result.ast, dialect)


def test_typical_filter_tree() -> None:
    text = "Status==Open;Priority=ge=3,Title=lk=*urgent*;Owner=in=(alice,bob,carol)"
    assert ok_tree(text) == (
        "OR(AND(Status==Open,Priority=ge=3),AND(Title=lk=*urgent*,Owner=in=(alice,bob,carol)))"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a==1", "a==1"),
        ("a!=1", "a!=1"),
        ("a=gt=1", "a=gt=1"),
        ("a>1", "a=gt=1"),
        ("a=ge=1", "a=ge=1"),
        ("a>=1", "a=ge=1"),
        ("a=lt=1", "a=lt=1"),
        ("a<1", "a=lt=1"),
        ("a=le=1", "a=le=1"),
        ("a<=1", "a=le=1"),
        ("a=in=(1,2)", "a=in=(1,2)"),
        ("a=in=1", "a=in=(1)"),
        ("a=in=1:2:3", "a=in=(1,2,3)"),
        ("a!in=(1,2)", "a!in=(1,2)"),
        ("a=out=(1,2)", "a!in=(1,2)"),
        ("a=bt=(1,10)", "a=bt=(1,10)"),
        ("a=bt=1:10", "a=bt=(1,10)"),
        ("a!bt=1:10", "a!bt=(1,10)"),
        ("a=lk=*x*", "a=lk=*x*"),
        ("a!lk=x", "a!lk=x"),
        ("a=lki=X", "a=lki=X"),
        ("a!lki=X", "a!lki=X"),
        ("a==(1)", "a==1"),
    ],
)
def test_every_operator_and_spelling(text: str, expected: str) -> None:
    assert ok_tree(text) == expected


def test_operator_table_spellings_all_parse() -> None:
    for op in OPERATORS:
        for spelling in op.spellings:
            args = "(1,2)" if op.multi_value else "1"
            result = parse(f"Field{spelling}{args}")
            assert result.ok, (spelling, result.diagnostic)
            assert isinstance(result.ast, Comparison)
            assert result.ast.op is op


def test_selectors_with_inner_spaces_and_spaced_tokens() -> None:
    assert ok_tree("Created At!=null") == "Created At!=null"
    assert ok_tree("  Created At  ==  2024-01-01 ") == "Created At==2024-01-01"


def test_bare_value_with_inner_spaces_is_one_value() -> None:
    assert ok_tree("Status==In Progress;a==1") == 'AND(Status=="In Progress",a==1)'


def test_quotes_and_escapes() -> None:
    assert ok_tree("a=='x y'") == 'a=="x y"'
    assert ok_tree('a=="say \\"hi\\""') == 'a=="say \\"hi\\""'
    assert ok_tree("a=='it\\'s'") == 'a=="it\'s"'
    assert ok_tree('a=="back\\\\slash"') == 'a=="back\\\\slash"'
    assert ok_tree('a==""') == 'a==""'
    assert ok_tree("a=='(;,)'") == 'a=="(;,)"'
    result = parse("a=='it\\'s'")
    assert isinstance(result.ast, Comparison)
    assert result.ast.args == ("it's",)


def test_colon_inside_values() -> None:
    assert ok_tree("At=gt=2022-03-15T07:58:30.000Z") == "At=gt=2022-03-15T07:58:30.000Z"
    assert ok_tree("At=in=(2022-03-15T07:58:30Z,x)") == "At=in=(2022-03-15T07:58:30Z,x)"
    assert ok_tree("a=in='x:y':z") == "a=in=(x:y,z)"


def test_precedence_and_binds_tighter() -> None:
    assert ok_tree("a==1,b==2;c==3") == "OR(a==1,AND(b==2,c==3))"
    assert ok_tree("a==1;b==2,c==3") == "OR(AND(a==1,b==2),c==3)"
    assert ok_tree("a==1 and b==2 or c==3") == "OR(AND(a==1,b==2),c==3)"


def test_grouping_is_kept_and_single_groups_collapse() -> None:
    assert ok_tree("(a==1;b==2);c==3") == "AND(AND(a==1,b==2),c==3)"
    assert ok_tree("a==1;b==2;c==3") == "AND(a==1,b==2,c==3)"
    assert ok_tree("((a==1))") == "a==1"
    assert ok_tree("(a==1,b==2);c==3") == "AND(OR(a==1,b==2),c==3)"
    assert ok_tree("a==1 and (b==2 or c==3)") == "AND(a==1,OR(b==2,c==3))"


def test_spans_point_into_the_source() -> None:
    text = "Status==Open;Owner=in=(alice, bob)"
    result = parse(text)
    assert isinstance(result.ast, And)
    second = result.ast.children[1]
    assert isinstance(second, Comparison)
    assert text[second.span[0] : second.span[1]] == "Owner=in=(alice, bob)"
    assert text[slice(*second.selector_span)] == "Owner"
    assert text[slice(*second.op_span)] == "=in="
    assert [text[slice(*s)] for s in second.arg_spans] == ["alice", "bob"]


def test_equality_ignores_spans() -> None:
    assert parse("a==1;b==2").ast == parse(" a == 1 ; b == 2 ").ast
    assert parse("a==1").ast == Comparison("a", BY_NAME["EQ"], ("1",))


def test_round_trip_through_format() -> None:
    for text in [
        "(a==1;b==2);c==3",
        "a==1,(b==2,c==3)",
        "a=in=(x y,'q\"')",
        "Created At=ge=2021-01-01T07:58:30.000Z",
        "a==null;b!=''",
    ]:
        ast = parse(text).ast
        assert ast is not None
        assert parse(format_filter(ast)).ast == ast


def test_long_filters_do_not_recurse() -> None:
    text = ";".join(f"a=={i}" for i in range(1000))
    result = parse(text, max_length=None)
    assert isinstance(result.ast, And)
    assert len(result.ast.children) == 1000
    assert isinstance(parse(",".join(f"a=={i}" for i in range(400))).ast, Or)


def openapi_examples() -> list[str]:
    # The published spec, kept in the repository beside the sandbox's contract tests.
    spec = Path(__file__).resolve().parents[1] / "sandbox" / "openapi.json"
    data = json.loads(spec.read_text())
    examples = data["components"]["parameters"]["filter"]["examples"]
    return [e["value"] for e in examples.values() if e["value"].strip()]


def test_every_openapi_filter_example_parses() -> None:
    examples = openapi_examples()
    assert len(examples) >= 15
    for text in examples:
        result = parse(text)
        assert result.ok, (text, result.diagnostic)
