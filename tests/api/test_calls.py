"""Record calls and sub-resources against the sandbox: typed pages, records and errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from api_helpers import WireRecorder, settings_for

from explorer.api import (
    BadRequestError,
    ElementumClient,
    ForbiddenError,
    NotFoundError,
    RequestLogged,
)
from explorer.sandbox import RunningSandbox

NEW_TICKET = {
    "Title": "Sub-resources",
    "Status": "Open",
    "Priority": 2,
    "Reporter": "ana@example.com",
}


def id_key(server: RunningSandbox) -> str | None:
    """Where `server` puts the record id: `Handle`, `id` (keyed) or nowhere (unkeyed)."""
    return {None: "Handle", "keyed": "id"}.get(server.options.spec_literal)


def ids(server: RunningSandbox, records: list[dict[str, Any]]) -> list[str]:
    """The records' ids, or their titles where the server sends no id."""
    key = id_key(server) or "Title"
    return [str(record[key]) for record in records]


async def test_pages_forward_and_back_with_cursors(any_sandbox: RunningSandbox) -> None:
    async with ElementumClient(settings_for(any_sandbox)) as client:
        first = await client.list_page("tasks", "ittickets", first=10)
        assert first.total == 250
        second = await client.list_page(
            "tasks", "ittickets", first=10, after=first.paging.end_cursor
        )
        back = await client.list_page(
            "tasks", "ittickets", last=10, before=second.paging.start_cursor
        )
    assert first.paging.has_next_page and not first.paging.has_previous_page
    assert back.records == first.records
    assert not set(ids(any_sandbox, first.records)) & set(ids(any_sandbox, second.records))
    if id_key(any_sandbox) is not None:
        assert ids(any_sandbox, first.records)[:2] == ["ITM-1", "ITM-2"]
        assert ids(any_sandbox, second.records)[0] == "ITM-11"
    if any_sandbox.options.spec_literal is not None:  # the spec's shape: strings only
        assert all(isinstance(v, str) for r in first.records for v in r.values())
        assert not {"Handle", "Created At", "Updated At"} & set(first.records[0])


async def test_iterating_a_filter_yields_every_match_once(any_sandbox: RunningSandbox) -> None:
    async with ElementumClient(settings_for(any_sandbox)) as client:
        first = await client.list_page("tasks", "ittickets", first=1, filter="Status==Open")
        seen: list[dict[str, Any]] = []
        async for page in client.iter_pages(
            "tasks", "ittickets", filter="Status==Open", page_size=20
        ):
            seen.extend(page.records)
            assert all(r["Status"] == "Open" for r in page.records)
    assert first.total is not None and len(seen) == first.total
    if id_key(any_sandbox) is not None:
        assert len(set(ids(any_sandbox, seen))) == first.total


@pytest.mark.parametrize("spec_literal", [None, "keyed"])
async def test_create_get_and_partial_update(
    make_sandbox: Callable[..., RunningSandbox], spec_literal: str | None
) -> None:
    server = make_sandbox(spec_literal=spec_literal)
    key = id_key(server)
    assert key is not None
    async with ElementumClient(settings_for(server)) as client:
        created = await client.create_record(
            "tasks", "ittickets", NEW_TICKET | {"Title": "Projector hums"}
        )
        handle = created[key]
        updated = await client.update_record("tasks", "ittickets", handle, {"Status": "Closed"})
        assert updated["Status"] == "Closed"
        assert updated["Title"] == "Projector hums"
        fetched = await client.get_record("tasks", "ittickets", handle)
        assert fetched["Status"] == "Closed"
    # The spec-literal server answers the number it was sent as text.
    assert created["Priority"] == (2 if spec_literal is None else "2")


async def test_comments_watchers_related_and_attachments(
    make_sandbox: Callable[..., RunningSandbox], tmp_path: Path
) -> None:
    async with ElementumClient(settings_for(make_sandbox())) as client:
        handle = (await client.create_record("tasks", "ittickets", NEW_TICKET))["Handle"]
        await client.add_comment("tasks", "ittickets", handle, "Looked at it; needs a part.")
        comments = await client.list_comments("tasks", "ittickets", handle)
        assert any("needs a part" in str(item.data) for item in comments.items)

        await client.add_watchers("tasks", "ittickets", handle, ["ana@example.com"])
        watchers = await client.list_watchers("tasks", "ittickets", handle)
        assert "ana@example.com" in str([item.data for item in watchers.items])
        await client.remove_watchers("tasks", "ittickets", handle, ["ana@example.com"])
        watchers = await client.list_watchers("tasks", "ittickets", handle)
        assert "ana@example.com" not in str([item.data for item in watchers.items])

        await client.add_related("tasks", "ittickets", handle, "ITM-4", "ittickets")
        related = await client.list_related("tasks", "ittickets", handle)
        assert "ITM-4" in str([item.data for item in related.items])
        await client.remove_related("tasks", "ittickets", handle, "ITM-4")
        related = await client.list_related("tasks", "ittickets", handle)
        assert "ITM-4" not in str([item.data for item in related.items])

        source = tmp_path / "notes.txt"
        source.write_text("serial 12345\n", encoding="utf-8")
        await client.upload_attachment("tasks", "ittickets", handle, source)
        await client.add_url_link("tasks", "ittickets", handle, "https://example.com/kb", "KB")
        attachments = await client.list_attachments("tasks", "ittickets", handle)
        by_name = {a.get("name"): a for a in attachments}
        assert "notes.txt" in by_name
        copy = await client.download_attachment(
            "tasks", "ittickets", handle, str(by_name["notes.txt"]["id"]), tmp_path / "copy.txt"
        )
        assert copy.read_text(encoding="utf-8") == "serial 12345\n"
        await client.delete_attachment(
            "tasks", "ittickets", handle, str(by_name["notes.txt"]["id"])
        )
        remaining = await client.list_attachments("tasks", "ittickets", handle)
        assert "notes.txt" not in {a.get("name") for a in remaining}


async def test_errors_are_typed_with_a_message_for_a_person(sandbox: RunningSandbox) -> None:
    async with ElementumClient(settings_for(sandbox)) as client:
        with pytest.raises(ForbiddenError) as forbidden:
            await client.list_page("transactions", "payroll")
        with pytest.raises(NotFoundError) as missing:
            await client.list_page("tasks", "no-such-alias")
        with pytest.raises(NotFoundError):
            await client.get_record("tasks", "ittickets", "ITM-999999")
        with pytest.raises(BadRequestError) as bad:
            await client.list_page("tasks", "ittickets", filter="Status=")
    assert forbidden.value.status == 403 and "may not read" in forbidden.value.message
    assert missing.value.status == 404 and "tasks/no-such-alias" in missing.value.message
    assert "column" in bad.value.message
    assert "\n" not in bad.value.message


async def test_request_log_never_holds_secrets_or_tokens(
    sandbox: RunningSandbox, wire: WireRecorder
) -> None:
    logged: list[RequestLogged] = []
    async with ElementumClient(settings_for(sandbox), inner_transport=wire) as client:
        client.subscribe(lambda e: logged.append(e) if isinstance(e, RequestLogged) else None)
        await client.list_page("tasks", "ittickets", first=2, filter="Status==Open")
        token = client._tokens._token
    text = repr(logged) + repr(client.token_state) + repr(client.settings)
    assert token and token not in text
    assert sandbox.client_secret not in text
    listed = [e for e in logged if e.path == "/v1/tasks/ittickets"]
    assert listed[0].status == 200 and "filter=Status%3D%3DOpen" in listed[0].query
