"""`elx sandbox serve`: prints how to reach it, serves real HTTP, stops cleanly on Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from explorer.cli.main import main


@pytest.mark.socket
def test_serve_prints_its_address_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "explorer",
        "sandbox",
        "serve",
        "--port",
        "0",
        "--db",
        str(tmp_path / "sb.sqlite3"),
        "--records",
        "30",
        "--seed",
        "3",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines: list[str] = []
    try:
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("Press Ctrl+C"):
                break
        base_url = lines[0].split(" at ")[1]
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
        token = httpx.post(
            base_url + "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=("elx-demo-client", "elx-demo-secret"),
        ).json()["access_token"]
        page = httpx.get(
            base_url + "/v1/tasks/ittickets", headers={"Authorization": f"Bearer {token}"}
        ).json()
        assert page["total"] == 30
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "Traceback" not in err


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
