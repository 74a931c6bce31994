"""`elx rsql check|fmt|encode` as a user runs them."""

from __future__ import annotations

import json

import pytest

from explorer.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["rsql", *args])
    return code, capsys.readouterr().out


def test_check_valid_prints_canonical_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "Status == Open and Priority>=3")
    assert code == 0
    assert out == "Status==Open;Priority=ge=3\n"


def test_check_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--tree", "(a==1;b==2);c==3")
    assert (code, out) == (0, "AND(AND(a==1,b==2),c==3)\n")


def test_check_invalid_prints_caret_and_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", 'Status==Open;Title=="abc')
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == '  Status==Open;Title=="abc'
    assert lines[1] == "  " + " " * 20 + "^^^^"
    assert lines[2] == "error: column 21: unclosed quote opened at column 21"


def test_check_caret_lines_up_on_the_line_of_a_multi_line_filter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(capsys, "check", "Status==Open;\nPriority=gx=3")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "  Priority=gx=3"
    assert lines[1] == "  " + " " * 8 + "^^^^"
    assert lines[2].startswith("error: line 2, column 9: ")


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--json", "Priority=gte=3")
    assert code == 1
    payload = json.loads(out)
    assert payload["ok"] is False
    assert payload["diagnostic"]["message"] == "operator =gte= is unknown; did you mean =ge=?"
    assert payload["diagnostic"]["column"] == 9
    code, out = run(capsys, "check", "--json", "a==1,b==2")
    assert code == 0
    assert json.loads(out) == {
        "ok": True,
        "canonical": "a==1,b==2",
        "tree": "OR(a==1,b==2)",
        "warnings": [],
    }


def test_check_standard_dialect(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--dialect", "standard", "a=lk=x")
    assert code == 1
    assert "operator =lk= is not part of the standard dialect" in out
    code, out = run(capsys, "check", "--dialect", "standard", "--tree", "a=out=(1,2)")
    assert (code, out) == (0, "a=out=(1,2)\n")


def test_check_fields_warns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--fields", "Status,Priority:NUMBER", "Stauts==1;Priority==x")
    assert code == 0
    assert out.splitlines()[0] == "Stauts==1;Priority==x"
    assert "warning: column 1: unknown field 'Stauts'; did you mean 'Status'?" in out
    assert "warning: column 21: 'x' does not fit 'Priority'" in out
    code, out = run(capsys, "check", "--json", "--fields", "Status", "Status==1")
    assert json.loads(out)["warnings"] == []
    code, out = run(capsys, "check", "--fields", "Status:COLOUR", "Status==1")
    assert code == 2
    assert "unknown field kind 'COLOUR'" in out


def test_fmt(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "fmt", "a =out= ( 'x y' , z ) or b>1")
    assert (code, out) == (0, 'a!in=("x y",z),b=gt=1\n')
    code, out = run(capsys, "fmt", "a==1)")
    assert code == 1
    assert "unbalanced ')' at column 5" in out


def test_encode(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "encode", "Created At>=2021-01-01;Status==Open,Status==Review")
    assert code == 0
    assert out == (
        "filter=Created%20At%3Dge%3D2021-01-01%3BStatus%3D%3DOpen%2CStatus%3D%3DReview\n"
    )
    code, _ = run(capsys, "encode", "")
    assert code == 1
