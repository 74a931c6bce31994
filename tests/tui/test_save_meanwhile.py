"""A write that lands between the save's re-fetch and its PUT (a proxy lets another writer
in just before forwarding the PUT) is shown after the save as a conflict after the fact."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from concurrent_helpers import other_writer
from proxy_helpers import Proxy, Rule
from test_edit_support import TICKETS, client_for, new_ticket, settle, tag
from textual.widgets import DataTable, Input, Static

from explorer.sandbox import RunningSandbox
from explorer.tui.edit.bench import EditBench
from explorer.tui.edit.diff_screen import DiffScreen
from explorer.tui.edit.field_editor import FieldEditor

COLUMNS = ("Handle", "Title", "Status", "Priority")


@dataclass
class Behind:
    base_url: str
    client_id: str
    client_secret: str


def diff_cells(screen: DiffScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(row)] for row in range(table.row_count)]


async def test_a_write_during_the_save_is_shown_and_mine_can_be_restored(
    make_sandbox: Any,
) -> None:
    own: RunningSandbox = make_sandbox()
    title = tag("meanwhile")
    async with client_for(own) as direct:
        ticket = await new_ticket(direct, title)  # Status Open, Priority 2
    handle = ticket["Handle"]
    path = f"/v1/tasks/ittickets/{handle}"
    writer = other_writer(own, "tasks/ittickets", handle, {"Priority": 5})
    with Proxy(own.base_url, [Rule("PUT", path, before=writer)]) as proxy:
        async with client_for(Behind(proxy.base_url, own.client_id, own.client_secret)) as client:
            app = EditBench(client, *TICKETS, filter_text=f'Title=="{title}"', columns=COLUMNS)
            async with app.run_test(size=(120, 30)) as pilot:
                await settle(pilot)
                app.query_one(DataTable).move_cursor(row=0, column=COLUMNS.index("Status"))
                await pilot.press("e")
                await pilot.pause()
                assert isinstance(app.screen, FieldEditor)
                app.screen.query_one(Input).value = "Closed"
                await pilot.press("enter")
                await pilot.press("ctrl+s")
                await pilot.pause()
                await pilot.press("ctrl+s")
                await settle(pilot)
                # Saved, and the other writer's change is shown after the fact.
                screen = app.screen
                assert isinstance(screen, DiffScreen)
                note = str(screen.query_one("#diff-note", Static).render())
                assert note.startswith("1 field(s) changed by someone else while you saved")
                assert diff_cells(screen) == [[f"ittickets/{handle}", "Priority", "5", "2", "5"]]
                await pilot.press("m")  # restore mine
                await pilot.press("ctrl+s")
                await settle(pilot)
                assert not isinstance(app.screen, DiffScreen)
                assert app.hub.unsaved == 0
        assert proxy.seen.count(f"PUT {path}") == 2
    async with client_for(own) as direct:
        stored = await direct.get_record(*TICKETS, handle)
    assert (stored["Status"], stored["Priority"]) == ("Closed", 2)


async def test_taking_theirs_keeps_the_other_writers_value(make_sandbox: Any) -> None:
    own: RunningSandbox = make_sandbox()
    title = tag("meanwhile-theirs")
    async with client_for(own) as direct:
        ticket = await new_ticket(direct, title)
    handle = ticket["Handle"]
    writer = other_writer(own, "tasks/ittickets", handle, {"Priority": 4})
    with Proxy(
        own.base_url, [Rule("PUT", f"/v1/tasks/ittickets/{handle}", before=writer)]
    ) as proxy:
        async with client_for(Behind(proxy.base_url, own.client_id, own.client_secret)) as client:
            app = EditBench(client, *TICKETS, filter_text=f'Title=="{title}"', columns=COLUMNS)
            async with app.run_test(size=(120, 30)) as pilot:
                await settle(pilot)
                app.query_one(DataTable).move_cursor(row=0, column=COLUMNS.index("Status"))
                await pilot.press("e")
                await pilot.pause()
                app.screen.query_one(Input).value = "Review"
                await pilot.press("enter", "ctrl+s")
                await pilot.pause()
                await pilot.press("ctrl+s")
                await settle(pilot)
                assert isinstance(app.screen, DiffScreen)
                await pilot.press("t")  # keep theirs
                assert app.hub.unsaved == 0
    async with client_for(own) as direct:
        stored = await direct.get_record(*TICKETS, handle)
    assert (stored["Status"], stored["Priority"]) == ("Review", 4)
