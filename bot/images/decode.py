"""Reading untrusted image bytes: sniff the type, check the pixel count from the header before anything is
decoded (decompression-bomb guard), decode, convert to PNG, and prepare a member's image for editing.

Every function here is synchronous and CPU-bound; `ImageWorker` (bot.images.worker) runs them in threads.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from dataclasses import dataclass

from PIL import Image, ImageOps

from bot.formats import sniff_mime_type
from bot.images.encode import draft_to_fit, encode_png_fast, png_compatible, resamplable
from bot.images.errors import CorruptImage, ImageTooLarge, UnsupportedImageType

log = logging.getLogger(__name__)

DEFAULT_MAX_PIXELS = 64_000_000
DEFAULT_INPUT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_INPUT_MAX_SIDE = 2048
# INPUT_MAX_PIXELS: a little above the largest image the bot makes (4K at any aspect ratio, at most 4096x4096
# = 16.8 MP), so members can edit its results
DEFAULT_INPUT_MAX_PIXELS = 24_000_000

FORMAT_BY_MIME = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
_FORMAT_NAME_BY_MIME = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP"}
# Other image signatures, so a GIF is reported as "unsupported type" rather than "corrupt".
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
    (b"8BPS", "image/vnd.adobe.photoshop"),
    (b"\xff\x0a", "image/jxl"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "image/jxl"),
    (b"qoif", "image/qoi"),
)
_HEIF_BRANDS = {b"heic": "image/heic", b"heix": "image/heic", b"mif1": "image/heif", b"avif": "image/avif"}
# What Pillow raises for malformed input while parsing headers or decoding.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, TypeError)


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """Header facts about an image, read without decoding its pixels."""

    width: int
    height: int
    format: str  # "PNG", "JPEG" or "WEBP"

    @property
    def mime_type(self) -> str:
        """The MIME type matching `format`."""
        return {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}[self.format]



# --- opening and validating -------------------------------------------------------------------


def _unsupported_mime(data: bytes) -> str | None:
    """The MIME type of a recognisable image we do not accept, or None for unknown bytes."""
    for signature, mime in _OTHER_SIGNATURES:
        if data.startswith(signature):
            return mime
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return _HEIF_BRANDS.get(data[8:12])
    return None


def sniff(data: bytes) -> str:
    """The MIME type of PNG/JPEG/WebP bytes; typed errors for anything else."""
    mime = sniff_mime_type(data)
    if mime is not None:
        return mime
    other = _unsupported_mime(data)
    if other is not None:
        raise UnsupportedImageType(f"{other} images are not supported (PNG, JPEG or WebP only)",
                                   mime_type=other)
    raise CorruptImage("the data is not an image")


def _check_pixels(width: int, height: int, max_pixels: int) -> None:
    """Refuse images with more pixels than allowed, before anything is decoded."""
    pixels = width * height
    if pixels > max_pixels:
        raise ImageTooLarge(f"image is {width}×{height} ({pixels} pixels); the limit is {max_pixels} pixels",
                            pixels=pixels, limit=max_pixels, width=width, height=height)


def open_checked(data: bytes, max_pixels: int) -> tuple[Image.Image, str]:
    """Open (header only) PNG/JPEG/WebP bytes and enforce the pixel limit; returns (image, mime)."""
    mime = sniff(data)
    fmt = FORMAT_BY_MIME[mime]
    try:
        # `formats` keeps Pillow from trying any other (riskier) decoder on these bytes.
        image = Image.open(io.BytesIO(data), formats=(fmt,))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow's own global limit tripped first (or warnings are errors): same refusal.
        raise ImageTooLarge(f"image has too many pixels ({exc})", limit=max_pixels) from None
    except DECODE_ERRORS:
        raise CorruptImage(f"the {_FORMAT_NAME_BY_MIME[mime]} image cannot be read") from None
    _check_pixels(image.width, image.height, max_pixels)
    return image, mime


def load_pixels(image: Image.Image, mime: str) -> Image.Image:
    """Decode the pixels of an opened image; CorruptImage when that fails (truncated data etc.)."""
    try:
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLarge(f"image has too many pixels ({exc})") from None
    except DECODE_ERRORS:
        raise CorruptImage(f"the {_FORMAT_NAME_BY_MIME[mime]} image is damaged or truncated") from None
    return image


def inspect_image(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Size and format of PNG/JPEG/WebP bytes, read from the header only.

    Raises UnsupportedImageType for other image types, CorruptImage for bytes that are not a readable
    image, ImageTooLarge when width × height exceeds `max_pixels` (checked before any decoding).
    """
    image, mime = open_checked(data, max_pixels)
    with image:
        return ImageInfo(width=image.width, height=image.height, format=FORMAT_BY_MIME[mime])



def human_size(size: int) -> str:
    """10485760 -> '10 MB' (binary units), for error messages."""
    if size >= 1024 * 1024:
        return f"{round(size / (1024 * 1024), 1):g} MB"
    if size >= 1024:
        return f"{round(size / 1024, 1):g} KB"
    return f"{size} bytes"



# --- conversion -------------------------------------------------------------------------------


def check_image(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Prove that bytes are an intact PNG, JPEG or WebP image, and say its size and format.

    A PNG's structure and chunk checksums are verified (no decoding); JPEG and WebP are decoded. Raises the
    typed errors of `inspect_image`, and CorruptImage when the data cannot be decoded."""
    image, mime = open_checked(data, max_pixels)
    with image:
        info = ImageInfo(width=image.width, height=image.height, format=FORMAT_BY_MIME[mime])
        if mime == "image/png":
            _verify_png(image)
            return info
        if mime == "image/jpeg":
            # decoded at an eighth of each side: every coefficient is still read (a truncated or broken stream
            # fails alike), at a fraction of the time
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
        load_pixels(image, mime)
        return info


def decode_upright(image: Image.Image, mime: str) -> Image.Image:
    """The pixels of an image opened by `open_checked`, as they are shown: decoded, turned upright by their EXIF
    orientation (JPEG and WebP; a PNG keeps its pixels as stored) and in a mode PNG stores faithfully (CMYK
    becomes RGB, the colour profile is kept). `image` is closed when a converted copy replaces it."""
    load_pixels(image, mime)
    if mime != "image/png":
        ImageOps.exif_transpose(image, in_place=True)
    pixels = png_compatible(image)
    if pixels is not image:
        image.close()
    return pixels


def to_png(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """PNG bytes for a PNG/JPEG/WebP image.

    A valid PNG (structure and chunk checksums verified, no decoding) is returned unchanged.
    JPEG/WebP are decoded (`decode_upright`) and re-encoded with fast compression. Raises the typed errors
    of `inspect_image`, and CorruptImage when the data cannot be decoded.
    """
    image, mime = open_checked(data, max_pixels)
    if mime == "image/png":
        with image:
            _verify_png(image)
        return data
    pixels = decode_upright(image, mime)
    with pixels:
        png = encode_png_fast(pixels)
    log.debug("converted %s %dx%d to PNG (%d -> %d bytes)", FORMAT_BY_MIME[mime], pixels.width,
              pixels.height, len(data), len(png))
    return png


def _verify_png(image: Image.Image) -> None:
    try:
        image.verify()
    except DECODE_ERRORS:
        raise CorruptImage("the PNG image is damaged or truncated") from None


# --- input images -----------------------------------------------------------------------------


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1 = upright) of an opened image."""
    try:
        return int(image.getexif().get(0x0112, 1))
    except DECODE_ERRORS:
        return 1  # unreadable EXIF: treat as upright rather than refuse the image


def prepare_input(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_INPUT_MAX_BYTES,
    max_side: int = DEFAULT_INPUT_MAX_SIDE,
    max_pixels: int = DEFAULT_INPUT_MAX_PIXELS,
) -> tuple[bytes, str]:
    """Validate a member's image for editing and return (bytes, mime type) to send to the model.

    The type is sniffed (PNG/JPEG/WebP only), bytes are limited, and the pixel count is checked against
    `max_pixels` (INPUT_MAX_PIXELS) from the header, before anything is decoded; then the image is fully
    decoded to prove it is intact. Images larger than `max_side` on either side, or rotated by EXIF,
    are re-encoded upright and downscaled in their own format; others are returned unchanged.
    """
    if len(data) > max_bytes:
        raise ImageTooLarge(f"image is {human_size(len(data))}; the limit is {human_size(max_bytes)}",
                            limit=max_bytes, size=len(data))
    image, mime = open_checked(data, max_pixels)
    with image:
        needs_rotation = _orientation(image) != 1
        if max(image.size) <= max_side and not needs_rotation:
            load_pixels(image, mime)
            return data, mime
        draft_to_fit(image, max_side)
        load_pixels(image, mime)
        ImageOps.exif_transpose(image, in_place=True)
        working = resamplable(image)
        working.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if mime == "image/jpeg":
            working = working if working.mode in ("L", "RGB") else working.convert("RGB")
            working.save(out, "JPEG", quality=90, icc_profile=working.info.get("icc_profile"))
        elif mime == "image/webp":
            working.save(out, "WEBP", quality=90, icc_profile=working.info.get("icc_profile"))
        else:
            working.save(out, "PNG", compress_level=1, compress_type=zlib.Z_RLE)
        result = out.getvalue()
        log.debug("prepared input %dx%d -> %dx%d (%d -> %d bytes)", image.width, image.height,
                  working.width, working.height, len(data), len(result))
    if len(result) > max_bytes:
        raise ImageTooLarge(f"image is still {human_size(len(result))} after downscaling; "
                            f"the limit is {human_size(max_bytes)}", limit=max_bytes, size=len(result))
    return result, mime
