"""The standard dialect: exactly what jirutka rsql-parser 2.1 accepts and rejects."""

from __future__ import annotations

import pytest

from explorer.rsql import Comparison, parse, tree


def std_tree(text: str) -> str:
    result = parse(text, "standard")
    assert result.ast is not None, result.diagnostic
    return tree(result.ast, "standard")


def std_error(text: str) -> str:
    result = parse(text, "standard")
    assert result.diagnostic is not None, text
    return result.diagnostic.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a==1", "a==1"),
        ("a!=1", "a!=1"),
        ("a=lt=1", "a=lt=1"),
        ("a<1", "a=lt=1"),
        ("a=le=1", "a=le=1"),
        ("a<=1", "a=le=1"),
        ("a=gt=1", "a=gt=1"),
        ("a>1", "a=gt=1"),
        ("a=ge=1", "a=ge=1"),
        ("a>=1", "a=ge=1"),
        ("a=in=(1,2)", "a=in=(1,2)"),
        ("a=in=1", "a=in=(1)"),
        ("a=out=(1,2)", "a=out=(1,2)"),
        ("a==(1)", "a==1"),
        ("a.b/c:d==1", "a.b/c:d==1"),
        ("a==1;b==2,c==3", "OR(AND(a==1,b==2),c==3)"),
        ("a==1 and b==2 or c==3", "OR(AND(a==1,b==2),c==3)"),
        ("a==1  and  b==2", "AND(a==1,b==2)"),
        ("(a==1,b==2);c==3", "AND(OR(a==1,b==2),c==3)"),
        ("a == 1", "a==1"),
        ("a=in=( 1 , 2 )", "a=in=(1,2)"),
        ("a=='x y'", 'a=="x y"'),
        ('a=="it\\"s"', 'a=="it\\"s"'),
        ("a=='\\n'", "a==n"),
        ("a==''", 'a==""'),
        ("a==x:y", "a==x:y"),
        ("a==ž*.?", "a==ž*.?"),
        ("a==\\x", 'a=="\\\\x"'),
    ],
)
def test_standard_accepts(text: str, expected: str) -> None:
    assert std_tree(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a=foo=b", "operator =foo= is unknown"),
        ('"a"==b', "field names are not quoted; write the name bare"),
        ("a==1 AND b==2", "'AND' is not a separator: write 'and'/'or' in lower case, or ';'/','"),
        ("a=in=()", "expected a value after =in=, not ')'"),
        ("a==(b,c)", "== takes exactly one value"),
        ("a=b", "'=' alone is not an operator; did you mean ==?"),
        ("a!in=(1)", "operator !in= is not part of the standard dialect"),
        ("a=lk=x", "operator =lk= is not part of the standard dialect"),
        ("a=bt=(1,2)", "operator =bt= is not part of the standard dialect"),
        ("a=nin=(1)", "operator =nin= is unknown; did you mean =out=?"),
        ("a b==1", "expected an operator after 'a', not 'b'"),
        ("a==b c", "expected ';' or ',' before 'c'"),
        (
            "a==b=c",
            "unexpected '=': quote a value that contains '=', or put ';' or ',' "
            "between comparisons",
        ),
        ("a==1;", "expected a field name after ';'"),
        ("(a==1", "unclosed '(' opened at column 1"),
        ("a==1)", "unbalanced ')' at column 5"),
    ],
)
def test_standard_rejects(text: str, message: str) -> None:
    assert std_error(text) == message


def test_colon_lists_are_elementum_only() -> None:
    result = parse("a=in=1:2", "standard")
    assert isinstance(result.ast, Comparison)
    assert result.ast.args == ("1:2",)


def test_selectors_with_spaces_are_elementum_only() -> None:
    assert parse("Created At==1").ok
    assert not parse("Created At==1", "standard").ok


def test_not_in_prints_in_each_dialects_spelling() -> None:
    ast = parse("a=out=(1,2)").ast
    assert ast is not None
    assert tree(ast) == "a!in=(1,2)"
    assert tree(ast, "standard") == "a=out=(1,2)"
