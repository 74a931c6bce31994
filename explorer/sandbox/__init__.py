"""The local Elementum-compatible API server (Starlette + uvicorn over SQLite).

`start_sandbox(SandboxOptions(...))` serves it on loopback in a background thread and returns
a `RunningSandbox` (`base_url`, `api_url`, `client_id`, `client_secret`, `collections`, the
live `settings`, `stop()`); `create_app(options)` gives the ASGI app for in-process use.

Choices where API.md leaves room:
- record values keep their JSON types (numbers, booleans, lists for multi-picklists) and
  empty fields are `null`; every record has `Handle`, `Created At` and `Updated At`; the
  spec-literal mode (`SandboxOptions(spec_literal="keyed" | "unkeyed")`, `literal.py`)
  answers as the spec shows it instead;
- paging: `first` (default 100) or `last`, 1..1000 and not both; `after`/`before` cursors
  bound the list and combine; empty pages have null cursors;
- errors are `{"status", "error", "message"}`, plus `diagnostic` for a bad filter and
  `missing` (and the message) naming every missing required field; token errors use
  OAuth's `error` codes;
- an upload reads as PROCESSING once (or for a second) and VALID after; a comment POST
  answers the new comment's id as text/plain;
- `rate_limit` and `fail_rate` apply to `/v1` calls only, so a client can always log in;
  `latency_ms` delays the token endpoint too;
- every API answer carries `Server-Timing: app;dur=<ms>`.

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
