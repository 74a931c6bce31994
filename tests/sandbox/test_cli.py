"""`elx sandbox serve`: prints how to reach it, serves real HTTP, stops cleanly on Ctrl+C."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from explorer.cli.main import main

from .serving import serving


@pytest.mark.socket
def test_serve_prints_its_address_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        lines = served.lines
        assert "  client id:     elx-demo-client" in lines
        assert "  client secret: elx-demo-secret" in lines
        assert lines[lines.index("collections:") + 1 : -1] == [
            "tasks/ittickets",
            "apps/purchaserequests",
            "elements/incidents",
            "elements/vendors",
            "tasks/onboarding",
            "transactions/invoices",
            "transactions/payroll",
        ]
        token = served.token()["access_token"]
        page = httpx.get(
            served.base_url + "/v1/tasks/ittickets", headers={"Authorization": f"Bearer {token}"}
        ).json()
        assert page["total"] == 30
    assert "Traceback" not in served.stderr


@pytest.mark.socket
def test_serve_answers_spec_literally_when_asked(tmp_path: Path) -> None:
    with serving(tmp_path, "--spec-literal", "unkeyed") as served:
        assert "  answers:       spec-literal (unkeyed)" in served.lines
        token = served.token()
        assert (token["status"], token["token_type"], token["expires_in"]) == (201, "bearer", 3600)
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        record = httpx.get(served.base_url + "/v1/tasks/ittickets/ITM-3", headers=headers).json()
        assert "Handle" not in record and "id" not in record
        assert all(isinstance(value, str) for value in record.values())
        element = httpx.get(served.base_url + "/v1/elements/vendors", headers=headers).json()
        assert element["namespace"] == "vendors"


def test_serve_help_lists_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sandbox", "serve", "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for option in (
        "--host",
        "--port",
        "--db",
        "--reset",
        "--records",
        "--seed",
        "--token-ttl",
        "--rate-limit",
        "--rate-headers",
        "--latency-ms",
        "--fail-rate",
        "--spec-literal",
    ):
        assert option in text
    assert "Ctrl+C" in text


def test_serve_refuses_bad_values(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sandbox", "serve", "--fail-rate", "2"])
    assert "between 0 and 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["sandbox", "serve", "--rate-headers", "some"])


def test_serve_explains_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "notes.sqlite3"
    broken.write_text("not a database, just some notes\n" * 100)
    assert main(["sandbox", "serve", "--port", "0", "--db", str(broken)]) == 1
    assert "--reset replaces it" in capsys.readouterr().err
