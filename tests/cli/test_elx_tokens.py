"""`elx` and the token endpoint: the request shape found and remembered per profile, and the
token kept between runs."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from elx_helpers import elx

from explorer.sandbox import RunningSandbox

pytestmark = pytest.mark.usefixtures("sandbox_env")


def token_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The sandbox's access-log lines for the token endpoint, as `POST /oauth/token 200`."""
    return [
        " ".join(r.getMessage().split()[:3])
        for r in caplog.records
        if r.name == "explorer.sandbox.access" and "/oauth/token" in r.getMessage()
    ]


def write_profile(path: Path, sandbox: RunningSandbox, *extra: str) -> None:
    lines = [
        "[profiles.work]",
        f'base_url = "{sandbox.base_url}"',
        f'client_id = "{sandbox.client_id}"',
        'secret = { env = "ELEMENTUM_CLIENT_SECRET" }',
        *extra,
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_auto_remembers_the_shape_that_answered_for_the_next_run(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    fresh_config: Path,
    make_sandbox: Callable[..., RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ELEMENTUM_BASE_URL")
    picky = make_sandbox(token_shape="basic")
    write_profile(fresh_config, picky, "cache_token = false")
    caplog.set_level(logging.INFO, logger="explorer.sandbox.access")
    first = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert first.code == 0, first.err
    assert token_lines(caplog) == ["POST /oauth/token 400", "POST /oauth/token 200"]
    caplog.clear()
    second = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert second.code == 0, second.err
    assert token_lines(caplog) == ["POST /oauth/token 200"]


def test_when_every_shape_is_refused_elx_says_what_each_got(
    capsys: pytest.CaptureFixture[str],
    fresh_config: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ELEMENTUM_BASE_URL")
    monkeypatch.setenv("ELEMENTUM_CLIENT_SECRET", "not-the-secret")
    write_profile(fresh_config, sandbox)
    run = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert run.code == 3
    assert run.err.startswith("elx: configuration error: the client id or secret was refused")
    assert "in every documented token request shape: json (" in run.err
    assert run.err.count("HTTP 401") == 3
    assert "not-the-secret" not in run.err


def test_a_second_run_reuses_the_token_and_logout_removes_it(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    fresh_config: Path,
    make_sandbox: Callable[..., RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ELEMENTUM_BASE_URL")
    server = make_sandbox()
    write_profile(fresh_config, server)
    caplog.set_level(logging.INFO, logger="explorer.sandbox.access")
    first = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert first.code == 0, first.err
    assert token_lines(caplog) == ["POST /oauth/token 200"]
    kept = Path(os.environ["ELX_STATE_DIR"]) / "tokens.json"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    caplog.clear()
    second = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert second.code == 0, second.err
    assert token_lines(caplog) == []
    assert second.out == first.out
    token = next(iter(json.loads(kept.read_text(encoding="utf-8")).values()))["token"]
    assert token not in first.out + first.err + second.out + second.err + caplog.text

    logout = elx(capsys, "profiles", "logout", "work")
    assert logout.code == 0
    assert logout.err == "signed out of profile 'work': its kept token is removed\n"
    assert token not in kept.read_text(encoding="utf-8")
    caplog.clear()
    third = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert third.code == 0, third.err
    assert token_lines(caplog) == ["POST /oauth/token 200"]


def test_a_kept_token_the_server_refuses_is_dropped_and_replaced(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    fresh_config: Path,
    make_sandbox: Callable[..., RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server restarted since the last run knows the kept token no more."""
    monkeypatch.delenv("ELEMENTUM_BASE_URL")
    server = make_sandbox()
    write_profile(fresh_config, server)
    kept = Path(os.environ["ELX_STATE_DIR"]) / "tokens.json"
    assert elx(capsys, "records", "list", "tasks/ittickets", "--first", "1").code == 0
    entries = json.loads(kept.read_text(encoding="utf-8"))
    (entry,) = entries.values()
    entry["token"] = "a-token-this-server-never-issued"
    kept.write_text(json.dumps(entries), encoding="utf-8")
    caplog.set_level(logging.INFO, logger="explorer.sandbox.access")
    run = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert run.code == 0, run.err
    lines = [
        " ".join(r.getMessage().split()[:3])
        for r in caplog.records
        if r.name == "explorer.sandbox.access"
    ]
    assert lines == [
        "GET /v1/tasks/ittickets?first=1 401",
        "POST /oauth/token 200",
        "GET /v1/tasks/ittickets?first=1 200",
    ]
    (renewed,) = json.loads(kept.read_text(encoding="utf-8")).values()
    assert renewed["token"] != "a-token-this-server-never-issued"


def test_cache_token_false_keeps_no_token(
    capsys: pytest.CaptureFixture[str],
    fresh_config: Path,
    make_sandbox: Callable[..., RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ELEMENTUM_BASE_URL")
    write_profile(fresh_config, make_sandbox(), "cache_token = false")
    assert elx(capsys, "records", "list", "tasks/ittickets", "--first", "1").code == 0
    assert not (Path(os.environ["ELX_STATE_DIR"]) / "tokens.json").exists()
