"""Reading untrusted images: sniffing, header checks before decoding, PNG conversion and members' input images."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PIL import Image

from bot.config import settings_from_env
from bot.formats import sniff_mime_type
from bot.images.decode import (
    DEFAULT_INPUT_MAX_PIXELS,
    DEFAULT_MAX_PIXELS,
    ImageInfo,
    check_image,
    inspect_image,
    prepare_input,
    to_png,
)
from bot.images.errors import CorruptImage, ImageError, ImageTooLarge, UnsupportedImageType
from bot.images.fit import fit_for_upload
from bot.images.grid import make_grid
from bot.images.worker import ImageWorker
from bot.jobs.memory import PIXELS_1K
from tests.bot.images.pictures import BMP, GIF, decode, encode, gradient, noise, png_bomb

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
    [inspect_image, check_image, to_png, prepare_input, lambda data: fit_for_upload([data], max_bytes=10),
     lambda data: make_grid([data, data])],
    ids=["inspect_image", "check_image", "to_png", "prepare_input", "fit_for_upload", "make_grid"],
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
    assert caught.value.limit == DEFAULT_MAX_PIXELS


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


@pytest.mark.parametrize("share", [0.5, 0.95])
@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
@pytest.mark.parametrize("operation", [to_png, check_image])
def test_truncated_image_is_refused_as_corrupt(operation: Callable[[bytes], object], fmt: str, share: float) -> None:
    data = encode(noise(512, 384), fmt)

    with pytest.raises(CorruptImage):
        operation(data[: int(len(data) * share)])


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_a_checked_image_reports_its_full_size_and_format(fmt: str) -> None:
    assert check_image(encode(noise(640, 360), fmt)) == ImageInfo(640, 360, fmt)


def test_png_with_damaged_pixel_data_is_refused_as_corrupt() -> None:
    data = bytearray(encode(noise(64, 64), "PNG"))
    data[len(data) // 2] ^= 0xFF  # inside IDAT: the chunk checksum no longer matches

    with pytest.raises(CorruptImage):
        to_png(bytes(data))
    with pytest.raises(CorruptImage):
        check_image(bytes(data))


@pytest.mark.parametrize("data", [GIF, BMP])
def test_to_png_refuses_unsupported_types(data: bytes) -> None:
    with pytest.raises(UnsupportedImageType):
        to_png(data)


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


# --- the pixel limit of members' images (INPUT_MAX_PIXELS) ----------------------------------------------


@pytest.mark.usefixtures("no_decoding")
def test_a_small_input_with_more_pixels_than_the_input_limit_is_refused_from_its_header() -> None:
    bomb = png_bomb(5000, 5000)  # 25 megapixels in a few kilobytes
    assert len(bomb) < 50_000

    with pytest.raises(ImageTooLarge) as caught:
        prepare_input(bomb)

    error = caught.value
    assert (error.width, error.height, error.pixels, error.limit) == (5000, 5000, 25_000_000, DEFAULT_INPUT_MAX_PIXELS)


@pytest.mark.parametrize("ratio", ["21:9", "1:1", "9:16"])
async def test_a_4k_result_of_the_bot_can_be_given_back_to_edit(worker: ImageWorker, ratio: str) -> None:
    width, height = (4 * side for side in PIXELS_1K[ratio])
    result = encode(Image.linear_gradient("L").resize((width, height)), "PNG")  # as big as the bot makes

    data, mime = await worker.prepare_input(result, max_pixels=settings_from_env({}).input_max_pixels)

    assert mime == "image/png"
    assert max(inspect_image(data).width, inspect_image(data).height) == 2048  # downscaled to send, not refused
