"""The filter bar as a user meets it: typing, checking, completing, applying, history, saving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_helpers import region_text
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from explorer.kinds import FieldKind
from explorer.tui.filter import FilterBar, Verdict
from explorer.tui.filter.theming import component_style

STYLES = Path(__file__).resolve().parents[2] / "styles" / "filter.tcss"
ALIAS = "sandbox:tasks/ittickets"
FIELDS = {
    "Handle": FieldKind.HANDLE,
    "Status": FieldKind.PICKLIST,
    "Priority": FieldKind.NUMBER,
    "Title": FieldKind.TEXT,
    "Created At": FieldKind.DATETIME,
    "Assignee": FieldKind.USER_ID,
}
VALUES = {
    "Status": ["Open", "In Review", "Closed"],
    "Assignee": ["ana@example.com", "bo@example.com"],
}
SAVED = {"open tickets": "Status==Open"}


class Harness(App[None]):
    """The bar over a table, as the explorer lays them out."""

    CSS_PATH = STYLES

    def __init__(self) -> None:
        super().__init__()
        self.applied: list[str] = []
        self.saves: list[tuple[str, str]] = []
        self.left = 0
        self.changes: list[bool] = []

    def compose(self) -> ComposeResult:
        yield FilterBar(id="filter-bar")
        yield DataTable(id="table")
        yield Static("records", id="below")

    def on_mount(self) -> None:
        self.bar.set_context(ALIAS, FIELDS, VALUES, SAVED)
        self.bar.input.cursor_blink = False
        self.bar.input.focus()

    @property
    def bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    def on_filter_bar_applied(self, message: FilterBar.Applied) -> None:
        self.applied.append(message.filter)

    def on_filter_bar_left(self, message: FilterBar.Left) -> None:
        self.left += 1
        self.query_one(DataTable).focus()

    def on_filter_bar_save_requested(self, message: FilterBar.SaveRequested) -> None:
        self.saves.append((message.name, message.filter))

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        self.changes.append(message.valid)


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("ELX_STATE_DIR", str(tmp_path / "state"))
    yield tmp_path / "state"


def status_of(bar: FilterBar) -> str:
    rendered = bar.status.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


def status_colour(bar: FilterBar) -> str:
    """Which verdict's themed colour the status line is drawn in."""
    segments = [s for s in bar.status.render_line(0) if s.text.strip() and s.style is not None]
    colour = segments[0].style.color if segments and segments[0].style else None
    for verdict in Verdict:
        style = component_style(bar, f"filter-bar--{verdict.value}")
        if style.color == colour:
            return verdict.value
    return "?"


def bar_status_style(bar: FilterBar) -> object:
    return next(s.style for s in bar.status.render_line(0) if s.text.strip())


def underlined(bar: FilterBar) -> str:
    """The characters of the editor line drawn underlined (the problem span)."""
    strip = bar.input.render_line(0)
    return "".join(s.text for s in strip if s.style is not None and s.style.underline).strip()


def dropdown_open(bar: FilterBar) -> bool:
    return bar.completions.is_open


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Paste all but the last few characters (as a user pasting would), then type the rest."""
    head, tail = text[:-3], text[-3:]
    if head:
        focused = pilot.app.focused
        assert focused is not None
        focused.post_message(events.Paste(head))
        await pilot.pause()
    await pilot.press(*[c if c != " " else "space" for c in tail])
    await pilot.pause()


async def test_invalid_filter_shows_message_at_column_and_underlines_span() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, 'Status==Open;Title=="abc')
        bar = app.bar
        assert status_of(bar) == "✗ col 21: unclosed quote opened at column 21"
        assert status_colour(bar) == "error"
        assert underlined(bar) == '"abc'
        assert app.changes[-1] is False


async def test_valid_filter_shows_quiet_check() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Priority=ge=3")
        assert status_of(app.bar) == "✓ valid"
        assert status_colour(app.bar) == "valid"
        assert underlined(app.bar) == ""
        assert app.changes[-1] is True


async def test_status_colours_follow_the_theme() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Priority=ge=")
        dark = bar_status_style(app.bar)
        app.theme = "textual-light"
        await pilot.pause()
        assert status_colour(app.bar) == "error"
        assert bar_status_style(app.bar) != dark


async def test_unknown_field_warns_with_suggestion_and_still_applies() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Stauts==Open")
        bar = app.bar
        status = status_of(bar)
        assert status.startswith("⚠ col 1:")
        assert "Stauts" in status and "Status" in status
        assert status_colour(bar) == "warning"
        assert underlined(bar) == "Stauts"
        bar.completions.close()
        await pilot.press("enter")
        assert app.applied == ["Stauts==Open"]


async def test_every_warning_is_underlined_and_the_rest_are_counted() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Stauts==Open;Prioirty==3")
        bar = app.bar
        assert status_of(bar).startswith("⚠ col 1:")
        assert status_of(bar).endswith("(+1 more)")
        assert underlined(bar) == "StautsPrioirty"


async def test_open_completion_list_leaves_the_message_readable() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Status==Open;Pri")
        bar = app.bar
        assert dropdown_open(bar)
        assert "expected an operator" in region_text(app, bar.status)


async def test_tab_completes_a_field_name() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Prio")
        assert dropdown_open(app.bar)
        await pilot.press("tab")
        assert app.bar.value == "Priority"
        assert app.bar.input.cursor_position == len("Priority")
        assert not dropdown_open(app.bar)


async def test_value_with_spaces_is_inserted_quoted() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Status==In")
        await pilot.press("tab")
        assert app.bar.value == 'Status=="In Review"'
        assert status_of(app.bar) == "✓ valid"


async def test_values_of_the_compared_field_follow_the_operator() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Status==")
        assert [c.display for c in app.bar.completions.completions][:3] == [
            "Open",
            "In Review",
            "Closed",
        ]
        await pilot.press("down", "tab")
        assert app.bar.value == 'Status=="In Review"'


async def test_down_moves_in_open_list_and_enter_inserts() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Status=in=(Open,")
        options = [c.display for c in app.bar.completions.completions]
        assert options[:2] == ["Open", "In Review"]
        await pilot.press("down", "enter")
        assert app.bar.value == 'Status=in=(Open,"In Review"'
        assert app.applied == []


async def test_a_complete_value_keeps_the_list_shut_so_enter_applies() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        app.bar.set_context(ALIAS, FIELDS, {"Status": ["Open", "Opened"]}, {})
        await type_text(pilot, "Status==Open")
        assert not dropdown_open(app.bar)
        await pilot.press("tab")
        assert "Opened" in [c.text for c in app.bar.completions.completions]
        await pilot.press("escape", "enter")
        assert app.applied == ["Status==Open"]


async def test_escape_closes_the_list_first_then_leaves() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Ti")
        assert dropdown_open(app.bar)
        await pilot.press("escape")
        assert not dropdown_open(app.bar)
        assert app.left == 0
        await pilot.press("escape")
        assert app.left == 1
        assert isinstance(app.focused, DataTable)


async def test_moving_the_cursor_closes_the_list() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Status==Open;Ti")
        assert dropdown_open(app.bar)
        await pilot.press("left")
        assert not dropdown_open(app.bar)
        await pilot.press("enter")
        assert app.applied == []
        assert status_of(app.bar).endswith("· not applied")


async def test_clicking_a_completion_inserts_it() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Cre")
        completions = app.bar.completions
        assert completions.is_open
        index = [c.text for c in completions.completions].index("Created At")
        await pilot.click(completions, offset=(3, 1 + index))
        await pilot.pause()
        assert app.bar.value == "Created At"
        assert app.focused is app.bar.input


async def test_enter_applies_valid_filter_and_never_an_invalid_one() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await type_text(pilot, "Priority=ge=")
        app.bar.completions.close()
        await pilot.press("enter")
        assert app.applied == []
        assert status_of(app.bar).endswith("· not applied")
        await type_text(pilot, "3 ")
        app.bar.completions.close()
        await pilot.press("enter")
        assert app.applied == ["Priority=ge=3"]
        assert "applied" in str(app.bar.hint.render())


async def test_history_up_down_survives_a_restart(state_dir: Path) -> None:
    first = Harness()
    async with first.run_test(size=(100, 20)) as pilot:
        for text in ("Status==Open", "Priority=ge=3", "Status==Open"):
            first.bar.value = text
            await pilot.press("enter")
        assert first.applied == ["Status==Open", "Priority=ge=3", "Status==Open"]
    assert (state_dir / "filter_history.json").exists()

    second = Harness()
    async with second.run_test(size=(100, 20)) as pilot:
        bar = second.bar
        await type_text(pilot, "Ti")
        bar.completions.close()
        await pilot.press("up")
        assert bar.value == "Status==Open"
        assert bar.input.border_subtitle == "history 2/2"
        await pilot.press("up")
        assert bar.value == "Priority=ge=3"
        await pilot.press("up")
        assert bar.value == "Priority=ge=3"
        await pilot.press("down")
        assert bar.value == "Status==Open"
        await pilot.press("down")
        assert bar.value == "Ti"
        assert not dropdown_open(bar)


async def test_history_is_kept_per_alias() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        app.bar.value = "Status==Open"
        await pilot.press("enter")
        app.bar.set_context("sandbox:tasks/other", FIELDS, VALUES, {})
        app.bar.value = ""
        await pilot.press("up")
        assert app.bar.value == ""
        app.bar.set_context(ALIAS, FIELDS, VALUES, {})
        await pilot.press("up")
        assert app.bar.value == "Status==Open"


async def test_ctrl_s_asks_for_a_name_and_requests_the_save() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        app.bar.value = "Status==Open;Priority=ge=3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#filter-save-text", Static) is not None
        await type_text(pilot, "hot open")
        await pilot.press("enter")
        await pilot.pause()
        assert app.saves == [("hot open", "Status==Open;Priority=ge=3")]
        assert app.focused is app.bar.input


async def test_ctrl_s_on_an_invalid_filter_says_why_instead() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        app.bar.value = "Status=="
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert status_of(app.bar).endswith("fix it before saving")
        assert app.saves == []


async def test_blank_input_offers_saved_filters() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.press("tab")
        shown = [c.display for c in app.bar.completions.completions]
        assert "★ open tickets" in shown
        await pilot.press("enter")
        assert app.bar.value == "Status==Open"


async def test_append_clause_ands_quotes_and_applies() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        bar = app.bar
        bar.append_clause("Status", "==", "In Review")
        await pilot.pause()
        assert bar.value == 'Status=="In Review"'
        bar.value = "Priority==1,Priority==2"
        bar.append_clause("Assignee", "!=", None)
        await pilot.pause()
        assert bar.value == "(Priority==1,Priority==2);Assignee!=null"
        assert app.applied == ['Status=="In Review"', "(Priority==1,Priority==2);Assignee!=null"]


async def test_append_clause_builds_on_the_applied_filter_when_text_is_broken() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        app.bar.value = "Priority=ge=3"
        await pilot.press("enter")
        app.bar.value = "Status==("
        app.bar.append_clause("Title", "==", "Disk full")
        await pilot.pause()
        assert app.applied[-1] == 'Priority=ge=3;Title=="Disk full"'


async def test_focusing_the_bar_puts_the_cursor_in_it_and_shows_the_filter_in_effect() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        app.query_one(DataTable).focus()
        app.bar.value = "Status==Open"
        app.bar.focus()
        await pilot.pause()
        assert app.focused is app.bar.input
        assert "● applied" in str(app.bar.hint.render())
        await type_text(pilot, ";Priority=ge=2")
        assert "⏎ applies" in str(app.bar.hint.render())


async def test_blank_filter_applies_as_no_filter() -> None:
    app = Harness()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.press("enter")
        assert app.applied == [""]
        assert status_of(app.bar).startswith("no filter")


def _typing(text: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await type_text(pilot, text)

    return run_before


def test_snapshot_error(snap_compare: Any) -> None:
    assert snap_compare(
        Harness(), terminal_size=(80, 10), run_before=_typing('Status==Open;Title=="disk full')
    )


def test_snapshot_warning(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await type_text(pilot, "Status==Open;Priorty=ge=3")
        pilot.app.query_one(FilterBar).completions.close()
        await pilot.pause()

    assert snap_compare(Harness(), terminal_size=(140, 10), run_before=run_before)


def test_snapshot_completion_open(snap_compare: Any) -> None:
    assert snap_compare(Harness(), terminal_size=(80, 14), run_before=_typing("Status==Open;T"))
