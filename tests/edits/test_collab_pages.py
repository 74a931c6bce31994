"""The collaboration lists follow the API's pages, so a long discussion is shown whole."""

from __future__ import annotations

import asyncio

from explorer.api import ConnectionSettings, ElementumClient
from explorer.edits.collab import ROWS_PER_PAGE, Collaboration
from explorer.edits.staging import RecordRef
from explorer.sandbox import RunningSandbox


async def test_comments_beyond_the_first_page_are_listed(sandbox: RunningSandbox) -> None:
    settings = ConnectionSettings(
        sandbox.base_url, sandbox.client_id, sandbox.client_secret, rate_per_second=500, burst=50
    )
    async with ElementumClient(settings) as client:
        ticket = await client.create_record(
            "tasks",
            "ittickets",
            {
                "Title": "Long discussion",
                "Status": "Open",
                "Priority": 2,
                "Reporter": "ana@example.com",
            },
        )
        handle = ticket["Handle"]
        count = ROWS_PER_PAGE + 5
        await asyncio.gather(
            *(client.add_comment("tasks", "ittickets", handle, f"note {n}") for n in range(count))
        )
        first_page = await client.list_comments("tasks", "ittickets", handle)
        assert first_page.paging.has_next_page

        comments = await Collaboration(client, RecordRef("tasks", "ittickets", handle)).comments()
        assert sorted(c.text for c in comments) == sorted(f"note {n}" for n in range(count))
