"""The database: a real file that persists across restarts, reseeded on `reset`, sized by
`records`; the default location and its override; options checked before serving."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from explorer.sandbox import RunningSandbox, SandboxOptions, default_db_path, start_sandbox

pytestmark = pytest.mark.socket


def login(client: httpx.Client, sb: RunningSandbox) -> None:
    answer = client.post(
        sb.base_url + "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(sb.client_id, sb.client_secret),
    )
    client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"


def test_data_persists_across_restarts_until_reset(tmp_path: Path) -> None:
    db = tmp_path / "data" / "sandbox.sqlite3"
    with start_sandbox(SandboxOptions(db_path=db, records=5)) as sb, httpx.Client() as client:
        login(client, sb)
        for key in sb.collections[:-1]:
            assert client.get(f"{sb.api_url}/{key}").json()["total"] == 5
        created = client.post(
            f"{sb.api_url}/elements/vendors", json={"Name": "Kept GmbH", "Status": "Active"}
        ).json()
        assert created["Handle"] == "VEN-6"
    assert db.is_file()
    with start_sandbox(SandboxOptions(db_path=db, records=7)) as sb, httpx.Client() as client:
        login(client, sb)
        kept = client.get(f"{sb.api_url}/elements/vendors/VEN-6")
        assert kept.json()["Name"] == "Kept GmbH"
        assert client.get(f"{sb.api_url}/tasks/ittickets").json()["total"] == 5
    with (
        start_sandbox(SandboxOptions(db_path=db, records=7, reset=True)) as sb,
        httpx.Client() as client,
    ):
        login(client, sb)
        assert client.get(f"{sb.api_url}/elements/vendors/VEN-6").json()["Name"] != "Kept GmbH"
        assert client.get(f"{sb.api_url}/tasks/ittickets").json()["total"] == 7


def test_the_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    pages = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        options = SandboxOptions(db_path=tmp_path / f"{name}.sqlite3", records=20, seed=seed)
        with start_sandbox(options) as sb, httpx.Client() as client:
            login(client, sb)
            pages.append(client.get(f"{sb.api_url}/apps/purchaserequests").json()["items"])
    data = [[item["data"] for item in page] for page in pages]
    assert data[0] == data[1]
    assert data[0] != data[2]


def test_default_db_path_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ELX_SANDBOX_DB", str(tmp_path / "mine.sqlite3"))
    assert default_db_path() == tmp_path / "mine.sqlite3"
    monkeypatch.delenv("ELX_SANDBOX_DB")
    path = default_db_path()
    assert path.name == "sandbox.sqlite3"
    assert "elementum-explorer" in str(path)


def test_bad_options_are_refused_before_serving(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="rate_headers"):
        start_sandbox(SandboxOptions(db_path=tmp_path / "x.sqlite3", rate_headers="some"))
    with pytest.raises(ValueError, match="fail_rate"):
        start_sandbox(SandboxOptions(db_path=tmp_path / "x.sqlite3", fail_rate=1.5))


def test_rate_limit_headers_over_the_socket(make_sandbox: Callable[..., RunningSandbox]) -> None:
    sb = make_sandbox(rate_limit=2, rate_headers="all")
    with httpx.Client() as client:
        login(client, sb)
        answers = [client.get(f"{sb.api_url}/tasks/onboarding") for _ in range(4)]
    assert [a.status_code for a in answers][:2] == [200, 200]
    refused = answers[-1]
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    assert refused.headers["RateLimit-Policy"] == '"sandbox";q=2;w=1'


def test_live_settings_change_a_running_server(
    make_sandbox: Callable[..., RunningSandbox],
) -> None:
    sb = make_sandbox()
    with httpx.Client() as client:
        login(client, sb)
        assert client.get(f"{sb.api_url}/tasks/onboarding").status_code == 200
        sb.settings.fail_rate = 1.0
        assert client.get(f"{sb.api_url}/tasks/onboarding").status_code == 500
        sb.settings.fail_rate = 0.0
        assert client.get(f"{sb.api_url}/tasks/onboarding").status_code == 200


def test_a_busy_port_is_an_error(sandbox: RunningSandbox, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        start_sandbox(SandboxOptions(db_path=tmp_path / "x.sqlite3", port=sandbox.port))


def test_make_sandbox_seeds_when_asked_for_other_data(
    make_sandbox: Callable[..., RunningSandbox],
) -> None:
    sb = make_sandbox(records=12)
    with httpx.Client() as client:
        login(client, sb)
        assert client.get(f"{sb.api_url}/tasks/ittickets").json()["total"] == 12


def test_default_data_has_50000_it_tickets_across_four_record_types(tmp_path: Path) -> None:
    with (
        start_sandbox(SandboxOptions(db_path=tmp_path / "default.sqlite3")) as sb,
        httpx.Client() as client,
    ):
        login(client, sb)
        totals = {
            key: client.get(f"{sb.api_url}/{key}", params={"first": 1}).json().get("total")
            for key in sb.collections
        }
    assert totals["tasks/ittickets"] == 50_000
    assert all(total and total >= 100 for key, total in totals.items() if "payroll" not in key)
    assert len(sb.collections) >= 6
    assert {key.split("/")[0] for key in sb.collections} == {
        "apps",
        "elements",
        "tasks",
        "transactions",
    }


def test_warming_up_spends_no_budget_and_hides_no_change(
    make_sandbox: Callable[..., RunningSandbox],
) -> None:
    sb = make_sandbox(rate_limit=3, rate_headers="all")
    sb.warm()
    with httpx.Client() as client:
        login(client, sb)
        first = client.get(f"{sb.api_url}/tasks/ittickets")
        assert first.headers["X-RateLimit-Remaining"] == "2"
        total = first.json()["total"]
        created = client.post(
            f"{sb.api_url}/elements/vendors", json={"Name": "Warm GmbH", "Status": "Active"}
        )
        assert created.status_code == 201, created.text
        vendors = client.get(f"{sb.api_url}/elements/vendors").json()["total"]
        assert vendors == total + 1
