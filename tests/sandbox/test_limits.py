"""Rate limits per token with each header set, injected 500s and added latency."""

from __future__ import annotations

import time

from .conftest import Api, MakeApi

LIST = "/v1/tasks/ittickets"


async def burst(api: Api, count: int, token: str | None = None) -> list[int]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return [
        (await api.http.get(LIST, params={"first": 1}, headers=headers)).status_code
        for _ in range(count)
    ]


async def test_past_the_limit_is_429_with_every_header(make_api: MakeApi) -> None:
    api = await make_api(rate_limit=3, rate_headers="all")
    ok = await api.http.get(LIST, params={"first": 1})
    assert ok.status_code == 200
    assert ok.headers["X-RateLimit-Limit"] == "3"
    assert ok.headers["X-RateLimit-Remaining"] == "2"
    assert ok.headers["RateLimit-Policy"] == '"sandbox";q=3;w=1'
    assert ok.headers["RateLimit"].startswith('"sandbox";r=2;t=')
    assert "Retry-After" not in ok.headers
    statuses = await burst(api, 5)
    assert statuses[:2] == [200, 200]
    assert 429 in statuses
    refused = await api.http.get(LIST, params={"first": 1})
    assert refused.status_code == 429
    assert refused.json()["status"] == 429
    assert refused.headers["Retry-After"] == "1"
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert int(refused.headers["X-RateLimit-Reset"]) >= 1
    assert refused.headers["RateLimit"] == '"sandbox";r=0;t=1'


async def test_retry_after_only(make_api: MakeApi) -> None:
    api = await make_api(rate_limit=1, rate_headers="retry-after")
    ok = await api.http.get(LIST, params={"first": 1})
    assert ok.status_code == 200
    assert not any(name.lower().startswith(("x-ratelimit", "ratelimit")) for name in ok.headers)
    refused = await api.http.get(LIST, params={"first": 1})
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    assert "X-RateLimit-Limit" not in refused.headers


async def test_no_headers(make_api: MakeApi) -> None:
    api = await make_api(rate_limit=1, rate_headers="none")
    await api.http.get(LIST, params={"first": 1})
    refused = await api.http.get(LIST, params={"first": 1})
    assert refused.status_code == 429
    assert "Retry-After" not in refused.headers
    assert "RateLimit" not in refused.headers


async def test_limits_are_per_token(make_api: MakeApi) -> None:
    api = await make_api(rate_limit=2)
    assert 429 in await burst(api, 4)
    other = await api.token()
    assert (await burst(api, 1, other)) == [200]


async def test_limit_can_change_while_running(api: Api) -> None:
    assert await burst(api, 5) == [200] * 5
    api.state.settings.rate_limit = 1
    assert await burst(api, 2) == [200, 429]
    api.state.settings.rate_limit = None
    assert await burst(api, 3) == [200] * 3


async def test_the_bucket_refills(make_api: MakeApi) -> None:
    api = await make_api(rate_limit=5)
    statuses = await burst(api, 12)
    assert statuses[-1] == 429
    time.sleep(0.25)  # the bucket refills with time itself; no worker is awaited
    assert (await burst(api, 1)) == [200]


async def test_fail_rate_injects_500s(make_api: MakeApi) -> None:
    api = await make_api(fail_rate=1.0)
    answer = await api.http.get(LIST)
    assert answer.status_code == 500
    assert answer.json()["error"] == "Internal Server Error"
    api.state.settings.fail_rate = 0.0
    assert await burst(api, 3) == [200] * 3
    one = await make_api(fail_rate=0.5)
    statuses = await burst(one, 40)
    assert set(statuses) == {200, 500}
    two = await make_api(fail_rate=0.5)
    assert await burst(two, 40) == statuses, "the same seed fails the same calls"


async def test_latency_delays_answers(make_api: MakeApi) -> None:
    api = await make_api(latency_ms=60)
    began = time.perf_counter()
    assert (await api.http.get(LIST, params={"first": 1})).status_code == 200
    assert time.perf_counter() - began >= 0.06


async def test_a_limit_below_one_per_second(make_api: MakeApi) -> None:
    api = await make_api(rate_limit=0.5)
    ok = await api.http.get(LIST, params={"first": 1})
    assert ok.headers["RateLimit-Policy"] == '"sandbox";q=1;w=2'
    refused = await api.http.get(LIST, params={"first": 1})
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "2"
