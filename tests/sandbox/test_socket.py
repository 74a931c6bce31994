"""The sandbox over a real loopback socket: the session server and short-lived ones."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from explorer.sandbox import RunningSandbox

from .contract import check_response

pytestmark = pytest.mark.socket


def token(sb: RunningSandbox, client: httpx.Client) -> str:
    answer = client.post(
        sb.base_url + "/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": sb.client_id,
            "client_secret": sb.client_secret,
        },
    )
    assert answer.status_code == (200 if sb.options.spec_literal is None else 201)
    value: str = answer.json()["access_token"]
    return value


def test_session_sandbox_serves_every_collection(sandbox: RunningSandbox) -> None:
    assert sandbox.base_url.startswith("http://127.0.0.1:")
    assert sandbox.api_url == sandbox.base_url + "/v1"
    assert "tasks/ittickets" in sandbox.collections
    assert "transactions/payroll" in sandbox.collections
    with httpx.Client() as client:
        headers = {"Authorization": f"Bearer {token(sandbox, client)}"}
        for key in sandbox.collections:
            answer = client.get(f"{sandbox.api_url}/{key}", headers=headers)
            check_response(answer)
            if key == "transactions/payroll":
                assert answer.status_code == 403
            else:
                assert answer.status_code == 200
                assert answer.json()["total"] == 250


def test_each_answer_shape_serves_the_same_records(any_sandbox: RunningSandbox) -> None:
    mode = any_sandbox.options.spec_literal
    with httpx.Client(base_url=any_sandbox.api_url) as client:
        client.headers["Authorization"] = f"Bearer {token(any_sandbox, client)}"
        answer = client.get("/tasks/ittickets", params={"filter": "Priority=ge=5", "first": 3})
        check_response(answer, literal=mode is not None)
        page = answer.json()
        ids = {None: "Handle", "keyed": "id", "unkeyed": None}[mode]
        record = page["items"][0]["data"]
        if ids is None:
            assert not {"Handle", "id"} & set(record)
        else:
            assert record[ids].startswith("ITM-")
        assert str(record["Priority"]) == "5"
        assert (
            page["total"]
            == client.get("/tasks/ittickets", params={"filter": "Priority==5"}).json()["total"]
        )


def test_pages_forward_and_back_over_http(sandbox: RunningSandbox) -> None:
    with httpx.Client(base_url=sandbox.api_url) as client:
        client.headers["Authorization"] = f"Bearer {token(sandbox, client)}"
        handles: list[str] = []
        after = None
        while True:
            params = {"first": "100", **({"after": after} if after else {})}
            page = client.get("/tasks/ittickets", params=params).json()
            handles += [item["data"]["Handle"] for item in page["items"]]
            if not page["paging"]["has_next_page"]:
                break
            after = page["paging"]["end_cursor"]
        assert handles == [f"ITM-{n}" for n in range(1, 251)]
        back = client.get(
            "/tasks/ittickets", params={"last": "10", "before": page["paging"]["start_cursor"]}
        ).json()
        assert [i["data"]["Handle"] for i in back["items"]] == [f"ITM-{n}" for n in range(191, 201)]


def test_start_serves_and_stop_closes_the_port(
    make_sandbox: Callable[..., RunningSandbox],
) -> None:
    sb = make_sandbox()
    with httpx.Client() as client:
        assert client.get(sb.base_url + "/").status_code == 200
    sb.stop()
    with pytest.raises(httpx.ConnectError), httpx.Client() as client:
        client.get(sb.base_url + "/")


def test_client_env_points_at_the_session_sandbox(
    sandbox: RunningSandbox, sandbox_client_env: dict[str, str]
) -> None:
    assert sandbox_client_env == {
        "ELEMENTUM_BASE_URL": sandbox.base_url,
        "ELEMENTUM_CLIENT_ID": sandbox.client_id,
        "ELEMENTUM_CLIENT_SECRET": sandbox.client_secret,
    }
