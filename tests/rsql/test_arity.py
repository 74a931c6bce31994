"""Every operator takes the number of values the operator table gives it, on every path."""

from __future__ import annotations

import httpx
import pytest

from explorer.cli.main import main
from explorer.rsql import OPERATORS, Comparison, parse
from explorer.rsql.operators import MAX_LIST, SPELLINGS, Dialect, Operator
from explorer.sandbox import RunningSandbox

# The same values written the ways the parser reads them: the one-scan path (no spaces),
# the one-match path (spaces around the operator), and the careful path (quotes).
FORMS = {
    "flat": "Priority{op}({values})",
    "spaced": "Priority {op} ({values})",
    "quoted": "Priority{op}({quoted})",
}


def cases() -> list[tuple[str, Operator, int, str]]:
    found = []
    for spelling, op in SPELLINGS[Dialect.ELEMENTUM].items():
        for count in (1, 2, 3):
            for form in FORMS:
                found.append((spelling, op, count, form))
    return found


@pytest.mark.parametrize(("spelling", "op", "count", "form"), cases())
def test_a_list_is_accepted_exactly_when_the_table_allows_its_length(
    spelling: str, op: Operator, count: int, form: str
) -> None:
    values = [str(3 + i) for i in range(count)]
    text = FORMS[form].format(
        op=spelling, values=",".join(values), quoted=",".join(f'"{v}"' for v in values)
    )
    result = parse(text)
    if op.min_values <= count <= op.max_values:
        assert isinstance(result.ast, Comparison), (text, result.diagnostic)
        assert result.ast.args == tuple(values)
        return
    diag = result.diagnostic
    assert diag is not None, text
    # The diagnostic points at the values, from the first to the end of the last.
    first = text.index("3")
    last_end = text.rindex(values[-1]) + len(values[-1]) + (1 if form == "quoted" else 0)
    assert (diag.offset, diag.offset + diag.length) == (first - (form == "quoted"), last_end)
    wanted = "exactly one value" if op.max_values == 1 else "exactly two values"
    assert diag.message == f"{spelling} takes {wanted}"


@pytest.mark.parametrize("text", ["Priority=bt=3", "Priority!bt=3", "Priority=bt=1:2:3"])
def test_between_needs_two_values_written_any_way(text: str) -> None:
    result = parse(text)
    assert result.diagnostic is not None
    assert "takes exactly two values" in result.diagnostic.message
    assert result.diagnostic.offset == text.index("=", text.index("bt")) + 1


def test_every_operator_has_bounds_from_its_arity() -> None:
    for op in OPERATORS:
        assert (op.min_values, op.max_values) == op.arity.bounds
    assert max(op.max_values for op in OPERATORS) == MAX_LIST


def test_cli_check_refuses_between_with_one_value(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rsql", "check", "Priority=bt=(3)"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        "  Priority=bt=(3)",
        "  " + " " * 13 + "^",
        "error: column 14: =bt= takes exactly two values",
        "expected: two values",
    ]


@pytest.mark.parametrize(
    "text", ["Priority=bt=(3)", "Priority!bt=(3)", "Priority =bt= (3)", "Priority=bt=( 3 )"]
)
def test_the_sandbox_answers_400_not_500_for_between_with_one_value(
    sandbox: RunningSandbox, text: str
) -> None:
    with httpx.Client(base_url=sandbox.base_url) as http:
        token = http.post(
            "/oauth/token",
            json={
                "grant_type": "client_credentials",
                "client_id": sandbox.client_id,
                "client_secret": sandbox.client_secret,
            },
        ).json()["access_token"]
        answer = http.get(
            "/v1/tasks/ittickets",
            params={"filter": text},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 400
    assert "bt= takes exactly two values" in answer.json()["message"]
