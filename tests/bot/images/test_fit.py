"""Fitting generated images into an upload limit."""

from __future__ import annotations

import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFilter

from bot.images import fit
from bot.images.decode import ImageInfo, inspect_image
from bot.images.encode import encode_png_fast
from bot.images.errors import ImageTooLarge
from bot.images.fit import (
    MIN_DOWNSCALE_SIDE,
    Candidate,
    FitResult,
    FittedImage,
    encode_candidate,
    estimate_png_size,
    fit_for_upload,
)
from bot.images.worker import ImageWorker
from tests.bot.images.pictures import decode, encode, gradient, noise

# --- fit_for_upload ---------------------------------------------------------------------------


def test_image_within_the_limit_is_sent_unchanged() -> None:
    png = encode(noise(64, 64), "PNG")

    result = fit_for_upload([png], max_bytes=len(png))

    (image,) = result.images
    assert (image.data, image.filename, image.mime_type, image.action) == (png, "image-1.png", "image/png",
                                                                            "original")
    assert (image.width, image.height, image.scale) == (64, 64, 1.0)
    assert not result.changed
    assert (result.dropped, result.max_bytes) == (0, len(png))


def test_badly_compressed_png_is_recompressed_losslessly() -> None:
    picture = gradient(256, 256)
    png = encode(picture, "PNG", compress_level=0)
    limit = 48 * 1024
    assert len(png) > limit

    result = fit_for_upload([png], max_bytes=limit)

    (image,) = result.images
    assert image.action == "optimized"
    assert len(image.data) <= limit
    assert decode(image.data).tobytes() == picture.tobytes()
    assert (image.width, image.height, image.scale) == (256, 256, 1.0)
    assert result.changed
    assert result.max_bytes == limit


def test_a_jpeg_is_sent_as_a_png_of_the_same_pixels_when_that_fits() -> None:
    jpeg = encode(noise(256, 256), "JPEG", quality=90)

    result = fit_for_upload([jpeg], max_bytes=1024 * 1024)

    (image,) = result.images
    assert (image.filename, image.mime_type, image.action) == ("image-1.png", "image/png", "original")
    assert decode(image.data).format == "PNG"
    assert decode(image.data).tobytes() == decode(jpeg).tobytes()
    assert not result.changed


def test_original_jpeg_is_sent_when_the_png_is_too_big() -> None:
    picture = noise(256, 256)
    png, jpeg = encode(picture, "PNG"), encode(picture, "JPEG", quality=80)
    limit = 128 * 1024
    assert len(jpeg) < limit < len(png)

    result = fit_for_upload([jpeg], max_bytes=limit)

    (image,) = result.images
    assert (image.data, image.filename, image.mime_type, image.action) == (jpeg, "image-1.jpg", "image/jpeg",
                                                                            "original_encoding")
    assert (image.width, image.height, image.scale) == (256, 256, 1.0)
    assert result.changed


def test_original_encoding_over_the_limit_is_not_used() -> None:
    picture = noise(256, 256)
    jpeg = encode(picture, "JPEG", quality=95)
    limit = len(jpeg) // 2

    (image,) = fit_for_upload([jpeg], max_bytes=limit).images

    assert image.action == "downscaled"
    assert image.mime_type == "image/png"
    assert len(image.data) <= limit


def test_image_that_cannot_fit_otherwise_is_downscaled() -> None:
    png = encode(noise(300, 200), "PNG")
    limit = 40_000

    result = fit_for_upload([png, png], max_bytes=limit)

    second = result.images[1]
    assert second.action == "downscaled"
    assert second.filename == "image-2.png"
    assert len(second.data) <= limit
    assert inspect_image(second.data) == ImageInfo(second.width, second.height, "PNG")
    assert second.width < 300
    assert second.height < 200
    assert abs(second.width / second.height - 1.5) < 0.02  # aspect ratio kept
    assert second.scale == pytest.approx(second.width / 300)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.integers(min_value=100, max_value=40_000), seed=st.integers(0, 3),
       smooth=st.booleans())
def test_fitted_image_is_never_larger_than_the_limit(limit: int, seed: int, smooth: bool) -> None:
    picture = gradient(120, 90) if smooth else noise(120, 90, seed=seed)
    png = encode(picture, "PNG", compress_level=0)

    try:
        result = fit_for_upload([png], max_bytes=limit)
    except ImageTooLarge:
        return  # a limit too small for even a thumbnail is refused, not exceeded
    assert len(result.images[0].data) <= limit


def test_limit_too_small_for_any_image_is_refused() -> None:
    with pytest.raises(ImageTooLarge):
        fit_for_upload([encode(noise(64, 64), "PNG")], max_bytes=60)


def test_only_max_files_images_are_kept_and_the_rest_counted() -> None:
    pngs = [encode(noise(8, 8, seed=n), "PNG") for n in range(12)]

    result = fit_for_upload(pngs, max_bytes=10 * 1024 * 1024, max_files=10)

    assert [image.filename for image in result.images] == [f"image-{n}.png" for n in range(1, 11)]
    assert [image.data for image in result.images] == pngs[:10]
    assert result.dropped == 2
    assert result.changed


def test_files_may_have_a_custom_basename() -> None:
    png = encode(noise(8, 8), "PNG")

    result = fit_for_upload([png], max_bytes=1024 * 1024, basename="sunset")

    assert result.images[0].filename == "sunset-1.png"


def test_a_result_counts_as_changed_when_images_were_dropped_even_if_none_was_altered() -> None:
    unchanged = FittedImage(b"", "image-1.png", "image/png", 8, 8, "original")

    assert not FitResult(images=(unchanged,), dropped=0, max_bytes=1024).changed
    assert FitResult(images=(unchanged,), dropped=1, max_bytes=1024).changed


# --- how close, how fast -----------------------------------------------------------------------


def photo_like(width: int, height: int, seed: int = 0) -> Image.Image:
    """Smooth shapes with grain: compresses like a photograph (better than noise, worse than a gradient)."""
    picture = gradient(width, height)
    shapes = Image.effect_mandelbrot((width, height), (-2.0, -1.2, 0.8, 1.2), 60).convert("RGB")
    grain = noise(width, height, seed=seed).filter(ImageFilter.GaussianBlur(1.2))
    return Image.blend(Image.blend(picture, shapes, 0.5), grain, 0.25)


def largest_side_that_fits(source: bytes, limit: int) -> int:
    """The widest downscaled copy whose hard-compressed PNG fits `limit`, by bisection (the reference)."""
    image = decode(source).convert("RGB")
    low, high = MIN_DOWNSCALE_SIDE, image.width
    while high - low > 1:
        side = (low + high) // 2
        fits = len(encode_candidate(image, side / image.width).data) <= limit
        low, high = (side, high) if fits else (low, side)
    return low


@pytest.mark.parametrize(("picture", "share"), [
    (lambda: noise(640, 480, seed=3), 0.6),
    (lambda: noise(1200, 900, seed=5), 0.15),
    (lambda: photo_like(640, 480), 0.6),
    (lambda: photo_like(480, 640, seed=1), 0.3),
    (lambda: photo_like(1600, 1200, seed=2), 0.15),
], ids=["noise", "big noise", "photo", "portrait photo", "big photo"])
def test_a_downscaled_image_is_within_a_few_percent_of_the_largest_that_fits(picture, share: float) -> None:
    source = encode(picture(), "JPEG", quality=95)
    limit = int(len(source) * share)  # neither its PNG nor the JPEG itself fits

    (image,) = fit_for_upload([source], max_bytes=limit).images

    assert image.action == "downscaled"
    assert len(image.data) <= limit
    best = largest_side_that_fits(source, limit)
    assert best * 0.95 <= image.width <= best


@pytest.mark.parametrize(("picture", "within"), [
    (lambda: noise(1600, 1200), 0.02),
    (lambda: photo_like(1600, 1200), 0.05),
    (lambda: gradient(1600, 1200), 0.15),  # flat pictures come out high: a band's first row costs more
], ids=["noise", "photo", "gradient"])
def test_the_size_estimate_is_close_to_the_real_size(picture, within: float) -> None:
    image = picture()

    assert estimate_png_size(image, encode_png_fast) == pytest.approx(len(encode_png_fast(image)), rel=within)


def test_a_full_size_encode_the_estimate_rules_out_is_never_made(monkeypatch: pytest.MonkeyPatch) -> None:
    full_size = []

    def encode_and_note(image: Image.Image) -> bytes:
        if image.size == (640, 480):
            full_size.append(image.size)
        return encode_png_fast(image)

    monkeypatch.setattr(fit, "encode_png_fast", encode_and_note)
    source = encode(noise(640, 480), "JPEG", quality=95)  # its PNG is about three times the limit

    (image,) = fit_for_upload([source], max_bytes=300_000).images

    assert image.action == "downscaled"
    assert full_size == []


# --- on the workers ----------------------------------------------------------------------------


async def test_the_workers_fit_exactly_like_one_thread(worker: ImageWorker) -> None:
    sources = [encode(noise(640, 480, seed=4), "JPEG", quality=95), encode(noise(64, 64), "PNG"),
               encode(photo_like(300, 200), "PNG", compress_level=0)]

    on_workers = await worker.fit_for_upload(sources, 120_000, basename="x")

    assert on_workers == fit_for_upload(sources, 120_000, basename="x")
    assert [image.action for image in on_workers.images] == ["downscaled", "original", "optimized"]


async def test_candidates_are_encoded_at_once_on_two_workers(worker: ImageWorker,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    both_running = threading.Barrier(2, timeout=10)  # breaks unless two candidates run at the same time
    real = fit.encode_candidate

    def candidate(image: Image.Image, scale: float) -> Candidate:
        both_running.wait()
        return real(image, scale)

    monkeypatch.setattr(fit, "encode_candidate", candidate)
    source = encode(noise(800, 800), "JPEG", quality=95)

    (image,) = (await worker.fit_for_upload([source], 250_000)).images

    assert image.action == "downscaled"
    assert image.scale <= fit.PARALLEL_MAX_SCALE
    assert len(image.data) <= 250_000


async def test_large_candidates_are_encoded_one_at_a_time(worker: ImageWorker,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    lock, running, peak = threading.Lock(), [0], [0]
    real = fit.encode_candidate

    def candidate(image: Image.Image, scale: float) -> Candidate:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        try:
            return real(image, scale)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(fit, "encode_candidate", candidate)
    source = encode(noise(400, 400), "PNG")

    (image,) = (await worker.fit_for_upload([source], int(len(source) * 0.7))).images

    assert image.action == "downscaled"
    assert image.scale > fit.PARALLEL_MAX_SCALE
    assert peak[0] == 1  # their memory is counted once (bot/jobs/memory.py)
