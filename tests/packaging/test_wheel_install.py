"""The app as pip and pipx install it: a wheel built from the sources, installed into a fresh
virtualenv outside the checkout, whose `elx --sandbox` shows records and opens every screen.

The dependencies' wheels are fetched once per development virtualenv into its `wheelhouse`
folder; later runs install from there with no index, so the test costs a few seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a wheel is built from: the files of a clean clone that packaging reads.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "explorer", "styles")
WHEELHOUSE = Path(sys.prefix) / "wheelhouse"
DRIVER = Path(__file__).with_name("installed_app.py")

pytestmark = pytest.mark.socket


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    python: Path
    home: Path


def _run(command: list[str | Path], **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=300, **options
    )


def _pip(*args: str | Path) -> list[str | Path]:
    return [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]


def _install(python: Path, wheel: Path) -> None:
    """Install `wheel` and its dependencies, from the wheelhouse (filled on first use)."""
    command = _pip(
        "--python", python, "install", "-q", "--no-index", "--find-links", WHEELHOUSE, wheel
    )
    if _run(command).returncode != 0:
        fetched = _run(_pip("download", "-q", "--dest", WHEELHOUSE, wheel))
        assert fetched.returncode == 0, fetched.stderr
        (WHEELHOUSE / wheel.name).unlink(missing_ok=True)  # only the dependencies stay
    done = _run(command)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    built = _run(_pip("wheel", "-q", "--no-deps", "--wheel-dir", root / "dist", source))
    assert built.returncode == 0, built.stderr
    (wheel,) = (root / "dist").glob("*.whl")
    environment = root / "venv"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = environment / "bin" / "python"
    _install(python, wheel)
    home = root / "home"
    home.mkdir()
    return Installed(wheel, environment, python, home)


def _environment(installed: Installed, database: Path) -> dict[str, str]:
    """The user's environment, pointed at temporary state, with no trace of the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "ELX_"))}
    env.update(
        ELX_SANDBOX_DB=str(database),
        ELX_CONFIG=str(installed.home / "config.toml"),
        ELX_STATE_DIR=str(installed.home / "state"),
        PATH=f"{installed.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def test_the_wheel_holds_the_stylesheets_and_no_development_modules(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    sheets = sorted(path.name for path in (ROOT / "styles").glob("*.tcss"))
    assert sheets == ["app.tcss", "dialogs.tcss", "edit.tcss", "filter.tcss"]
    assert {f"explorer/styles/{name}" for name in sheets} <= names
    assert not [name for name in names if name.startswith("styles/")]
    for module in ("tui/screenshots.py", "tui/edit/bench.py", "tui/filter/timing.py"):
        assert f"explorer/{module}" not in names
    assert "explorer/tui/app.py" in names and "explorer/sandbox/child.py" in names


def test_the_installed_app_shows_records_and_opens_every_screen(
    installed: Installed, sandbox_template: Path
) -> None:
    database = installed.home / "sandbox.sqlite3"
    shutil.copyfile(sandbox_template, database)
    run = _run(
        [installed.python, "-I", DRIVER],
        cwd=installed.home,
        env=_environment(installed, database),
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    site = installed.venv / "lib"
    assert report["explorer"].startswith(str(site)), report["explorer"]
    assert report["styles"].startswith(str(site)) and report["styles"].endswith("explorer/styles")
    assert report.get("exit", 0) == 0
    assert report["errors"] == []
    assert report["rows"] == 100
    assert "ITM-1" in report["main"] and "sandbox (local demo data)" in report["main"]
    shown = {name: step["screen"] for name, step in report["screens"].items()}
    assert shown == {
        "help": "HelpScreen",
        "palette": "CommandPalette",
        "jump": "JumpScreen",
        "columns": "ColumnsScreen",
        "export": "ExportScreen",
        "create": "CreateRecordScreen",
        "bulk": "BulkEditScreen",
        "save_filter": "SaveFilterScreen",
        "add_alias": "AddAliasScreen",
        "field_editor": "FieldEditor",
        "diff": "DiffScreen",
        "confirm_quit": "ConfirmScreen",
        "tab_comments": "MainScreen",
        "tab_attachments": "MainScreen",
        "tab_watchers": "MainScreen",
        "tab_related": "MainScreen",
    }
    screens = report["screens"]
    assert "Put the cursor in the filter bar" in screens["help"]["text"]
    assert "Priority=ge=3" in screens["save_filter"]["text"]
    assert "Closed" in screens["diff"]["text"]
    assert '"Handle": "ITM-' in report["json_view"]


def test_the_console_script_runs_from_the_virtualenv(installed: Installed) -> None:
    elx = installed.venv / "bin" / "elx"
    run = _run([elx, "rsql", "check", "Status==Open;Priority=ge=3"], cwd=installed.home)
    assert run.returncode == 0, run.stderr
    run = _run([elx, "--help"], cwd=installed.home)
    assert run.returncode == 0 and "sandbox" in run.stdout
