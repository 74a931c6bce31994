"""Arguments that are not UTF-8 (bytes a shell passes through as typed) are refused by name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("sandbox_env")


def run_elx(*argv: bytes, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """`python -m explorer` with raw byte arguments, as a shell hands them over."""
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"explorer", *argv],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        cwd=cwd,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (
            [b"records", b"list", b"tasks/ittickets", b"--filter", b"Title==\xff"],
            b"argument 5 (after --filter) is not UTF-8 text: 'Title==\\\\xff'",
        ),
        (
            [b"records", b"update", b"tasks/ittickets", b"ITM-1", b"Title=\xff"],
            b"argument 5 is not UTF-8 text: 'Title=\\\\xff'",
        ),
        (
            [b"records", b"list", b"tasks/it\xfe\xfftickets"],
            b"argument 3 is not UTF-8 text: 'tasks/it\\\\xfe\\\\xfftickets'",
        ),
        (
            [b"rsql", b"check", b"Title==\xc3"],
            b"argument 3 is not UTF-8 text: 'Title==\\\\xc3'",
        ),
    ],
)
def test_a_non_utf8_argument_is_named_and_refused(argv: list[bytes], named: bytes) -> None:
    result = run_elx(*argv)
    assert result.returncode == 1
    assert result.stderr.startswith(b"elx: invalid input: " + named)
    assert b"Traceback" not in result.stderr
    assert result.stderr.count(b"\n") == 1
    assert result.stdout == b""


def test_a_file_name_may_hold_any_bytes(tmp_path: Path) -> None:
    result = run_elx(
        b"export",
        b"tasks/ittickets",
        b"--filter",
        b"Handle==ITM-1",
        b"-o",
        b"t\xff.csv",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    (written,) = [n for n in os.listdir(os.fsencode(tmp_path)) if n.endswith(b".csv")]
    assert written == b"t\xff.csv"
