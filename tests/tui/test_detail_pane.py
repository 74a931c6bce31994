"""The detail pane at the sizes people use: its tabs, inputs and buttons, keys and focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from app_helpers import region_text, settle
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Button, Input, Tab, Tabs

from explorer.tui.app import ExplorerApp
from explorer.tui.collab.tabs import CollaborationTabs

SIZES = [(80, 24), (140, 40)]
TABS = ("fields", "comments", "attachments", "watchers", "related")


async def open_tab(app: ExplorerApp, pilot: Pilot[Any], key: str) -> None:
    """Scroll the pane up to its tab strip and click the tab, as a person does."""
    app.detail.scroll_home(animate=False)
    await pilot.pause()
    await pilot.click(f"#--content-tab-tab-{key}")
    await settle(app, pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_tab_is_on_the_strip_and_every_input_shows_its_placeholder(
    make_app: Callable[..., ExplorerApp], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        collab = app.query_one(CollaborationTabs)
        strip = collab.query_one(Tabs)
        tabs = list(strip.query(Tab))
        assert len(tabs) == len(TABS)
        for tab in tabs:  # whole, inside the strip, none scrolled out of view
            assert tab.region.width == len(tab.label_text) + 2
            assert strip.region.contains_region(tab.region), tab.label_text
        checked = 0
        for key in TABS:
            await open_tab(app, pilot, key)
            pane = collab.tabs.active_pane
            assert pane is not None
            for field in pane.query(Input):
                field.focus()  # focusing scrolls the pane to it
                await pilot.pause()
                checked += 1
                assert field.content_region.width >= max(24, len(field.placeholder))
                assert app.detail.content_region.contains_region(field.region)
                assert field.placeholder in region_text(app, field)
        assert checked == 2  # the comment and the watchers' e-mail inputs


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_attachment_actions_need_no_room_in_the_pane(
    make_app: Callable[..., ExplorerApp], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await open_tab(app, pilot, "attachments")
        for button in app.detail.query("#panel-attachments Button").results(Button):
            button.focus()
            await pilot.pause()
            assert str(button.label) in region_text(app, button)  # whole, not cut
        await pilot.click("#attach-upload")
        await pilot.pause()
        field = app.screen.query_one("#ask-path", Input)
        assert app.focused is field
        assert field.content_region.width >= max(24, len(field.placeholder))
        await pilot.press("escape")
        assert not app.screen.query("#ask-path")


async def test_delete_looks_destructive_only_when_focused(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await open_tab(app, pilot, "attachments")
        delete = app.query_one("#attach-delete", Button)
        download = app.query_one("#attach-download", Button)
        error = Color.parse(app.current_theme.error)
        assert delete.styles.background == download.styles.background
        assert not near(delete.styles.background, error)
        delete.focus()
        await pilot.pause()
        assert near(delete.styles.background, error)  # a focus tint may shift it slightly


def near(one: Color, other: Color) -> bool:
    return all(abs(a - b) <= 8 for a, b in zip(one.rgb, other.rgb, strict=True))


async def listed(app: ExplorerApp, pilot: Pilot[Any], key: str) -> None:
    """Wait until the tab's list from the server is on screen (its status counts the items)."""
    panel = app.query_one(CollaborationTabs).panel(key)
    for _ in range(200):
        if "item(s)" in str(panel.query_one(".collab-status").render()):
            break
        await pilot.pause()
    await settle(app, pilot)


@pytest.mark.parametrize("tab", ["attachments", "watchers"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_collaboration_tab_snapshots(
    make_app: Callable[..., ExplorerApp],
    snap_compare: Callable[..., bool],
    size: tuple[int, int],
    tab: str,
) -> None:
    app = make_app()

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        await pilot.press("down", "down")
        await settle(app, pilot)
        await open_tab(app, pilot, tab)
        await listed(app, pilot, tab)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def footer_keys(app: ExplorerApp) -> list[str]:
    """The footer's entries as shown: `key description`."""
    from explorer.tui.footer import KeyFooter

    return [f"{e.display} {e.description}" for e in app.query_one(KeyFooter).entries]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_escape_leaves_a_detail_input_and_then_the_pane(
    make_app: Callable[..., ExplorerApp], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await open_tab(app, pilot, "watchers")
        await pilot.click("#watcher-email")
        await pilot.press("a", "/", "j")
        field = app.query_one("#watcher-email", Input)
        assert app.focused is field and field.value == "a/j"  # typing keeps every key
        keys = footer_keys(app)
        assert "esc Back" in keys and "j JSON" not in keys and "y Copy record" not in keys
        await pilot.press("escape")
        assert app.focused is not None and app.focused is not field
        assert app.detail in app.focused.ancestors_with_self
        assert "j JSON" in footer_keys(app)
        await pilot.press("escape")
        assert app.focused is app.table
        await open_tab(app, pilot, "watchers")
        await pilot.click("#watcher-email")
        await pilot.press("escape", "slash")
        assert app.focused is not None and app.filter_bar in app.focused.ancestors_with_self
        assert field.value == "a/j"


async def test_j_returns_to_the_fields_then_switches_json(
    make_app: Callable[..., ExplorerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await open_tab(app, pilot, "comments")
        assert "Handle" not in region_text(app, app.detail)
        await pilot.press("j")
        await settle(app, pilot)
        collab = app.query_one(CollaborationTabs)
        assert collab.showing_fields and not app.detail.json_mode
        assert "Handle" in region_text(app, app.detail)
        await pilot.press("j")
        await pilot.pause()
        assert app.detail.json_mode and '"Handle": "ITM-1"' in region_text(app, app.detail)
        await open_tab(app, pilot, "related")
        app.table.focus()
        await pilot.press("j")  # from the table too
        await settle(app, pilot)
        assert collab.showing_fields and app.detail.json_mode


async def test_detail_help_says_how_to_switch_tabs_and_leave(
    make_app: Callable[..., ExplorerApp],
) -> None:
    from explorer.tui.help_screen import HelpScreen

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await open_tab(app, pilot, "comments")
        await pilot.click("#comment-text")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(region_text(app, app.screen.query_one("#help-text")).split())
        assert "switch with ← and →" in shown
        assert "Escape leaves an input; Escape again returns to the table" in shown
        keys = region_text(app, app.screen.query_one("#help-box"))
        assert "Leave the input; from elsewhere in the pane" in keys and "JSON" in keys
        assert "Delete the selected attachment" not in keys  # that panel's own help says it


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_json_view_wraps_under_the_value_and_shows_the_staged_value(
    make_app: Callable[..., ExplorerApp], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        app.table.move_cursor(row=0, column=app.table.columns_shown.index("Title"))
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = "Printer jams " * 6 + "again"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        body = visible_lines(app, app.detail)
        start = next(i for i, line in enumerate(body) if '"Title": ' in line)
        title_at = body[start].index('"Title": ') + len('"Title": ')
        assert '"Printer jams Printer' in body[start]
        following = [line for line in body[start + 1 :] if '": ' not in line]
        # Continuation lines start under the value, never at the left edge.
        assert following and all(line[:title_at].strip() == "" for line in following)
        app.detail.scroll_to(y=start + 2, animate=False)  # the rest of the value
        await pilot.pause()
        shown = " ".join(" ".join(visible_lines(app, app.detail)).split())
        assert 'again", * unsaved, was "' in shown


def visible_lines(app: ExplorerApp, pane: Any) -> list[str]:
    """The lines of text inside a scrolled pane's visible content area."""
    from app_helpers import screen_text

    region = pane.content_region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]
