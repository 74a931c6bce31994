"""A create whose answer is lost on the way back: the form says the record may exist and
offers to look for it by the values sent before creating it again (a proxy forwards the POST
to the sandbox, then drops the connection)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from proxy_helpers import Proxy, Rule
from test_edit_support import TICKETS, client_for, settle, tag
from textual.widgets import Button, Input, Static

from explorer.sandbox import RunningSandbox
from explorer.tui.edit.bench import EditBench
from explorer.tui.edit.create_form import CreateRecordScreen

COLUMNS = ("Handle", "Title", "Status", "Priority")


@dataclass
class Behind:
    """The sandbox's credentials with the proxy's address."""

    base_url: str
    client_id: str
    client_secret: str


def note(form: CreateRecordScreen) -> str:
    return str(form.query_one("#create-note", Static).render())


async def fill_and_create(pilot: Any, form: CreateRecordScreen, values: dict[str, str]) -> None:
    names = [p.name for p in form.fields]
    for name, value in values.items():
        form.query_one(f"#create-field-{names.index(name)}", Input).value = value
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_lost_create_is_looked_for_before_it_is_made_again(
    make_sandbox: Any,
) -> None:
    own: RunningSandbox = make_sandbox()
    title = tag("lost")
    values = {"Title": title, "Status": "Open", "Priority": "3", "Reporter": "ana@example.com"}
    with Proxy(own.base_url, [Rule("POST", "/v1/tasks/ittickets", drop=True)]) as proxy:
        behind = Behind(proxy.base_url, own.client_id, own.client_secret)
        async with client_for(behind) as client:
            # A page of every ticket, so the form knows all the fields.
            app = EditBench(client, *TICKETS, filter_text=None, columns=COLUMNS)
            async with app.run_test(size=(120, 40)) as pilot:
                await settle(pilot)
                shown = len(app.records)
                await pilot.press("n")
                await pilot.pause()
                form = app.screen
                assert isinstance(form, CreateRecordScreen)
                await fill_and_create(pilot, form, values)
                assert app.screen is form  # the form stays, nothing lost
                assert note(form).startswith(
                    "No answer came back: the record may have been created. ctrl+l looks"
                )
                look = form.query_one("#create-look", Button)
                assert look.display and look.has_focus
                assert str(form.query_one("#create-go", Button).label) == "Create again (ctrl+s)"
                await pilot.press("ctrl+l")
                await settle(pilot)
                assert not isinstance(app.screen, CreateRecordScreen)  # found: it was made
                assert len(app.records) == shown + 1
                assert app.records[-1]["Title"] == title
        assert proxy.seen.count("POST /v1/tasks/ittickets") == 1  # and made only once
    async with client_for(own) as direct:
        page = await direct.list_page(*TICKETS, filter=f'Title=="{title}"')
        assert [r["Title"] for r in page.records] == [title]


async def test_when_nothing_was_made_the_form_says_so_and_creates_on_ctrl_s(
    make_sandbox: Any,
) -> None:
    own: RunningSandbox = make_sandbox()
    title = tag("lost-none")
    values = {"Title": title, "Status": "Open", "Priority": "3", "Reporter": "ana@example.com"}
    lose = Rule("POST", "/v1/tasks/ittickets", drop=True, forward=False)  # lost on the way
    with Proxy(own.base_url, [lose]) as proxy:
        behind = Behind(proxy.base_url, own.client_id, own.client_secret)
        async with client_for(behind) as client:
            app = EditBench(client, *TICKETS, filter_text=None, columns=COLUMNS)
            async with app.run_test(size=(120, 40)) as pilot:
                await settle(pilot)
                await pilot.press("n")
                await pilot.pause()
                form = app.screen
                assert isinstance(form, CreateRecordScreen)
                await fill_and_create(pilot, form, values)
                assert note(form).startswith("No answer came back")
                await pilot.press("ctrl+l")
                await settle(pilot)
                assert note(form) == (
                    "No record has these values: it was not created. ctrl+s creates it."
                )
                await pilot.press("ctrl+s")
                await settle(pilot)
                assert not isinstance(app.screen, CreateRecordScreen)
                assert app.records[-1]["Title"] == title
        assert proxy.seen.count("POST /v1/tasks/ittickets") == 2
