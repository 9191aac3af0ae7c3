"""Grid previews of several results."""

from __future__ import annotations

import pytest
from PIL import Image

from bot.images.decode import ImageInfo, inspect_image
from bot.images.errors import UnsupportedImageType
from bot.images.grid import GRID_BACKGROUND, GRID_GAP, make_grid
from tests.bot.images.pictures import GIF, decode, encode, noise

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
