"""Saving staged edits: any failure keeps the edit staged and says why."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.api import ConnectionSettings, ElementumClient
from explorer.edits.saving import Outcome, save_record
from explorer.edits.staging import EditBook, RecordRef


def client_for(base_url: str, sandbox: Any, **options: Any) -> ElementumClient:
    settings = ConnectionSettings(
        base_url, sandbox.client_id, sandbox.client_secret, rate_per_second=200, burst=50
    )
    return ElementumClient(settings, **options)


@pytest.mark.parametrize(
    ("ref", "status"),
    [
        (RecordRef("tasks", "ittickets", "ITM-999999"), "404"),
        (RecordRef("transactions", "payroll", "PAY-1"), "403"),
    ],
)
async def test_a_refused_save_keeps_the_edit_with_the_reason(
    sandbox: Any, ref: RecordRef, status: str
) -> None:
    book = EditBook()
    book.stage(ref, "Status", "Open", "Closed")
    async with client_for(sandbox.base_url, sandbox) as client:
        result = await save_record(client, book, ref)
    assert result.outcome is Outcome.FAILED
    assert f"HTTP {status}" in (result.reason or "")
    assert [(e.field, e.new, e.error) for e in book.edits(ref)] == [
        ("Status", "Closed", result.reason)
    ]


async def test_a_server_failure_keeps_the_edit(make_sandbox: Any) -> None:
    failing = make_sandbox(fail_rate=1.0)
    ref = RecordRef("tasks", "ittickets", "ITM-1")
    book = EditBook()
    book.stage(ref, "Priority", 2, 3)
    async with client_for(failing.base_url, failing, max_attempts=1) as client:
        result = await save_record(client, book, ref)
    assert result.outcome is Outcome.FAILED and book.count == 1
    assert "server error" in (result.reason or "")


async def test_a_network_failure_keeps_the_edit(sandbox: Any) -> None:
    ref = RecordRef("tasks", "ittickets", "ITM-1")
    book = EditBook()
    book.stage(ref, "Priority", 2, 3)
    async with client_for("http://127.0.0.1:9", sandbox, max_attempts=1) as client:
        result = await save_record(client, book, ref)
    assert result.outcome is Outcome.FAILED and book.count == 1
    assert "network error" in (result.reason or "")
