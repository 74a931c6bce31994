"""What the client remembers per profile between runs, in the user's state directory: the
token request shape that worked (`token-styles.json`), keyed by profile, client id and token
URL so a changed profile starts over."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.config.state import StateStore


@dataclass
class ProfileMemory:
    """The `TokenMemory` of one profile (see `explorer.api.token_memory`)."""

    profile: str
    client_id: str
    token_url: str

    @property
    def key(self) -> str:
        return f"{self.profile}|{self.client_id}|{self.token_url}"

    def token_style(self) -> str | None:
        style = StateStore("token-styles").get(self.key)
        return style if isinstance(style, str) else None

    def remember_token_style(self, style: str) -> None:
        StateStore("token-styles").set(self.key, style)
