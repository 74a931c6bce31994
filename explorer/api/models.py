"""Typed results of the client: pages of records and their paging state."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Priority(IntEnum):
    """Order at the rate gate: lower goes first."""

    TOKEN = -1  # the client's own token requests: everything else waits for them
    INTERACTIVE = 0
    BACKGROUND = 1


@dataclass(frozen=True)
class PagingState:
    has_previous_page: bool = False
    start_cursor: str | None = None
    end_cursor: str | None = None
    has_next_page: bool = False


@dataclass(frozen=True)
class PageItem:
    cursor: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class Page:
    items: list[PageItem]
    total: int | None = None
    paging: PagingState = field(default_factory=PagingState)

    @property
    def records(self) -> list[dict[str, Any]]:
        return [item.data for item in self.items]

    @classmethod
    def from_json(cls, body: Any) -> Page:
        """Read a page leniently: missing members become empty/unknown, never an exception."""
        if not isinstance(body, dict):
            body = {}
        raw_items = body.get("items")
        items: list[PageItem] = []
        for raw in raw_items if isinstance(raw_items, list) else []:
            if isinstance(raw, dict):
                data = raw.get("data")
                if not isinstance(data, dict):
                    data = {k: v for k, v in raw.items() if k != "cursor"}
                cursor = raw.get("cursor")
                items.append(PageItem(str(cursor) if cursor is not None else None, data))
        paging_raw = body.get("paging")
        paging_raw = paging_raw if isinstance(paging_raw, dict) else {}

        def text(key: str) -> str | None:
            value = paging_raw.get(key)
            return str(value) if value not in (None, "") else None

        paging = PagingState(
            has_previous_page=bool(paging_raw.get("has_previous_page", False)),
            start_cursor=text("start_cursor"),
            end_cursor=text("end_cursor"),
            has_next_page=bool(paging_raw.get("has_next_page", False)),
        )
        total = body.get("total")
        return cls(items, total if isinstance(total, int) else None, paging)
