"""Previews: several results side by side in one small PNG."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageOps

from bot.images.decode import DEFAULT_MAX_PIXELS, load_pixels, open_checked
from bot.images.encode import draft_to_fit, encode_png_fast, resamplable

GRID_GAP = 6
GRID_BACKGROUND = (30, 31, 34)


def grid_size(count: int, *, cell: int = 512) -> tuple[int, int]:
    """The (width, height) of `make_grid` output: two columns, one row for 2 images, two for 3-4."""
    rows = 1 if count <= 2 else 2
    return 2 * cell + GRID_GAP, rows * cell + (rows - 1) * GRID_GAP


def make_grid(images: Sequence[bytes], *, cell: int = 512, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """A PNG preview of 2-4 images in a two-column grid.

    Each image is scaled to fit a `cell`×`cell` square keeping its aspect ratio and centred on a dark
    background, with thin gaps between cells.
    """
    if not 2 <= len(images) <= 4:
        raise ValueError(f"a grid needs 2 to 4 images, not {len(images)}")
    if cell < 16:
        raise ValueError("cell must be at least 16 pixels")
    canvas = Image.new("RGB", grid_size(len(images), cell=cell), GRID_BACKGROUND)
    for index, data in enumerate(images):
        image, mime = open_checked(data, max_pixels)
        with image:
            draft_to_fit(image, cell)
            load_pixels(image, mime)
            tile = resamplable(image)
            tile = tile.convert("RGBA" if tile.has_transparency_data else "RGB")
            tile = ImageOps.contain(tile, (cell, cell), Image.Resampling.LANCZOS)
        column, row = index % 2, index // 2
        left = column * (cell + GRID_GAP) + (cell - tile.width) // 2
        top = row * (cell + GRID_GAP) + (cell - tile.height) // 2
        # Transparent images are composited onto the dark background.
        canvas.paste(tile, (left, top), tile if tile.mode == "RGBA" else None)
    return encode_png_fast(canvas)
