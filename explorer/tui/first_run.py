"""The first run with no config: open the sandbox, or save a profile from a short form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from explorer.tui import actions
from explorer.tui.session import Session
from explorer.tui.styling import DIALOGS_CSS

if TYPE_CHECKING:
    from explorer.config import Config

SessionChoice = Session | Callable[[], Session] | None


class FirstRunScreen(ModalScreen[SessionChoice]):
    """Either button gives the app a session; the form's profile is written to config."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("first_run")

    def __init__(
        self, config: Config, sandbox_factory: Callable[[], Callable[[], Session]]
    ) -> None:
        super().__init__()
        self._config = config
        self._sandbox_factory = sandbox_factory

    def compose(self) -> ComposeResult:
        with Vertical(id="first-run-box") as box:
            box.border_title = "Welcome to Elementum Explorer"
            yield Static(
                "No profile is set up yet. Try the explorer on the local sandbox with demo "
                "data, or connect to Elementum with an API client id and secret (User "
                "Settings → OAuth → Create New Token in Elementum).",
                id="first-run-text",
            )
            yield Button("Open the sandbox", id="first-run-sandbox", variant="primary")
            yield Label("Profile name")
            yield Input(value="default", id="first-run-name")
            yield Label("Region")
            yield Select(
                [("US", "us"), ("EU", "eu")], value="us", id="first-run-region", allow_blank=False
            )
            yield Label("Base URL (optional: a staging host or a sandbox, instead of the region)")
            yield Input(placeholder="https://…", id="first-run-base-url")
            yield Label("Client id")
            yield Input(id="first-run-client-id")
            yield Label("Client secret (stored in config.toml, mode 0600)")
            yield Input(password=True, id="first-run-secret")
            with Horizontal(id="first-run-buttons"):
                yield Button("Save and connect", id="first-run-save")
            yield Static("", id="first-run-note")

    @on(Button.Pressed, "#first-run-sandbox")
    def _sandbox(self) -> None:
        self.dismiss(self._sandbox_factory())

    @on(Button.Pressed, "#first-run-save")
    def _save(self) -> None:
        from explorer.config import Profile, save_config
        from explorer.config.secrets import SecretSource
        from explorer.tui.launch import config_session

        name = self.query_one("#first-run-name", Input).value.strip() or "default"
        region = str(self.query_one("#first-run-region", Select).value)
        base_url = self.query_one("#first-run-base-url", Input).value.strip() or None
        client_id = self.query_one("#first-run-client-id", Input).value.strip()
        secret = self.query_one("#first-run-secret", Input).value.strip()
        note = self.query_one("#first-run-note", Static)
        if not client_id or not secret:
            note.update("Both the client id and the secret are needed.")
            return
        self._config.profiles[name] = Profile(
            name=name,
            region=None if base_url else region,
            base_url=base_url,
            client_id=client_id,
            secret=SecretSource("file", secret),
        )
        self._config.default_profile = name
        try:
            save_config(self._config)
        except Exception as error:  # shown on the form
            note.update(f"Could not save the config: {error}")
            return
        self.dismiss(config_session(self._config, name))

    def action_quit(self) -> None:
        self.dismiss(None)
