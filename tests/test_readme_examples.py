"""Every `elx` example in the README's shell blocks runs, as written, against a sandbox.

The lines are run in order by bash (so quoting, redirects and `$(…)` work as a reader's shell
does them) in a temporary directory, with a temporary config and `elx` on the PATH, and the
`ELEMENTUM_*` variables pointing at a fresh sandbox. A line exits 0 unless its comment ends in
`exit N`. New examples are picked up by themselves; only a command that cannot run headless
goes in `CANNOT_RUN_HEADLESS`, with the reason (and it must still be in the README).
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer.sandbox import RunningSandbox

README = Path(__file__).resolve().parent.parent / "README.md"

# Commands (as written, comment left out) that are not run, and why.
CANNOT_RUN_HEADLESS = {
    "elx": "opens the app",
    "elx --sandbox": "opens the app",
    "elx --profile eu --read-only": "opens the app",
    "elx web --sandbox": "serves the app to a browser until stopped",
    "elx web --profile work --read-only --port 9000": "serves the app to a browser until stopped",
}

_SHELL_BLOCK = re.compile(r"^```(?:sh|bash|shell|console)\n(.*?)^```", re.DOTALL | re.MULTILINE)
_RUNS_ELX = re.compile(r"(?:^|[\s;|&(])elx(?:\s|$)")
_EXPECTED_EXIT = re.compile(r"\bexit (\d+)\s*$")


@dataclass(frozen=True)
class Example:
    line: int
    command: str  # what bash runs, comment and all
    bare: str  # the command without its comment, to match the skip list
    exit_code: int


def _comment_start(text: str) -> int:
    """Where a shell comment starts in `text` (a `#` outside quotes after a space), or -1."""
    quote = ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1].isspace()):
            return index
    return -1


def readme_examples(text: str) -> list[Example]:
    """The `elx` lines of the README's shell blocks, joined across trailing backslashes."""
    examples = []
    for block in _SHELL_BLOCK.finditer(text):
        first_line = text.count("\n", 0, block.start(1)) + 1
        pending, start = "", 0
        for offset, raw in enumerate(block.group(1).splitlines()):
            if not pending:
                start = offset
            pending += raw
            if raw.endswith("\\"):
                pending = pending[:-1] + " "
                continue
            line, pending = pending.strip(), ""
            cut = _comment_start(line)
            bare = (line if cut < 0 else line[:cut]).strip()
            if not bare or not _RUNS_ELX.search(bare):
                continue
            comment = "" if cut < 0 else line[cut:]
            wanted = _EXPECTED_EXIT.search(comment)
            exit_code = int(wanted.group(1)) if wanted else 0
            examples.append(Example(first_line + start, line, bare, exit_code))
    return examples


@pytest.fixture
def reader_shell(
    tmp_path: Path, make_sandbox: Callable[..., RunningSandbox]
) -> Callable[[str], subprocess.CompletedProcess[str]]:
    """Runs one line as a reader would: bash, `elx` on the PATH, a fresh sandbox and config."""
    server = make_sandbox()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "elx"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m explorer "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ELEMENTUM_", "ELX_"))}
    env |= {
        "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        "ELX_CONFIG": str(tmp_path / "config.toml"),
        "ELX_STATE_DIR": str(tmp_path / "state"),
        "ELX_SANDBOX_DB": str(tmp_path / "embedded.sqlite3"),
        "ELEMENTUM_BASE_URL": server.base_url,
        "ELEMENTUM_CLIENT_ID": server.client_id,
        "ELEMENTUM_CLIENT_SECRET": server.client_secret,
        "ELEMENTUM_SECRET": server.client_secret,
    }

    def run(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", command],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run


def test_the_readme_has_elx_examples_and_the_skip_list_is_current() -> None:
    examples = readme_examples(README.read_text(encoding="utf-8"))
    assert len(examples) >= 10
    bare = {example.bare for example in examples}
    assert set(CANNOT_RUN_HEADLESS) <= bare, "a skipped command is no longer in the README"


def test_every_readme_example_runs(
    reader_shell: Callable[[str], subprocess.CompletedProcess[str]],
) -> None:
    failures = []
    for example in readme_examples(README.read_text(encoding="utf-8")):
        if example.bare in CANNOT_RUN_HEADLESS:
            continue
        ran = reader_shell(example.command)
        if ran.returncode != example.exit_code:
            failures.append(
                f"README.md:{example.line}: {example.command}\n"
                f"  exit {ran.returncode}, expected {example.exit_code}: {ran.stderr.strip()}"
            )
    assert not failures, "\n".join(failures)


def test_the_parser_reads_comments_continuations_and_expected_exits() -> None:
    text = (
        "```sh\n"
        "make demo   # not elx\n"
        "elx rsql check 'A==#1'  # caret, exit 1\n"
        "export T=$(elx token)\n"
        "elx records list \\\n"
        "  tasks/x\n"
        "pipx install elementum_explorer.whl\n"
        "```\n"
        "```toml\nelx = 1\n```\n"
    )
    examples = readme_examples(text)
    assert [(e.line, e.bare, e.exit_code) for e in examples] == [
        (3, "elx rsql check 'A==#1'", 1),
        (4, "export T=$(elx token)", 0),
        (5, "elx records list    tasks/x", 0),
    ]
