"""Encoding and mode helpers shared by conversion, fitting and previews: the one PNG encoding, and the modes
PNG stores and LANCZOS resamples faithfully."""

from __future__ import annotations

import io
import math
import zlib

from PIL import Image

# Modes that resample properly; palette and bilevel images would silently fall back to NEAREST.
_RESAMPLABLE_MODES = {"L", "LA", "RGB", "RGBA", "I", "I;16", "F"}
_PNG_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"}


def encode_png_fast(image: Image.Image) -> bytes:
    """PNG with zlib's RLE strategy: the fastest, and on photographs within a few percent of level 9."""
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1, compress_type=zlib.Z_RLE)
    return out.getvalue()


def png_compatible(image: Image.Image) -> Image.Image:
    """The image in a mode PNG stores faithfully (CMYK, YCbCr, ... become RGB/RGBA)."""
    if image.mode in _PNG_MODES:
        return image
    if image.mode == "CMYK":
        converted = image.convert("RGB")
        converted.info.pop("icc_profile", None)  # a CMYK colour profile would be wrong for RGB pixels
        return converted
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def resamplable(image: Image.Image) -> Image.Image:
    """The image in a mode that LANCZOS can resample (palette/bilevel images are expanded)."""
    if image.mode in _RESAMPLABLE_MODES:
        return image
    if image.mode == "1":
        return image.convert("L")
    if image.mode == "CMYK":
        return png_compatible(image)
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def draft_to_fit(image: Image.Image, side: int) -> None:
    """Let JPEG decode at 1/2, 1/4 or 1/8 scale when the image is going to fit a `side` square anyway."""
    ratio = side / max(image.size)
    if ratio < 1:
        image.draft(None, (math.ceil(image.width * ratio), math.ceil(image.height * ratio)))
