"""The collaboration tabs round-trip through the API: comments, attachments, watchers, related."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_edit_support import TICKETS, client_for, new_ticket, settle, tag
from textual import on
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TabbedContent

from explorer.edits.staging import RecordRef
from explorer.sandbox import RunningSandbox
from explorer.tui.collab.ask import AskScreen
from explorer.tui.collab.panels import CollabPanel, RelatedPanel
from explorer.tui.collab.tabs import CollaborationTabs
from explorer.tui.edit.confirm import ConfirmScreen
from explorer.tui.styling import EDIT_CSS


class TabsHarness(App[None]):
    CSS_PATH = EDIT_CSS

    def __init__(self, client: Any, ref: RecordRef) -> None:
        super().__init__()
        self.client = client
        self.ref = ref
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        yield CollaborationTabs(self.client, self.ref)

    @on(RelatedPanel.Open)
    def open_related(self, event: RelatedPanel.Open) -> None:
        self.opened.append(f"{event.item.alias}/{event.item.id}")


@pytest.fixture(scope="session")
def sandbox(writable_sandbox: RunningSandbox) -> RunningSandbox:
    """These tests write records, so they use the writable session sandbox."""
    return writable_sandbox


def rows(panel: CollabPanel) -> list[list[str]]:
    table = panel.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_tab(pilot: Pilot[Any], key: str) -> CollabPanel:
    tabs = pilot.app.query_one(CollaborationTabs)
    tabs.open(key)
    await settle(pilot)
    return tabs.panel(key)


async def typed(pilot: Pilot[Any], selector: str, text: str) -> None:
    field = pilot.app.query_one(selector, Input)
    field.value = text
    field.focus()
    await pilot.press("enter")
    await settle(pilot)


async def answer(pilot: Pilot[Any], button: str, **answers: str) -> None:
    """Press a panel's button and fill the dialog it opens; Enter answers from the last input."""
    await pilot.click(button)
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AskScreen)
    for key, text in answers.items():
        dialog.query_one(f"#ask-{key}", Input).value = text
    dialog.query(Input).last().focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_tabs_load_lazily_and_comments_round_trip(sandbox: Any) -> None:
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, tag("comments"))
        ref = RecordRef(*TICKETS, ticket["Handle"])
        app = TabsHarness(client, ref)
        async with app.run_test(size=(110, 30)) as pilot:
            await settle(pilot)
            tabs = app.query_one(CollaborationTabs)
            assert tabs.panel("comments").loaded
            assert not tabs.panel("watchers").loaded  # not fetched until its tab opens
            await typed(pilot, "#comment-text", "Printer fixed, please check.")
            assert [r[0] for r in rows(tabs.panel("comments"))] == ["Printer fixed, please check."]
        page = await client.list_comments(*TICKETS, ticket["Handle"])
        assert [r["contents"] for r in page.records] == ["Printer fixed, please check."]


async def test_attachments_upload_link_download_and_delete(sandbox: Any, tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("hello attachment\n")
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, tag("attach"))
        app = TabsHarness(client, RecordRef(*TICKETS, ticket["Handle"]))
        async with app.run_test(size=(110, 36)) as pilot:
            panel = await open_tab(pilot, "attachments")
            await answer(pilot, "#attach-upload", path=str(source))
            states = [r[3] for r in rows(panel)]
            assert states in (["PROCESSING"], ["VALID"])
            for _ in range(100):  # the list is fetched again while anything is PROCESSING
                if [r[3] for r in rows(panel)] == ["VALID"]:
                    break
                await pilot.pause(0.05)
            assert [(r[0], r[3]) for r in rows(panel)] == [("notes.txt", "VALID")]
            await answer(
                pilot, "#attach-link", url="https://example.com/runbook", description="runbook"
            )
            assert len(rows(panel)) == 2
            dest = tmp_path / "copy.txt"
            panel.query_one(DataTable).move_cursor(row=0)
            await answer(pilot, "#attach-download", dest=str(dest))
            assert dest.read_text() == "hello attachment\n"
            await pilot.click("#attach-delete")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await settle(pilot)
            assert len(rows(panel)) == 1 and rows(panel)[0][0] != "notes.txt"
        remaining = await client.list_attachments(*TICKETS, ticket["Handle"])
        assert len(remaining) == 1 and remaining[0]["name"] != "notes.txt"


async def test_watchers_are_added_and_removed_by_email(sandbox: Any) -> None:
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, tag("watch"))
        app = TabsHarness(client, RecordRef(*TICKETS, ticket["Handle"]))
        async with app.run_test(size=(110, 30)) as pilot:
            panel = await open_tab(pilot, "watchers")
            before = {r[0] for r in rows(panel)}
            await typed(pilot, "#watcher-email", "grace.hopper@example.com")
            assert {r[0] for r in rows(panel)} == before | {"grace.hopper@example.com"}
            app.query_one("#watcher-email", Input).value = "grace.hopper@example.com"
            await pilot.click("#watcher-remove")
            await settle(pilot)
            assert {r[0] for r in rows(panel)} == before
            await typed(pilot, "#watcher-email", "not-an-email")
            status = str(panel.query_one(".collab-status").render())
            assert status == "Not an e-mail: not-an-email"
        page = await client.list_watchers(*TICKETS, ticket["Handle"])
        emails = {r.get("target", {}).get("email") for r in page.records}
        assert "grace.hopper@example.com" not in emails


async def test_related_items_are_added_removed_and_opened(sandbox: Any) -> None:
    async with client_for(sandbox) as client:
        ticket = await new_ticket(client, tag("related"))
        other = await new_ticket(client, tag("related-other"))
        app = TabsHarness(client, RecordRef(*TICKETS, ticket["Handle"]))
        async with app.run_test(size=(110, 30)) as pilot:
            panel = await open_tab(pilot, "related")
            await answer(pilot, "#related-add", alias="ittickets", id=other["Handle"])
            assert [r[:2] for r in rows(panel)] == [[other["Handle"], "ittickets"]]
            panel.query_one(DataTable).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert app.opened == [f"ittickets/{other['Handle']}"]
            await pilot.click("#related-remove")
            await settle(pilot)
            assert rows(panel) == []
            assert app.query_one(TabbedContent).active == "tab-related"
        page = await client.list_related(*TICKETS, ticket["Handle"])
        assert page.records == []
