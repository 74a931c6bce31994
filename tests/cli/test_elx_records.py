"""`elx records` and `elx curl` against the sandbox: output, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from elx_helpers import elx

from explorer.sandbox import RunningSandbox

pytestmark = pytest.mark.usefixtures("sandbox_env")

NEW = ["Title=Keyboard missing keys", "Status=Open", "Priority:=3", "Reporter=ana@example.com"]


def test_list_prints_an_aligned_table_that_fits(
    capsys: pytest.CaptureFixture[str],
    any_sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ELEMENTUM_BASE_URL", any_sandbox.base_url)
    run = elx(capsys, "records", "list", "tasks/ittickets", "--first", "5")
    assert run.code == 0
    lines = run.out.splitlines()
    assert "Title" in lines[0] and len(lines) == 7
    key = {None: "Handle", "keyed": "id"}.get(any_sandbox.options.spec_literal)
    if key is not None:
        assert lines[0].startswith(key)
        assert [line.split()[0] for line in lines[2:]] == [f"ITM-{n}" for n in range(1, 6)]
    assert all(len(line) <= 120 for line in lines)
    assert re.fullmatch(r"5 of \d{3,} records\n", run.err)


def test_list_all_pages_of_a_filter_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    run = elx(
        capsys,
        "records",
        "list",
        "tasks/ittickets",
        "--filter",
        "Status==Open;Priority=ge=3",
        "--all",
        "--first",
        "20",
        "--format",
        "json",
    )
    assert run.code == 0
    records = json.loads(run.out)
    assert records and all(r["Status"] == "Open" and r["Priority"] >= 3 for r in records)
    assert len({r["Handle"] for r in records}) == len(records)


def test_list_as_csv_and_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    as_csv = elx(capsys, "records", "list", "tasks/ittickets", "-n", "3", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.out)))
    assert [row["Handle"] for row in rows] == ["ITM-1", "ITM-2", "ITM-3"]
    as_jsonl = elx(capsys, "records", "list", "tasks/ittickets", "-n", "3", "--format", "jsonl")
    assert [json.loads(line)["Handle"] for line in as_jsonl.out.splitlines()] == [
        "ITM-1",
        "ITM-2",
        "ITM-3",
    ]


@pytest.mark.parametrize("spec_literal", [None, "keyed"])
def test_get_create_and_update(
    capsys: pytest.CaptureFixture[str],
    make_sandbox: Callable[..., RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
    spec_literal: str | None,
) -> None:
    own = make_sandbox(spec_literal=spec_literal)  # records are created here, not shared
    key = "Handle" if spec_literal is None else "id"
    monkeypatch.setenv("ELEMENTUM_BASE_URL", own.base_url)
    shown = elx(capsys, "records", "get", "tasks/ittickets", "ITM-2")
    assert shown.code == 0 and json.loads(shown.out)[key] == "ITM-2"
    created = elx(capsys, "records", "create", "tasks/ittickets", *NEW)
    assert created.code == 0, created.err
    record = json.loads(created.out)
    assert record["Priority"] == (3 if spec_literal is None else "3")
    assert record["Title"] == "Keyboard missing keys"
    updated = elx(capsys, "records", "update", "tasks/ittickets", record[key], "Status=Closed")
    assert updated.code == 0
    assert json.loads(updated.out)["Status"] == "Closed"
    assert json.loads(updated.out)["Title"] == "Keyboard missing keys"


def test_a_malformed_filter_is_refused_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ELEMENTUM_BASE_URL", "http://127.0.0.1:9")  # nothing listens here
    run = elx(capsys, "records", "list", "tasks/ittickets", "--filter", "Status=Open;(")
    assert run.code == 1
    assert run.err.startswith("elx: invalid input: malformed filter at column")
    assert run.out == ""


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["records", "list", "tasks/no-such-alias"], 4, "elx: not found: tasks/no-such-alias"),
        (["records", "get", "tasks/ittickets", "ITM-999999"], 4, "elx: not found:"),
        (["records", "list", "transactions/payroll"], 5, "elx: forbidden: transactions/payroll"),
        (["records", "update", "tasks/ittickets", "ITM-1", "Priority"], 1, "Field=value"),
        (["records", "update", "tasks/ittickets", "ITM-1", "Priority:={"], 1, "JSON value"),
        (["records", "create", "tasks/ittickets", "Title=only"], 6, "elx: refused:"),
        (["records", "list", "ittickets"], 2, "elx: usage: expected TYPE/ALIAS"),
        (["records", "list", "things/ittickets"], 2, "unknown record type"),
    ],
)
def test_failures_have_a_clear_message_and_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    run = elx(capsys, *argv)
    assert run.code == code
    assert message in run.err
    assert run.err.count("\n") == 1


def test_a_bad_secret_is_a_configuration_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ELEMENTUM_CLIENT_SECRET", "not-the-secret")
    run = elx(capsys, "records", "list", "tasks/ittickets")
    assert run.code == 3
    assert run.err.startswith("elx: configuration error: the client id or secret was refused")
    assert "not-the-secret" not in run.err


def test_no_profile_at_all_is_a_configuration_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ELEMENTUM_CLIENT_ID")
    run = elx(capsys, "records", "list", "tasks/ittickets")
    assert run.code == 3 and "no profile is set up" in run.err


def test_curl_prints_the_call_with_the_token_as_a_variable(
    capsys: pytest.CaptureFixture[str], sandbox: RunningSandbox
) -> None:
    run = elx(capsys, "curl", "tasks/ittickets", "--filter", "Status==Open;Title=lk=*disk full*")
    assert run.code == 0
    hint, command = run.out.splitlines()
    assert hint == "# the token: export ELEMENTUM_TOKEN=$(elx token)"
    assert command.startswith('curl -sS -H "Authorization: Bearer $ELEMENTUM_TOKEN"')
    assert (
        f"{sandbox.api_url}/tasks/ittickets?filter=Status%3D%3DOpen%3BTitle%3Dlk%3D%2Adisk%20full%2A"
        in run.out
    )
    assert sandbox.client_secret not in run.out


def test_curl_for_the_sandbox_names_the_server_that_answers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ELEMENTUM_BASE_URL", raising=False)
    run = elx(capsys, "curl", "tasks/ittickets", "--sandbox")
    assert run.code == 0
    assert run.out.rstrip().endswith("http://127.0.0.1:8765/v1/tasks/ittickets")
    assert "elx sandbox serve" in run.err


def test_sandbox_flag_starts_the_embedded_sandbox(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sandbox_template: Path,
    tmp_path: Path,
) -> None:
    db = tmp_path / "embedded.sqlite3"
    db.write_bytes(sandbox_template.read_bytes())
    monkeypatch.setenv("ELX_SANDBOX_DB", str(db))
    monkeypatch.setenv("ELEMENTUM_CLIENT_SECRET", "ignored-with-sandbox")
    run = elx(capsys, "records", "list", "tasks/ittickets", "--sandbox", "-n", "2")
    assert run.code == 0
    assert "ITM-1" in run.out and "2 of 250 records" in run.err


def test_a_list_answered_with_element_metadata_fails_naming_it(
    capsys: pytest.CaptureFixture[str],
    literal_sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ELEMENTUM_BASE_URL", literal_sandbox.base_url)
    for output in ("table", "json"):
        run = elx(capsys, "records", "list", "elements/vendors", "--format", output)
        assert run.code == 7
        assert run.out == ""
        assert run.err == (
            "elx: unexpected answer: the server answered element metadata for "
            "elements/vendors, not a page of records\n"
        )
