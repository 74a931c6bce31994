"""Fixtures for `elx` command tests: an empty config and the sandbox's credentials."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def fresh_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`ELX_CONFIG` pointing at a not-yet-existing file, an empty state directory of the
    test's own (so no token or token shape is kept from another test), and no `ELEMENTUM_*`
    variables."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("ELX_CONFIG", str(path))
    monkeypatch.setenv("ELX_STATE_DIR", str(tmp_path / "state"))
    for name in (
        "ELEMENTUM_CLIENT_ID",
        "ELEMENTUM_CLIENT_SECRET",
        "ELEMENTUM_REGION",
        "ELEMENTUM_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def sandbox_env(
    fresh_config: Path, sandbox_client_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """The session sandbox's URL and credentials in the environment, with no config file."""
    for name, value in sandbox_client_env.items():
        monkeypatch.setenv(name, value)
    return sandbox_client_env
