"""`elx profiles` and `elx aliases`: config.toml managed from the command line."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from elx_helpers import elx

from explorer.config import load_config
from explorer.sandbox import RunningSandbox


def test_add_list_use_and_remove_profiles(
    capsys: pytest.CaptureFixture[str], fresh_config: Path
) -> None:
    added = elx(
        capsys, "profiles", "add", "work", "--region", "eu", "--client-id", "abc",
        "--secret-env", "WORK_SECRET",
    )  # fmt: skip
    assert added.code == 0 and f"saved to {fresh_config}" in added.err
    assert stat.S_IMODE(fresh_config.stat().st_mode) == 0o600
    elx(capsys, "profiles", "add", "lab", "--base-url", "http://127.0.0.1:1", "--client-id", "x")
    listing = elx(capsys, "profiles", "list")
    assert listing.out.splitlines()[0].startswith("* work")
    assert "https://api.eu.elementum.io" in listing.out and "WORK_SECRET" in listing.out
    assert elx(capsys, "profiles", "use", "lab").code == 0
    assert load_config(fresh_config).default_profile == "lab"
    duplicate = elx(capsys, "profiles", "add", "lab", "--client-id", "y")
    assert duplicate.code == 2 and "--replace" in duplicate.err
    assert elx(capsys, "profiles", "remove", "lab").code == 0
    config = load_config(fresh_config)
    assert list(config.profiles) == ["work"] and config.default_profile is None
    assert elx(capsys, "profiles", "use", "nope").code == 2


def test_a_broken_config_is_reported_and_left_alone(
    capsys: pytest.CaptureFixture[str], fresh_config: Path
) -> None:
    fresh_config.write_text("[profiles.w]\nburst = 'many'\n", encoding="utf-8")
    run = elx(capsys, "profiles", "add", "x", "--client-id", "y")
    assert run.code == 3
    assert str(fresh_config) in run.err and "profiles.w.burst" in run.err
    assert fresh_config.read_text(encoding="utf-8") == "[profiles.w]\nburst = 'many'\n"


def test_aliases_are_verified_before_they_are_saved(
    capsys: pytest.CaptureFixture[str],
    fresh_config: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LAB_SECRET", sandbox.client_secret)
    elx(
        capsys, "profiles", "add", "lab", "--base-url", sandbox.base_url,
        "--client-id", sandbox.client_id, "--secret-env", "LAB_SECRET",
    )  # fmt: skip
    added = elx(capsys, "aliases", "add", "tasks/ittickets")
    assert added.code == 0
    assert re.fullmatch(r"tasks/ittickets: \d{3,} records; added to profile 'lab'\n", added.err)
    unknown = elx(capsys, "aliases", "add", "tasks/nope")
    assert unknown.code == 4 and "elx: not found:" in unknown.err
    forbidden = elx(capsys, "aliases", "add", "transactions/payroll")
    assert forbidden.code == 5
    assert load_config(fresh_config).profiles["lab"].aliases == {"tasks": ["ittickets"]}
    assert elx(capsys, "aliases", "list").out == "tasks/ittickets\n"
    assert elx(capsys, "aliases", "remove", "tasks/ittickets").code == 0
    assert load_config(fresh_config).profiles["lab"].aliases == {}
    assert elx(capsys, "aliases", "remove", "tasks/ittickets").code == 2


def test_aliases_are_listed_and_removed_without_resolving_the_secret(
    capsys: pytest.CaptureFixture[str], fresh_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("UNSET_SECRET", raising=False)
    fresh_config.write_text(
        '[profiles.w]\nclient_id = "a"\nsecret = { env = "UNSET_SECRET" }\n'
        'aliases = { tasks = ["ittickets", "onboarding"] }\n',
        encoding="utf-8",
    )
    assert elx(capsys, "aliases", "list").out == "tasks/ittickets\ntasks/onboarding\n"
    assert elx(capsys, "aliases", "remove", "tasks/onboarding").code == 0
    assert load_config(fresh_config).profiles["w"].aliases == {"tasks": ["ittickets"]}
    listing = elx(capsys, "records", "list", "tasks/ittickets")
    assert listing.code == 3 and "UNSET_SECRET is not set" in listing.err


def test_a_read_only_profile_refuses_writes_before_sending(
    capsys: pytest.CaptureFixture[str],
    fresh_config: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LAB_SECRET", sandbox.client_secret)
    elx(
        capsys, "profiles", "add", "lab", "--base-url", sandbox.base_url,
        "--client-id", sandbox.client_id, "--secret-env", "LAB_SECRET", "--read-only",
    )  # fmt: skip
    before = elx(capsys, "records", "get", "tasks/ittickets", "ITM-3").out
    run = elx(capsys, "records", "update", "tasks/ittickets", "ITM-3", "Title=Changed")
    assert run.code == 1 and "profile 'lab' is read-only; nothing was sent" in run.err
    assert elx(capsys, "records", "get", "tasks/ittickets", "ITM-3").out == before


def test_the_id_key_is_detected_unless_a_profile_names_one(
    capsys: pytest.CaptureFixture[str], fresh_config: Path
) -> None:
    elx(capsys, "profiles", "add", "auto", "--client-id", "a", "--secret-env", "S")
    elx(capsys, "profiles", "add", "set", "--client-id", "b", "--id-key", "Ticket No")
    text = fresh_config.read_text(encoding="utf-8")
    assert "Handle" not in text and 'id_key = "Ticket No"' in text
    profiles = load_config(fresh_config).profiles
    assert profiles["auto"].id_key is None and profiles["set"].id_key == "Ticket No"
