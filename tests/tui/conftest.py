"""Helpers for the app's Pilot tests: an app on the shared sandbox and a way to let it settle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp
from explorer.tui.launch import sandbox_profile
from explorer.tui.session import Session

FIXED_NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def sandbox_session(server: RunningSandbox, **overrides: Any) -> Session:
    profile = sandbox_profile(server)
    for name, value in overrides.items():
        setattr(profile, name, value)
    return Session(profile=profile, label="sandbox")


@pytest.fixture
def make_app(sandbox: RunningSandbox, tmp_path: Path) -> Callable[..., ExplorerApp]:
    """An app on the shared sandbox with its own state dir and a stable header."""

    def make(server: RunningSandbox | None = None, **profile: Any) -> ExplorerApp:
        session = sandbox_session(server or sandbox, **profile)
        return ExplorerApp(session, state_dir=tmp_path / "state", live_rate=False)

    return make
