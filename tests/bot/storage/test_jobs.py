from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from bot.records.job import JobRecord, JobStatus
from bot.records.spec import InputRef, JobKind, JobSpec, ResponseHandle
from bot.storage import MAX_ERROR_LENGTH, SqlStore
from tests.bot.storage.factories import CREATED_AT, HANDLE, INTEGRITY_ERRORS, PNG_BYTES, TOKEN, dm_spec, spec


async def _create(store: SqlStore, request: JobSpec, *, created_at: float) -> JobRecord:
    record = await store.jobs.create(request, created_at=created_at)
    assert record is not None
    return record


async def _stored_token(store: SqlStore, job_id: int) -> object:
    rows = list(await store.database.fetch("SELECT interaction_token FROM jobs WHERE id = ?", (job_id,)))
    return rows[0][0]


async def _job_count(store: SqlStore) -> int:
    rows = list(await store.database.fetch("SELECT COUNT(*) FROM jobs"))
    return int(rows[0][0])


async def test_created_job_reads_back_with_its_whole_spec_and_handle(store: SqlStore) -> None:
    parent = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert parent is not None
    ref = await store.inputs.put(PNG_BYTES, "image/png", now=CREATED_AT)
    request = spec(aspect_ratio="16:9", image_size="2K", count=2, parent_job_id=parent.id, inputs=(ref,))

    created = await store.jobs.create(request, created_at=CREATED_AT + 1, handle=HANDLE)
    assert created is not None
    fetched = await store.jobs.get(created.id)

    assert fetched == created
    assert fetched.id != parent.id
    assert fetched.spec == request
    assert fetched.spec.input == InputRef.of(PNG_BYTES, "image/png")
    assert fetched.handle == HANDLE
    assert fetched.handle.interaction_token == TOKEN
    assert fetched.created_at == CREATED_AT + 1
    assert fetched.status is JobStatus.QUEUED
    assert (fetched.error, fetched.started_at, fetched.finished_at, fetched.cost) == (None, None, None, None)
    assert fetched.generation_ids == ()
    assert (fetched.result_channel_id, fetched.result_message_id) == (None, None)
    assert await store.inputs.get(fetched.spec.input.sha256) == PNG_BYTES


async def test_a_dm_job_without_image_or_handle_reads_back_as_such(store: SqlStore) -> None:
    created = await store.jobs.create(dm_spec(), created_at=CREATED_AT)

    assert created is not None
    assert (created.spec.is_dm, created.spec.guild_id, created.spec.channel_id) == (True, None, 4004)
    assert created.spec.input is None
    assert created.handle == ResponseHandle()


async def test_unknown_job_is_none(store: SqlStore) -> None:
    assert await store.jobs.get(424242) is None


async def test_stored_record_repr_never_shows_the_interaction_token(store: SqlStore) -> None:
    created = await store.jobs.create(spec(), created_at=CREATED_AT, handle=HANDLE)

    assert TOKEN not in repr(created)


async def test_job_runs_then_succeeds_with_exact_cost_and_generation_ids(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None

    assert await store.jobs.claim_running(job.id, started_at=1_700_000_001.0, max_running=None)
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


async def test_tiny_costs_keep_every_digit(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None

    await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=1.0,
                            cost=Decimal("0.000000123456789012345"))

    done = await store.jobs.get(job.id)
    assert done is not None
    assert done.cost == Decimal("0.000000123456789012345")


async def test_failed_job_keeps_a_short_error(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None
    await store.jobs.claim_running(job.id, started_at=1.0, max_running=None)

    await store.jobs.finish(job.id, status=JobStatus.FAILED, finished_at=2.0, error="The model refused. " * 100)

    failed = await store.jobs.get(job.id)
    assert failed is not None
    assert failed.status is JobStatus.FAILED
    assert failed.error is not None
    assert len(failed.error) == MAX_ERROR_LENGTH
    assert failed.error.startswith("The model refused.")
    assert failed.error.endswith("…")


@pytest.mark.parametrize("status", [JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED])
async def test_finishing_a_job_forgets_its_interaction_token_but_not_the_rest_of_its_handle(
        store: SqlStore, status: JobStatus) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT, handle=HANDLE)
    assert job is not None

    assert await store.jobs.finish(job.id, status=status, finished_at=2.0)

    done = await store.jobs.get(job.id)
    assert done is not None
    assert done.handle == ResponseHandle(application_id=HANDLE.application_id, interaction_token=None,
                                         interaction_created_at=HANDLE.interaction_created_at)
    assert await _stored_token(store, job.id) is None


async def test_a_refused_second_finish_leaves_the_token_question_settled(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT, handle=HANDLE)
    assert job is not None
    await store.jobs.finish(job.id, status=JobStatus.CANCELLED, finished_at=5.0)

    assert not await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=6.0)

    assert await _stored_token(store, job.id) is None


async def test_marking_a_job_running_keeps_its_token(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT, handle=HANDLE)
    assert job is not None

    await store.jobs.claim_running(job.id, started_at=1.0, max_running=None)

    running = await store.jobs.get(job.id)
    assert running is not None
    assert running.handle.interaction_token == TOKEN


async def test_the_first_finish_wins(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None
    assert await store.jobs.finish(job.id, status=JobStatus.CANCELLED, finished_at=5.0)

    assert not await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=6.0,
                                       cost=Decimal("0.04"))

    final = await store.jobs.get(job.id)
    assert final is not None
    assert (final.status, final.finished_at, final.cost) == (JobStatus.CANCELLED, 5.0, None)


async def test_a_cancelled_job_never_starts_running(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None
    await store.jobs.finish(job.id, status=JobStatus.CANCELLED, finished_at=5.0)

    assert not await store.jobs.claim_running(job.id, started_at=6.0, max_running=None)

    final = await store.jobs.get(job.id)
    assert final is not None
    assert (final.status, final.started_at) == (JobStatus.CANCELLED, None)


async def test_changing_an_unknown_job_reports_false(store: SqlStore) -> None:
    assert not await store.jobs.claim_running(999, started_at=1.0, max_running=None)
    assert not await store.jobs.finish(999, status=JobStatus.FAILED, finished_at=1.0)
    assert not await store.jobs.set_result_message(999, channel_id=1, message_id=2)


async def test_finishing_with_an_unfinished_status_is_a_programming_error(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None

    with pytest.raises(ValueError, match="finish"):
        await store.jobs.finish(job.id, status=JobStatus.RUNNING, finished_at=1.0)


async def test_a_single_generation_id_string_is_rejected_rather_than_split_into_letters(
        store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None

    with pytest.raises(TypeError, match="single string"):
        await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=1.0, generation_ids="gen-1")


async def test_result_message_is_remembered(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)
    assert job is not None

    assert await store.jobs.set_result_message(job.id, channel_id=3003, message_id=777_000_111)

    stored = await store.jobs.get(job.id)
    assert stored is not None
    assert (stored.result_channel_id, stored.result_message_id) == (3003, 777_000_111)


async def test_a_job_is_found_by_the_message_that_shows_its_result(store: SqlStore) -> None:
    first = await _create(store, spec(prompt="first"), created_at=CREATED_AT)
    second = await _create(store, spec(prompt="second", model="openai/gpt-5-image-mini"), created_at=CREATED_AT)
    await store.jobs.set_result_message(first.id, channel_id=3003, message_id=777_000_111)
    await store.jobs.set_result_message(second.id, channel_id=3003, message_id=777_000_222)

    shown = await store.jobs.shown_in(777_000_222)
    assert shown is not None
    assert (shown.id, shown.spec.model) == (second.id, "openai/gpt-5-image-mini")
    assert await store.jobs.shown_in(777_000_333) is None  # a message that shows no job


async def test_restart_interrupts_only_queued_and_running_jobs_oldest_first(store: SqlStore) -> None:
    running = await _create(store, spec(prompt="running"), created_at=20.0)
    queued = await _create(store, spec(prompt="queued"), created_at=10.0)
    succeeded = await _create(store, spec(prompt="succeeded"), created_at=5.0)
    failed = await _create(store, spec(prompt="failed"), created_at=6.0)
    await store.jobs.claim_running(running.id, started_at=30.0, max_running=None)
    await store.jobs.finish(succeeded.id, status=JobStatus.SUCCEEDED, finished_at=11.0)
    await store.jobs.finish(failed.id, status=JobStatus.FAILED, finished_at=12.0, error="boom")

    interrupted = await store.jobs.interrupt_unfinished(now=100.0)

    assert [job.id for job in interrupted] == [queued.id, running.id]
    assert all(job.status is JobStatus.INTERRUPTED and job.finished_at == 100.0 for job in interrupted)
    assert interrupted[1].started_at == 30.0
    for job_id, status, finished_at in [(queued.id, JobStatus.INTERRUPTED, 100.0),
                                        (running.id, JobStatus.INTERRUPTED, 100.0),
                                        (succeeded.id, JobStatus.SUCCEEDED, 11.0),
                                        (failed.id, JobStatus.FAILED, 12.0)]:
        stored = await store.jobs.get(job_id)
        assert stored is not None
        assert (stored.status, stored.finished_at) == (status, finished_at)
    assert await store.jobs.interrupt_unfinished(now=200.0) == []


async def test_interrupted_jobs_come_back_once_with_their_token_which_the_database_forgets(
        store: SqlStore) -> None:
    ref = await store.inputs.put(PNG_BYTES, "image/webp", now=1.0)
    created = await store.jobs.create(spec(inputs=(ref,)), created_at=CREATED_AT, handle=HANDLE)
    assert created is not None

    [job] = await store.jobs.interrupt_unfinished(now=100.0)

    assert job.handle == HANDLE  # enough to edit the original response one last time
    assert job.spec == created.spec
    assert await _stored_token(store, job.id) is None
    stored = await store.jobs.get(job.id)
    assert stored is not None
    assert stored.handle.interaction_token is None
    assert stored.handle.application_id == HANDLE.application_id


async def test_a_regeneration_must_point_at_an_existing_job(store: SqlStore) -> None:
    with pytest.raises(INTEGRITY_ERRORS):
        await store.jobs.create(spec(parent_job_id=31337), created_at=CREATED_AT)

    assert await _job_count(store) == 0  # nothing half-written


async def test_a_job_can_only_reference_a_stored_input_image(store: SqlStore) -> None:
    with pytest.raises(INTEGRITY_ERRORS):
        await store.jobs.create(spec(inputs=(InputRef.of(b"never stored", "image/png"),)), created_at=CREATED_AT)

    assert await _job_count(store) == 0


async def test_concurrent_submissions_each_get_their_own_job_and_image(store: SqlStore) -> None:
    images = [bytes([n]) * 1000 for n in range(20)]

    async def submit(n: int) -> tuple[int, bytes]:
        ref = await store.inputs.put(images[n], "image/png", now=1.0)
        record = await store.jobs.create(spec(prompt=f"prompt {n}", inputs=(ref,)), created_at=2.0)
        assert record is not None
        return record.id, images[n]

    created = await asyncio.gather(*(submit(n) for n in range(20)))

    assert len({job_id for job_id, _ in created}) == 20
    for job_id, data in created:
        record = await store.jobs.get(job_id)
        assert record is not None
        assert record.spec.input is not None
        assert await store.inputs.get(record.spec.input.sha256) == data


async def test_retention_deletes_only_finished_jobs_created_before_the_cutoff(store: SqlStore) -> None:
    old_done = await _create(store, spec(prompt="old, done"), created_at=10.0)
    old_failed = await _create(store, spec(prompt="old, failed"), created_at=11.0)
    old_queued = await _create(store, spec(prompt="old, queued"), created_at=12.0)
    old_running = await _create(store, spec(prompt="old, running"), created_at=13.0)
    new_done = await _create(store, spec(prompt="new, done"), created_at=100.0)
    await store.jobs.finish(old_done.id, status=JobStatus.SUCCEEDED, finished_at=20.0)
    await store.jobs.finish(old_failed.id, status=JobStatus.FAILED, finished_at=20.0)
    await store.jobs.claim_running(old_running.id, started_at=20.0, max_running=None)
    await store.jobs.finish(new_done.id, status=JobStatus.SUCCEEDED, finished_at=120.0)

    deleted = await store.jobs.delete_finished_before(100.0)

    assert deleted == 2
    assert await store.jobs.get(old_done.id) is None
    assert await store.jobs.get(old_failed.id) is None
    assert await store.jobs.get(old_queued.id) is not None
    assert await store.jobs.get(old_running.id) is not None
    assert await store.jobs.get(new_done.id) is not None
    assert await store.jobs.delete_finished_before(100.0) == 0


async def test_retention_unlinks_a_kept_regeneration_from_its_deleted_parent(store: SqlStore) -> None:
    parent = await store.jobs.create(spec(), created_at=10.0)
    assert parent is not None
    await store.jobs.finish(parent.id, status=JobStatus.SUCCEEDED, finished_at=11.0)
    child = await store.jobs.create(spec(parent_job_id=parent.id), created_at=200.0)
    assert child is not None

    assert await store.jobs.delete_finished_before(100.0) == 1

    kept = await store.jobs.get(child.id)
    assert kept is not None
    assert kept.spec.parent_job_id is None


async def test_meta_values_are_upserted(store: SqlStore) -> None:
    assert await store.meta.get("command_tree_hash") is None

    await store.meta.set("command_tree_hash", "abc123")
    assert await store.meta.get("command_tree_hash") == "abc123"

    await store.meta.set("command_tree_hash", "def456")
    assert await store.meta.get("command_tree_hash") == "def456"
    assert await store.meta.get("other") is None


async def test_the_images_a_finished_job_delivered_are_what_it_counts(store: SqlStore) -> None:
    job = await store.jobs.create(spec(count=4), created_at=CREATED_AT)

    assert await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=1.0, images=3)

    assert (await store.usage.member(1001, guild_id=2002, since=0.0)).images == 3


async def test_a_negative_image_count_is_a_programming_error(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT)

    with pytest.raises(ValueError, match="negative"):
        await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=1.0, images=-1)

    stored = await store.jobs.get(job.id)
    assert stored is not None
    assert stored.status is JobStatus.QUEUED


async def test_a_generation_cost_recorded_before_delivery_survives_an_interruption(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=CREATED_AT, handle=HANDLE)
    await store.jobs.claim_running(job.id, started_at=1.0, max_running=None)

    assert await store.jobs.record_cost(job.id, cost=Decimal("0.039"), generation_ids=["gen-1"])
    [interrupted] = await store.jobs.interrupt_unfinished(now=9.0)

    assert (interrupted.status, interrupted.cost, interrupted.generation_ids) == (
        JobStatus.INTERRUPTED, Decimal("0.039"), ("gen-1",))
    assert not await store.jobs.record_cost(job.id, cost=Decimal("1"))  # finished: its cost is settled
    assert (await store.jobs.get(job.id)).cost == Decimal("0.039")


async def test_a_blend_keeps_all_its_input_images_in_order_with_its_kind_and_style(store: SqlStore) -> None:
    refs = [await store.inputs.put(bytes([n]) * 100, mime, now=1.0)
            for n, mime in enumerate(("image/png", "image/jpeg", "image/webp"))]
    request = spec(inputs=tuple(refs), kind=JobKind.BLEND, style="soft", style_text="watercolour, soft light")

    created = await store.jobs.create(request, created_at=CREATED_AT)
    fetched = await store.jobs.get(created.id)

    assert fetched is not None
    assert fetched.spec == created.spec == request
    assert fetched.spec.inputs == tuple(refs)
    assert fetched.spec.full_prompt == f"{request.prompt}, watercolour, soft light"


async def test_an_upscale_remembers_which_image_of_its_parent_it_acts_on(store: SqlStore) -> None:
    parent = await store.jobs.create(spec(count=4), created_at=CREATED_AT)
    upscale = await store.jobs.create(spec(kind=JobKind.UPSCALE, source_image=2, parent_job_id=parent.id,
                                           image_size="2K"), created_at=CREATED_AT)

    fetched = await store.jobs.get(upscale.id)

    assert fetched is not None
    assert (fetched.spec.kind, fetched.spec.source_image, fetched.spec.parent_job_id) == (JobKind.UPSCALE, 2,
                                                                                         parent.id)


async def test_an_image_a_blend_still_uses_is_not_swept(store: SqlStore) -> None:
    first = await store.inputs.put(b"first" * 50, "image/png", now=1.0)
    second = await store.inputs.put(b"second" * 50, "image/png", now=1.0)
    await store.jobs.create(spec(inputs=(first, second), kind=JobKind.BLEND), created_at=2.0)

    assert await store.inputs.delete_unreferenced(created_before=10.0) == 0
    assert not await store.inputs.discard(second.sha256)
    assert await store.inputs.get(second.sha256) is not None
