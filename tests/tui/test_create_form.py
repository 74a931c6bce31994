"""The create form (`n`) as a new user meets it: focus, required marks, picklists, scrolling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import region_text
from test_edit_support import TICKETS, client_for, settle, tag
from textual.pilot import Pilot
from textual.widgets import Input, Label

from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp
from explorer.tui.edit.create_form import CreateRecordScreen
from explorer.tui.launch import sandbox_profile
from explorer.tui.session import Session

SIZES = [(80, 24), (140, 40)]


@pytest.fixture(scope="session")
def sandbox(writable_sandbox: RunningSandbox) -> RunningSandbox:
    """These tests create records, so they use the writable session sandbox."""
    return writable_sandbox


def explorer(sandbox: Any, tmp_path: Path) -> ExplorerApp:
    profile = sandbox_profile(sandbox)
    profile.rate_per_second, profile.burst = 200.0, 50
    return ExplorerApp(Session(profile=profile, label="sandbox"), state_dir=tmp_path / "state")


async def open_form(pilot: Pilot[Any], app: ExplorerApp) -> CreateRecordScreen:
    await settle(pilot)
    app.table.focus()
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, CreateRecordScreen)
    return app.screen


def label(form: CreateRecordScreen, name: str) -> str:
    index = [p.name for p in form.fields].index(name)
    return str(form.query_one(f"#create-field-{index}-label", Label).render())


def field(form: CreateRecordScreen, name: str) -> Input:
    index = [p.name for p in form.fields].index(name)
    return form.query_one(f"#create-field-{index}", Input)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_first_keys_land_in_the_first_field_and_every_field_is_reachable(
    sandbox: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = explorer(sandbox, tmp_path)
    async with app.run_test(size=size) as pilot:
        form = await open_form(pilot, app)
        await pilot.press(*"Printer")
        assert field(form, "Title").value == "Printer"
        scroller = form.query_one("#create-fields")
        for _ in form.fields[1:]:
            await pilot.press("tab")
            await pilot.pause()
        last = field(form, form.fields[-1].name)
        assert app.focused is last
        assert scroller.content_region.contains_region(last.region)  # scrolled to it
        assert "Create (ctrl+s)" in region_text(app, form.query_one("#create-go"))


async def test_required_fields_are_marked_before_saving_and_a_422_names_them_all(
    sandbox: Any, tmp_path: Path
) -> None:
    app = explorer(sandbox, tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        form = await open_form(pilot, app)
        # Filled in every record seen: marked as likely required before any save.
        for name in ("Title", "Status", "Priority", "Reporter"):
            assert f"{name} *" in label(form, name)
        assert "*" not in label(form, "Resolved At")
        field(form, "Title").value = tag("create")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CreateRecordScreen)
        note = str(form.query_one("#create-note").render())
        assert "Required, now marked: Status, Priority, Reporter" in note
        for name in ("Status", "Priority", "Reporter"):
            assert field(form, name).has_class("invalid")
            assert form.profiles[name].required
        await pilot.press("escape")
        # The next form of this alias knows them as required (the server said so).
        form = await open_form(pilot, app)
        await pilot.press("ctrl+s")
        note = str(form.query_one("#create-note").render())
        assert "Status is required" in note and "Reporter is required" in note


async def test_picklist_values_are_offered_and_an_unseen_one_is_checked_first(
    sandbox: Any, tmp_path: Path
) -> None:
    title = tag("create-pick")
    app = explorer(sandbox, tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        form = await open_form(pilot, app)
        field(form, "Title").value = title
        field(form, "Priority").value = "2"
        field(form, "Reporter").value = "ana.garcia@example.com"
        status = field(form, "Status")
        status.focus()
        await pilot.press("o")
        await settle(pilot)
        assert status.value == "o"
        await pilot.press("right")  # takes the value suggested from those seen
        assert status.value == "Open"
        status.value = "Opne"
        await pilot.press("ctrl+s")
        await settle(pilot)
        note = str(form.query_one("#create-note").render())
        assert "Status: 'Opne' is not a value seen" in note and "Open" in note
        assert isinstance(app.screen, CreateRecordScreen) and status.has_class("invalid")
        status.value = "Open"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CreateRecordScreen)
    async with client_for(sandbox) as client:
        page = await client.list_page(*TICKETS, filter=f'Title=="{title}"')
        assert [r["Status"] for r in page.records] == ["Open"]
