"""The profile's aliases: jumping to one, adding one (checked with a one-record fetch first),
removing one, and counting the records of each for the tree.

Fetches run in workers that only post `AliasChecked`, `AliasRefused` or `CountKnown`; the
handlers here change the profile and the tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from explorer.tui.browsing import Browser
from explorer.tui.errors import describe_error
from explorer.tui.messages import AliasChecked, AliasChosen, AliasRefused, CountKnown
from explorer.tui.panes import Panes

if TYPE_CHECKING:
    from explorer.api import ElementumClient
    from explorer.tui.collab.panels import RelatedPanel
    from explorer.tui.session import Session

# Why an alias could not be counted, by HTTP status (anything else: "unreachable").
COUNT_PROBLEMS = {403: "no access", 404: "not found"}


class AliasManager:
    def __init__(
        self,
        app: App[None],
        panes: Panes,
        session: Session,
        client: ElementumClient,
        browser: Browser,
    ) -> None:
        self.app = app
        self.panes = panes
        self.session = session
        self.client = client
        self.browser = browser

    # ----- choosing -------------------------------------------------------------------------

    def jump_to(self, alias_key: str) -> None:
        """Select and open an alias (from the jump dialog or the palette)."""
        self.panes.tree.select_key(alias_key)
        if alias_key != self.browser.alias_key:
            self.browser.open(alias_key)
        self.panes.table.focus()

    def use_saved_filter(self, alias_key: str, filter_text: str) -> None:
        """Open the saved filter's alias with the filter applied."""
        self.panes.tree.select_key(alias_key)
        self.browser.open(alias_key, filter_text)
        self.panes.table.focus()

    def chosen(self, message: AliasChosen) -> None:
        if message.filter_text is None:
            self.jump_to(message.alias_key)
        else:
            self.use_saved_filter(message.alias_key, message.filter_text)

    def selected_in_tree(self, alias_key: str | None) -> None:
        if alias_key is not None and alias_key != self.browser.alias_key:
            self.browser.open(alias_key)
            self.panes.table.focus()

    def open_related(self, message: RelatedPanel.Open) -> None:
        """Enter on a related item opens that record: its alias, filtered to its id."""
        item = message.item
        if not item.type:
            self.app.notify(f"Cannot tell the record type of {item.alias}/{item.id}.")
        else:
            self.open_record(f"{item.type}/{item.alias}", item.id)

    def open_record(self, alias_key: str, record_id: str) -> None:
        """Show one record: its alias, filtered to its id."""
        if alias_key in self.session.alias_keys():
            self.panes.tree.select_key(alias_key)
        self.browser.open_record(alias_key, record_id)
        self.panes.table.focus()

    def ask_jump(self) -> None:
        from explorer.tui.jump_screen import JumpScreen

        def jump(alias_key: str | None) -> None:
            if alias_key is not None:
                self.jump_to(alias_key)

        self.app.push_screen(JumpScreen(self.session.alias_keys()), jump)

    # ----- adding and removing --------------------------------------------------------------

    def ask_add(self) -> None:
        from explorer.tui.alias_screen import AddAliasScreen

        def add(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self.app.run_worker(self._check(*choice), group="alias", exit_on_error=False)

        self.app.push_screen(AddAliasScreen(), add)

    async def _check(self, record_type: str, alias: str) -> None:
        from explorer.api import Priority

        key = f"{record_type}/{alias}"
        try:
            page = await self.client.list_page(
                record_type, alias, first=1, priority=Priority.INTERACTIVE
            )
        except Exception as error:  # explained in a toast
            self.app.post_message(AliasRefused(key, error))
            return
        self.app.post_message(AliasChecked(key, page.total or 0))

    def checked(self, message: AliasChecked) -> None:
        key, session = message.alias_key, self.session
        record_type, alias = key.split("/", 1)
        names = session.aliases().setdefault(record_type, [])
        if alias not in names:
            names.append(alias)
            session.save()
        tree = self.panes.tree
        tree.load(session.aliases())
        tree.set_count(key, message.total)
        tree.select_key(key)
        self.app.notify(f"Added {key} ({message.total:,} records)", title="Alias added")
        self.browser.open(key)

    def refused(self, message: AliasRefused) -> None:
        title, text = describe_error(message.error)
        self.app.notify(text, title=f"Alias not added: {title}", severity="error")

    def remove_selected(self) -> None:
        session, key = self.session, self.panes.tree.cursor_key
        if key is None:
            return
        record_type, alias = key.split("/", 1)
        names = session.aliases().get(record_type, [])
        if alias in names:
            names.remove(alias)
            if not names:
                session.aliases().pop(record_type, None)
            session.save()
        self.panes.tree.load(session.aliases())
        self.app.notify(f"Removed {key} from the profile", title="Alias removed")

    # ----- counting -------------------------------------------------------------------------

    def count_all(self) -> None:
        keys = self.session.alias_keys()
        self.app.run_worker(self._count(keys), group="counts", exit_on_error=False)

    async def _count(self, keys: list[str]) -> None:
        from explorer.api import Priority

        for key in keys:
            record_type, alias = key.split("/", 1)
            try:
                page = await self.client.list_page(
                    record_type, alias, first=1, priority=Priority.BACKGROUND
                )
            except Exception as error:  # shown beside the alias in the tree
                status = getattr(error, "status", None)
                problem = COUNT_PROBLEMS.get(status or 0, "unreachable")
                self.app.post_message(CountKnown(key, None, problem))
                continue
            self.app.post_message(CountKnown(key, page.total))

    def count_known(self, message: CountKnown) -> None:
        if message.total is None:
            self.panes.tree.set_problem(message.alias_key, message.problem)
        else:
            self.panes.tree.set_count(message.alias_key, message.total)
