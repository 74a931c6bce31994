"""Record calls and sub-resources against the sandbox: typed pages, records and errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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


async def test_pages_forward_and_back_with_cursors(sandbox: RunningSandbox) -> None:
    async with ElementumClient(settings_for(sandbox)) as client:
        first = await client.list_page("tasks", "ittickets", first=10)
        assert first.total == 250
        assert [r["Handle"] for r in first.records][:2] == ["ITM-1", "ITM-2"]
        assert first.paging.has_next_page and not first.paging.has_previous_page
        second = await client.list_page(
            "tasks", "ittickets", first=10, after=first.paging.end_cursor
        )
        assert second.records[0]["Handle"] == "ITM-11"
        back = await client.list_page(
            "tasks", "ittickets", last=10, before=second.paging.start_cursor
        )
        assert back.records == first.records


async def test_iterating_a_filter_yields_every_match_once(sandbox: RunningSandbox) -> None:
    async with ElementumClient(settings_for(sandbox)) as client:
        first = await client.list_page("tasks", "ittickets", first=1, filter="Status==Open")
        handles: list[str] = []
        async for page in client.iter_pages(
            "tasks", "ittickets", filter="Status==Open", page_size=20
        ):
            handles.extend(r["Handle"] for r in page.records)
            assert all(r["Status"] == "Open" for r in page.records)
    assert first.total is not None and len(handles) == len(set(handles)) == first.total


async def test_create_get_and_partial_update(
    make_sandbox: Callable[..., RunningSandbox],
) -> None:
    async with ElementumClient(settings_for(make_sandbox())) as client:
        created = await client.create_record(
            "tasks", "ittickets", NEW_TICKET | {"Title": "Projector hums"}
        )
        handle = created["Handle"]
        updated = await client.update_record("tasks", "ittickets", handle, {"Status": "Closed"})
        assert updated["Status"] == "Closed"
        assert updated["Title"] == "Projector hums"
        fetched = await client.get_record("tasks", "ittickets", handle)
        assert fetched["Status"] == "Closed"


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
