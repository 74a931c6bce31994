"""The retry decision as a pure function: which outcomes are tried again, and after how long."""

from __future__ import annotations

import pytest

from explorer.api.rate_headers import RateInfo
from explorer.api.retry_policy import Outcome, RetryPolicy, Verdict, decide

POLICY = RetryPolicy(max_attempts=6, max_total_wait=60.0)


def _decide(
    outcome: Outcome,
    *,
    repeatable: bool = True,
    attempts: int = 1,
    waited: float = 0.0,
    jitter: float = 0.5,
    time_left: float | None = None,
) -> Verdict:
    return decide(
        POLICY,
        outcome,
        repeatable=repeatable,
        attempts=attempts,
        waited=waited,
        jitter=jitter,
        time_left=time_left,
    )


@pytest.mark.parametrize("status", [200, 201, 204, 400, 401, 403, 404, 422])
def test_answers_that_waiting_cannot_change_are_final(status: int) -> None:
    assert not _decide(Outcome(status=status)).retry


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried_only_when_repeating_is_safe(status: int) -> None:
    assert _decide(Outcome(status=status), repeatable=True).retry
    assert not _decide(Outcome(status=status), repeatable=False).retry


def test_a_429_is_retried_for_any_method_and_holds_the_gate() -> None:
    verdict = _decide(Outcome(status=429), repeatable=False)
    assert verdict.retry and verdict.hold


def test_retry_after_sets_the_wait() -> None:
    info = RateInfo(retry_after=3.0)
    verdict = _decide(Outcome(status=429, info=info))
    assert verdict.delay == 3.0


def test_a_spent_budget_waits_for_its_reset() -> None:
    info = RateInfo(limit=10, remaining=0, reset_after=2.5)
    assert _decide(Outcome(status=503, info=info)).delay == 2.5


def test_without_headers_the_wait_is_full_jitter_exponential_backoff() -> None:
    delays = [_decide(Outcome(status=500), attempts=n, jitter=1.0).delay for n in range(1, 6)]
    assert delays == [0.2, 0.4, 0.8, 1.6, 3.2]
    assert _decide(Outcome(status=500), attempts=1, jitter=0.0).delay == 0.0
    capped = decide(
        RetryPolicy(max_attempts=20),
        Outcome(status=500),
        repeatable=True,
        attempts=12,
        waited=0.0,
        jitter=1.0,
    )
    assert capped.delay == 10.0


def test_nothing_sent_is_retried_for_any_method_a_lost_answer_only_when_safe() -> None:
    assert _decide(Outcome(failure="unsent"), repeatable=False).retry
    assert not _decide(Outcome(failure="lost"), repeatable=False).retry
    assert _decide(Outcome(failure="lost"), repeatable=True).retry
    assert not _decide(Outcome(failure="unsupported"), repeatable=True).retry


def test_the_attempt_cap_and_the_total_wait_cap_stop_retries() -> None:
    assert _decide(Outcome(status=500), attempts=5).retry
    assert not _decide(Outcome(status=500), attempts=6).retry
    assert not _decide(Outcome(status=429, info=RateInfo(retry_after=5.0)), waited=56.0).retry


def test_a_wait_longer_than_the_deadline_leaves_is_not_taken() -> None:
    late = Outcome(status=429, info=RateInfo(retry_after=5.0))
    assert not _decide(late, time_left=4.0).retry
    assert _decide(late, time_left=6.0).retry
