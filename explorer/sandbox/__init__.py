"""The local Elementum-compatible API server (Starlette + uvicorn over SQLite).

Headless core: never imports Textual.
"""

from explorer.sandbox.app import create_app
from explorer.sandbox.options import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    LiveSettings,
    SandboxOptions,
    default_db_path,
)
from explorer.sandbox.server import RunningSandbox, start_sandbox

__all__ = [
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "LiveSettings",
    "RunningSandbox",
    "SandboxOptions",
    "create_app",
    "default_db_path",
    "start_sandbox",
]
