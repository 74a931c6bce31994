"""`python -m explorer.sandbox.child`: the sandbox in a process of its own, for `elx --sandbox`.

It starts with the default options (the environment picks the database), prints one JSON line
(`base_url`, `client_id`, `client_secret`, `collections`, or `error`), then a second one with
the first page of the first collection as the API answers it over HTTP (`collection`, `size`,
`body`; or `{}`), so the app can show it without asking, and serves until its standard input
closes, which also happens when the app's process ends.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def main() -> int:
    try:
        from explorer.sandbox import SandboxOptions, start_sandbox

        sandbox = start_sandbox(SandboxOptions())
    except Exception as error:  # reported to the app, which shows it
        print(json.dumps({"error": str(error) or type(error).__name__}), flush=True)
        return 1
    with sandbox:
        ready = {
            "base_url": sandbox.base_url,
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "collections": sandbox.collections,
        }
        print(json.dumps(ready), flush=True)
        print(json.dumps(_first_page(sandbox)), flush=True)
        sys.stdin.read()
    return 0


def _first_page(sandbox: Any) -> dict[str, Any]:
    """The first collection's first page, fetched like any client would (token, then GET)."""
    import urllib.request
    from urllib.parse import quote

    from explorer.config.model import DEFAULT_PAGE_SIZE

    keys = [key for key in sandbox.collections if "/" in key]
    if not keys:
        return {}
    record_type, alias = keys[0].split("/", 1)
    try:
        grant = {
            "grant_type": "client_credentials",
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
        }
        asked = urllib.request.Request(
            sandbox.token_url,
            data=json.dumps(grant).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        with urllib.request.urlopen(asked, timeout=10) as answer:
            token = json.load(answer)["access_token"]
        url = f"{sandbox.api_url}/{quote(record_type, safe='')}/{quote(alias, safe='')}"
        asked = urllib.request.Request(
            f"{url}?first={DEFAULT_PAGE_SIZE}",
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        )
        with urllib.request.urlopen(asked, timeout=10) as answer:
            body = json.load(answer)
    except Exception:  # the app then asks for the page itself
        return {}
    return {"collection": keys[0], "size": DEFAULT_PAGE_SIZE, "body": body}


if __name__ == "__main__":
    raise SystemExit(main())
