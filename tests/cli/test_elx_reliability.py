"""`elx` under a hostile server: refused tokens and a server that stops answering."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from elx_helpers import elx

from explorer.sandbox import RunningSandbox

pytestmark = pytest.mark.usefixtures("sandbox_env")


def test_a_server_refusing_every_token_is_a_clear_auth_error(
    capsys: pytest.CaptureFixture[str],
    make_sandbox: Callable[..., RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refusing = make_sandbox(reject_tokens=True)
    monkeypatch.setenv("ELEMENTUM_BASE_URL", refusing.base_url)
    run = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    assert run.code == 3
    assert run.err.startswith("elx: not authorised: tasks/ittickets: the token was refused")
    assert "HTTP 401" in run.err
    assert refusing.client_secret not in run.err


@pytest.fixture
def frozen_server() -> Iterator[str]:
    """A loopback port whose connections are accepted (by the kernel) and never answered."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_a_frozen_server_ends_the_call_at_its_deadline_with_exit_7(
    capsys: pytest.CaptureFixture[str],
    fresh_config: Path,
    frozen_server: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ELEMENTUM_BASE_URL")
    fresh_config.write_text(
        f'[profiles.frozen]\nbase_url = "{frozen_server}"\nclient_id = "elx-demo-client"\n'
        'secret = { env = "ELEMENTUM_CLIENT_SECRET" }\ndeadline_s = 1.5\n',
        encoding="utf-8",
    )
    began = time.monotonic()
    run = elx(capsys, "records", "list", "tasks/ittickets", "--first", "1")
    spent = time.monotonic() - began
    assert run.code == 7
    assert run.err == (
        "elx: network error: tasks/ittickets: the server stopped answering; "
        "gave up after 1.5 s (the profile's deadline_s)\n"
    )
    assert spent < 1.5 + 1.0
