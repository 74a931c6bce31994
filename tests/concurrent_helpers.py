"""A second writer for tests of concurrent edits: a plain synchronous client of the sandbox
that a proxy rule runs between two steps of a save (imported as `concurrent_helpers`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from explorer.sandbox import RunningSandbox


def other_writer(
    sandbox: RunningSandbox, collection: str, record_id: str, changes: dict[str, Any]
) -> Callable[[], None]:
    """A callable that PUTs `changes` to the record straight to the sandbox, as someone else."""

    def write() -> None:
        with httpx.Client(base_url=sandbox.base_url, timeout=10) as http:
            token = http.post(
                "/oauth/token",
                json={
                    "grant_type": "client_credentials",
                    "client_id": sandbox.client_id,
                    "client_secret": sandbox.client_secret,
                },
            ).json()["access_token"]
            answer = http.put(
                f"/v1/{collection}/{record_id}",
                json=changes,
                headers={"Authorization": f"Bearer {token}"},
            )
            answer.raise_for_status()

    return write
