"""Progress edits stay under Discord's rate limits, and the final edit always arrives.

These tests run on the virtual-time loop (see conftest.py): the scheduler gets `loop.time` as its
clock and `asyncio.sleep` as its sleep, updates are scheduled at exact virtual times with
`loop.call_at`, and the test waits for the n-th edit through a future, so schedules are exact."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Hashable
from typing import Any

import pytest

from bot.jobs.errors import EditStreamClosed
from bot.jobs.throttle import FINAL_GAP_SHARE, EditScheduler, EditThrottle, TokenBucket


class FakeRateLimited(Exception):
    """Like discord.py's rate-limit errors: carries `retry_after` (and a URL we must never log)."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("429 at https://discord.com/api/v10/webhooks/1/SECRET-INTERACTION-TOKEN")
        self.retry_after = retry_after
        self.status = 429


class FakeHTTPError(Exception):
    status = 500


class Recorder:
    """A fake Discord: records every edit as (virtual time since start, key, state); `failures` lists
    exceptions to raise for the next attempts of a key (None = succeed)."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.start = self.loop.time()
        self.edits: list[tuple[float, Hashable, Any]] = []
        self.attempts: list[tuple[float, Hashable, Any]] = []
        self.failures: dict[Hashable, list[BaseException | None]] = {}
        self._waiters: list[tuple[int, asyncio.Future[None]]] = []

    def now(self) -> float:
        return round(self.loop.time() - self.start, 6)

    def at(self, offset: float, callback: Any, *args: Any) -> None:
        """Run `callback(*args)` at `offset` virtual seconds after the start."""
        self.loop.call_at(self.start + offset, callback, *args)

    def sender(self, key: Hashable) -> Any:
        async def send(state: Any) -> None:
            self.attempts.append((self.now(), key, state))
            planned = self.failures.get(key)
            if planned:
                error = planned.pop(0)
                if error is not None:
                    raise error
            self.edits.append((self.now(), key, state))
            for count, waiter in self._waiters:
                if len(self.edits) >= count and not waiter.done():
                    waiter.set_result(None)

        return send

    async def until(self, offset: float) -> None:
        """Return when the virtual clock reads `offset`: models *when* a job reports, it does not wait
        for the code under test (that is `wait_for`)."""
        reached = self.loop.create_future()
        self.at(offset, reached.set_result, None)
        await reached

    async def wait_for(self, count: int) -> None:
        """Return once `count` edits succeeded."""
        if len(self.edits) >= count:
            return
        waiter = self.loop.create_future()
        self._waiters.append((count, waiter))
        await waiter


def make_scheduler(**options: Any) -> EditScheduler:
    return EditScheduler(clock=asyncio.get_running_loop().time, sleep=asyncio.sleep, **options)


# --- the pure gates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("now", "last_edit", "pending", "final", "expected"),
    [
        (10.0, None, True, False, 10.0),  # never edited: at once
        (10.0, 9.0, True, False, 10.5),  # too soon: wait for the interval
        (10.0, 8.0, True, False, 10.0),  # long ago: at once
        (10.0, 9.0, False, False, None),  # nothing to send
        (10.0, 9.9, False, True, 10.2),  # a final state needs sending; it waits a fifth of the interval
        (10.0, 9.0, False, True, 10.0),  # ... so here it goes at once where a progress edit would wait
    ],
)
def test_the_per_message_gate_keeps_edits_apart(now: float, last_edit: float | None, pending: bool,
                                                 final: bool, expected: float | None) -> None:
    throttle = EditThrottle(min_interval=1.5)

    at = throttle.next_edit_at(now=now, last_edit=last_edit, pending=pending, final=final)
    assert at == (None if expected is None else pytest.approx(expected))


def test_the_global_bucket_allows_a_burst_then_spaces_edits_at_its_rate() -> None:
    bucket = TokenBucket(rate=10.0, burst=3)

    times = [bucket.reserve(0.0) for _ in range(5)]

    assert times == pytest.approx([0.0, 0.0, 0.0, 0.1, 0.2])
    # after a quiet second the burst is available again (but not more than the burst)
    assert [bucket.reserve(2.0) for _ in range(4)] == pytest.approx([2.0, 2.0, 2.0, 2.1])


# --- one message ---------------------------------------------------------------------------------------------

async def test_updates_within_a_second_give_one_edit_now_and_one_with_the_latest_state_later() -> None:
    recorder = Recorder()
    stream = make_scheduler(min_interval=1.5).stream("msg", recorder.sender("msg"))
    for i in range(10):  # ten reports in the first second
        recorder.at(i / 10, stream.update, i)

    await recorder.wait_for(2)
    await stream.finish("final")

    assert recorder.edits == [(0.0, "msg", 0), (1.5, "msg", 9), (1.8, "msg", "final")]


async def test_the_final_state_replaces_pending_updates_and_is_never_dropped() -> None:
    recorder = Recorder()
    stream = make_scheduler(min_interval=1.5).stream("msg", recorder.sender("msg"))
    stream.update("receiving")
    recorder.at(0.5, stream.update, "decoding")  # superseded before its turn
    await recorder.until(1.0)

    await stream.finish("done")
    stream.update("late")  # ignored after finish

    assert recorder.now() == 1.0  # finish returned once the final edit was sent (a fifth of an interval after the last)
    assert recorder.edits == [(0.0, "msg", "receiving"), (1.0, "msg", "done")]
    assert stream.finished


async def test_updates_and_the_final_state_in_the_same_instant_send_only_the_final() -> None:
    recorder = Recorder()
    stream = make_scheduler().stream("msg", recorder.sender("msg"))
    stream.update("waiting")
    stream.update("receiving")

    await stream.finish("done")

    assert recorder.edits == [(0.0, "msg", "done")]


async def test_a_final_state_alone_is_sent_at_once() -> None:
    recorder = Recorder()
    stream = make_scheduler().stream("msg", recorder.sender("msg"))

    await stream.finish("done")

    assert recorder.edits == [(0.0, "msg", "done")]


async def test_an_idle_stream_sends_the_next_update_at_once() -> None:
    recorder = Recorder()
    stream = make_scheduler(min_interval=1.5).stream("msg", recorder.sender("msg"))
    stream.update(1)
    recorder.at(5.0, stream.update, 2)

    await recorder.wait_for(2)

    assert recorder.edits == [(0.0, "msg", 1), (5.0, "msg", 2)]
    await stream.aclose()


async def test_finish_cannot_be_called_twice() -> None:
    recorder = Recorder()
    stream = make_scheduler().stream("msg", recorder.sender("msg"))
    await stream.finish("done")

    with pytest.raises(EditStreamClosed):
        await stream.finish("again")


# --- many messages ---------------------------------------------------------------------------------------

async def test_twenty_messages_at_once_are_spread_over_the_global_rate() -> None:
    recorder = Recorder()
    scheduler = make_scheduler(min_interval=1.5, global_rate=10.0, global_burst=10)
    streams = [scheduler.stream(n, recorder.sender(n)) for n in range(20)]

    for n, stream in enumerate(streams):
        stream.update(f"state {n}")
    await recorder.wait_for(20)

    times = [time for time, _, _ in recorder.edits]
    assert times == pytest.approx([0.0] * 10 + [k / 10 for k in range(1, 11)])
    assert [key for _, key, _ in recorder.edits] == list(range(20))  # first come, first served
    await scheduler.aclose()


async def test_many_busy_messages_keep_progress_under_the_global_rate_and_their_own_interval() -> None:
    recorder = Recorder()
    rate, burst, interval = 10.0, 10, 1.5
    scheduler = make_scheduler(min_interval=interval, global_rate=rate, global_burst=burst)
    streams = [scheduler.stream(n, recorder.sender(n)) for n in range(20)]
    for n, stream in enumerate(streams):
        for tick in range(20):  # each message gets a report every 0.25 s for 5 s
            recorder.at(tick * 0.25 + n * 0.01, stream.update, (n, tick))

    finished = asyncio.Event()
    recorder.at(5.0, finished.set)
    await finished.wait()
    await asyncio.gather(*(stream.finish((n, "final")) for n, stream in enumerate(streams)))

    # progress edits keep to the global rate; the results (finals) are not held back by it
    times = sorted(time for time, _, state in recorder.edits if state[1] != "final")
    for window in (0.5, 1.0, 2.0, 4.0):
        for i, start in enumerate(times):
            in_window = sum(1 for t in times[i:] if t < start + window)
            assert in_window <= burst + rate * window + 1e-9
    for n in range(20):
        own = [time for time, key, _ in recorder.edits if key == n]
        assert all(b - a >= interval * FINAL_GAP_SHARE - 1e-6 for a, b in itertools.pairwise(own))
        assert all(b - a >= interval - 1e-6 for a, b in itertools.pairwise(own[:-1]))  # between progress edits
        final_edits = [state for _, key, state in recorder.edits if key == n and state == (n, "final")]
        assert final_edits == [(n, "final")]


async def test_final_edits_are_not_queued_behind_the_global_budget_and_later_progress_waits_instead() -> None:
    recorder = Recorder()
    scheduler = make_scheduler(min_interval=1.5, global_rate=10.0, global_burst=10)
    streams = [scheduler.stream(n, recorder.sender(n)) for n in range(30)]

    # thirty jobs end together: each result shows at once (interaction edits are outside Discord's global limit)
    await asyncio.gather(*(stream.finish((n, "final")) for n, stream in enumerate(streams)))
    assert [time for time, _, _ in recorder.edits] == [0.0] * 30

    # the budget they used is paid back by progress edits, not by results
    late = scheduler.stream("late", recorder.sender("late"))
    late.update("progress")
    await recorder.wait_for(31)
    assert recorder.edits[-1][0] == pytest.approx(2.1)  # 21 tokens owed at 10 per second
    await scheduler.aclose()


async def test_a_progress_edit_waiting_for_the_budget_gives_way_to_the_final_state() -> None:
    recorder = Recorder()
    scheduler = make_scheduler(min_interval=1.5, global_rate=1.0, global_burst=1)
    busy = scheduler.stream("busy", recorder.sender("busy"))
    busy.update("uses the only token")
    await recorder.wait_for(1)
    stream = scheduler.stream("job", recorder.sender("job"))
    stream.update("progress")  # waits a second for the bucket
    recorder.at(0.25, lambda: asyncio.ensure_future(stream.finish("final")))

    await recorder.wait_for(2)

    assert recorder.edits[1] == (0.25, "job", "final")  # at once, instead of the progress a second later
    await asyncio.sleep(5)
    assert len(recorder.edits) == 2
    await scheduler.aclose()


@pytest.mark.parametrize("interval", [1.25, 1.5])
@pytest.mark.parametrize("finished_at", [4.4, 4.55, 4.8, 5.0, 6.1])
async def test_a_busy_message_never_gets_more_than_five_edits_in_five_seconds(interval: float,
                                                                               finished_at: float) -> None:
    recorder = Recorder()
    stream = make_scheduler(min_interval=interval).stream("msg", recorder.sender("msg"))
    for tick in range(int(finished_at / 0.05)):  # a report every 50 ms until the job ends
        recorder.at(tick * 0.05, stream.update, tick)
    await recorder.until(finished_at)

    await stream.finish("final")

    times = [time for time, _, _ in recorder.edits]
    assert recorder.edits[-1][2] == "final"
    assert times[-1] == pytest.approx(max(finished_at, times[-2] + interval * FINAL_GAP_SHARE))
    assert all(sum(1 for t in times if start <= t < start + 5.0) <= 5 for start in times)


# --- failures -------------------------------------------------------------------------------------------

async def test_a_rate_limited_final_edit_waits_and_is_retried() -> None:
    recorder = Recorder()
    recorder.failures["msg"] = [None, FakeRateLimited(retry_after=2.0), None]
    stream = make_scheduler(min_interval=1.5).stream("msg", recorder.sender("msg"))
    stream.update("working")
    await recorder.until(0.1)

    await stream.finish("done")

    assert recorder.attempts == [(0.0, "msg", "working"), (0.3, "msg", "done"), (2.3, "msg", "done")]
    assert recorder.now() == 2.3


async def test_a_final_edit_rate_limited_too_often_gives_up_with_the_error() -> None:
    recorder = Recorder()
    recorder.failures["msg"] = [FakeRateLimited(retry_after=1.0) for _ in range(5)]
    stream = make_scheduler(min_interval=1.5, final_attempts=3).stream("msg", recorder.sender("msg"))

    with pytest.raises(FakeRateLimited):
        await stream.finish("done")

    assert [time for time, _, _ in recorder.attempts] == [0.0, 1.0, 2.0]  # each after its retry_after


async def test_a_failing_final_edit_raises_from_finish() -> None:
    recorder = Recorder()
    recorder.failures["msg"] = [FakeHTTPError("unknown webhook")]
    stream = make_scheduler().stream("msg", recorder.sender("msg"))

    with pytest.raises(FakeHTTPError):
        await stream.finish("done")


async def test_a_failing_progress_edit_is_logged_and_later_updates_still_go_out(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="bot.jobs.throttle")
    recorder = Recorder()
    recorder.failures["msg"] = [FakeHTTPError("https://discord.com/api/webhooks/1/SECRET-INTERACTION-TOKEN")]
    stream = make_scheduler(min_interval=1.5).stream("msg", recorder.sender("msg"))
    stream.update("lost")
    recorder.at(0.5, stream.update, "next")
    await recorder.until(2.0)

    await stream.finish("done")

    assert recorder.edits == [(1.5, "msg", "next"), (2.0, "msg", "done")]
    assert "progress edit of 'msg' failed: FakeHTTPError (status 500)" in caplog.text
    assert "SECRET" not in caplog.text


async def test_a_rate_limited_progress_edit_is_shown_again_after_the_back_off() -> None:
    recorder = Recorder()
    recorder.failures["msg"] = [FakeRateLimited(retry_after=4.0)]
    stream = make_scheduler(min_interval=1.5).stream("msg", recorder.sender("msg"))
    stream.update("receiving")

    await recorder.wait_for(1)

    assert recorder.edits == [(4.0, "msg", "receiving")]
    await stream.aclose()


async def test_cancelling_the_caller_of_finish_still_delivers_the_final_edit() -> None:
    recorder = Recorder()
    stream = make_scheduler(min_interval=1.5).stream("msg", recorder.sender("msg"))
    stream.update("working")
    caller = asyncio.create_task(stream.finish("done"))
    recorder.at(0.1, caller.cancel)  # while the final edit waits for its turn

    await recorder.wait_for(2)

    assert caller.cancelled()
    assert recorder.edits == [(0.0, "msg", "working"), (0.3, "msg", "done")]


async def test_closing_a_stream_drops_pending_edits_and_fails_a_waiting_finish() -> None:
    recorder = Recorder()
    scheduler = make_scheduler(min_interval=1.5)
    stream = scheduler.stream("msg", recorder.sender("msg"))
    stream.update("working")
    finishing = asyncio.create_task(stream.finish("done"))
    closed = asyncio.Event()

    async def close_later() -> None:
        await stream.aclose()
        closed.set()

    recorder.at(0.1, asyncio.ensure_future, close_later())  # while the final edit waits for its turn
    with pytest.raises(EditStreamClosed):
        await finishing
    await closed.wait()
    stream.update("ignored")

    assert recorder.edits == [(0.0, "msg", "working")]
    assert stream.finished
