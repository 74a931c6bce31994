"""One registry for every key: rebinding by id reaches dialogs, help finds the focused part's
keys, the palette lists each command once, and mistakes are said in words."""

from __future__ import annotations

from pathlib import Path

from app_helpers import screen_text, settle
from textual import events

from explorer.sandbox import RunningSandbox
from explorer.tui import actions
from explorer.tui.app import ExplorerApp
from explorer.tui.help_screen import HelpScreen
from explorer.tui.jump_screen import JumpScreen
from explorer.tui.launch import sandbox_profile
from explorer.tui.palette import ExplorerCommands
from explorer.tui.session import Session

SIZE = (140, 40)


def app_with_keymap(sandbox: RunningSandbox, tmp_path: Path, keymap: dict[str, str]) -> ExplorerApp:
    session = Session(profile=sandbox_profile(sandbox), label="sandbox", keymap=keymap)
    return ExplorerApp(session, state_dir=tmp_path / "state", live_rate=False)


async def test_a_dialog_key_is_rebound_by_its_id(sandbox: RunningSandbox, tmp_path: Path) -> None:
    app = app_with_keymap(sandbox, tmp_path, {"jump.cancel": "ctrl+g"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(app.screen, JumpScreen)
        await pilot.press("escape")  # no longer bound: the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, JumpScreen)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_an_unknown_keymap_id_is_named_with_its_config_section(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    app = app_with_keymap(sandbox, tmp_path, {"table.nope": "x"})
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert "Unknown action ids in [keymap]: table.nope" in screen_text(app)


async def test_jump_with_no_match_says_so(sandbox: RunningSandbox, tmp_path: Path) -> None:
    app = app_with_keymap(sandbox, tmp_path, {})
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("colon")
        await pilot.pause()
        await pilot.press(*"zzqq", "enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert "No alias matches 'zzqq'." in screen_text(app)
        assert app.table.border_title == "tasks/ittickets"


async def test_the_palette_lists_each_command_once(sandbox: RunningSandbox, tmp_path: Path) -> None:
    app = app_with_keymap(sandbox, tmp_path, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        ours = [hit.text async for hit in ExplorerCommands(app.screen).discover()]
        textual = [command.title for command in app.get_system_commands(app.screen)]
        titles = ours + textual
        assert titles.count("Quit") == 1
        assert "Theme" in textual  # Textual's own commands stay
        assert [label for label in set(titles) if titles.count(label) > 1] == []


async def test_a_palette_command_runs_its_registry_action(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    app = app_with_keymap(sandbox, tmp_path, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next page", "enter")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 101–200 of 250"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open transactions/invoices", "enter")
        await settle(app, pilot)
        assert app.table.border_title == "transactions/invoices"


async def test_help_in_the_filter_bar_lists_the_filter_keys(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    app = app_with_keymap(sandbox, tmp_path, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Help · Filter" in text
        for spec in actions.specs("filter"):
            assert spec.label in text


async def test_keys_typed_straight_after_slash_land_in_the_filter(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    # A quick typist (or a paste) sends "/" and the filter in one burst: every key is queued
    # before the first is handled, so the filter must have the focus as soon as "/" is.
    app = app_with_keymap(sandbox, tmp_path, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.post_message(events.Key("slash", "/"))
        for character in "Status":
            app.post_message(events.Key(character, character))
        await pilot.pause()
        assert app.filter_bar.value == "Status"
