"""What the service reserves in the engine's memory budget for a job that edits an image: the decoding of a
member's upload, counted from INPUT_MAX_PIXELS (its file's size says nothing about its pixels); an image
already prepared, as Regenerate sends again, is not decoded and not counted as such."""

from __future__ import annotations

from pathlib import Path

from bot.jobs.memory import BYTES_PER_PIXEL, INPUT_DECODE_COPIES
from tests.bot.jobs.real_loop import on_a_real_loop
from tests.bot.jobs.test_service import ALICE, HANDLE, PHOTO, running_world, submit


@on_a_real_loop
async def test_an_upload_is_admitted_with_its_decoding_counted_by_pixels_and_a_regenerate_without(
        tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        uploaded = await submit(world, ALICE, "make it blue", attachment=world.cdn.attach("photo.png", PHOTO))
        await world.service.delivered(uploaded.record, await uploaded.job.wait(), ok=True)
        regenerated = await world.service.rerun(ALICE, uploaded.record, handle=HANDLE)
        await regenerated.job.wait()
        max_pixels = world.inputs.max_pixels

    assert len(PHOTO) < 10_000  # a small file ...
    assert uploaded.job.weight >= INPUT_DECODE_COPIES * BYTES_PER_PIXEL * max_pixels  # ... counted by pixels
    assert regenerated.job.weight < INPUT_DECODE_COPIES * BYTES_PER_PIXEL * max_pixels
