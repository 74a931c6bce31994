"""Reads beside writes over a real socket: every answer is whole and never older than a
write that has already been answered."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from explorer.sandbox import RunningSandbox

pytestmark = pytest.mark.socket

WRITES = 40
READERS = 6


def _client(sb: RunningSandbox) -> httpx.Client:
    token = httpx.post(
        sb.token_url,
        data={"grant_type": "client_credentials"},
        auth=(sb.client_id, sb.client_secret),
    ).json()["access_token"]
    return httpx.Client(base_url=sb.api_url, headers={"Authorization": f"Bearer {token}"})


def test_reads_during_writes_see_every_finished_write(
    make_sandbox: Callable[..., RunningSandbox],
) -> None:
    sb = make_sandbox()
    done: list[int] = []  # estimates whose PUT has been answered, in order

    def write() -> None:
        with _client(sb) as client:
            for n in range(1, WRITES + 1):
                answer = client.put("/tasks/ittickets/ITM-7", json={"Number": n})
                assert answer.status_code == 200, answer.text
                created = client.post(
                    "/tasks/ittickets",
                    json={
                        "Title": f"written {n}",
                        "Status": "Open",
                        "Priority": 1,
                        "Reporter": "ana.garcia@example.com",
                    },
                )
                assert created.status_code == 201, created.text
                done.append(n)

    def read() -> int:
        seen = 0
        with _client(sb) as client:
            while len(done) < WRITES:
                floor = done[-1] if done else 0
                page = client.get("/tasks/ittickets", params={"filter": "Title=lk=written*"})
                record = client.get("/tasks/ittickets/ITM-7")
                assert page.status_code == 200 and record.status_code == 200
                body = page.json()
                # Counted and listed from one state, and no older than the last answered write.
                assert body["total"] >= floor
                assert len(body["items"]) == min(body["total"], 100)
                assert (record.json()["Number"] or 0) >= floor
                seen += 1
        return seen

    with ThreadPoolExecutor(READERS + 1) as pool:
        readers = [pool.submit(read) for _ in range(READERS)]
        writer = pool.submit(write)
        writer.result(timeout=120)
        reads = [reader.result(timeout=120) for reader in readers]
    assert sum(reads) > 0
    with _client(sb) as client:
        final = client.get("/tasks/ittickets", params={"filter": "Title=lk=written*"}).json()
        assert final["total"] == WRITES
        assert client.get("/tasks/ittickets/ITM-7").json()["Number"] == WRITES
