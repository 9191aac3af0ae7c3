"""Fitting generated images into an upload limit: as they are, recompressed, in the provider's own encoding,
or downscaled, never larger than the limit."""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image

from bot.formats import sniff_mime_type
from bot.images.decode import DEFAULT_MAX_PIXELS, inspect_image, load_pixels, open_checked
from bot.images.encode import encode_png_small, resamplable
from bot.images.errors import CorruptImage, ImageTooLarge, UnsupportedImageType

log = logging.getLogger(__name__)

MIN_DOWNSCALE_SIDE = 16
EXTENSION_BY_MIME = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}

FitAction = Literal["original", "optimized", "original_encoding", "downscaled"]


@dataclass(frozen=True, slots=True)
class FittedImage:
    """One image ready to upload, and what was done to make it fit (`action`, and `scale` when downscaled).

    Actions: "original" (unchanged), "optimized" (same pixels, harder PNG compression),
    "original_encoding" (the provider's own encoding, e.g. JPEG, sent instead of the PNG),
    "downscaled" (a smaller PNG; `width`/`height` are the new size).
    """

    data: bytes
    filename: str
    mime_type: str
    width: int
    height: int
    action: FitAction
    scale: float = 1.0  # < 1.0 only when downscaled


@dataclass(frozen=True, slots=True)
class FitResult:
    """The images that fit the upload limits, in input order; `dropped` counts the images beyond the file
    limit that were left out, `max_bytes` is the per-file limit they were fitted to."""

    images: tuple[FittedImage, ...]
    dropped: int
    max_bytes: int = 0

    @property
    def changed(self) -> bool:
        """True when anything differs from what was generated (re-encoded, downscaled or dropped)."""
        return self.dropped > 0 or any(image.action != "original" for image in self.images)


def _fit_one(data: bytes, original: bytes | None, *, number: int, basename: str, max_bytes: int,
             max_pixels: int) -> FittedImage:
    """Make one image fit `max_bytes`: as is, optimized PNG, original encoding, or downscaled PNG."""
    def fitted(payload: bytes, payload_mime: str, width: int, height: int, action: FitAction,
               scale: float = 1.0) -> FittedImage:
        filename = f"{basename}-{number}.{EXTENSION_BY_MIME[payload_mime]}"
        return FittedImage(payload, filename, payload_mime, width, height, action, scale)

    image, mime = open_checked(data, max_pixels)
    with image:
        if len(data) <= max_bytes:
            return fitted(data, mime, image.width, image.height, "original")
        load_pixels(image, mime)
        smallest = len(data)
        if mime == "image/png":
            # Lossless: same pixels, just harder compression.
            optimized = encode_png_small(image)
            if len(optimized) <= max_bytes:
                return fitted(optimized, "image/png", image.width, image.height, "optimized")
            smallest = min(smallest, len(optimized))

        if original is not None and len(original) < len(data) and len(original) <= max_bytes:
            original_mime = sniff_mime_type(original)
            if original_mime is not None:
                try:
                    original_info = inspect_image(original, max_pixels=max_pixels)
                except (CorruptImage, UnsupportedImageType, ImageTooLarge):
                    log.warning("image %d: original encoding is unreadable; not using it", number)
                else:
                    return fitted(original, original_mime, original_info.width, original_info.height,
                                  "original_encoding")

        return _downscale_to_fit(resamplable(image), smallest, max_bytes=max_bytes,
                                 make=functools.partial(fitted, payload_mime="image/png",
                                                        action="downscaled"))


def _downscale_to_fit(image: Image.Image, size: int, *, max_bytes: int,
                      make: Callable[..., FittedImage]) -> FittedImage:
    """Shrink until the PNG fits; each step shrinks by at least 10%, so this always terminates."""
    width, height = image.size
    min_scale = min(1.0, MIN_DOWNSCALE_SIDE / max(width, height))
    scale = 1.0
    while True:
        # Bytes grow roughly with pixel count, so aim at the limit with a 5% margin.
        scale *= min(math.sqrt(max_bytes / size) * 0.95, 0.9)
        at_minimum = scale <= min_scale
        scale = max(scale, min_scale)
        new_width, new_height = max(1, round(width * scale)), max(1, round(height * scale))
        resized = image.resize((new_width, new_height), Image.Resampling.LANCZOS)
        payload = encode_png_small(resized)
        if len(payload) <= max_bytes:
            log.debug("downscaled %dx%d to %dx%d (%d bytes, limit %d)", width, height, new_width,
                      new_height, len(payload), max_bytes)
            return make(payload=payload, width=new_width, height=new_height,
                        scale=new_width / width)
        if at_minimum:
            raise ImageTooLarge(f"even a {new_width}×{new_height} PNG is larger than {max_bytes} bytes")
        size = len(payload)


def fit_for_upload(
    images: Sequence[tuple[bytes, str]] | Sequence[bytes],
    max_bytes: int,
    max_files: int = 10,
    *,
    original: Sequence[bytes | None] | None = None,
    basename: str = "image",
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> FitResult:
    """Make generated images fit an upload limit of `max_bytes` per file and `max_files` per message.

    `images` are the converted (PNG) images, either bytes or (bytes, mime type) pairs (the type is
    sniffed from the bytes anyway); `original` are the provider's own encodings (e.g. JPEG), by index.
    Per image, in order of preference: as is; re-compressed PNG; the original encoding when smaller
    and within the limit; a downscaled PNG. A returned file is never larger than `max_bytes`;
    ImageTooLarge if even a tiny thumbnail would not fit. Images beyond `max_files` are counted in
    `dropped`. Filenames are `{basename}-1.png`, `{basename}-2.jpg`, ...
    """
    if max_bytes < 1:
        raise ValueError("max_bytes must be positive")
    if max_files < 1:
        raise ValueError("max_files must be at least 1")
    kept = list(images)[:max_files]
    originals = list(original or ())
    fitted = []
    for index, item in enumerate(kept):
        data = item if isinstance(item, bytes | bytearray | memoryview) else item[0]
        source = originals[index] if index < len(originals) else None
        fitted.append(_fit_one(bytes(data), source, number=index + 1, basename=basename,
                               max_bytes=max_bytes, max_pixels=max_pixels))
    return FitResult(images=tuple(fitted), dropped=max(0, len(images) - max_files), max_bytes=max_bytes)
