"""The engine's memory budget: jobs start only while their weights fit, an oversize job runs alone, turns and
queue positions stay fair and truthful, and a job waiting for memory can be cancelled.

Work functions are driven by futures the test resolves, never by sleeping."""

from __future__ import annotations

from typing import Any

import pytest

from bot.jobs.engine import Job, JobState
from bot.jobs.errors import JobCancelled, QueueFull
from bot.jobs.progress import Phase
from tests.bot.jobs.engine_script import Script, make_engine

MB = 1024 * 1024


async def drain(script: Script, jobs: dict[int, Job[Any]], running: list[int]) -> list[int]:
    """Finish running jobs one by one (oldest first), however many each end lets start; return every job id
    in the order it started."""
    order = list(running)
    while running:
        finished = running.pop(0)
        script.succeed(finished)
        await jobs[finished].wait()
        started = [job_id for job_id, job in jobs.items() if job.state is JobState.RUNNING and job_id not in order]
        new = await script.started(len(started))
        running += new
        order += new
    return order


async def test_a_job_waits_while_its_weight_would_not_fit_and_starts_when_memory_frees() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()
    first = engine.submit(1, "alice", script.work(), weight=60 * MB)
    second = engine.submit(2, "bob", script.work(), weight=50 * MB)  # 110 MB would not fit

    assert first.state is JobState.RUNNING
    assert second.state is JobState.QUEUED
    assert (second.progress.phase, second.progress.queue_position) == (Phase.QUEUED, 1)
    assert engine.memory_in_use == 60 * MB
    assert await script.started(1) == [1]

    script.succeed(1)

    assert await script.started(1) == [2]
    assert second.state is JobState.RUNNING
    assert second.progress.queue_position is None
    assert engine.memory_in_use == 50 * MB


async def test_jobs_that_fit_together_run_together() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()
    jobs = [engine.submit(job_id, f"user{job_id}", script.work(), weight=25 * MB) for job_id in range(5)]

    assert [job.state for job in jobs] == [JobState.RUNNING] * 4 + [JobState.QUEUED]
    assert engine.memory_in_use == 100 * MB  # exactly the budget is allowed


async def test_the_slot_cap_still_applies_when_memory_is_plentiful() -> None:
    engine = make_engine(max_concurrent=2, memory_budget=1000 * MB)
    script = Script()
    jobs = [engine.submit(job_id, f"user{job_id}", script.work(), weight=MB) for job_id in range(3)]

    assert [job.state for job in jobs] == [JobState.RUNNING, JobState.RUNNING, JobState.QUEUED]


async def test_a_job_heavier_than_the_whole_budget_runs_once_nothing_else_runs_and_then_alone() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()
    engine.submit(1, "alice", script.work(), weight=10 * MB)
    huge = engine.submit(2, "bob", script.work(), weight=300 * MB)
    small = engine.submit(3, "carol", script.work(), weight=MB)
    assert await script.started(1) == [1]
    assert huge.state is JobState.QUEUED
    assert small.state is JobState.QUEUED  # not past the huge job, whose turn it is
    assert small.progress.queue_position == 2

    script.succeed(1)

    assert await script.started(1) == [2]  # never deadlocked: it had the engine to itself
    assert small.state is JobState.QUEUED  # nothing runs next to it
    assert small.progress.queue_position == 1
    script.succeed(2)
    assert await script.started(1) == [3]


async def test_an_oversize_job_submitted_to_an_idle_engine_starts_at_once() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()

    job = engine.submit(1, "alice", script.work(), weight=500 * MB)

    assert job.state is JobState.RUNNING


async def test_owners_still_take_turns_when_weights_hold_jobs_back() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()
    jobs = {job_id: engine.submit(job_id, owner, script.work(), weight=weight * MB) for job_id, owner, weight in
            [(1, "alice", 60), (2, "alice", 60), (3, "alice", 60), (10, "bob", 30), (11, "bob", 30),
             (20, "carol", 90)]}
    running = await script.started(1)  # alice's second job (60 more) waits, and everyone behind her
    assert running == [1]
    assert [jobs[job_id].progress.queue_position for job_id in (2, 10, 20, 3, 11)] == [1, 2, 3, 4, 5]

    order = await drain(script, jobs, running)

    # the turns of a one-slot engine: memory lets several run at once and delays starts, never reorders them
    assert order == [1, 2, 10, 20, 3, 11]


@pytest.mark.parametrize("weights", [[70, 20, 50, 10, 90, 40, 30], [10, 100, 10, 100, 10, 5, 5],
                                     [150, 10, 10, 150, 0, 60, 60]])
async def test_queue_positions_are_the_real_start_order_with_weights(weights: list[int]) -> None:
    engine = make_engine(max_concurrent=3, memory_budget=100 * MB)
    script = Script()
    owners = ["a", "b", "a", "c", "b", "a", "d"]
    jobs = {job_id: engine.submit(job_id, owners[job_id], script.work(), weight=weight * MB)
            for job_id, weight in enumerate(weights)}
    running = await script.started(sum(job.state is JobState.RUNNING for job in jobs.values()))
    queued = [job for job in jobs.values() if job.state is JobState.QUEUED]
    predicted = sorted(queued, key=lambda job: job.progress.queue_position or 0)
    assert sorted(job.progress.queue_position or 0 for job in queued) == list(range(1, len(queued) + 1))

    order = await drain(script, jobs, running)

    assert order[len(order) - len(queued):] == [job.id for job in predicted]


async def test_cancelling_a_job_that_waits_for_memory_lets_the_next_one_start() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()
    engine.submit(1, "alice", script.work(), weight=50 * MB)
    blocked = engine.submit(2, "bob", script.work(), weight=80 * MB)
    behind = engine.submit(3, "carol", script.work(), weight=40 * MB)
    assert await script.started(1) == [1]
    assert behind.progress.queue_position == 2

    assert engine.cancel(2)

    assert blocked.state is JobState.CANCELLED
    with pytest.raises(JobCancelled):
        await blocked.wait()
    assert behind.state is JobState.RUNNING  # 50 + 40 fit: it starts at once
    assert await script.started(1) == [3]
    assert engine.memory_in_use == 90 * MB


async def test_a_finished_failed_or_cancelled_job_gives_its_memory_back() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()
    ran = [engine.submit(job_id, f"user{job_id}", script.work(), weight=30 * MB) for job_id in (1, 2, 3)]
    waiting = engine.submit(4, "user4", script.work(), weight=80 * MB)
    await script.started(3)

    script.succeed(1)
    await ran[0].wait()
    assert (engine.memory_in_use, waiting.state) == (60 * MB, JobState.QUEUED)
    script.fail(2, OSError("network"))
    with pytest.raises(OSError):
        await ran[1].wait()
    assert (engine.memory_in_use, waiting.state) == (30 * MB, JobState.QUEUED)
    engine.cancel(3)
    with pytest.raises(JobCancelled):
        await ran[2].wait()

    assert waiting.state is JobState.RUNNING
    assert engine.memory_in_use == 80 * MB


async def test_an_admission_weight_is_the_jobs_weight_unless_submit_gives_a_better_one() -> None:
    engine = make_engine(max_concurrent=8, memory_budget=100 * MB)
    script = Script()
    first = engine.submit(1, "alice", script.work(), admission=engine.admit("alice", weight=70 * MB))
    refined = engine.submit(2, "bob", script.work(), admission=engine.admit("bob", weight=90 * MB), weight=20 * MB)

    assert first.weight == 70 * MB
    assert refined.weight == 20 * MB
    assert refined.state is JobState.RUNNING  # 70 + 20 fit; the admitted 90 would not have


async def test_an_admission_that_will_wait_for_memory_counts_toward_the_queue() -> None:
    engine = make_engine(max_concurrent=8, max_queue=1, memory_budget=100 * MB)
    script = Script()
    engine.submit(1, "a", script.work(), weight=90 * MB)
    engine.admit("b", weight=5 * MB)  # fits next to job 1: takes a slot, not a place in line
    waiting = engine.admit("c", weight=50 * MB)  # does not fit: takes the only place in line

    with pytest.raises(QueueFull):
        engine.admit("d", weight=50 * MB)

    waiting.release()
    engine.admit("d", weight=50 * MB)


async def test_without_a_budget_weights_do_not_hold_anything_back() -> None:
    engine = make_engine(max_concurrent=3)
    script = Script()
    jobs = [engine.submit(job_id, f"user{job_id}", script.work(), weight=10**12) for job_id in range(3)]

    assert all(job.state is JobState.RUNNING for job in jobs)


async def test_negative_weights_and_budgets_are_refused() -> None:
    engine = make_engine(memory_budget=100 * MB)
    script = Script()
    with pytest.raises(ValueError, match="negative"):
        engine.admit("alice", weight=-1)
    with pytest.raises(ValueError, match="negative"):
        engine.submit(1, "alice", script.work(), weight=-1)
    assert engine.get(1) is None
    with pytest.raises(ValueError, match="memory_budget"):
        make_engine(memory_budget=0)
