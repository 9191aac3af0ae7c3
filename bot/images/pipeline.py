"""Image pipeline: validate, convert to PNG, fit into upload limits, grid previews.

Every function here is synchronous and CPU-bound; `ImageWorker` runs them in worker threads so the
event loop never encodes or decodes. Untrusted bytes are sniffed and their pixel count checked from
the header before anything is decoded (decompression-bomb guard).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import io
import logging
import math
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, ParamSpec, TypeVar

from PIL import Image, ImageOps

from bot.formats import sniff_mime_type
from bot.images.errors import CorruptImage, ImageTooLarge, UnsupportedImageType

log = logging.getLogger(__name__)

DEFAULT_MAX_PIXELS = 64_000_000
DEFAULT_INPUT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_INPUT_MAX_SIDE = 2048
GRID_GAP = 6
GRID_BACKGROUND = (30, 31, 34)
MIN_DOWNSCALE_SIDE = 16

FitAction = Literal["original", "optimized", "original_encoding", "downscaled"]

_FORMAT_BY_MIME = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
_EXTENSION_BY_MIME = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}
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
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, TypeError)
# Modes that resample properly; palette and bilevel images would silently fall back to NEAREST.
_RESAMPLABLE_MODES = {"L", "LA", "RGB", "RGBA", "I", "I;16", "F"}
_PNG_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"}


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


# --- opening and validating -------------------------------------------------------------------


def _unsupported_mime(data: bytes) -> str | None:
    """The MIME type of a recognisable image we do not accept, or None for unknown bytes."""
    for signature, mime in _OTHER_SIGNATURES:
        if data.startswith(signature):
            return mime
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return _HEIF_BRANDS.get(data[8:12])
    return None


def _sniff(data: bytes) -> str:
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
                            pixels=pixels, limit=max_pixels)


def _open(data: bytes, max_pixels: int) -> tuple[Image.Image, str]:
    """Open (header only) PNG/JPEG/WebP bytes and enforce the pixel limit; returns (image, mime)."""
    mime = _sniff(data)
    fmt = _FORMAT_BY_MIME[mime]
    try:
        # `formats` keeps Pillow from trying any other (riskier) decoder on these bytes.
        image = Image.open(io.BytesIO(data), formats=(fmt,))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow's own global limit tripped first (or warnings are errors): same refusal.
        raise ImageTooLarge(f"image has too many pixels ({exc})", limit=max_pixels) from None
    except _DECODE_ERRORS:
        raise CorruptImage(f"the {_FORMAT_NAME_BY_MIME[mime]} image cannot be read") from None
    _check_pixels(image.width, image.height, max_pixels)
    return image, mime


def _load(image: Image.Image, mime: str) -> Image.Image:
    """Decode the pixels of an opened image; CorruptImage when that fails (truncated data etc.)."""
    try:
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLarge(f"image has too many pixels ({exc})") from None
    except _DECODE_ERRORS:
        raise CorruptImage(f"the {_FORMAT_NAME_BY_MIME[mime]} image is damaged or truncated") from None
    return image


def inspect_image(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Size and format of PNG/JPEG/WebP bytes, read from the header only.

    Raises UnsupportedImageType for other image types, CorruptImage for bytes that are not a readable
    image, ImageTooLarge when width × height exceeds `max_pixels` (checked before any decoding).
    """
    image, mime = _open(data, max_pixels)
    with image:
        return ImageInfo(width=image.width, height=image.height, format=_FORMAT_BY_MIME[mime])


# --- encoding helpers -------------------------------------------------------------------------


def _encode_png_fast(image: Image.Image) -> bytes:
    """PNG for the hot path: zlib level 1, RLE strategy (fastest; on photos as small as level 6)."""
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1, compress_type=zlib.Z_RLE)
    return out.getvalue()


def _encode_png_small(image: Image.Image) -> bytes:
    """PNG spending CPU on size: only used when an image is over the upload limit."""
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True, compress_level=9)
    return out.getvalue()


def _png_compatible(image: Image.Image) -> Image.Image:
    """The image in a mode PNG stores faithfully (CMYK, YCbCr, ... become RGB/RGBA)."""
    if image.mode in _PNG_MODES:
        return image
    if image.mode == "CMYK":
        converted = image.convert("RGB")
        converted.info.pop("icc_profile", None)  # a CMYK colour profile would be wrong for RGB pixels
        return converted
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def _resamplable(image: Image.Image) -> Image.Image:
    """The image in a mode that LANCZOS can resample (palette/bilevel images are expanded)."""
    if image.mode in _RESAMPLABLE_MODES:
        return image
    if image.mode == "1":
        return image.convert("L")
    if image.mode == "CMYK":
        return _png_compatible(image)
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def _draft_to_fit(image: Image.Image, side: int) -> None:
    """Let JPEG decode at 1/2, 1/4 or 1/8 scale when the image is going to fit a `side` square anyway."""
    ratio = side / max(image.size)
    if ratio < 1:
        image.draft(None, (math.ceil(image.width * ratio), math.ceil(image.height * ratio)))


def _human_size(size: int) -> str:
    """10485760 -> '10 MB' (binary units), for error messages."""
    if size >= 1024 * 1024:
        return f"{round(size / (1024 * 1024), 1):g} MB"
    if size >= 1024:
        return f"{round(size / 1024, 1):g} KB"
    return f"{size} bytes"


# --- conversion -------------------------------------------------------------------------------


def to_png(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """PNG bytes for a PNG/JPEG/WebP image.

    A valid PNG (structure and chunk checksums verified, no decoding) is returned unchanged.
    JPEG/WebP are decoded (EXIF orientation applied, CMYK turned into RGB, colour profile kept) and
    re-encoded with fast compression. Raises the typed errors of `inspect_image`, and CorruptImage
    when the data cannot be decoded.
    """
    image, mime = _open(data, max_pixels)
    with image:
        if mime == "image/png":
            try:
                image.verify()
            except _DECODE_ERRORS:
                raise CorruptImage("the PNG image is damaged or truncated") from None
            return data
        _load(image, mime)
        ImageOps.exif_transpose(image, in_place=True)
        png = _encode_png_fast(_png_compatible(image))
    log.debug("converted %s %dx%d to PNG (%d -> %d bytes)", _FORMAT_BY_MIME[mime], image.width,
              image.height, len(data), len(png))
    return png


# --- fitting into upload limits ---------------------------------------------------------------


def _fit_one(data: bytes, original: bytes | None, *, number: int, basename: str, max_bytes: int,
             max_pixels: int) -> FittedImage:
    """Make one image fit `max_bytes`: as is, optimized PNG, original encoding, or downscaled PNG."""
    def fitted(payload: bytes, payload_mime: str, width: int, height: int, action: FitAction,
               scale: float = 1.0) -> FittedImage:
        filename = f"{basename}-{number}.{_EXTENSION_BY_MIME[payload_mime]}"
        return FittedImage(payload, filename, payload_mime, width, height, action, scale)

    image, mime = _open(data, max_pixels)
    with image:
        if len(data) <= max_bytes:
            return fitted(data, mime, image.width, image.height, "original")
        _load(image, mime)
        smallest = len(data)
        if mime == "image/png":
            # Lossless: same pixels, just harder compression.
            optimized = _encode_png_small(image)
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

        return _downscale_to_fit(_resamplable(image), smallest, max_bytes=max_bytes,
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
        payload = _encode_png_small(resized)
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


# --- previews ---------------------------------------------------------------------------------


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
        image, mime = _open(data, max_pixels)
        with image:
            _draft_to_fit(image, cell)
            _load(image, mime)
            tile = _resamplable(image)
            tile = tile.convert("RGBA" if tile.has_transparency_data else "RGB")
            tile = ImageOps.contain(tile, (cell, cell), Image.Resampling.LANCZOS)
        column, row = index % 2, index // 2
        left = column * (cell + GRID_GAP) + (cell - tile.width) // 2
        top = row * (cell + GRID_GAP) + (cell - tile.height) // 2
        # Transparent images are composited onto the dark background.
        canvas.paste(tile, (left, top), tile if tile.mode == "RGBA" else None)
    return _encode_png_fast(canvas)


# --- input images -----------------------------------------------------------------------------


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1 = upright) of an opened image."""
    try:
        return int(image.getexif().get(0x0112, 1))
    except _DECODE_ERRORS:
        return 1  # unreadable EXIF: treat as upright rather than refuse the image


def prepare_input(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_INPUT_MAX_BYTES,
    max_side: int = DEFAULT_INPUT_MAX_SIDE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> tuple[bytes, str]:
    """Validate a member's image for editing and return (bytes, mime type) to send to the model.

    The type is sniffed (PNG/JPEG/WebP only), bytes and pixels are limited, and the image is fully
    decoded to prove it is intact. Images larger than `max_side` on either side, or rotated by EXIF,
    are re-encoded upright and downscaled in their own format; others are returned unchanged.
    """
    if len(data) > max_bytes:
        raise ImageTooLarge(f"image is {_human_size(len(data))}; the limit is {_human_size(max_bytes)}",
                            limit=max_bytes)
    image, mime = _open(data, max_pixels)
    with image:
        needs_rotation = _orientation(image) != 1
        if max(image.size) <= max_side and not needs_rotation:
            _load(image, mime)
            return data, mime
        _draft_to_fit(image, max_side)
        _load(image, mime)
        ImageOps.exif_transpose(image, in_place=True)
        working = _resamplable(image)
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
        raise ImageTooLarge(f"image is still {_human_size(len(result))} after downscaling; "
                            f"the limit is {_human_size(max_bytes)}", limit=max_bytes)
    return result, mime


# --- running off the event loop ---------------------------------------------------------------

_P = ParamSpec("_P")
_T = TypeVar("_T")


class ImageWorker:
    """Runs the pipeline's CPU-heavy functions in worker threads, at most `max_workers` at a time.

    Create one per process and pass it to whoever needs images. A job whose caller is cancelled keeps
    its slot until the thread really finishes, so the bound holds even under cancellation.
    """

    def __init__(self, max_workers: int = 2, *, executor: concurrent.futures.Executor | None = None) -> None:
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self._owns_executor = executor is None
        self._executor = executor or concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="image-worker")
        self._slots = asyncio.Semaphore(max_workers)
        self._closed = False

    async def _run(self, func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """Run `func` in the executor once a slot is free; the slot is released when the thread is done."""
        if self._closed:
            raise RuntimeError("ImageWorker is closed")
        await self._slots.acquire()
        loop = asyncio.get_running_loop()

        def release(_: concurrent.futures.Future[_T]) -> None:
            with contextlib.suppress(RuntimeError):  # the loop is gone; nobody waits for the slot
                loop.call_soon_threadsafe(self._slots.release)

        try:
            future = self._executor.submit(functools.partial(func, *args, **kwargs))
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(release)
        return await asyncio.wrap_future(future)

    async def inspect(self, data: bytes, **kwargs: int) -> ImageInfo:
        """`inspect_image` in a worker thread."""
        return await self._run(inspect_image, data, **kwargs)

    async def to_png(self, data: bytes, **kwargs: int) -> bytes:
        """`to_png` in a worker thread."""
        return await self._run(to_png, data, **kwargs)

    async def fit_for_upload(self, images: Sequence[tuple[bytes, str]] | Sequence[bytes], max_bytes: int,
                             max_files: int = 10, **kwargs: object) -> FitResult:
        """`fit_for_upload` in a worker thread."""
        return await self._run(fit_for_upload, images, max_bytes, max_files, **kwargs)

    async def make_grid(self, images: Sequence[bytes], **kwargs: int) -> bytes:
        """`make_grid` in a worker thread."""
        return await self._run(make_grid, images, **kwargs)

    async def prepare_input(self, data: bytes, *, max_bytes: int = DEFAULT_INPUT_MAX_BYTES,
                            max_side: int = DEFAULT_INPUT_MAX_SIDE,
                            max_pixels: int = DEFAULT_MAX_PIXELS) -> tuple[bytes, str]:
        """`prepare_input` in a worker thread."""
        return await self._run(prepare_input, data, max_bytes=max_bytes, max_side=max_side,
                               max_pixels=max_pixels)

    def close(self) -> None:
        """Stop accepting work; queued jobs are cancelled, running ones finish in the background."""
        self._closed = True
        if self._owns_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
