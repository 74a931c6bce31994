"""`elx token` gives the token a copied curl command needs: the command, run by a real curl
against `elx sandbox serve`, returns the records `elx records list` does."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from elx_helpers import elx

from explorer.sandbox import RunningSandbox

CURL = shutil.which("curl")
FILTER = "Status==Open;Priority=ge=3"


@pytest.fixture
def served(sandbox_template: Path, tmp_path: Path) -> Iterator[str]:
    """`elx sandbox serve` in a process of its own on a free port; yields its base URL."""
    db = tmp_path / "served.sqlite3"
    shutil.copyfile(sandbox_template, db)
    command = [sys.executable, "-m", "explorer", "sandbox", "serve", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--db", str(db), "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    for line in process.stdout:
        if line.startswith("Press Ctrl+C"):
            break
    try:
        yield first.split(" at ")[1].strip()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)


@pytest.fixture
def served_env(served: str, fresh_config: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment a person sets for the served sandbox (its demo client)."""
    env = {
        "ELEMENTUM_BASE_URL": served,
        "ELEMENTUM_CLIENT_ID": "elx-demo-client",
        "ELEMENTUM_CLIENT_SECRET": "elx-demo-secret",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


def run_copied(command: str, token_step: str) -> subprocess.CompletedProcess[str]:
    """The copied lines run by bash after `token_step` (which sets $ELEMENTUM_TOKEN)."""
    assert CURL is not None, "these tests run the real curl binary"
    return subprocess.run(
        ["bash", "-c", f"{token_step}\n{command}"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "ELEMENTUM_TOKEN"},
        timeout=60,
        check=False,
    )


def handles(items: list[dict[str, object]]) -> list[object]:
    return [item["data"]["Handle"] for item in items]  # type: ignore[index]


@pytest.mark.usefixtures("served_env")
def test_a_copied_curl_runs_with_the_token_elx_token_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    copied = elx(capsys, "curl", "tasks/ittickets", "--filter", FILTER)
    hint, _command = copied.out.splitlines()
    assert hint == "# the token: export ELEMENTUM_TOKEN=$(elx token)"
    token_step = f"export ELEMENTUM_TOKEN=$({sys.executable} -m explorer token)"
    ran = run_copied(copied.out, token_step)
    assert ran.returncode == 0, ran.stderr
    listed = elx(
        capsys, "records", "list", "tasks/ittickets", "--filter", FILTER, "--format", "json"
    )
    expected = [record["Handle"] for record in json.loads(listed.out)]
    assert expected and handles(json.loads(ran.stdout)["items"]) == expected


@pytest.mark.usefixtures("served_env")
def test_elx_token_prints_the_token_alone_and_logs_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = elx(capsys, "token")
    assert run.code == 0 and run.err == ""
    (token,) = run.out.splitlines()
    assert len(token) >= 16 and " " not in token


def test_a_refused_secret_prints_no_token(
    capsys: pytest.CaptureFixture[str], sandbox_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ELEMENTUM_CLIENT_SECRET", "wrong")
    run = elx(capsys, "token")
    assert run.code == 3 and run.out == ""
    assert run.err.startswith("elx: configuration error: the client id or secret was refused")


def test_curl_for_a_named_profile_names_it_in_the_token_hint(
    capsys: pytest.CaptureFixture[str], sandbox: RunningSandbox, fresh_config: Path
) -> None:
    added = elx(
        capsys,
        "profiles",
        "add",
        "local",
        "--base-url",
        sandbox.base_url,
        "--client-id",
        sandbox.client_id,
        "--secret-env",
        "LOCAL_SECRET",
    )
    assert added.code == 0, added.err
    run = elx(capsys, "curl", "tasks/ittickets", "--profile", "local")
    assert (
        run.out.splitlines()[0]
        == "# the token: export ELEMENTUM_TOKEN=$(elx token --profile local)"
    )
