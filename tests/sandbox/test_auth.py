"""POST /oauth/token in its three documented shapes, and bearer tokens on API calls."""

from __future__ import annotations

import base64

from explorer.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

from .conftest import Api, MakeApi

BASIC = base64.b64encode(f"{DEMO_CLIENT_ID}:{DEMO_CLIENT_SECRET}".encode()).decode()


async def test_json_body_gets_a_bearer_token(make_api: MakeApi) -> None:
    api = await make_api(token_ttl=3600)
    answer = await api.http.post(
        "/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
        },
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert len(body["access_token"]) > 20


async def test_the_announced_lifetime_is_rounded_down(make_api: MakeApi) -> None:
    """A token that lives 2.5 s is announced as 2 s: a client trusting it renews in time."""
    for ttl, announced in ((2.5, 2), (2.999, 2), (0.3, 0.3)):
        api = await make_api(token_ttl=ttl)
        answer = await api.http.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            headers={"Authorization": f"Basic {BASIC}"},
        )
        assert answer.json()["expires_in"] == announced


async def test_form_body_with_basic_auth_gets_a_token(api: Api) -> None:
    answer = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {BASIC}"},
    )
    assert answer.status_code == 200
    assert answer.json()["expires_in"] == 86400


async def test_form_body_with_credentials_and_audience_gets_a_token(api: Api) -> None:
    answer = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
            "audience": "ignored",
        },
        headers={"Authorization": ""},
    )
    assert answer.status_code == 200


async def test_missing_or_wrong_grant_type_is_400(api: Api) -> None:
    missing = await api.http.post(
        "/oauth/token", json={"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}
    )
    assert missing.status_code == 400
    assert missing.json()["error"] == "invalid_request"
    wrong = await api.http.post(
        "/oauth/token",
        json={
            "grant_type": "password",
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
        },
    )
    assert wrong.status_code == 400
    assert wrong.json()["error"] == "unsupported_grant_type"


async def test_unknown_credentials_are_401(api: Api) -> None:
    answer = await api.http.post(
        "/oauth/token",
        json={"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"},
    )
    assert answer.status_code == 401
    assert answer.json()["error"] == "invalid_client"


async def test_api_calls_need_a_valid_token(api: Api) -> None:
    without = await api.http.get("/v1/tasks/ittickets", headers={"Authorization": ""})
    assert without.status_code == 401
    assert "token" in without.json()["message"]
    wrong = await api.http.get(
        "/v1/tasks/ittickets", headers={"Authorization": "Bearer not-a-token"}
    )
    assert wrong.status_code == 401
    assert (await api.http.get("/v1/tasks/ittickets")).status_code == 200


async def test_tokens_expire_for_real(api: Api) -> None:
    api.state.settings.token_ttl = 0
    expired = await api.token()
    answer = await api.http.get(
        "/v1/tasks/ittickets", headers={"Authorization": f"Bearer {expired}"}
    )
    assert answer.status_code == 401
    assert answer.json()["message"] == "the access token has expired"
    api.state.settings.token_ttl = 60
    fresh = await api.token()
    answer = await api.http.get("/v1/tasks/ittickets", headers={"Authorization": f"Bearer {fresh}"})
    assert answer.status_code == 200
