"""`elx sandbox serve` in a process of its own, for tests that read what it prints and logs."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx


@dataclass
class Served:
    """A running `elx sandbox serve` process and what it printed before serving."""

    process: subprocess.Popen[str]
    lines: list[str]
    stderr: str = ""

    @property
    def base_url(self) -> str:
        return self.lines[0].split(" at ")[1]

    def token(self) -> dict[str, Any]:
        answer = httpx.post(
            self.base_url + "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=("elx-demo-client", "elx-demo-secret"),
        )
        body: dict[str, Any] = answer.json()
        body["status"] = answer.status_code
        return body


@contextmanager
def serving(tmp_path: Path, *options: str) -> Iterator[Served]:
    """`elx sandbox serve` on a free port over a small new database; stopped with Ctrl+C, and
    its exit checked, when the block ends (`served.stderr` then holds what it logged)."""
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
        *options,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    served = Served(process, [])
    try:
        for line in process.stdout:
            served.lines.append(line.rstrip("\n"))
            if line.startswith("Press Ctrl+C"):
                break
        yield served
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=10)
        served.stderr = err
    assert process.returncode == 0, err
