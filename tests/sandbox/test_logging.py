"""The sandbox's log: a line per request on stderr, a traceback per 500, nothing secret."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import httpx
import pytest

from explorer.sandbox.access_log import request_target
from explorer.sandbox.auth import Tokens
from explorer.sandbox.store import Store

from .conftest import Api
from .serving import serving

LINE = re.compile(r"^\S+ \S+ (?P<method>[A-Z]+) (?P<target>.+) (?P<status>\d{3}) [\d.]+ms$")


def request_lines(stderr: str) -> list[tuple[str, str, int]]:
    found = [LINE.match(line) for line in stderr.splitlines()]
    return [(m["method"], m["target"], int(m["status"])) for m in found if m]


@pytest.mark.socket
def test_serve_logs_one_line_per_request_and_no_secret(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        token = served.token()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        api = served.base_url + "/v1/tasks/ittickets"
        httpx.get(api, params={"filter": "Status==Open;Title=lk='disk full'"}, headers=headers)
        httpx.get(api + "/ITM-3", headers=headers)
        httpx.get(api, params={"filter": "Status=="}, headers=headers)
        httpx.get(api + "?access_token=" + token, headers={"Authorization": "Bearer nope"})
        httpx.post(
            served.base_url + "/oauth/token",
            json={"grant_type": "client_credentials", "client_id": "x", "client_secret": "guess"},
        )
    lines = request_lines(served.stderr)
    assert lines == [
        ("POST", "/oauth/token", 200),
        ("GET", "/v1/tasks/ittickets?filter=Status==Open;Title=lk='disk full'", 200),
        ("GET", "/v1/tasks/ittickets/ITM-3", 200),
        ("GET", "/v1/tasks/ittickets?filter=Status==", 400),
        ("GET", "/v1/tasks/ittickets?access_token=***", 401),
        ("POST", "/oauth/token", 401),
    ]
    for secret in (token, "elx-demo-secret", "guess", "Bearer", "Basic"):
        assert secret not in served.stderr


@pytest.mark.socket
def test_quiet_leaves_out_the_request_lines(tmp_path: Path) -> None:
    with serving(tmp_path, "--quiet") as served:
        served.token()
        httpx.get(served.base_url + "/v1/tasks/ittickets")
    assert request_lines(served.stderr) == []
    assert "Traceback" not in served.stderr


def test_a_line_cannot_be_forged_through_the_query() -> None:
    scope = {"path": "/v1/tasks/ittickets", "query_string": b"filter=Title%3D%3Dx%0AGET%20/admin"}
    assert request_target(scope) == "/v1/tasks/ittickets?filter=Title==x\\x0aGET /admin"


async def test_a_failing_call_logs_its_traceback(
    api: Api, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="explorer.sandbox")

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("the count broke")

    monkeypatch.setattr(Store, "listing", broken)
    answer = await api.http.get("/v1/tasks/ittickets", params={"filter": "Priority==3"})
    assert answer.status_code == 500
    failures = [r for r in caplog.records if r.name == "explorer.sandbox.errors"]
    assert len(failures) == 1
    assert (
        failures[0].getMessage() == "GET /v1/tasks/ittickets?filter=Priority==3 failed with a 500"
    )
    assert failures[0].exc_info is not None
    assert "the count broke" in caplog.text and "Traceback" in caplog.text
    access = [r.getMessage() for r in caplog.records if r.name == "explorer.sandbox.access"]
    assert access[-1].startswith("GET /v1/tasks/ittickets?filter=Priority==3 500 ")


async def test_a_failure_outside_the_api_calls_is_logged_and_answered_500(
    api: Api, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="explorer.sandbox")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("the token store broke")

    monkeypatch.setattr(Tokens, "issue", broken)
    answer = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("elx-demo-client", "elx-demo-secret"),
    )
    assert answer.status_code == 500
    assert answer.json() == {
        "status": 500,
        "error": "Internal Server Error",
        "message": "the sandbox failed",
    }
    failures = [r for r in caplog.records if r.name == "explorer.sandbox.errors"]
    assert [r.getMessage() for r in failures] == ["POST /oauth/token failed with a 500"]
    assert "the token store broke" in caplog.text
    assert "elx-demo-secret" not in caplog.text
