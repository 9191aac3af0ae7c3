"""The job engine: caps, fairness, positions, limits, admissions, cancellation, failures, change streams,
shutdown.

Work functions are driven by futures the test resolves, never by sleeping."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable
from typing import Any

import pytest

from bot.jobs.engine import Job, JobState
from bot.jobs.errors import EngineClosed, JobCancelled, QueueFull, TooManyJobs
from bot.jobs.progress import Phase
from tests.bot.jobs.engine_script import Script, drain_one_at_a_time, make_engine

# --- concurrency and fairness ---------------------------------------------------------------------------

async def test_no_more_jobs_run_at_once_than_the_concurrency_cap() -> None:
    engine = make_engine(max_concurrent=2)
    active = 0
    most = 0
    release = asyncio.Event()
    entered: asyncio.Queue[int] = asyncio.Queue()

    async def work(job: Job[None]) -> None:
        nonlocal active, most
        active += 1
        most = max(most, active)
        entered.put_nowait(job.id)
        await release.wait()
        active -= 1

    jobs = [engine.submit(i, f"user{i}", work) for i in range(6)]
    assert [job.state for job in jobs] == [JobState.RUNNING] * 2 + [JobState.QUEUED] * 4
    assert [job.progress.queue_position for job in jobs] == [None, None, 1, 2, 3, 4]
    assert {await entered.get(), await entered.get()} == {0, 1}

    release.set()
    await asyncio.gather(*(job.wait() for job in jobs))

    assert most == 2
    assert all(job.state is JobState.SUCCEEDED for job in jobs)
    # nothing is left running or waiting: the next job starts at once, with nobody ahead of it
    later = engine.submit(6, "user6", work)
    assert later.state is JobState.RUNNING
    assert later.progress.queue_position is None
    await later.wait()


async def test_a_user_with_many_queued_jobs_cannot_starve_a_later_user() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    for job_id in range(1, 6):  # alice queues five jobs; 1 runs at once
        engine.submit(job_id, "alice", script.work())
    engine.submit(10, "bob", script.work())  # bob comes later with one job
    engine.submit(20, "carol", script.work())

    order = await drain_one_at_a_time(engine, script, await script.started(1), total=7)

    # after alice's running job, the owners take turns: bob and carol don't wait for alice's pile
    assert order == [1, 2, 10, 20, 3, 4, 5]


async def test_an_owner_takes_turns_again_after_its_queue_emptied() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    engine.submit(1, "alice", script.work())
    engine.submit(2, "alice", script.work())
    engine.submit(3, "bob", script.work())
    running = await script.started(1)
    script.succeed(running[0])
    assert await script.started(1) == [2]
    # alice's queue is empty now; her new job goes behind bob's, who has been waiting
    engine.submit(4, "alice", script.work())
    engine.submit(5, "bob", script.work())

    order = await drain_one_at_a_time(engine, script, [2], total=4)

    assert order == [2, 3, 4, 5]


@pytest.mark.parametrize(
    ("max_concurrent", "submissions"),
    [
        (1, ["a", "a", "a", "b", "c", "b", "a", "c", "d"]),
        (2, ["a", "b", "a", "a", "b", "c", "c", "a", "d", "b"]),
        (3, ["x", "x", "x", "x", "y", "z", "y", "x", "z", "z", "w"]),
    ],
)
async def test_queue_positions_are_the_order_jobs_really_start(max_concurrent: int, submissions: list[str]) -> None:
    engine = make_engine(max_concurrent=max_concurrent)
    script = Script()
    jobs = [engine.submit(job_id, owner, script.work()) for job_id, owner in enumerate(submissions)]
    running = await script.started(max_concurrent)
    queued = [job for job in jobs if job.state is JobState.QUEUED]
    # the number a member sees on each waiting job: every place in line exactly once
    predicted = sorted(queued, key=lambda job: job.progress.queue_position or 0)
    assert sorted(job.progress.queue_position or 0 for job in queued) == list(range(1, len(queued) + 1))

    order = await drain_one_at_a_time(engine, script, running, total=len(jobs))

    assert order[max_concurrent:] == [job.id for job in predicted]


async def test_waiting_jobs_see_their_place_in_line_move_up() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    engine.submit(1, "alice", script.work())
    second = engine.submit(2, "bob", script.work())
    third = engine.submit(3, "carol", script.work())
    assert (second.progress.phase, second.progress.queue_position) == (Phase.QUEUED, 1)
    assert third.progress.queue_position == 2

    await script.started(1)
    script.succeed(1)
    await script.started(1)

    assert second.state is JobState.RUNNING
    assert second.progress.queue_position is None
    assert second.progress.phase is Phase.WAITING
    assert third.progress.queue_position == 1
    assert third.state is JobState.QUEUED


# --- limits -----------------------------------------------------------------------------------------------

async def test_a_user_cannot_have_more_than_the_per_user_limit_queued_or_running() -> None:
    engine = make_engine(max_concurrent=1, max_per_user=2)
    script = Script()
    engine.submit(1, "alice", script.work())  # running
    engine.submit(2, "alice", script.work())  # queued

    with pytest.raises(TooManyJobs) as refused:
        engine.submit(3, "alice", script.work())
    assert refused.value.limit == 2
    assert "2 jobs" in str(refused.value)
    engine.submit(4, "bob", script.work())  # other users are not affected

    await script.started(1)
    script.succeed(1)
    await script.started(1)
    third = engine.submit(3, "alice", script.work())  # a slot of hers freed up

    assert third.state is JobState.QUEUED
    with pytest.raises(TooManyJobs):  # her running job 2 and the queued job 3 fill her limit again
        engine.submit(5, "alice", script.work())


async def test_submitting_to_a_full_queue_is_refused_until_it_shrinks() -> None:
    engine = make_engine(max_concurrent=1, max_queue=2)
    script = Script()
    engine.submit(1, "a", script.work())  # running, not in the queue
    engine.submit(2, "b", script.work())
    engine.submit(3, "c", script.work())

    with pytest.raises(QueueFull) as refused:
        engine.submit(4, "d", script.work())
    assert refused.value.limit == 2
    assert engine.get(4) is None

    assert engine.cancel(2)
    assert engine.submit(4, "d", script.work()).state is JobState.QUEUED


async def test_a_job_id_already_in_use_is_refused() -> None:
    engine = make_engine()
    script = Script()
    engine.submit(1, "a", script.work())
    with pytest.raises(ValueError, match="already"):
        engine.submit(1, "b", script.work())


async def test_the_per_user_limit_counts_running_and_queued_jobs_of_that_owner_only() -> None:
    engine = make_engine(max_concurrent=2, max_per_user=3)
    script = Script()
    alice = [engine.submit(job_id, "alice", script.work()) for job_id in (1, 2, 3)]
    bob = engine.submit(4, "bob", script.work())

    assert [job.state for job in alice] == [JobState.RUNNING, JobState.RUNNING, JobState.QUEUED]
    assert bob.state is JobState.QUEUED
    with pytest.raises(TooManyJobs):  # two running and one queued make three
        engine.submit(5, "alice", script.work())
    # bob's one queued job leaves him room for two more
    assert engine.submit(6, "bob", script.work()).state is JobState.QUEUED
    assert engine.submit(7, "bob", script.work()).state is JobState.QUEUED
    with pytest.raises(TooManyJobs):
        engine.submit(8, "bob", script.work())


# --- admissions: places held before the job exists -------------------------------------------------------

async def test_an_admitted_place_counts_toward_the_owners_limit_until_released() -> None:
    engine = make_engine(max_concurrent=2, max_per_user=2)
    script = Script()
    engine.submit(1, "alice", script.work())
    admission = engine.admit("alice")

    with pytest.raises(TooManyJobs):
        engine.submit(2, "alice", script.work())
    assert engine.get(2) is None
    assert engine.submit(3, "bob", script.work()).state is JobState.RUNNING  # others are not affected

    admission.release()

    assert engine.submit(2, "alice", script.work()).state is JobState.QUEUED


async def test_a_second_admission_for_an_owner_at_a_limit_of_one_is_refused() -> None:
    engine = make_engine(max_concurrent=2, max_per_user=1)
    engine.admit("alice")

    with pytest.raises(TooManyJobs) as refused:
        engine.admit("alice")

    assert refused.value.limit == 1
    engine.admit("bob")  # bob has his own place


async def test_an_admitted_place_counts_toward_the_queue() -> None:
    engine = make_engine(max_concurrent=1, max_queue=1)
    script = Script()
    engine.submit(1, "a", script.work())  # running
    admission = engine.admit("b")  # will have to wait: takes the only place in line

    with pytest.raises(QueueFull):
        engine.submit(3, "c", script.work())
    with pytest.raises(QueueFull):
        engine.admit("c")

    admission.release()

    assert engine.submit(3, "c", script.work()).progress.queue_position == 1


async def test_an_admission_that_can_start_at_once_takes_a_free_slot_not_a_place_in_line() -> None:
    engine = make_engine(max_concurrent=1, max_queue=1)
    first = engine.admit("a")  # the free slot
    second = engine.admit("b")  # the one place in line
    with pytest.raises(QueueFull):
        engine.admit("c")
    script = Script()
    assert engine.submit(1, "a", script.work(), admission=first).state is JobState.RUNNING
    assert engine.submit(2, "b", script.work(), admission=second).progress.queue_position == 1


async def test_a_used_or_released_admission_cannot_let_another_job_in() -> None:
    engine = make_engine(max_concurrent=1, max_per_user=1, max_queue=0)
    script = Script()
    admission = engine.admit("a")
    engine.submit(1, "a", script.work(), admission=admission)

    with pytest.raises(ValueError, match="already used"):
        engine.submit(2, "a", script.work(), admission=admission)
    assert engine.get(2) is None


async def test_releasing_an_admission_twice_gives_back_one_place() -> None:
    engine = make_engine(max_per_user=1)
    admission = engine.admit("alice")

    admission.release()
    admission.release()

    engine.admit("alice")
    with pytest.raises(TooManyJobs):  # the second release did not hand out a second place
        engine.admit("alice")


async def test_submitting_with_an_admission_uses_it_without_checking_the_limits_again() -> None:
    engine = make_engine(max_concurrent=1, max_per_user=1, max_queue=1)
    script = Script()
    engine.submit(1, "a", script.work())  # running
    admission = engine.admit("b")  # b's only allowed job and the queue's only place

    # a fresh check would count b's own admission and refuse on both limits
    job = engine.submit(2, "b", script.work(), admission=admission)

    assert job.state is JobState.QUEUED
    assert job.progress.queue_position == 1
    admission.release()  # already used up: gives nothing back
    with pytest.raises(TooManyJobs):
        engine.admit("b")
    with pytest.raises(QueueFull):
        engine.admit("c")


async def test_an_admission_cannot_be_used_for_another_owner() -> None:
    engine = make_engine()
    script = Script()
    admission = engine.admit("alice")

    with pytest.raises(ValueError, match="another owner"):
        engine.submit(1, "bob", script.work(), admission=admission)
    assert engine.get(1) is None


async def test_admitting_after_close_is_refused() -> None:
    engine = make_engine()
    await engine.close()

    with pytest.raises(EngineClosed):
        engine.admit("alice")


async def test_submitting_with_an_admission_after_close_is_refused_and_gives_the_place_back() -> None:
    engine = make_engine(max_per_user=1)
    script = Script()
    admission = engine.admit("alice")
    await engine.close()

    with pytest.raises(EngineClosed):
        engine.submit(1, "alice", script.work(), admission=admission)

    assert engine.get(1) is None
    assert script.starts.empty()
    # a closed engine admits nobody, so its held places can only be read from its counter
    assert not engine._admitted


# --- cancellation ---------------------------------------------------------------------------------------

async def test_cancelling_a_queued_job_removes_it_at_once_and_moves_others_up() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    engine.submit(1, "a", script.work())
    doomed = engine.submit(2, "b", script.work())
    later = engine.submit(3, "c", script.work())

    assert engine.cancel(2)

    assert doomed.state is JobState.CANCELLED
    assert doomed.progress.phase is Phase.CANCELLED
    assert doomed.done
    assert engine.get(2) is None
    assert later.progress.queue_position == 1
    with pytest.raises(JobCancelled) as cancelled:
        await doomed.wait()
    assert not cancelled.value.by_shutdown
    # the cancelled work never runs: the next job to start is 3
    await script.started(1)
    script.succeed(1)
    assert await script.started(1) == [3]


async def test_cancelling_a_running_job_stops_its_work_and_frees_the_slot() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    running = engine.submit(1, "a", script.work())
    waiting = engine.submit(2, "b", script.work())
    await script.started(1)

    assert engine.cancel(1)
    assert running.state is JobState.RUNNING  # until the work has actually stopped

    with pytest.raises(JobCancelled):
        await running.wait()
    assert running.state is JobState.CANCELLED
    assert isinstance(running.error, JobCancelled)
    assert script.cleaned_up == [1]  # its `finally` ran
    assert await script.started(1) == [2]
    assert waiting.state is JobState.RUNNING


async def test_cancelling_a_job_that_has_not_yet_had_a_chance_to_run_still_ends_it() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    job = engine.submit(1, "a", script.work())  # started, but its task has not run a single step
    engine.submit(2, "b", script.work())

    assert engine.cancel(1)

    with pytest.raises(JobCancelled):
        await job.wait()
    assert job.state is JobState.CANCELLED
    assert await script.started(1) == [2]  # job 1's work never ran; its slot went to the next job


async def test_cancelling_an_unknown_or_finished_job_reports_false() -> None:
    engine = make_engine()
    script = Script()
    job = engine.submit(1, "a", script.work())
    await script.started(1)
    script.succeed(1, "ok")
    await job.wait()

    assert not engine.cancel(1)
    assert not engine.cancel(99)


async def test_work_that_ignores_cancellation_and_returns_counts_as_succeeded() -> None:
    engine = make_engine()
    entered = asyncio.Event()

    async def stubborn(job: Job[str]) -> str:
        entered.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            return "uploaded anyway"
        return "unreachable"

    job = engine.submit(1, "a", stubborn)
    await entered.wait()
    engine.cancel(1)

    assert await job.wait() == "uploaded anyway"
    assert job.state is JobState.SUCCEEDED


# --- results and failures ----------------------------------------------------------------------------

async def test_a_successful_job_gives_its_result_and_timestamps() -> None:
    engine = make_engine()
    script = Script()
    job = engine.submit(1, "a", script.work())
    await script.started(1)
    script.succeed(1, {"images": 2})

    assert await job.wait() == {"images": 2}
    assert job.state is JobState.SUCCEEDED
    assert job.result == {"images": 2}
    assert job.error is None
    assert job.progress.phase is Phase.DONE
    assert job.created_at is not None
    assert job.started_at is not None
    assert job.finished_at is not None
    assert job.created_at <= job.started_at <= job.finished_at
    assert job.progress.started_at == job.started_at


async def test_a_failing_job_keeps_its_exception_and_nothing_is_logged_as_unretrieved() -> None:
    loop = asyncio.get_running_loop()
    unhandled: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: unhandled.append(context))
    engine = make_engine()
    script = Script()
    job = engine.submit(1, "a", script.work())
    await script.started(1)
    boom = ValueError("provider exploded")
    script.fail(1, boom)

    with pytest.raises(ValueError, match="provider exploded"):
        await job.wait()
    assert job.state is JobState.FAILED
    assert job.error is boom
    assert job.progress.phase is Phase.FAILED

    # a failed job nobody awaits must not be reported as an unretrieved task exception either
    ignored = engine.submit(2, "b", script.work())
    await script.started(1)
    script.fail(2, RuntimeError("nobody looks"))
    await ignored._finished.wait()
    del ignored
    gc.collect()
    assert unhandled == []


async def test_work_that_raises_before_awaiting_anything_fails_the_job() -> None:
    engine = make_engine()

    def broken(job: Job[None]) -> Awaitable[None]:
        raise KeyError("bad request")

    job = engine.submit(1, "a", broken)

    with pytest.raises(KeyError):
        await job.wait()
    assert job.state is JobState.FAILED


async def test_a_failed_job_frees_its_slot_for_the_next() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    engine.submit(1, "a", script.work())
    engine.submit(2, "b", script.work())
    await script.started(1)
    script.fail(1, OSError("network"))

    assert await script.started(1) == [2]


# --- following a job -------------------------------------------------------------------------------------

async def test_changes_delivers_every_change_to_a_fast_watcher_and_ends_after_the_last() -> None:
    engine = make_engine()
    script = Script()
    job = engine.submit(1, "a", script.work())
    seen: asyncio.Queue[tuple[JobState, Phase, int]] = asyncio.Queue()

    async def watch() -> None:
        async for current in job.changes():
            seen.put_nowait((current.state, current.progress.phase, current.progress.bytes_received))

    watcher = asyncio.create_task(watch())
    assert await seen.get() == (JobState.RUNNING, Phase.WAITING, 0)
    job.report(phase=Phase.RECEIVING, bytes_received=100)
    assert await seen.get() == (JobState.RUNNING, Phase.RECEIVING, 100)
    job.report(bytes_received=200)
    assert await seen.get() == (JobState.RUNNING, Phase.RECEIVING, 200)
    script.succeed(1)
    assert await seen.get() == (JobState.SUCCEEDED, Phase.DONE, 200)

    await watcher  # the iteration ended by itself
    assert seen.empty()


async def test_changes_gives_a_slow_watcher_only_the_latest_state() -> None:
    engine = make_engine()
    script = Script()
    job = engine.submit(1, "a", script.work())
    changes = job.changes()
    first = await anext(changes)
    assert first.progress.bytes_received == 0

    for size in (1, 2, 3, 4):  # the watcher is busy while these happen
        job.report(phase=Phase.RECEIVING, bytes_received=size)
    second = await anext(changes)
    version_seen = second.version
    assert second.progress.bytes_received == 4

    script.succeed(1)
    await job.wait()
    job.report(bytes_received=5)  # too late: ignored, the job has ended
    last = await anext(changes)
    assert last.state is JobState.SUCCEEDED
    assert last.version > version_seen
    assert last.progress.bytes_received == 4
    with pytest.raises(StopAsyncIteration):
        await anext(changes)


async def test_changes_of_a_finished_job_yields_it_once() -> None:
    engine = make_engine()
    script = Script()
    job = engine.submit(1, "a", script.work())
    await script.started(1)
    script.succeed(1, "done")
    await job.wait()

    states = [current.state async for current in job.changes()]

    assert states == [JobState.SUCCEEDED]


async def test_reporting_the_same_progress_again_is_not_a_change() -> None:
    engine = make_engine()
    script = Script()
    job = engine.submit(1, "a", script.work())
    job.report(model_text="thinking")
    version = job.version

    job.report(model_text="thinking")

    assert job.version == version


# --- shutdown ---------------------------------------------------------------------------------------------

async def test_close_cancels_queued_and_running_jobs_and_refuses_new_ones() -> None:
    engine = make_engine(max_concurrent=1)
    script = Script()
    running = engine.submit(1, "a", script.work())
    queued = engine.submit(2, "b", script.work())
    await script.started(1)

    await engine.close()

    for job in (running, queued):
        assert job.state is JobState.CANCELLED
        assert isinstance(job.error, JobCancelled)
        assert job.error.by_shutdown
    assert script.cleaned_up == [1]
    assert script.starts.empty()  # the queued job never started
    assert engine.get(1) is None
    assert engine.get(2) is None
    with pytest.raises(EngineClosed):
        engine.submit(3, "c", script.work())
    await engine.close()  # a second close is harmless
