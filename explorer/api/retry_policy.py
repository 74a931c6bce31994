"""When a request is tried again, and after how long: one pure function over what happened.

- 429 is retried for every method (it promises nothing was done).
- 500/502/503/504 and a connection lost after sending only for requests that are safe to
  repeat (GET, HEAD, PUT, or one marked repeatable such as the token request).
- A refused connection or a connect timeout (nothing was sent) for any method.
- Waits follow the server's headers when it sends them (`Retry-After`, a spent budget's
  reset), else full-jitter exponential backoff; attempts and total wait are capped.
- One call's attempts are counted together (`CallBudget`): retries and the auth flow's 401
  replay draw on the same `max_attempts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from explorer.api.rate_headers import RateInfo

if TYPE_CHECKING:
    import httpx

SAFE_METHODS = frozenset({"GET", "HEAD", "PUT"})
RETRY_STATUSES = frozenset({500, 502, 503, 504})

# The request extension that carries its call's `CallBudget`.
EXT_BUDGET = "elx.budget"

# What went wrong below HTTP: nothing sent (refused, connect timeout), sent but no answer
# (lost), or a URL the transport cannot speak to at all (never worth a retry).
Failure = Literal["unsent", "lost", "unsupported"]


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    max_total_wait: float = 60.0
    backoff_base: float = 0.2
    backoff_cap: float = 10.0

    def backoff(self, attempt: int, jitter: float) -> float:
        """Full jitter: a share `jitter` (0..1) of the capped exponential step."""
        return jitter * min(self.backoff_cap, self.backoff_base * 2.0**attempt)


@dataclass
class CallBudget:
    """One call's use of the policy: attempts sent, seconds waited between them."""

    sent: int = 0
    waited: float = 0.0
    # When the call must be over (monotonic clock); None for no deadline.
    deadline: float | None = None

    def can_send_again(self, policy: RetryPolicy) -> bool:
        return self.sent < policy.max_attempts

    def time_left(self, now: float) -> float | None:
        return None if self.deadline is None else self.deadline - now


def call_budget(request: httpx.Request) -> CallBudget:
    """The budget the request's attempts share, made on first use."""
    budget = request.extensions.get(EXT_BUDGET)
    if not isinstance(budget, CallBudget):
        budget = request.extensions[EXT_BUDGET] = CallBudget()
    return budget


@dataclass(frozen=True)
class Outcome:
    """What one attempt got: an HTTP status with its rate headers, or a failure."""

    status: int | None = None
    info: RateInfo | None = None
    failure: Failure | None = None


@dataclass(frozen=True)
class Verdict:
    retry: bool
    delay: float = 0.0
    # A 429's wait is shared by every request (the gate holds), not slept by this one alone.
    hold: bool = False


GIVE_UP = Verdict(False)


def decide(
    policy: RetryPolicy,
    outcome: Outcome,
    *,
    repeatable: bool,
    attempts: int,
    waited: float,
    jitter: float,
    time_left: float | None = None,
) -> Verdict:
    """Whether to send again after `outcome`, given `attempts` sent so far and `waited`
    seconds spent between them; `time_left` is what remains of the call's deadline."""
    if attempts >= policy.max_attempts:
        return GIVE_UP
    backoff = policy.backoff(attempts - 1, jitter)
    if outcome.failure is not None:
        if outcome.failure == "unsupported":
            return GIVE_UP
        if outcome.failure == "lost" and not repeatable:
            return GIVE_UP
        delay = backoff
    elif outcome.status == 429 or (outcome.status in RETRY_STATUSES and repeatable):
        info = outcome.info
        if info is not None and info.retry_after is not None:
            delay = info.retry_after
        elif info is not None and info.remaining is not None and info.remaining < 1:
            delay = info.reset_after if info.reset_after is not None else 1.0
        else:
            delay = backoff
    else:
        return GIVE_UP
    if waited + delay > policy.max_total_wait:
        return GIVE_UP
    if time_left is not None and delay >= time_left:
        return GIVE_UP
    return Verdict(True, delay, hold=outcome.status == 429)
