"""Every diagnostic a person can meet: message, offset, length and column."""

from __future__ import annotations

import pytest

from explorer.rsql import parse


@pytest.mark.parametrize(
    ("text", "message", "offset", "length"),
    [
        ("", "the filter is empty", 0, 0),
        ("   ", "the filter is empty", 0, 3),
        ('Status==Open;Title=="abc', "unclosed quote opened at column 21", 20, 4),
        ("Title=='abc", "unclosed quote opened at column 8", 7, 4),
        ('Title=="abc\\"', "unclosed quote opened at column 8", 7, 6),
        ("Priority=gte=3", "operator =gte= is unknown; did you mean =ge=?", 8, 5),
        ("Priority=lte=3", "operator =lte= is unknown; did you mean =le=?", 8, 5),
        ("Priority=gtt=3", "operator =gtt= is unknown; did you mean =gt=?", 8, 5),
        ("Priority=GE=3", "operator =GE= is unknown; did you mean =ge=?", 8, 4),
        ("Priority=foo=3", "operator =foo= is unknown", 8, 5),
        ("Number=bt=1", "=bt= takes exactly two values", 10, 1),
        ("Number=bt=1:2:3", "=bt= takes exactly two values", 10, 5),
        ("Number!bt=(1,2,3)", "!bt= takes exactly two values", 11, 5),
        ("Status==(a,b)", "== takes exactly one value", 9, 3),
        ("Status=in=", "expected a value after =in=", 10, 0),
        ("Status=in=()", "expected a value after =in=, not ')'", 11, 1),
        ("Status==;a==1", "expected a value after ==, not ';'", 8, 1),
        ("Status=in=(a,b", "unclosed '(' opened at column 11", 10, 1),
        ("Status=in=(a b c", "unclosed '(' opened at column 11", 10, 1),
        ("Status=in=(a;b)", "expected ',' or ')' in the list of values, not ';'", 12, 1),
        ("a==1;b==2;c==3;(d==4))", "unbalanced ')' at column 22", 21, 1),
        ("a==1)", "unbalanced ')' at column 5", 4, 1),
        ("(a==1;b==2", "unclosed '(' opened at column 1", 0, 1),
        ("a==1;(b==2,(c==3)", "unclosed '(' opened at column 6", 5, 1),
        ("a==1;", "expected a field name after ';'", 5, 0),
        ("a==1,", "expected a field name after ','", 5, 0),
        ("a==1 and ", "expected a field name after 'and'", 9, 0),
        ("a==1;;b==2", "expected a field name, not ';'", 5, 1),
        ("()", "expected a field name before ')' at column 2", 1, 1),
        ("'Status'==Open", "field names are not quoted; write the name bare", 0, 1),
        ("Status", "expected an operator after 'Status'", 6, 0),
        ("Status Open", "expected an operator after 'Status Open'", 11, 0),
        ("Status=Open", "'=' alone is not an operator; did you mean ==?", 6, 1),
        ("Status!Open", "'!' alone is not an operator; did you mean !=?", 6, 1),
        ("Status!lk", "operator !lk is not closed; did you mean !lk=?", 6, 3),
        ("Status=gt", "operator =gt is not closed; did you mean =gt=?", 6, 3),
        ("Status(x)", "expected an operator after 'Status', not '('", 6, 1),
        (
            "Title==a=b",
            "unexpected '=': quote a value that contains '=', or put ';' or ',' between "
            "comparisons",
            8,
            1,
        ),
        ("Title===b", "unexpected '=' after ==; quote a value that contains '='", 7, 1),
        ("Title==a 'b'", "unexpected \"'\" after a value; expected ';' or ','", 9, 1),
        (
            "a==1 AND b==2",
            "'AND' is not a separator: write 'and'/'or' in lower case, or ';'/','",
            5,
            3,
        ),
        (
            "Status==In Progress Or b==2",
            "'Or' is not a separator: write 'and'/'or' in lower case, or ';'/','",
            20,
            2,
        ),
    ],
)
def test_diagnostic(text: str, message: str, offset: int, length: int) -> None:
    result = parse(text)
    assert not result.ok
    assert result.ast is None
    diag = result.diagnostic
    assert diag is not None
    assert diag.message == message
    assert (diag.offset, diag.length, diag.column) == (offset, length, offset + 1)
    assert diag.severity == "error"


def test_diagnostic_lists_what_was_expected() -> None:
    diag = parse("Status=gte=1").diagnostic
    assert diag is not None
    assert "=ge=" in diag.expected and "==" in diag.expected
    assert parse("a==1;").diagnostic == parse("a==1;").diagnostic
    empty = parse("a==1 b").diagnostic
    assert empty is None or empty.expected


def test_diagnostic_to_json() -> None:
    diag = parse("a==1)").diagnostic
    assert diag is not None
    assert diag.to_json() == {
        "offset": 4,
        "length": 1,
        "column": 5,
        "message": "unbalanced ')' at column 5",
        "expected": [";", ",", "end of filter"],
        "severity": "error",
    }


def test_length_limit() -> None:
    text = "a==" + "x" * 4000
    diag = parse(text).diagnostic
    assert diag is not None
    assert diag.message == "the filter is longer than 4000 characters"
    assert diag.offset == 4000
    assert parse("a==" + "x" * 3997).ok


def test_depth_limit_is_a_diagnostic_not_a_recursion_error() -> None:
    assert parse("(" * 32 + "a==1" + ")" * 32).ok
    diag = parse("(" * 33 + "a==1" + ")" * 33).diagnostic
    assert diag is not None
    assert diag.message == "groups are nested deeper than 32 levels"
    assert diag.offset == 32
    deep = parse("(" * 3000 + "a==1" + ")" * 3000, max_length=None).diagnostic
    assert deep is not None and "nested deeper" in deep.message


def test_list_size_limit() -> None:
    ok = "a=in=(" + ",".join(str(i) for i in range(1000)) + ")"
    assert parse(ok, max_length=None).ok
    too_many = "a=in=(" + ",".join(str(i) for i in range(1001)) + ")"
    diag = parse(too_many, max_length=None).diagnostic
    assert diag is not None
    assert diag.message == "=in= takes at most 1000 values"
    colon = "a=in=" + ":".join(str(i) for i in range(1001))
    diag = parse(colon, max_length=None).diagnostic
    assert diag is not None and diag.message == "=in= takes at most 1000 values"


def test_unknown_dialect() -> None:
    diag = parse("a==1", "sql").diagnostic
    assert diag is not None and diag.message == "unknown dialect 'sql'"
