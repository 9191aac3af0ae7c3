from __future__ import annotations

import asyncio
import sqlite3
from decimal import Decimal

import pytest

from bot.storage import MAX_ERROR_LENGTH, JobStatus, SqliteStore
from tests.bot.storage.factories import PNG_BYTES, dm_job, new_job


async def test_created_job_reads_back_with_every_field_and_its_input_image(store: SqliteStore) -> None:
    parent = await store.jobs.create(new_job())
    job = new_job(
        aspect_ratio="16:9", image_size="2K", count=2, parent_job_id=parent.id,
        input_image=PNG_BYTES, input_mime="image/png", application_id=5005,
        interaction_token="tok-secret", interaction_created_at=1_699_999_999.5,
    )

    created = await store.jobs.create(job)
    fetched = await store.jobs.get(created.id)

    assert fetched == created
    assert fetched is not None
    assert fetched.id != parent.id
    assert (fetched.requester_id, fetched.guild_id, fetched.channel_id, fetched.is_dm) == (1001, 2002, 3003, False)
    assert (fetched.prompt, fetched.model) == (job.prompt, job.model)
    assert (fetched.aspect_ratio, fetched.image_size, fetched.count) == ("16:9", "2K", 2)
    assert fetched.parent_job_id == parent.id
    assert (fetched.has_input, fetched.input_mime) == (True, "image/png")
    assert (fetched.application_id, fetched.interaction_token) == (5005, "tok-secret")
    assert fetched.interaction_created_at == 1_699_999_999.5
    assert fetched.created_at == 1_700_000_000.25
    assert fetched.status is JobStatus.QUEUED
    assert (fetched.error, fetched.started_at, fetched.finished_at, fetched.cost) == (None, None, None, None)
    assert fetched.generation_ids == ()
    assert (fetched.result_channel_id, fetched.result_message_id) == (None, None)
    assert await store.jobs.input_image(created.id) == (PNG_BYTES, "image/png")


async def test_job_without_an_input_image_has_none(store: SqliteStore) -> None:
    created = await store.jobs.create(dm_job())

    assert created.is_dm is True
    assert created.guild_id is None
    assert (created.has_input, created.input_mime) == (False, None)
    assert await store.jobs.input_image(created.id) is None


async def test_unknown_job_is_none(store: SqliteStore) -> None:
    assert await store.jobs.get(424242) is None
    assert await store.jobs.input_image(424242) is None


def test_reprs_never_show_the_interaction_token_or_image_bytes() -> None:
    job = new_job(input_image=PNG_BYTES, input_mime="image/png", interaction_token="tok-secret")

    assert "tok-secret" not in repr(job)
    assert "PNG" not in repr(job)
    assert "image/png" in repr(job)


async def test_stored_record_repr_never_shows_the_interaction_token(store: SqliteStore) -> None:
    created = await store.jobs.create(new_job(interaction_token="tok-secret"))

    assert "tok-secret" not in repr(created)


def test_new_job_rejects_impossible_requests() -> None:
    with pytest.raises(ValueError, match="count"):
        new_job(count=0)
    with pytest.raises(ValueError, match="together"):
        new_job(input_image=PNG_BYTES)


async def test_job_runs_then_succeeds_with_exact_cost_and_generation_ids(store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())

    assert await store.jobs.mark_running(job.id, started_at=1_700_000_001.0)
    running = await store.jobs.get(job.id)
    assert running is not None
    assert (running.status, running.started_at, running.is_finished) == (JobStatus.RUNNING, 1_700_000_001.0, False)

    assert await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=1_700_000_042.5,
                                   cost=Decimal("0.0390"), generation_ids=["gen-1", "gen-2"])
    done = await store.jobs.get(job.id)
    assert done is not None
    assert done.status is JobStatus.SUCCEEDED
    assert done.is_finished
    assert (done.started_at, done.finished_at) == (1_700_000_001.0, 1_700_000_042.5)
    assert done.cost == Decimal("0.0390")
    assert str(done.cost) == "0.0390"  # exact text, not a float round-trip
    assert done.generation_ids == ("gen-1", "gen-2")
    assert done.error is None


async def test_tiny_costs_keep_every_digit(store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())

    await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=1.0,
                            cost=Decimal("0.000000123456789012345"))

    done = await store.jobs.get(job.id)
    assert done is not None
    assert done.cost == Decimal("0.000000123456789012345")


async def test_failed_job_keeps_a_short_error(store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())
    await store.jobs.mark_running(job.id, started_at=1.0)

    await store.jobs.finish(job.id, status=JobStatus.FAILED, finished_at=2.0, error="The model refused. " * 100)

    failed = await store.jobs.get(job.id)
    assert failed is not None
    assert failed.status is JobStatus.FAILED
    assert failed.error is not None
    assert len(failed.error) == MAX_ERROR_LENGTH
    assert failed.error.startswith("The model refused.")
    assert failed.error.endswith("…")


async def test_the_first_finish_wins(store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())
    assert await store.jobs.finish(job.id, status=JobStatus.CANCELLED, finished_at=5.0)

    assert not await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=6.0,
                                       cost=Decimal("0.04"))

    final = await store.jobs.get(job.id)
    assert final is not None
    assert (final.status, final.finished_at, final.cost) == (JobStatus.CANCELLED, 5.0, None)


async def test_a_cancelled_job_never_starts_running(store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())
    await store.jobs.finish(job.id, status=JobStatus.CANCELLED, finished_at=5.0)

    assert not await store.jobs.mark_running(job.id, started_at=6.0)

    final = await store.jobs.get(job.id)
    assert final is not None
    assert (final.status, final.started_at) == (JobStatus.CANCELLED, None)


async def test_changing_an_unknown_job_reports_false(store: SqliteStore) -> None:
    assert not await store.jobs.mark_running(999, started_at=1.0)
    assert not await store.jobs.finish(999, status=JobStatus.FAILED, finished_at=1.0)
    assert not await store.jobs.set_result_message(999, channel_id=1, message_id=2)


async def test_finishing_with_an_unfinished_status_is_a_programming_error(store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())

    with pytest.raises(ValueError, match="finish"):
        await store.jobs.finish(job.id, status=JobStatus.RUNNING, finished_at=1.0)


async def test_a_single_generation_id_string_is_rejected_rather_than_split_into_letters(
        store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())

    with pytest.raises(TypeError, match="single string"):
        await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=1.0, generation_ids="gen-1")


async def test_result_message_is_remembered(store: SqliteStore) -> None:
    job = await store.jobs.create(new_job())

    assert await store.jobs.set_result_message(job.id, channel_id=3003, message_id=777_000_111)

    stored = await store.jobs.get(job.id)
    assert stored is not None
    assert (stored.result_channel_id, stored.result_message_id) == (3003, 777_000_111)


async def test_restart_interrupts_only_queued_and_running_jobs(store: SqliteStore) -> None:
    queued = await store.jobs.create(new_job(prompt="queued"))
    running = await store.jobs.create(new_job(prompt="running"))
    succeeded = await store.jobs.create(new_job(prompt="succeeded"))
    failed = await store.jobs.create(new_job(prompt="failed"))
    await store.jobs.mark_running(running.id, started_at=10.0)
    await store.jobs.finish(succeeded.id, status=JobStatus.SUCCEEDED, finished_at=11.0)
    await store.jobs.finish(failed.id, status=JobStatus.FAILED, finished_at=12.0, error="boom")

    interrupted = await store.jobs.interrupt_unfinished(now=100.0)

    assert [job.id for job in interrupted] == [queued.id, running.id]
    assert all(job.status is JobStatus.INTERRUPTED and job.finished_at == 100.0 for job in interrupted)
    assert interrupted[1].started_at == 10.0
    for job_id, status, finished_at in [(queued.id, JobStatus.INTERRUPTED, 100.0),
                                        (running.id, JobStatus.INTERRUPTED, 100.0),
                                        (succeeded.id, JobStatus.SUCCEEDED, 11.0),
                                        (failed.id, JobStatus.FAILED, 12.0)]:
        stored = await store.jobs.get(job_id)
        assert stored is not None
        assert (stored.status, stored.finished_at) == (status, finished_at)
    assert await store.jobs.interrupt_unfinished(now=200.0) == []


async def test_interrupted_jobs_keep_what_is_needed_to_tell_the_user(store: SqliteStore) -> None:
    await store.jobs.create(new_job(application_id=5005, interaction_token="tok", input_image=PNG_BYTES,
                                    input_mime="image/webp"))

    [job] = await store.jobs.interrupt_unfinished(now=100.0)

    assert (job.application_id, job.interaction_token) == (5005, "tok")
    assert (job.has_input, job.input_mime) == (True, "image/webp")


async def test_dm_daily_limit_counts_the_users_dm_jobs_since_a_moment(store: SqliteStore) -> None:
    await store.jobs.create(dm_job(created_at=100.0))
    await store.jobs.create(new_job(created_at=200.0))  # in a server
    await store.jobs.create(dm_job(created_at=300.0))
    await store.jobs.create(dm_job(created_at=400.0))
    await store.jobs.create(dm_job(requester_id=9999, created_at=300.0))  # someone else

    assert await store.jobs.count_since(requester_id=1001, since=150.0) == 3
    assert await store.jobs.count_since(requester_id=1001, since=150.0, dm_only=True) == 2
    assert await store.jobs.count_since(requester_id=1001, since=300.0, dm_only=True) == 2  # inclusive
    assert await store.jobs.count_since(requester_id=1001, since=0.0, dm_only=True) == 3
    assert await store.jobs.count_since(requester_id=1001, since=401.0) == 0
    assert await store.jobs.count_since(requester_id=4242, since=0.0) == 0


async def test_count_since_can_leave_out_jobs_that_failed(store: SqliteStore) -> None:
    ok = await store.jobs.create(dm_job(created_at=100.0))
    broken = await store.jobs.create(dm_job(created_at=110.0))
    await store.jobs.create(dm_job(created_at=120.0))  # still queued
    await store.jobs.finish(ok.id, status=JobStatus.SUCCEEDED, finished_at=130.0)
    await store.jobs.finish(broken.id, status=JobStatus.FAILED, finished_at=130.0)

    counted = {JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.SUCCEEDED}
    assert await store.jobs.count_since(requester_id=1001, since=0.0, dm_only=True, statuses=counted) == 2
    assert await store.jobs.count_since(requester_id=1001, since=0.0, statuses=[JobStatus.FAILED]) == 1
    assert await store.jobs.count_since(requester_id=1001, since=0.0, statuses=()) == 0


async def test_recent_lists_the_users_latest_jobs_newest_first(store: SqliteStore) -> None:
    for minute in range(5):
        await store.jobs.create(new_job(prompt=f"prompt {minute}", created_at=1000.0 + 60 * minute))
    await store.jobs.create(new_job(requester_id=9999, prompt="someone else", created_at=5000.0))

    latest = await store.jobs.recent(requester_id=1001, limit=3)

    assert [job.prompt for job in latest] == ["prompt 4", "prompt 3", "prompt 2"]
    assert len(await store.jobs.recent(requester_id=1001)) == 5
    assert await store.jobs.recent(requester_id=1001, limit=0) == []


async def test_a_regeneration_must_point_at_an_existing_job(store: SqliteStore) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        await store.jobs.create(new_job(parent_job_id=31337))

    assert await store.jobs.recent(requester_id=1001) == []  # nothing half-written


async def test_concurrent_submissions_each_get_their_own_job_and_image(store: SqliteStore) -> None:
    jobs = [new_job(prompt=f"prompt {n}", input_image=bytes([n]) * 1000, input_mime="image/png")
            for n in range(20)]

    created = await asyncio.gather(*(store.jobs.create(job) for job in jobs))

    assert len({record.id for record in created}) == 20
    for record, job in zip(created, jobs, strict=True):
        assert record.prompt == job.prompt
        assert await store.jobs.input_image(record.id) == (job.input_image, "image/png")


async def test_meta_values_are_upserted(store: SqliteStore) -> None:
    assert await store.meta.get("command_tree_hash") is None

    await store.meta.set("command_tree_hash", "abc123")
    assert await store.meta.get("command_tree_hash") == "abc123"

    await store.meta.set("command_tree_hash", "def456")
    assert await store.meta.get("command_tree_hash") == "def456"
    assert await store.meta.get("other") is None

