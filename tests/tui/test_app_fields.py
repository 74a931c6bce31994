"""Field names learned from loaded records are remembered per alias across runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_helpers import sandbox_session, settle

from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp


async def test_completion_offers_fields_remembered_from_an_earlier_run(
    make_sandbox: Callable[..., RunningSandbox], tmp_path: Path
) -> None:
    server = make_sandbox()
    state = tmp_path / "state"
    first = ExplorerApp(sandbox_session(server), state_dir=state, live_rate=False)
    async with first.run_test(size=(140, 40)) as pilot:
        await settle(first, pilot)
        assert first.table.row_count == 100
    server.stop()

    # The server is gone, so nothing is loaded in this run: only the memory can help.
    second = ExplorerApp(sandbox_session(server), state_dir=state, live_rate=False)
    async with second.run_test(size=(140, 40)) as pilot:
        await settle(second, pilot)
        assert second.table.row_count == 0
        await pilot.press("slash", *"Estim")
        await pilot.pause()
        offered = [c.text for c in second.filter_bar.completions.completions]
        assert "Estimate Hours" in offered
