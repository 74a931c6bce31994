"""The sandbox child of `elx --sandbox`: it serves until the app closes its input, then keeps
what was written and exits at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.socket


def _start(env: dict[str, str]) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    child = subprocess.Popen(
        [sys.executable, "-m", "explorer.sandbox.child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    return child, json.loads(child.stdout.readline())


def _login(client: httpx.Client, answer: dict[str, Any]) -> None:
    token = client.post(
        answer["base_url"] + "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(answer["client_id"], answer["client_secret"]),
    ).json()["access_token"]
    client.headers["Authorization"] = f"Bearer {token}"


def test_closing_its_input_ends_the_child_and_keeps_what_was_written(
    sandbox_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "sandbox.sqlite3"
    shutil.copyfile(sandbox_template, db)
    env = {**os.environ, "ELX_SANDBOX_DB": str(db)}
    child, answer = _start(env)
    with httpx.Client() as client:
        _login(client, answer)
        created = client.post(
            answer["base_url"] + "/v1/elements/vendors",
            json={"Name": "Kept Between Runs AG", "Status": "Active"},
        )
        assert created.status_code == 201, created.text
        handle = created.json()["Handle"]
    assert child.stdin is not None
    child.stdin.close()
    assert child.wait(timeout=10) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(answer["base_url"] + "/v1/elements/vendors", timeout=2)

    again, answer = _start(env)
    try:
        with httpx.Client() as client:
            _login(client, answer)
            kept = client.get(answer["base_url"] + f"/v1/elements/vendors/{handle}")
            assert kept.json()["Name"] == "Kept Between Runs AG"
    finally:
        assert again.stdin is not None
        again.stdin.close()
        again.wait(timeout=10)
