"""The one gate every request passes: a client-side budget, the server's own limits, priority.

- Budget: a token bucket of `rate_per_second` with `burst` capacity.
- Not-before: a shared time before which nothing is sent, set from `Retry-After` or backoff.
- Server budget: when headers say how many requests are left, the gate keeps a local copy of
  the server's budget (refilled at the rate the headers imply: `limit/window` from the policy,
  else `(limit - remaining)/reset`), counts it down per request sent, and waits while it is
  empty, so it never sends a request the server has announced it would refuse. Without a
  rate to refill at, it waits for the whole reset.
- Adaptive: a 429 that the headers did not announce halves the budget's rate; each
  answered request gives a little back, up to the configured rate.
- Order: waiters are served by priority (interactive before background), then arrival; a
  waiter that is cancelled leaves the queue and never sends.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from explorer.api.events import RateState
from explorer.api.models import Priority
from explorer.api.rate_headers import RateInfo

MIN_FACTOR = 0.1
RECOVERY_STEP = 0.1


@dataclass(order=True)
class _Waiter:
    priority: int
    seq: int
    wake: asyncio.Event = field(compare=False, default_factory=asyncio.Event)


class RateGate:
    def __init__(
        self,
        rate_per_second: float,
        burst: int,
        emit: Callable[[RateState], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = max(0.01, float(rate_per_second))
        self.burst = max(1, int(burst))
        self._emit = emit
        self._clock = clock
        self._tokens = float(self.burst)
        self._refilled_at = clock()
        self._not_before = 0.0
        self._not_before_reason = ""
        self._server_remaining: float | None = None
        self._server_reset_at: float | None = None
        self._server_rate: float | None = None
        self._server_capacity = 0.0
        self._server_stamp = 0.0
        self._in_flight = 0
        self._queue: list[_Waiter] = []
        self._seq = itertools.count()
        # Share of `rate` in use: halved by each 429 the headers do not explain, regained
        # a little with each answered request (additive increase, multiplicative decrease).
        self._factor = 1.0
        self.state = RateState(self.rate, float(self.burst), None, "idle")

    @property
    def effective_rate(self) -> float:
        return self.rate * self._factor

    # -- budget bookkeeping -------------------------------------------------------------
    def _refill(self, now: float) -> None:
        if now <= self._refilled_at:
            return
        elapsed = now - self._refilled_at
        self._tokens = min(float(self.burst), self._tokens + elapsed * self.effective_rate)
        self._refilled_at = now

    def _delay(self, now: float) -> tuple[float, str]:
        """How long the head of the queue must still wait, and why."""
        self._refill(now)
        waits: list[tuple[float, str]] = []
        if self._not_before > now:
            waits.append((self._not_before - now, self._not_before_reason))
        if self._server_remaining is not None:
            if self._server_rate is not None:
                gained = max(0.0, now - self._server_stamp) * self._server_rate
                self._server_remaining = min(self._server_capacity, self._server_remaining + gained)
                self._server_stamp = now
                if self._server_remaining < 1:
                    need = (1 - self._server_remaining) / self._server_rate
                    waits.append((need, "server budget used up"))
            elif self._server_reset_at is None or now >= self._server_reset_at:
                self._server_remaining = None
                self._server_reset_at = None
            elif self._server_remaining < 1:
                waits.append((self._server_reset_at - now, "server window used up"))
        if self._tokens < 1:
            waits.append(((1 - self._tokens) / self.effective_rate, "client budget"))
        if not waits:
            return 0.0, ""
        return max(waits)

    def _publish(self, waiting_until: float | None, reason: str) -> None:
        remaining = self._tokens
        if self._server_remaining is not None:
            remaining = min(remaining, self._server_remaining)
        wall = None if waiting_until is None else time.time() + (waiting_until - self._clock())
        state = RateState(self.effective_rate, max(0.0, remaining), wall, reason)
        if state != self.state:
            self.state = state
            self._emit(state)

    def _kick(self) -> None:
        if self._queue:
            self._queue[0].wake.set()

    # -- the gate -----------------------------------------------------------------------
    def ticket(self) -> int:
        """A place in line; a retried request passes its first ticket to keep its place."""
        return next(self._seq)

    async def acquire(
        self, priority: Priority = Priority.INTERACTIVE, ticket: int | None = None
    ) -> None:
        """Wait for this request's turn; on return one request may be sent now."""
        waiter = _Waiter(int(priority), self.ticket() if ticket is None else ticket)
        heapq.heappush(self._queue, waiter)
        self._kick()
        try:
            while True:
                if self._queue[0] is not waiter:
                    waiter.wake.clear()
                    await waiter.wake.wait()
                    continue
                now = self._clock()
                delay, reason = self._delay(now)
                if delay <= 0:
                    heapq.heappop(self._queue)
                    self._tokens -= 1
                    if self._server_remaining is not None:
                        self._server_remaining -= 1
                    self._in_flight += 1
                    self._publish(None, "sending")
                    self._kick()
                    return
                self._publish(now + delay, reason)
                waiter.wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter.wake.wait(), delay)
        except BaseException:
            if waiter in self._queue:
                self._queue.remove(waiter)
                heapq.heapify(self._queue)
                self._kick()
            raise

    def release(
        self, info: RateInfo | None, sent_at: float | None = None, status: int | None = None
    ) -> None:
        """A request sent at `sent_at` is answered (or failed); learn what the server said."""
        self._in_flight = max(0, self._in_flight - 1)
        if info is None:
            return
        now = self._clock()
        if status == 429 and info.remaining is None:
            self._refill(now)
            self._factor = max(MIN_FACTOR, self._factor / 2)
        elif status is not None and status < 400 and self._factor < 1.0:
            self._refill(now)
            self._factor = min(1.0, self._factor + RECOVERY_STEP)
        if info.retry_after is not None:
            self.hold(info.retry_after, "server asked to wait (Retry-After)")
        if info.remaining is not None:
            # The server counted this request when it arrived, close to when it was sent;
            # requests sent since then will use up the budget too.
            stamp = now if sent_at is None else min(now, sent_at)
            self._server_rate = _refill_rate(info)
            self._server_capacity = max(info.limit or 0.0, info.remaining)
            self._server_remaining = info.remaining - self._in_flight
            self._server_stamp = stamp
            reset = info.reset_after if info.reset_after is not None else info.window
            self._server_reset_at = now + (reset if reset is not None else 1.0)
            if self._server_remaining < 1:
                self._publish(self._server_reset_at, "server budget used up")
        self._kick()

    def hold(self, seconds: float, reason: str, *, refused: bool = False) -> None:
        """Send nothing for `seconds` (shared by every request). After a refusal (429) the
        burst allowance is spent too, so the gate resumes at its steady rate."""
        until = self._clock() + max(0.0, seconds)
        if refused:
            self._tokens = min(self._tokens, 0.0)
            self._refilled_at = max(self._refilled_at, until)
        if until > self._not_before:
            self._not_before = until
            self._not_before_reason = reason
            self._publish(until, reason)
        self._kick()


def _refill_rate(info: RateInfo) -> float | None:
    """Requests per second the server's budget comes back at, as far as the headers tell."""
    if info.limit and info.window:
        return info.limit / info.window
    if info.limit and info.reset_after and info.remaining is not None:
        missing = info.limit - info.remaining
        if missing > 0:
            return missing / info.reset_after
    return None
