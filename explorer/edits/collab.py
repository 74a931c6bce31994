"""A record's collaboration sub-resources (comments, attachments, watchers, related items).

Each call goes through the API client and comes back as a small typed row, so the tabs show
the same thing whatever shape the server's JSON had.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.api.models import Page
from explorer.edits.staging import RecordRef
from explorer.records import DEFAULT_PAGE_SIZE


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    author: str
    created_at: str
    text: str


@dataclass(frozen=True, slots=True)
class Attachment:
    id: str
    name: str
    size: int | None
    media_type: str
    state: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Watcher:
    id: str
    email: str
    name: str


@dataclass(frozen=True, slots=True)
class RelatedItem:
    id: str
    alias: str
    type: str


def _items(answer: Page | Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Rows of a list answer: a `Page`'s records, or the bare array attachments come as."""
    if isinstance(answer, Page):
        return [item.data for item in answer.items]
    return list(answer)


def _author(value: Any) -> str:
    if isinstance(value, Mapping):
        for key in ("email", "name", "id"):
            if value.get(key):
                return str(value[key])
        return ""
    return "" if value is None else str(value)


def human_size(size: int | None) -> str:
    if size is None:
        return "?"
    amount = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{amount:.0f} {unit}" if unit == "B" else f"{amount:.1f} {unit}"
        amount /= 1024
    return f"{size} B"


# Enough for any record's discussion; the cap keeps a runaway list from stalling a tab.
MAX_ROWS = 2_000
ROWS_PER_PAGE = DEFAULT_PAGE_SIZE


class Collaboration:
    """The sub-resource calls of one record, bound to a client."""

    def __init__(self, client: Any, ref: RecordRef) -> None:
        self.client = client
        self.ref = ref

    @property
    def _at(self) -> tuple[str, str, str]:
        return (self.ref.record_type, self.ref.alias, self.ref.id)

    async def _every_row(self, list_call: Any) -> list[Mapping[str, Any]]:
        """Rows of every page of a paged sub-resource, following its cursors."""
        rows: list[Mapping[str, Any]] = []
        after: str | None = None
        while True:
            page: Page = await list_call(*self._at, first=ROWS_PER_PAGE, after=after)
            rows.extend(_items(page))
            if not page.paging.has_next_page or len(rows) >= MAX_ROWS:
                return rows
            after = page.paging.end_cursor

    async def comments(self) -> list[Comment]:
        rows = await self._every_row(self.client.list_comments)
        return [
            Comment(
                str(r.get("id", "")),
                _author(r.get("createdBy")),
                str(r.get("createdAt", "")),
                str(r.get("contents", "")),
            )
            for r in rows
        ]

    async def add_comment(self, text: str) -> None:
        await self.client.add_comment(*self._at, text)

    async def attachments(self) -> list[Attachment]:
        rows = _items(await self.client.list_attachments(*self._at))
        return [
            Attachment(
                str(r.get("id", "")),
                str(r.get("name", "")),
                r.get("size") if isinstance(r.get("size"), int) else None,
                str(r.get("mediaType") or ""),
                str(r.get("state") or ""),
                str(r.get("description") or ""),
            )
            for r in rows
        ]

    async def upload(self, path: Path) -> None:
        await self.client.upload_attachment(*self._at, path)

    async def add_link(self, url: str, description: str) -> None:
        await self.client.add_url_link(*self._at, url, description)

    async def download(self, attachment_id: str, dest: Path) -> None:
        await self.client.download_attachment(*self._at, attachment_id, dest)

    async def delete_attachment(self, attachment_id: str) -> None:
        await self.client.delete_attachment(*self._at, attachment_id)

    async def watchers(self) -> list[Watcher]:
        rows = await self._every_row(self.client.list_watchers)
        found = []
        for r in rows:
            target = r.get("target") if isinstance(r.get("target"), Mapping) else r
            assert isinstance(target, Mapping)
            name = " ".join(
                str(target.get(k)) for k in ("firstName", "lastName") if target.get(k)
            ) or str(target.get("name") or "")
            found.append(Watcher(str(r.get("id", "")), str(target.get("email") or ""), name))
        return found

    async def add_watchers(self, emails: list[str]) -> None:
        await self.client.add_watchers(*self._at, emails)

    async def remove_watchers(self, emails: list[str]) -> None:
        await self.client.remove_watchers(*self._at, emails)

    async def related(self) -> list[RelatedItem]:
        rows = await self._every_row(self.client.list_related)
        return [
            RelatedItem(str(r.get("id", "")), str(r.get("alias", "")), str(r.get("type", "")))
            for r in rows
        ]

    async def add_related(self, item_id: str, alias: str) -> None:
        await self.client.add_related(*self._at, item_id, alias)

    async def remove_related(self, item_id: str) -> None:
        await self.client.remove_related(*self._at, item_id)
