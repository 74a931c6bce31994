"""Managing the view: sorting, columns, aliases saved to config, keymap and theme."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from app_helpers import row_handles, screen_text, settle, toasts
from textual.widgets import SelectionList

from explorer.config import Config, load_config
from explorer.config.state import StateStore
from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp
from explorer.tui.launch import sandbox_profile
from explorer.tui.session import Session

SIZE = (140, 40)


async def test_sort_page_and_choose_columns(
    make_app: Callable[..., ExplorerApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.table.move_cursor(row=0, column=app.table.columns_shown.index("Priority"))
        await pilot.press("s")
        priorities = [r["Priority"] for r in (app.table.records[i] for i in app.table.order)]
        assert priorities == sorted(priorities)
        assert str(app.table.border_subtitle).endswith("· page sorted locally by Priority ↑")
        await pilot.press("s")
        priorities = [r["Priority"] for r in (app.table.records[i] for i in app.table.order)]
        assert priorities == sorted(priorities, reverse=True)

        await pilot.press("c")
        await pilot.pause()
        selection = app.screen.query_one(SelectionList)
        selection.deselect("Title")
        values = [selection.get_option_at_index(i).value for i in range(selection.option_count)]
        selection.highlighted = values.index("Status")
        await pilot.press("ctrl+up", "ctrl+up", "enter")
        await pilot.pause()
        shown = app.table.columns_shown
        assert "Title" not in shown
        assert shown[:2] == ["Status", "Handle"]
        saved = StateStore("columns", tmp_path / "state").get("sandbox:tasks/ittickets")
        assert saved["hidden"] == ["Title"]
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert app.table.columns_shown == shown


async def test_add_and_remove_alias_saved_to_config(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    profile = sandbox_profile(sandbox)
    profile.aliases = {"tasks": ["ittickets"]}
    config_file = tmp_path / "config.toml"
    config = Config(profiles={"sandbox": profile}, default_profile="sandbox", path=config_file)
    session = Session(profile=profile, label="sandbox", config=config, config_path=config_file)
    app = ExplorerApp(session, state_dir=tmp_path / "state", live_rate=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.alias_tree.focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"tasks/nosuch", "enter")
        await settle(app, pilot)
        assert any(title.startswith("Alias not added") for title, _ in toasts(app))
        assert load_config(config_file).profiles == {} or "nosuch" not in str(
            load_config(config_file).profiles["sandbox"].aliases
        )

        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"elements/incidents", "enter")
        await settle(app, pilot)
        assert load_config(config_file).profiles["sandbox"].aliases == {
            "tasks": ["ittickets"],
            "elements": ["incidents"],
        }
        assert app.table.border_title == "elements/incidents"
        assert row_handles(app)[0] == "INC-1"
        assert app.alias_tree.count_of("elements/incidents") == 250

        app.alias_tree.focus()
        app.alias_tree.select_key("elements/incidents")
        await pilot.press("d")
        await pilot.pause()
        assert load_config(config_file).profiles["sandbox"].aliases == {"tasks": ["ittickets"]}
        assert ("Alias removed", "Removed elements/incidents from the profile") in toasts(app)

        app.theme = "nord"
        await pilot.pause()
        assert load_config(config_file).theme == "nord"


async def test_keymap_from_config_rebinds_by_id(sandbox: RunningSandbox, tmp_path: Path) -> None:
    session = Session(
        profile=sandbox_profile(sandbox), label="sandbox", keymap={"table.next_page": "n"}
    )
    app = ExplorerApp(session, state_dir=tmp_path / "state", live_rate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 101–200 of 250"


async def test_narrow_terminal_puts_the_detail_below(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        assert app.has_class("-narrow")
        assert app.detail.region.y > app.table.region.y
        assert app.detail.region.x == app.table.region.x
        # Widening the terminal puts it back beside the table, under the filter bar.
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not app.has_class("-narrow")
        assert app.detail.region.x >= app.table.region.right
        assert app.detail.region.y == app.table.region.y
        assert app.filter_bar.region.right == app.detail.region.right


async def test_first_run_offers_the_sandbox(sandbox: RunningSandbox, tmp_path: Path) -> None:
    from explorer.tui.first_run import FirstRunScreen

    def sandbox_factory() -> Callable[[], Session]:
        return lambda: Session(profile=sandbox_profile(sandbox), label="sandbox")

    app = ExplorerApp(
        None,
        state_dir=tmp_path / "state",
        first_run=lambda: FirstRunScreen(Config(path=tmp_path / "config.toml"), sandbox_factory),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.click("#first-run-sandbox")
        await settle(app, pilot)
        assert app.table.border_subtitle == "rows 1–100 of 250"
        assert row_handles(app)[0] == "ITM-1"


async def test_first_run_form_saves_a_profile_and_connects(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    from textual.widgets import Button, Input

    from explorer.tui.first_run import FirstRunScreen

    def unused_sandbox_factory() -> Callable[[], Session]:
        raise AssertionError("the sandbox button was not pressed")

    config_file = tmp_path / "config.toml"
    app = ExplorerApp(
        None,
        state_dir=tmp_path / "state",
        live_rate=False,
        first_run=lambda: FirstRunScreen(Config(path=config_file), unused_sandbox_factory),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FirstRunScreen)
        # The button ignores a click during its 0.2 s press effect; a person is slower than that.
        form.query_one("#first-run-save", Button).active_effect_duration = 0
        await pilot.click("#first-run-save")
        assert "Both the client id and the secret are needed." in screen_text(app)
        form.query_one("#first-run-base-url", Input).value = sandbox.base_url
        form.query_one("#first-run-client-id", Input).value = sandbox.client_id
        form.query_one("#first-run-secret", Input).value = sandbox.client_secret
        await pilot.click("#first-run-save")
        await settle(app, pilot)
        assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
        saved = load_config(config_file)
        assert saved.default_profile == "default"
        assert saved.profiles["default"].base_url == sandbox.base_url
        assert app.table.border_subtitle == "no aliases: press a to add one"

        app.alias_tree.focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"tasks/ittickets", "enter")
        await settle(app, pilot)
        assert load_config(config_file).profiles["default"].aliases == {"tasks": ["ittickets"]}
        assert app.table.border_subtitle == "rows 1–100 of 250"
        assert "token ok" in screen_text(app)
