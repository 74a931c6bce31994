"""`elx` under a hostile server: refused tokens and a server that stops answering."""

from __future__ import annotations

from collections.abc import Callable

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
