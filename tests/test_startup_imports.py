"""What the app's process loads before its first frame, checked in a fresh interpreter.

The main screen's module and the config load no HTTP client and no server: httpx is loaded
when the session's client is made, and the sandbox's server runs in a
child process. When the client is loaded, httpx's command-line tool (click, Pygments) is not,
though click is installed (the sandbox's server needs it): `explorer.api` makes httpx take its
stub `main`, which this checks against the installed httpx.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

SERVER_STACK = ("httpx", "starlette", "uvicorn", "explorer.sandbox.app")
CLI_TOOL = ("click", "pygments")


def _loaded_after(code: str, names: tuple[str, ...]) -> list[str]:
    probe = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps([n for n in {list(names)!r} if n in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_the_main_screen_loads_no_http_client_and_no_server() -> None:
    code = "import explorer.config, explorer.tui.app, explorer.tui.launch"
    assert _loaded_after(code, SERVER_STACK) == []


def test_the_client_loads_without_httpx_command_line_tool() -> None:
    assert importlib.util.find_spec("click") is not None, "click is what would be loaded"
    code = (
        "from explorer.api import ElementumClient\n"
        "import httpx\n"
        "assert callable(httpx.main) and httpx.AsyncClient is not None"
    )
    assert _loaded_after(code, CLI_TOOL) == []
