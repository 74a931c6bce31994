"""SVG snapshots of the app's main screens, replaying the screenshot scenes on the sandbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from explorer.tui.app import ExplorerApp
from explorer.tui.screenshots import SCENES, SIZE


@pytest.mark.parametrize("scene", ["main", "detail-json", "help"])
def test_app_screens(
    scene: str, make_app: Callable[..., ExplorerApp], snap_compare: Callable[..., bool]
) -> None:
    app = make_app()

    async def run_before(pilot: Pilot[Any]) -> None:
        await SCENES[scene](app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
