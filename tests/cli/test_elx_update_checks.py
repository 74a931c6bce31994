"""`elx records update` checks before it writes (`--expect`), says what it overwrote, and
warns when another writer changed the record while it saved."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from concurrent_helpers import other_writer
from elx_helpers import Run, elx
from proxy_helpers import Proxy, Rule

from explorer.sandbox import RunningSandbox

pytestmark = pytest.mark.usefixtures("sandbox_env")

NEW = ["Title=Check before writing", "Status=Open", "Priority:=2", "Reporter=ana@example.com"]


@pytest.fixture
def own(
    make_sandbox: Callable[..., RunningSandbox], monkeypatch: pytest.MonkeyPatch
) -> RunningSandbox:
    server = make_sandbox()
    monkeypatch.setenv("ELEMENTUM_BASE_URL", server.base_url)
    return server


def create(capsys: pytest.CaptureFixture[str]) -> str:
    made = elx(capsys, "records", "create", "tasks/ittickets", *NEW)
    assert made.code == 0, made.err
    handle: str = json.loads(made.out)["Handle"]
    return handle


def stored(capsys: pytest.CaptureFixture[str], handle: str) -> dict[str, object]:
    shown: Run = elx(capsys, "records", "get", "tasks/ittickets", handle)
    record: dict[str, object] = json.loads(shown.out)
    return record


def test_expect_refuses_to_write_over_another_writers_value(
    capsys: pytest.CaptureFixture[str], own: RunningSandbox
) -> None:
    handle = create(capsys)
    # Between the person's look at the record and their update, someone closes it.
    other_writer(own, "tasks/ittickets", handle, {"Status": "Closed"})()
    run = elx(
        capsys, "records", "update", "tasks/ittickets", handle, "Priority:=4",
        "--expect", "Status=Open",
    )  # fmt: skip
    assert run.code == 8 and run.out == ""
    assert run.err.splitlines() == [
        f'elx: conflict: {handle} Status is "Closed" on the server, not "Open" as --expect says',
        "elx: nothing was written",
    ]
    assert stored(capsys, handle)["Priority"] == 2


def test_a_met_expectation_writes_and_says_what_it_overwrote(
    capsys: pytest.CaptureFixture[str], own: RunningSandbox
) -> None:
    handle = create(capsys)
    run = elx(
        capsys, "records", "update", "tasks/ittickets", handle, "Status=Closed", "Priority:=2",
        "--expect", "Status=Open", "--expect", "Priority=2",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.err.splitlines() == [f'elx: overwrote {handle} Status: "Open" (now "Closed")']
    assert json.loads(run.out)["Status"] == "Closed"


def test_a_write_during_the_update_is_reported(
    capsys: pytest.CaptureFixture[str], own: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    handle = create(capsys)
    path = f"/v1/tasks/ittickets/{handle}"
    writer = other_writer(own, "tasks/ittickets", handle, {"Priority": 5})
    with Proxy(own.base_url, [Rule("PUT", path, before=writer)]) as proxy:
        monkeypatch.setenv("ELEMENTUM_BASE_URL", proxy.base_url)
        run = elx(capsys, "records", "update", "tasks/ittickets", handle, "Status=Review")
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        f'elx: overwrote {handle} Status: "Open" (now "Review")',
        f"elx: warning: someone else changed {handle} Priority while this was saved:"
        " 2 before, 5 now (this update did not send it)",
    ]
