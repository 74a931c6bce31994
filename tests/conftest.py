"""Fixtures every test suite shares: isolated user paths and real sandbox servers.

- Every test session runs with `ELX_STATE_DIR`, `ELX_CONFIG` and `ELX_SANDBOX_DB` pointing
  into a temporary directory, so no test reads or writes the user's own files.
- `sandbox`: one server for the whole session over a real loopback socket. Its database
  holds `SANDBOX_RECORDS` (250) records in every alias (so paging at the default 100 per
  page spans three pages), seed 1, the same fields and handles as the full demo data
  (`tasks/ittickets` ITM-1..250, `apps/purchaserequests` PREQ-, `elements/incidents` INC-,
  `elements/vendors` VEN-, `tasks/onboarding` ONB-, `transactions/invoices` INV-, and the
  forbidden `transactions/payroll` that answers 403). The first 40 records of each alias
  carry seeded comments and watchers. It is read-only by convention: tests that read it
  count its records and values exactly.
- `writable_sandbox`: a second session server over its own copy of the same data, for tests
  that create, edit or comment; suites that write override `sandbox` with it.
- `make_sandbox(**overrides)`: a fresh server over its own copy of the same seeded data,
  with any `SandboxOptions` overridden (e.g. `rate_limit=2`, `fail_rate=1.0`,
  `spec_literal="keyed"`); stopped when the test ends. Overriding `records` or `seed` seeds
  a new file instead of copying (keep `records` small: seeding takes about 1 s per 30,000
  records).
- `literal_sandbox` and `unkeyed_sandbox`: session servers over copies of the same data in
  the sandbox's spec-literal mode (`SandboxOptions(spec_literal=...)`, see
  `explorer/sandbox/literal.py`), answering as `openapi.json` shows it: every record value a
  string (numbers as `"3"`, booleans `"true"`, lists as `"a, b"`, empty fields left out), no
  `Handle`, `Created At` or `Updated At` keys, a 201 token answer with `token_type: "bearer"`
  and `expires_in: 3600`, and `GET /v1/elements/{alias}` answering element metadata (an
  `Aspect`) instead of a record page. In `literal_sandbox` (variant "keyed") the record id is
  under `id` (`LITERAL_ID_KEY`); in `unkeyed_sandbox` no key carries it. In both, paths take
  the handle (`/v1/tasks/ittickets/ITM-42`) and filters work as in the default mode
  (`id==ITM-4` too in the keyed one). Read-only by convention, like `sandbox`; for writes use
  `make_sandbox(spec_literal="keyed")` or `make_sandbox(spec_literal="unkeyed")`.
- `any_sandbox`: parametrised over the three answer shapes ("default", "keyed", "unkeyed"),
  it yields `sandbox`, `literal_sandbox` and `unkeyed_sandbox` in turn, for a test that must
  pass against each; the server's `options.spec_literal` (None, "keyed", "unkeyed") tells
  which one runs.
- `sandbox_client_env`: the environment variables that point a client at `sandbox`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from explorer.sandbox import RunningSandbox, SandboxOptions, start_sandbox
from explorer.sandbox.store import Store

SANDBOX_RECORDS = 250


@pytest.fixture(scope="session", autouse=True)
def isolated_user_paths(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the app's state, config and sandbox database at a session temp dir."""
    root = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ELX_STATE_DIR", str(root / "state"))
        patch.setenv("ELX_CONFIG", str(root / "config.toml"))
        patch.setenv("ELX_SANDBOX_DB", str(root / "sandbox.sqlite3"))
        yield root


@pytest.fixture(scope="session")
def sandbox_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded database file, made once per session, that sandboxes start from by copy."""
    path = tmp_path_factory.mktemp("sandbox-template") / "template.sqlite3"
    Store(path, reset=True, records=SANDBOX_RECORDS, seed=1).close()
    return path


@pytest.fixture(scope="session")
def sandbox(
    sandbox_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningSandbox]:
    """The session's shared sandbox over a real loopback socket (see the module docstring)."""
    path = tmp_path_factory.mktemp("sandbox") / "sandbox.sqlite3"
    shutil.copyfile(sandbox_template, path)
    with start_sandbox(SandboxOptions(db_path=path)) as running:
        yield running


def _session_sandbox(
    template: Path, factory: pytest.TempPathFactory, name: str, **options: Any
) -> RunningSandbox:
    path = factory.mktemp(name) / "sandbox.sqlite3"
    shutil.copyfile(template, path)
    return start_sandbox(SandboxOptions(db_path=path, **options))


@pytest.fixture(scope="session")
def literal_sandbox(
    sandbox_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningSandbox]:
    """The shared data in spec-literal mode, record id under `id` (see the module docstring)."""
    with _session_sandbox(
        sandbox_template, tmp_path_factory, "literal-sandbox", spec_literal="keyed"
    ) as running:
        yield running


@pytest.fixture(scope="session")
def unkeyed_sandbox(
    sandbox_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningSandbox]:
    """The shared data in spec-literal mode with no record id in the map."""
    with _session_sandbox(
        sandbox_template, tmp_path_factory, "unkeyed-sandbox", spec_literal="unkeyed"
    ) as running:
        yield running


SANDBOX_SHAPES = {"default": "sandbox", "keyed": "literal_sandbox", "unkeyed": "unkeyed_sandbox"}


@pytest.fixture(scope="session", params=list(SANDBOX_SHAPES))
def any_sandbox(request: pytest.FixtureRequest) -> RunningSandbox:
    """`sandbox`, `literal_sandbox` and `unkeyed_sandbox` in turn (one test run each)."""
    running: RunningSandbox = request.getfixturevalue(SANDBOX_SHAPES[request.param])
    return running


@pytest.fixture(scope="session")
def writable_sandbox(
    sandbox_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningSandbox]:
    """A session sandbox that tests may write to, kept apart from the read-only `sandbox`."""
    path = tmp_path_factory.mktemp("writable-sandbox") / "sandbox.sqlite3"
    shutil.copyfile(sandbox_template, path)
    with start_sandbox(SandboxOptions(db_path=path)) as running:
        yield running


@pytest.fixture
def make_sandbox(sandbox_template: Path, tmp_path: Path) -> Iterator[Callable[..., RunningSandbox]]:
    """A factory of fresh sandboxes (a copy of the seeded data each), stopped at test end."""
    started: list[RunningSandbox] = []
    numbers = count(1)

    def make(**overrides: Any) -> RunningSandbox:
        path = tmp_path / f"sandbox-{next(numbers)}.sqlite3"
        if not {"records", "seed", "db_path"} & set(overrides):
            shutil.copyfile(sandbox_template, path)  # otherwise the sandbox seeds its own
        options = SandboxOptions(**{"db_path": path, **overrides})
        running = start_sandbox(options)
        started.append(running)
        return running

    yield make
    for running in started:
        running.stop()


@pytest.fixture
def sandbox_client_env(sandbox: RunningSandbox) -> dict[str, str]:
    """ELEMENTUM_BASE_URL, ELEMENTUM_CLIENT_ID and ELEMENTUM_CLIENT_SECRET for `sandbox`."""
    return {
        "ELEMENTUM_BASE_URL": sandbox.base_url,
        "ELEMENTUM_CLIENT_ID": sandbox.client_id,
        "ELEMENTUM_CLIENT_SECRET": sandbox.client_secret,
    }
