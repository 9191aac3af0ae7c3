"""Fitting generated images into an upload limit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.images.decode import ImageInfo, inspect_image
from bot.images.errors import ImageTooLarge
from bot.images.fit import FitResult, FittedImage, fit_for_upload
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
