"""Fixtures for the app's Pilot tests: an app on the shared sandbox. Helpers that tests
import live in `app_helpers.py` (a conftest is never imported by name: which `conftest`
that finds depends on the order of the test paths)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_helpers import sandbox_session

from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp


@pytest.fixture
def make_app(sandbox: RunningSandbox, tmp_path: Path) -> Callable[..., ExplorerApp]:
    """An app on the shared sandbox with its own state dir and a stable header."""

    def make(server: RunningSandbox | None = None, **profile: Any) -> ExplorerApp:
        session = sandbox_session(server or sandbox, **profile)
        return ExplorerApp(session, state_dir=tmp_path / "state", live_rate=False)

    return make
