"""The image pipeline: validation, PNG conversion, upload fitting, grids and the worker threads."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import io
import random
import struct
import threading
import zlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFile

from bot.images import pipeline
from bot.images.errors import CorruptImage, ImageError, ImageTooLarge, UnsupportedImageType
from bot.images.pipeline import (
    GRID_BACKGROUND,
    GRID_GAP,
    FitResult,
    FittedImage,
    ImageInfo,
    ImageWorker,
    fit_for_upload,
    inspect_image,
    make_grid,
    prepare_input,
    sniff_mime_type,
    to_png,
)

# --- test images ------------------------------------------------------------------------------


def noise(width: int, height: int, mode: str = "RGB", seed: int = 0) -> Image.Image:
    """Random pixels: incompressible, so encoded sizes are predictable and large."""
    return Image.frombytes(mode, (width, height), random.Random(seed).randbytes(width * height * len(mode)))


def gradient(width: int, height: int) -> Image.Image:
    """Smooth colours: compresses very well."""
    ramp = Image.linear_gradient("L").resize((width, height))
    return Image.merge("RGB", (ramp, ramp.transpose(Image.Transpose.FLIP_TOP_BOTTOM), ramp.rotate(180)))


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


@functools.cache
def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A valid bilevel PNG of all-zero pixels: ~100 KB on disk, `width`×`height` pixels when decoded."""
    row = bytes(1 + (width + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


@pytest.fixture
def no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any pixel decoding fail the test, to prove a refusal happened from the header alone."""

    def refuse_to_load(self: ImageFile.ImageFile) -> None:
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse_to_load)


@pytest.fixture
async def worker():
    images = ImageWorker(max_workers=2)
    yield images
    images.close()


GIF = encode(noise(8, 8, "L"), "GIF")
BMP = encode(noise(8, 8), "BMP")

# --- inspect_image ----------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "mime"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")])
def test_sniffing_names_the_three_accepted_types_from_their_magic_bytes(fmt: str, mime: str) -> None:
    assert sniff_mime_type(encode(noise(8, 8), fmt)) == mime


@pytest.mark.parametrize("data", [GIF, b"", b"RIFF\x00\x00\x00\x00WAVE", b"%PDF-1.7"])
def test_sniffing_anything_else_gives_none(data: bytes) -> None:
    assert sniff_mime_type(data) is None


@pytest.mark.parametrize(("fmt", "params"), [("PNG", {}), ("JPEG", {"quality": 90}), ("WEBP", {"quality": 80})])
def test_inspect_reports_size_and_format(fmt: str, params: dict[str, object]) -> None:
    data = encode(noise(40, 30), fmt, **params)

    assert inspect_image(data) == ImageInfo(width=40, height=30, format=fmt)


@pytest.mark.parametrize(("data", "mime"), [(GIF, "image/gif"), (BMP, "image/bmp")])
def test_other_image_types_are_refused_as_unsupported(data: bytes, mime: str) -> None:
    with pytest.raises(UnsupportedImageType) as caught:
        inspect_image(data)

    assert caught.value.mime_type == mime


@pytest.mark.parametrize(
    "data",
    [b"", random.Random(1).randbytes(500), b"hello, this is text", b"\x89PNG\r\n\x1a\n" + bytes(100),
     b"\xff\xd8\xff" + random.Random(2).randbytes(100)],
    ids=["empty", "random", "text", "png-signature-only", "jpeg-signature-only"],
)
def test_garbage_is_refused_as_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptImage):
        inspect_image(data)


@pytest.mark.parametrize(
    "operation",
    [inspect_image, to_png, prepare_input, lambda data: fit_for_upload([data], max_bytes=10),
     lambda data: make_grid([data, data])],
    ids=["inspect_image", "to_png", "prepare_input", "fit_for_upload", "make_grid"],
)
@pytest.mark.usefixtures("no_decoding")
def test_decompression_bomb_is_refused_before_decoding(operation: Callable[[bytes], object]) -> None:
    bomb = png_bomb()
    assert len(bomb) < 1_000_000  # tiny file, 900 megapixels

    with pytest.raises(ImageTooLarge):
        operation(bomb)


@pytest.mark.usefixtures("no_decoding")
def test_pixel_limit_does_not_depend_on_pillows_global_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # someone switched Pillow's own guard off

    with pytest.raises(ImageTooLarge) as caught:
        inspect_image(png_bomb())

    assert caught.value.pixels == 30_000 * 30_000
    assert caught.value.limit == pipeline.DEFAULT_MAX_PIXELS


def test_pixel_limit_can_be_lowered_per_call() -> None:
    data = encode(noise(100, 100), "PNG")

    assert inspect_image(data, max_pixels=10_000).width == 100
    with pytest.raises(ImageTooLarge) as caught:
        inspect_image(data, max_pixels=9_999)
    assert (caught.value.pixels, caught.value.limit) == (10_000, 9_999)


# --- to_png -----------------------------------------------------------------------------------


def test_png_passes_through_byte_identical() -> None:
    data = encode(noise(64, 48, "RGBA"), "PNG", compress_level=0)

    assert to_png(data) == data


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_jpeg_becomes_a_png_with_the_pixels_pillow_decodes(mode: str) -> None:
    jpeg = encode(noise(96, 64, mode), "JPEG", quality=85)

    png = to_png(jpeg)

    assert inspect_image(png) == ImageInfo(96, 64, "PNG")
    converted, expected = decode(png), decode(jpeg)
    assert converted.mode == expected.mode == mode
    assert converted.tobytes() == expected.tobytes()


def test_cmyk_jpeg_becomes_an_rgb_png() -> None:
    jpeg = encode(gradient(64, 64).convert("CMYK"), "JPEG", quality=95)

    png = decode(to_png(jpeg))

    assert png.mode == "RGB"
    assert png.tobytes() == decode(jpeg).convert("RGB").tobytes()


def test_webp_is_accepted_and_keeps_its_transparency() -> None:
    webp = encode(noise(50, 40, "RGBA"), "WEBP", quality=80)

    png = decode(to_png(webp))

    assert png.mode == "RGBA"
    assert png.tobytes() == decode(webp).tobytes()


def test_jpeg_taken_sideways_is_stored_upright() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    jpeg = encode(gradient(40, 20), "JPEG", exif=exif)

    assert inspect_image(to_png(jpeg)) == ImageInfo(20, 40, "PNG")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_truncated_image_is_refused_as_corrupt(fmt: str) -> None:
    data = encode(noise(128, 128), fmt)

    with pytest.raises(CorruptImage):
        to_png(data[: len(data) // 2])


def test_png_with_damaged_pixel_data_is_refused_as_corrupt() -> None:
    data = bytearray(encode(noise(64, 64), "PNG"))
    data[len(data) // 2] ^= 0xFF  # inside IDAT: the chunk checksum no longer matches

    with pytest.raises(CorruptImage):
        to_png(bytes(data))


@pytest.mark.parametrize("data", [GIF, BMP])
def test_to_png_refuses_unsupported_types(data: bytes) -> None:
    with pytest.raises(UnsupportedImageType):
        to_png(data)


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


def test_original_jpeg_is_sent_when_the_png_is_too_big() -> None:
    picture = noise(256, 256)
    png, jpeg = encode(picture, "PNG"), encode(picture, "JPEG", quality=80)
    limit = 128 * 1024
    assert len(jpeg) < limit < len(png)

    result = fit_for_upload([png], max_bytes=limit, original=[jpeg])

    (image,) = result.images
    assert (image.data, image.filename, image.mime_type, image.action) == (jpeg, "image-1.jpg", "image/jpeg",
                                                                            "original_encoding")
    assert (image.width, image.height, image.scale) == (256, 256, 1.0)
    assert result.changed


def test_original_encoding_over_the_limit_is_not_used() -> None:
    picture = noise(256, 256)
    png, jpeg = encode(picture, "PNG"), encode(picture, "JPEG", quality=95)
    limit = len(jpeg) // 2

    (image,) = fit_for_upload([png], max_bytes=limit, original=[jpeg]).images

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


def test_images_may_come_with_their_mime_type_and_a_custom_basename() -> None:
    png = encode(noise(8, 8), "PNG")

    result = fit_for_upload([(png, "image/png")], max_bytes=1024 * 1024, basename="sunset")

    assert result.images[0].filename == "sunset-1.png"


def test_a_result_counts_as_changed_when_images_were_dropped_even_if_none_was_altered() -> None:
    unchanged = FittedImage(b"", "image-1.png", "image/png", 8, 8, "original")

    assert not FitResult(images=(unchanged,), dropped=0, max_bytes=1024).changed
    assert FitResult(images=(unchanged,), dropped=1, max_bytes=1024).changed


# --- make_grid --------------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "rows"), [(2, 1), (3, 2), (4, 2)])
def test_grid_is_a_png_with_two_columns(count: int, rows: int) -> None:
    images = [encode(noise(80, 60, seed=n), "JPEG") for n in range(count)]

    grid = make_grid(images, cell=64)

    expected = (2 * 64 + GRID_GAP, rows * 64 + (rows - 1) * GRID_GAP)
    assert inspect_image(grid) == ImageInfo(*expected, "PNG")


def test_grid_cells_keep_the_aspect_ratio_on_a_dark_background() -> None:
    wide = encode(Image.new("RGB", (200, 50), (255, 0, 0)), "PNG")
    tall = encode(Image.new("RGBA", (50, 200), (0, 0, 255, 255)), "PNG")

    grid = decode(make_grid([wide, tall], cell=64)).convert("RGB")

    right = 64 + GRID_GAP
    assert grid.getpixel((32, 32)) == (255, 0, 0)  # centre of the wide image
    assert grid.getpixel((32, 2)) == GRID_BACKGROUND  # letterbox above it
    assert grid.getpixel((right + 32, 32)) == (0, 0, 255)
    assert grid.getpixel((right + 2, 32)) == GRID_BACKGROUND  # pillarbox beside the tall one
    assert grid.getpixel((64 + GRID_GAP // 2, 32)) == GRID_BACKGROUND  # the gap


@pytest.mark.parametrize("count", [0, 1, 5])
def test_grid_needs_two_to_four_images(count: int) -> None:
    with pytest.raises(ValueError, match="2 to 4"):
        make_grid([encode(noise(8, 8), "PNG")] * count)


def test_grid_refuses_unsupported_images() -> None:
    with pytest.raises(UnsupportedImageType):
        make_grid([encode(noise(8, 8), "PNG"), GIF])


# --- ImageWorker ------------------------------------------------------------------------------


async def test_worker_does_the_work_in_another_thread(worker: ImageWorker,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[int] = []
    real_to_png = pipeline.to_png

    def spy(data: bytes, **kwargs: int) -> bytes:
        threads.append(threading.get_ident())
        return real_to_png(data, **kwargs)

    monkeypatch.setattr(pipeline, "to_png", spy)
    jpeg = encode(noise(32, 32), "JPEG")

    png = await worker.to_png(jpeg)

    assert inspect_image(png).format == "PNG"
    assert len(threads) == 1
    assert threads[0] != threading.get_ident()


async def test_event_loop_keeps_running_while_a_slow_job_runs(worker: ImageWorker,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    started, release = threading.Event(), threading.Event()

    def slow(data: bytes, **kwargs: int) -> bytes:
        started.set()
        release.wait(10)
        return b"converted"

    monkeypatch.setattr(pipeline, "to_png", slow)
    job = asyncio.create_task(worker.to_png(b"anything"))
    await asyncio.to_thread(started.wait, 10)

    # The job is still blocked in its thread, yet the loop runs callbacks.
    loop = asyncio.get_running_loop()
    ran = loop.create_future()
    loop.call_soon(ran.set_result, "callback ran")
    assert await ran == "callback ran"
    assert not job.done()

    release.set()
    assert await job == b"converted"


async def test_worker_runs_at_most_max_workers_jobs_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    lock, release = threading.Lock(), threading.Event()
    running, peak = 0, 0
    two_running = threading.Event()

    def job(data: bytes, **kwargs: int) -> bytes:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
            if running == 2:
                two_running.set()
        release.wait(10)
        with lock:
            running -= 1
        return data

    monkeypatch.setattr(pipeline, "to_png", job)
    # A roomy injected executor: only the worker's own bound can hold the third job back.
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=4)
    images = ImageWorker(max_workers=2, executor=executor)
    try:
        jobs = [asyncio.create_task(images.to_png(bytes([n]))) for n in range(3)]
        await asyncio.to_thread(two_running.wait, 10)
        release.set()
        assert await asyncio.gather(*jobs) == [b"\x00", b"\x01", b"\x02"]
        assert peak == 2
    finally:
        images.close()
        executor.shutdown()


async def test_injected_executor_is_used_and_left_running(monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []

    def spy(data: bytes, **kwargs: int) -> ImageInfo:
        names.append(threading.current_thread().name)
        return ImageInfo(1, 1, "PNG")

    monkeypatch.setattr(pipeline, "inspect_image", spy)
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="injected")
    images = ImageWorker(executor=executor)

    await images.inspect(b"x")
    images.close()

    assert names[0].startswith("injected")
    assert executor.submit(lambda: "still usable").result() == "still usable"
    executor.shutdown()


async def test_worker_raises_the_typed_image_errors(worker: ImageWorker) -> None:
    with pytest.raises(UnsupportedImageType):
        await worker.to_png(GIF)
    with pytest.raises(CorruptImage):
        await worker.inspect(b"not an image")


async def test_worker_fits_and_grids(worker: ImageWorker) -> None:
    png = encode(noise(64, 64), "PNG")

    result = await worker.fit_for_upload([png, png, png], 1024 * 1024, max_files=2)
    grid = await worker.make_grid([png, png], cell=32)

    assert (len(result.images), result.dropped) == (2, 1)
    assert inspect_image(grid) == ImageInfo(64 + GRID_GAP, 32, "PNG")


async def test_closed_worker_refuses_new_work() -> None:
    images = ImageWorker()
    images.close()

    with pytest.raises(RuntimeError, match="closed"):
        await images.to_png(b"x")


# --- prepare_input ----------------------------------------------------------------------------


async def test_big_input_is_downscaled_to_max_side_in_its_own_format(worker: ImageWorker) -> None:
    jpeg = encode(gradient(600, 300), "JPEG", quality=90)

    data, mime = await worker.prepare_input(jpeg, max_side=256)

    assert mime == "image/jpeg"
    assert inspect_image(data) == ImageInfo(256, 128, "JPEG")


async def test_big_transparent_input_stays_a_transparent_png(worker: ImageWorker) -> None:
    png = encode(noise(300, 500, "RGBA"), "PNG")

    data, mime = await worker.prepare_input(png, max_side=100)

    assert mime == "image/png"
    assert inspect_image(data) == ImageInfo(60, 100, "PNG")
    assert decode(data).mode == "RGBA"


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
async def test_small_input_is_sent_unchanged(worker: ImageWorker, fmt: str) -> None:
    data = encode(noise(64, 32), fmt)

    assert await worker.prepare_input(data, max_side=64) == (data, f"image/{fmt.lower()}")


async def test_sideways_input_is_sent_upright(worker: ImageWorker) -> None:
    exif = Image.Exif()
    exif[0x0112] = 8  # "rotate 90° counter-clockwise to display"
    jpeg = encode(gradient(40, 20), "JPEG", exif=exif)

    data, mime = await worker.prepare_input(jpeg)

    assert (mime, inspect_image(data)) == ("image/jpeg", ImageInfo(20, 40, "JPEG"))


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"%PDF-1.7 not an image", CorruptImage), (GIF, UnsupportedImageType),
     (encode(noise(64, 64), "JPEG")[:600], CorruptImage)],
    ids=["not-an-image", "gif", "truncated-jpeg"],
)
async def test_unusable_input_is_refused(worker: ImageWorker, data: bytes, error: type[ImageError]) -> None:
    with pytest.raises(error):
        await worker.prepare_input(data)


async def test_input_over_the_byte_limit_is_refused(worker: ImageWorker) -> None:
    png = encode(noise(64, 64), "PNG")

    with pytest.raises(ImageTooLarge) as caught:
        await worker.prepare_input(png, max_bytes=len(png) - 1)

    assert caught.value.limit == len(png) - 1
