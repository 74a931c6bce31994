"""The sandbox child of `elx --sandbox`: it serves until the app closes its input, then keeps
what was written and exits at once; two started at once on the same new database file (two
`elx --sandbox` in two terminals) seed it once and serve the same data."""

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


def test_two_sandboxes_seeding_one_new_file_agree(tmp_path: Path) -> None:
    env = {**os.environ, "ELX_SANDBOX_DB": str(tmp_path / "shared.sqlite3")}
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "explorer.sandbox.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    try:
        started = []
        for child in children:
            assert child.stdout is not None
            started.append(json.loads(child.stdout.readline()))
        assert all("error" not in answer for answer in started)
        with httpx.Client() as client:
            pages = []
            for answer in started:
                _login(client, answer)
                url = answer["base_url"] + "/v1/tasks/ittickets"
                pages.append((url, dict(client.headers), client.get(url).json()))
            (_, _, page_a), (url_b, headers_b, page_b) = pages
            assert page_a["total"] == page_b["total"] > 0
            assert page_a["items"][0] == page_b["items"][0]
            # A cursor one sandbox signed is good on the other: they share one seeded file.
            cursor = page_a["paging"]["end_cursor"]
            following = client.get(url_b, params={"after": cursor}, headers=headers_b)
            assert following.status_code == 200
    finally:
        for child in children:
            if child.stdin is not None:
                child.stdin.close()
            child.wait(timeout=30)
