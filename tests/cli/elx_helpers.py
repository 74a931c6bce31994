"""Run `elx` in-process and capture what a person would see (imported as `elx_helpers`)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from explorer.cli.main import main


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def elx(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)
