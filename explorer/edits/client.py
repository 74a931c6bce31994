"""The API client as the editing core sees it, and how its failures read to a person."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.api import ApiError, ElementumClient

# Saving, bulk edits and export call the record methods of the one API client.
RecordClient = ElementumClient


def describe_failure(error: BaseException) -> str:
    """A one-line reason for a failed call: what kind of failure, then the server's text."""
    if isinstance(error, ApiError):
        return str(error)
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def record_data(answer: Any) -> dict[str, Any]:
    """The record map of a client answer (a plain map, or an object carrying `.data`)."""
    if isinstance(answer, Mapping):
        return dict(answer)
    data = getattr(answer, "data", None)
    if isinstance(data, Mapping):
        return dict(data)
    raise TypeError(f"not a record: {type(answer).__name__}")


def page_records(page: Any) -> list[dict[str, Any]]:
    """The record maps of one page (a client `Page` or the API's JSON page)."""
    items = page.get("items", []) if isinstance(page, Mapping) else getattr(page, "items", [])
    records = []
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("data"), Mapping):
            records.append(dict(item["data"]))
        else:
            records.append(record_data(item))
    return records


def page_total(page: Any) -> int | None:
    """How many records match the page's filter, when the page says."""
    total = page.get("total") if isinstance(page, Mapping) else getattr(page, "total", None)
    return total if isinstance(total, int) else None
