"""A create whose answer is lost on the way back (a proxy forwards the POST, then drops the
connection): `elx records create` says the record may have been created and how to look."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable

import pytest
from elx_helpers import elx
from proxy_helpers import Proxy, Rule

from explorer.sandbox import RunningSandbox

NEW = ["Title=Lost answer printer", "Status=Open", "Priority:=2", "Reporter=ana@example.com"]


def test_a_lost_answer_says_the_record_may_exist_and_how_to_check(
    capsys: pytest.CaptureFixture[str],
    make_sandbox: Callable[..., RunningSandbox],
    sandbox_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    own = make_sandbox()
    with Proxy(own.base_url, [Rule("POST", "/v1/tasks/ittickets", drop=True)]) as proxy:
        monkeypatch.setenv("ELEMENTUM_BASE_URL", proxy.base_url)
        run = elx(capsys, "records", "create", "tasks/ittickets", *NEW)
        assert proxy.seen.count("POST /v1/tasks/ittickets") == 1  # never sent twice
        assert run.code == 7 and run.out == ""
        first, advice, command = run.err.splitlines()
        assert first.startswith("elx: no answer: ")
        assert first.endswith("the record may have been created")
        assert advice == "Check for it before creating it again:"
        argv = shlex.split(command)
        assert argv[:5] == ["elx", "records", "list", "tasks/ittickets", "--filter"]
        # The command it gives finds the record the server made.
        found = elx(capsys, *argv[1:], "--format", "json")
    assert found.code == 0, found.err
    (record,) = json.loads(found.out)
    assert record["Title"] == "Lost answer printer" and record["Priority"] == 2
