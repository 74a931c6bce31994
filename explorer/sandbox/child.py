"""`python -m explorer.sandbox.child`: the sandbox in a process of its own, for `elx --sandbox`.

It starts with the default options (the environment picks the database), prints one JSON line
(`base_url`, `client_id`, `client_secret`, `collections`, or `error`) and serves until its
standard input closes, which also happens when the app's process ends; then it closes the
database and exits without draining the server.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> int:
    try:
        from explorer.sandbox import SandboxOptions, start_sandbox

        sandbox = start_sandbox(SandboxOptions())
    except Exception as error:  # reported to the app, which shows it
        print(json.dumps({"error": str(error) or type(error).__name__}), flush=True)
        return 1
    ready = {
        "base_url": sandbox.base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "collections": sandbox.collections,
    }
    print(json.dumps(ready), flush=True)
    sandbox.warm()
    sys.stdin.read()
    # The app has gone, and only it knew the address: close the database (the store waits
    # for any write in progress) and leave at once. A graceful stop of the server would
    # keep the app's process, and the user's prompt, waiting about 0.3 s for nobody.
    sandbox.store.close()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
