"""`elx export`: complete files in each format, a marked partial file when the server goes
away mid-export, and a rerun that completes it."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from elx_helpers import elx

from explorer.api import ExportWriter
from explorer.cli import export_cmd
from explorer.sandbox import RunningSandbox


@pytest.mark.usefixtures("sandbox_env")
@pytest.mark.parametrize("suffix", ["csv", "json", "jsonl"])
def test_export_writes_a_complete_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"open.{suffix}"
    run = elx(
        capsys,
        "export",
        "tasks/ittickets",
        "--filter",
        "Status==Open",
        "--page-size",
        "30",
        "-o",
        str(out),
    )
    assert run.code == 0, run.err
    assert not Path(f"{out}.partial").exists()
    if suffix == "csv":
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        statuses = {row["Status"] for row in rows}
    elif suffix == "json":
        rows = json.loads(out.read_text(encoding="utf-8"))
        statuses = {row["Status"] for row in rows}
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        statuses = {row["Status"] for row in rows}
    assert statuses == {"Open"}
    assert run.err.startswith(f"exported {len(rows):,} records in ")
    assert f"to {out}" in run.err


def test_server_stopped_mid_export_leaves_a_marked_partial_file_and_a_rerun_completes(
    capsys: pytest.CaptureFixture[str],
    fresh_config: Path,
    make_sandbox: Callable[..., RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    first = make_sandbox()
    monkeypatch.setenv("ELEMENTUM_BASE_URL", first.base_url)
    monkeypatch.setenv("ELEMENTUM_CLIENT_ID", first.client_id)
    monkeypatch.setenv("ELEMENTUM_CLIENT_SECRET", first.client_secret)

    class StopsTheServerAfterOnePage(ExportWriter):
        def write(self, records: list[dict[str, Any]]) -> None:
            super().write(records)
            first.stop()

    monkeypatch.setattr(export_cmd, "ExportWriter", StopsTheServerAfterOnePage)
    out = tmp_path / "all.jsonl"
    argv = ["export", "tasks/ittickets", "--page-size", "50", "-o", str(out)]
    stopped = elx(capsys, *argv)
    assert stopped.code == 7
    assert "export stopped after 50 records; partial file kept at" in stopped.err
    assert "elx: network error:" in stopped.err
    partial = Path(f"{out}.partial")
    assert not out.exists()
    assert len(partial.read_text(encoding="utf-8").splitlines()) == 50

    monkeypatch.undo()
    second = make_sandbox()
    monkeypatch.setenv("ELX_CONFIG", str(fresh_config))
    monkeypatch.setenv("ELEMENTUM_BASE_URL", second.base_url)
    monkeypatch.setenv("ELEMENTUM_CLIENT_ID", second.client_id)
    monkeypatch.setenv("ELEMENTUM_CLIENT_SECRET", second.client_secret)
    rerun = elx(capsys, *argv)
    assert rerun.code == 0
    assert not partial.exists()
    handles = [json.loads(line)["Handle"] for line in out.read_text().splitlines()]
    assert handles == [f"ITM-{n}" for n in range(1, 251)]


@pytest.mark.usefixtures("sandbox_env")
def test_export_of_a_forbidden_alias_fails_before_creating_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "payroll.csv"
    run = elx(capsys, "export", "transactions/payroll", "-o", str(out))
    assert run.code == 5
    assert "elx: forbidden:" in run.err
    assert not out.exists() and not Path(f"{out}.partial").exists()


@pytest.mark.usefixtures("sandbox_env")
def test_export_needs_a_known_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = elx(capsys, "export", "tasks/ittickets", "-o", str(tmp_path / "out.xlsx"))
    assert run.code == 2 and "use .csv, .json or .jsonl" in run.err
