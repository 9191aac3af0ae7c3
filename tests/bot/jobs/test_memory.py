"""The worst-case memory of a job: what the engine reserves for each request, from its spec alone."""

from __future__ import annotations

import base64
import io
import os

import pytest
from PIL import Image

from bot.config import settings_from_env
from bot.images.decode import to_png
from bot.images.fit import CANDIDATES, MAX_SCALE, PARALLEL_MAX_SCALE
from bot.jobs.memory import BYTES_PER_PIXEL, INPUT_DECODE_COPIES, MIB, image_memory, image_pixels, job_weight
from bot.records.spec import JobSpec

DEFAULT_EVENT_CAP = 64 * MIB


def spec(image_size: str | None = None, count: int = 1, aspect_ratio: str | None = None) -> JobSpec:
    return JobSpec(requester_id=1, guild_id=None, channel_id=None, is_dm=False, prompt="a fox", model="m",
                   image_size=image_size, aspect_ratio=aspect_ratio, count=count)


def test_the_documented_figure_for_a_4k_job() -> None:
    weights = [job_weight(spec("4K", count=n), max_event_bytes=DEFAULT_EVENT_CAP) for n in (1, 2, 3, 4)]

    # README: a 4K job may take 112 MiB per image (its file and its upload), plus 256 MiB for the one image it
    # checks or fits at a time (and 8 MiB for the grid of several): 368 MiB for one image, 713 MiB for four
    assert round(weights[0] / MIB) == 368
    assert round((weights[3] - weights[2]) / MIB) == round((weights[2] - weights[1]) / MIB) == 112
    assert round(weights[3] / MIB) == 713


def test_the_candidates_fitted_at_once_hold_no_more_than_one_full_size_copy() -> None:
    # what `ImageMemory.working` counts for the downscaling: pixels and PNG of the full size once
    assert len(CANDIDATES) * PARALLEL_MAX_SCALE**2 <= 1
    assert MAX_SCALE < 1


def test_the_default_budget_lets_the_default_number_of_1k_jobs_run_at_once() -> None:
    defaults = settings_from_env({})
    weight = job_weight(spec(), max_event_bytes=DEFAULT_EVENT_CAP)

    assert defaults.max_concurrent_jobs * weight <= defaults.image_memory_bytes
    # while two 4K jobs of four images each never run together
    assert 2 * job_weight(spec("4K", count=4), max_event_bytes=DEFAULT_EVENT_CAP) > defaults.image_memory_bytes


def test_bigger_sizes_and_more_images_weigh_more() -> None:
    weights = [job_weight(spec(size)) for size in ("1K", "2K", "4K")]
    assert weights == sorted(weights)
    assert weights[2] > 10 * weights[0]  # 16 times the pixels
    counts = [job_weight(spec("2K", count=n)) for n in (1, 2, 3, 4)]
    assert counts == sorted(set(counts))


def test_no_size_is_the_apis_default_of_1k_and_an_unknown_size_counts_as_the_largest() -> None:
    assert job_weight(spec(None)) == job_weight(spec("1K"))
    assert job_weight(spec("8K")) >= job_weight(spec("4K"))


@pytest.mark.parametrize(("ratio", "pixels"), [("1:1", 1024 * 1024), ("16:9", 1344 * 768), ("21:9", 1536 * 672)])
def test_pixels_follow_the_aspect_ratio_table(ratio: str, pixels: int) -> None:
    assert image_pixels("1K", ratio) == pixels
    assert image_pixels("2K", ratio) == 4 * pixels
    assert image_pixels("4K", ratio) == 16 * pixels


def test_an_unknown_aspect_ratio_counts_as_the_largest_of_the_table() -> None:
    assert image_pixels("1K", "7:3") == max(image_pixels("1K", ratio) for ratio in ("1:1", "4:3", "21:9"))


def test_the_stream_event_cap_bounds_what_a_4k_line_can_bring() -> None:
    uncapped = image_memory(image_pixels("4K", None))
    capped = image_memory(image_pixels("4K", None), max_event_bytes=DEFAULT_EVENT_CAP)

    assert capped.line == DEFAULT_EVENT_CAP < uncapped.line
    assert capped.decoded == DEFAULT_EVENT_CAP * 3 // 4
    assert job_weight(spec("4K"), max_event_bytes=DEFAULT_EVENT_CAP) < job_weight(spec("4K"))
    # a 1K line is far below the cap: nothing changes
    assert job_weight(spec("1K"), max_event_bytes=DEFAULT_EVENT_CAP) == job_weight(spec("1K"))


def test_an_edit_weighs_its_input_image_and_the_request_bodies_built_from_it() -> None:
    plain = job_weight(spec(count=2))
    edit = job_weight(spec(count=2), input_bytes=20 * MIB)

    # the image itself, and per request at least its base64 body
    assert edit - plain >= 20 * MIB + 2 * (20 * MIB * 4 // 3)


def test_the_file_estimate_covers_an_incompressible_image_of_that_size() -> None:
    width, height = 256, 192
    pixels = Image.frombytes("RGBA", (width, height), os.urandom(width * height * 4))
    raw = io.BytesIO()
    pixels.save(raw, "PNG", compress_level=0)
    converted = to_png(raw.getvalue())

    estimate = image_memory(width * height)

    assert len(raw.getvalue()) <= estimate.encoded
    assert len(converted) <= estimate.encoded
    assert len(f"data:image/png;base64,{base64.b64encode(raw.getvalue()).decode()}") <= estimate.line


# --- an image to edit ------------------------------------------------------------------------------------

def test_a_members_image_is_counted_by_its_pixels_not_by_its_file_size() -> None:
    file_limit = 20_000_000
    smaller_picture = job_weight(spec(), input_bytes=file_limit, input_pixels=12_000_000)
    huge_picture = job_weight(spec(), input_bytes=file_limit, input_pixels=24_000_000)

    # the same file size limit, twice the pixels: the decoding is what grows
    assert huge_picture - smaller_picture == INPUT_DECODE_COPIES * BYTES_PER_PIXEL * 12_000_000
    assert huge_picture >= INPUT_DECODE_COPIES * BYTES_PER_PIXEL * 24_000_000


def test_an_image_already_prepared_is_not_counted_as_decoded_again() -> None:
    # Regenerate sends the stored, prepared image again: its file counts, no decoding does
    assert job_weight(spec(), input_bytes=20_000_000) == job_weight(spec(), input_bytes=20_000_000, input_pixels=0)
    assert job_weight(spec(), input_bytes=20_000_000) < job_weight(spec(), input_bytes=20_000_000,
                                                                   input_pixels=24_000_000)


def test_the_documented_figure_for_a_job_editing_a_members_image() -> None:
    defaults = settings_from_env({})
    weight = job_weight(spec(), input_bytes=defaults.input_max_bytes, input_pixels=defaults.input_max_pixels,
                        max_event_bytes=DEFAULT_EVENT_CAP)

    # README: a member's image of up to 24 MP (and 20 MB) adds its decoding, 16 bytes a pixel: 404 MiB in all
    assert round(weight / MIB) == 404
