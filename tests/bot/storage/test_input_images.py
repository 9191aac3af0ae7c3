from __future__ import annotations

import hashlib

from bot.records.job import JobStatus
from bot.records.spec import InputRef
from bot.storage import SqlStore
from tests.bot.storage.factories import PNG_BYTES, spec


async def _image_count(store: SqlStore) -> int:
    rows = list(await store.database.fetch("SELECT COUNT(*) FROM input_images"))
    return int(rows[0][0])


async def test_put_returns_the_content_reference_and_get_gives_the_bytes_back(store: SqlStore) -> None:
    ref = await store.inputs.put(PNG_BYTES, "image/png", now=1.0)

    assert ref == InputRef(sha256=hashlib.sha256(PNG_BYTES).hexdigest(), mime_type="image/png")
    assert await store.inputs.get(ref.sha256) == PNG_BYTES


async def test_unknown_hash_is_none(store: SqlStore) -> None:
    assert await store.inputs.get("0" * 64) is None


async def test_the_same_bytes_are_stored_once(store: SqlStore) -> None:
    first = await store.inputs.put(PNG_BYTES, "image/png", now=1.0)
    second = await store.inputs.put(PNG_BYTES, "image/png", now=2.0)
    other = await store.inputs.put(b"other bytes", "image/png", now=3.0)

    assert first == second
    assert other.sha256 != first.sha256
    assert await _image_count(store) == 2


async def test_the_same_bytes_under_another_type_keep_the_type_each_job_asked_for(store: SqlStore) -> None:
    as_png = await store.inputs.put(PNG_BYTES, "image/png", now=1.0)
    as_webp = await store.inputs.put(PNG_BYTES, "image/webp", now=2.0)
    png_job = await store.jobs.create(spec(inputs=(as_png,)), created_at=3.0)
    webp_job = await store.jobs.create(spec(inputs=(as_webp,)), created_at=3.0)
    assert png_job is not None
    assert webp_job is not None

    assert as_webp == InputRef.of(PNG_BYTES, "image/webp")
    assert (await _image_count(store)) == 1
    png_again = await store.jobs.get(png_job.id)
    webp_again = await store.jobs.get(webp_job.id)
    assert png_again is not None
    assert webp_again is not None
    assert png_again.spec.input == as_png
    assert webp_again.spec.input == as_webp


async def test_the_sweep_deletes_old_images_no_job_references(store: SqlStore) -> None:
    orphan = await store.inputs.put(b"orphan", "image/png", now=10.0)
    used = await store.inputs.put(b"used", "image/png", now=10.0)
    await store.jobs.create(spec(inputs=(used,)), created_at=11.0)

    deleted = await store.inputs.delete_unreferenced(created_before=100.0)

    assert deleted == 1
    assert await store.inputs.get(orphan.sha256) is None
    assert await store.inputs.get(used.sha256) == b"used"
    assert await store.inputs.delete_unreferenced(created_before=100.0) == 0


async def test_the_sweep_spares_a_fresh_image_a_job_is_about_to_reference(store: SqlStore) -> None:
    fresh = await store.inputs.put(b"just uploaded", "image/png", now=100.0)

    assert await store.inputs.delete_unreferenced(created_before=100.0) == 0  # strictly before

    assert await store.inputs.get(fresh.sha256) == b"just uploaded"
    assert await store.jobs.create(spec(inputs=(fresh,)), created_at=101.0) is not None


async def test_storing_old_bytes_again_renews_them_for_the_sweep(store: SqlStore) -> None:
    ref = await store.inputs.put(PNG_BYTES, "image/png", now=10.0)
    await store.inputs.put(PNG_BYTES, "image/png", now=500.0)  # uploaded again for a new job
    await store.inputs.put(PNG_BYTES, "image/png", now=400.0)  # a late writer never makes it look older

    assert await store.inputs.delete_unreferenced(created_before=450.0) == 0

    assert await store.inputs.get(ref.sha256) == PNG_BYTES
    assert await store.inputs.delete_unreferenced(created_before=501.0) == 1


async def test_an_image_is_swept_once_retention_removed_the_last_job_using_it(store: SqlStore) -> None:
    ref = await store.inputs.put(PNG_BYTES, "image/png", now=10.0)
    first = await store.jobs.create(spec(inputs=(ref,)), created_at=10.0)
    second = await store.jobs.create(spec(inputs=(ref,)), created_at=200.0)
    assert first is not None
    assert second is not None
    await store.jobs.finish(first.id, status=JobStatus.SUCCEEDED, finished_at=11.0)
    await store.jobs.finish(second.id, status=JobStatus.SUCCEEDED, finished_at=201.0)

    await store.jobs.delete_finished_before(100.0)
    assert await store.inputs.delete_unreferenced(created_before=1000.0) == 0  # the second job still uses it

    await store.jobs.delete_finished_before(1000.0)
    assert await store.inputs.delete_unreferenced(created_before=1000.0) == 1
    assert await store.inputs.get(ref.sha256) is None
