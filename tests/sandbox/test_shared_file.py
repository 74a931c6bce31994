"""Two sandboxes started at once on the same new database file (two `elx --sandbox` in
two terminals): one seeds it, the other waits and serves the same data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.socket


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
                token = client.post(
                    answer["base_url"] + "/oauth/token",
                    data={"grant_type": "client_credentials"},
                    auth=(answer["client_id"], answer["client_secret"]),
                ).json()["access_token"]
                client.headers["Authorization"] = f"Bearer {token}"
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
