"""`elx` warns about a filter as the filter bar does, and words a bad `Field:=json`."""

from __future__ import annotations

from pathlib import Path

import pytest
from elx_helpers import elx

from explorer.edits.fields import infer_profiles
from explorer.sandbox import RunningSandbox
from explorer.tui.filter.checking import check_filter

pytestmark = pytest.mark.usefixtures("sandbox_env")


def bar_message(sandbox: RunningSandbox, text: str) -> str:
    """What the filter bar's status line says about `text` on tasks/ittickets."""
    import httpx

    with httpx.Client(base_url=sandbox.base_url) as http:
        token = http.post(
            "/oauth/token",
            json={
                "grant_type": "client_credentials",
                "client_id": sandbox.client_id,
                "client_secret": sandbox.client_secret,
            },
        ).json()["access_token"]
        page = http.get("/v1/tasks/ittickets", headers={"Authorization": f"Bearer {token}"}).json()
    records = [item["data"] for item in page["items"]]
    fields = {name: p.kind for name, p in infer_profiles(records).items()}
    return check_filter(text, fields).message


def test_a_value_that_cannot_be_a_number_is_warned_about(
    capsys: pytest.CaptureFixture[str], sandbox: RunningSandbox
) -> None:
    run = elx(capsys, "records", "list", "tasks/ittickets", "--filter", "Priority==high")
    assert run.code == 0
    warning, shown, carets, count = run.err.splitlines()
    assert warning.startswith(
        "elx: warning: column 11: 'high' does not fit 'Priority' (NUMBER: a whole number"
    )
    assert bar_message(sandbox, "Priority==high").endswith(warning.split(": ", 3)[3])
    assert (shown, carets) == ("    Priority==high", "              ^^^^")
    assert count == "0 of 0 records"


def test_export_warns_as_list_does(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = elx(
        capsys,
        "export",
        "tasks/ittickets",
        "--filter",
        "Priority=in=(3,high)",
        "-o",
        str(tmp_path / "x.csv"),
    )
    assert run.code == 0
    warning, _filter, carets = run.err.splitlines()[:3]
    assert warning.startswith("elx: warning: column 16: 'high' does not fit 'Priority'")
    assert carets == " " * 19 + "^^^^"
    assert "exported" in run.err


def test_a_filter_that_fits_the_fields_gets_no_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = elx(capsys, "records", "list", "tasks/ittickets", "--filter", "Priority=ge=3", "-n", "1")
    assert run.code == 0
    assert "warning" not in run.err
    assert run.err.startswith("1 of ")


def test_a_bad_json_value_says_what_colon_equals_takes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = elx(capsys, "records", "update", "tasks/ittickets", "ITM-1", "Priority:=high")
    assert run.code == 1
    assert run.err.startswith("elx: invalid input: Priority:= takes a JSON value")
    assert "'high' is not one" in run.err and "Priority=high" in run.err
    assert "Expecting value" not in run.err and "line 1 column" not in run.err
