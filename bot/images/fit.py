"""Fitting generated images into an upload limit: as PNG, in the provider's own encoding, or downscaled, never
larger than the limit.

Encoding a 4K image takes about a second of CPU per try, so fitting does not try blindly. A PNG's size is
predicted from a sample of the image's rows (`estimate_png_size`) and an encode that cannot fit is skipped;
the scale of a downscaled copy is predicted from one cheap trial at a first guess, and two candidate scales
at and just under the prediction are encoded at once on the image workers (`ImageWorker.fit_for_upload`),
the larger that fits winning. The work is written once, as `fit_steps`: a generator that yields batches of
independent encodes and receives their results, driven in one thread by `fit_for_upload` or across worker
threads.

Every PNG is written with zlib's RLE strategy (`encode_png_fast`): on photographs it is within a few percent
of zlib's level 9 at a tenth to a thirtieth of the time (level 9 took 9 s for one 8 MP photograph); only flat
graphics compress noticeably better at level 9, and those are small anyway.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image

from bot.images.decode import DEFAULT_MAX_PIXELS, decode_upright, open_checked
from bot.images.encode import encode_png_fast, resamplable
from bot.images.errors import ImageTooLarge

log = logging.getLogger(__name__)

PNG = "image/png"
MIN_DOWNSCALE_SIDE = 16
EXTENSION_BY_MIME = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}
WORTH_TRYING = 1.15  # a full-size encode is tried when its estimate is at most this share of the limit
SAMPLE_BANDS = 8  # row bands a size estimate encodes, spread over the image
SAMPLE_SHARE = 1 / 16  # the share of the rows they cover
MIN_BAND = 16  # rows
CANDIDATES = (1.0, 0.97)  # the scales encoded at once, as shares of the predicted largest scale
PARALLEL_MAX_SCALE = 0.7  # above this, candidates are encoded one after another (see bot/jobs/memory.py)
MAX_SCALE = 0.99  # a downscaled copy is smaller than the original, whatever an estimate says
RESAMPLE = Image.Resampling.LANCZOS
REDUCING_GAP = 3.0  # resize by an integer reduction first, then LANCZOS over at least 3x: same look, much faster

FitAction = Literal["original", "optimized", "original_encoding", "downscaled"]


@dataclass(frozen=True, slots=True)
class FittedImage:
    """One image ready to upload, and what was done to make it fit (`action`, and `scale` when downscaled).

    Actions: "original" (the generated image as PNG, same pixels), "optimized" (the provider's PNG was too
    big, the same pixels compressed again fit), "original_encoding" (the provider's own encoding, e.g. JPEG,
    sent instead of the PNG), "downscaled" (a smaller PNG; `width`/`height` are the new size).
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


@dataclass(frozen=True, slots=True)
class Candidate:
    """A downscaled PNG tried for the limit."""

    scale: float
    width: int
    height: int
    data: bytes


Work = list[Callable[[], Candidate]]
FitSteps = Generator[Work, list[Candidate], FittedImage]


# --- estimates ------------------------------------------------------------------------------------------


def estimate_png_size(image: Image.Image, encode: Callable[[Image.Image], bytes], *, scale: float = 1.0) -> int:
    """What `encode(image)` would weigh, or with `scale` the encode of the image downscaled by it: up to
    `SAMPLE_BANDS` bands of rows spread over the result (`SAMPLE_SHARE` of it) are made (only their rows are
    resampled) and encoded, and their size is scaled up; a result too small to sample is simply made and
    encoded. Within a few percent for photographs and noise; flat graphics come out somewhat high."""
    width, height = _scaled_size(image, scale)
    rows = height * SAMPLE_SHARE
    bands = max(1, min(SAMPLE_BANDS, round(rows / MIN_BAND)))  # a band's first row compresses worse: not too thin
    band = max(1, round(rows / bands))
    if band * bands * 4 > height:
        return len(encode(image if scale == 1 else _resized(image, scale)))
    sample = Image.new(image.mode, (width, band * bands))
    if image.mode == "P":
        sample.putpalette(image.getpalette() or [])
    sample.info = dict(image.info)
    step = height / bands
    for number in range(bands):
        top = int(number * step + (step - band) / 2)
        if scale == 1:
            piece = image.crop((0, top, width, top + band))
        else:  # the same rows of the downscaled image, resampled from the source rows around them
            piece = image.resize((width, band), RESAMPLE, box=(0, top / scale, image.width, (top + band) / scale))
        sample.paste(piece, (0, number * band))
    overhead = Image.new(image.mode, (1, 1))  # the chunks every file has, whatever its rows
    overhead.info = sample.info
    fixed = len(encode(overhead))
    return fixed + round(max(0, len(encode(sample)) - fixed) * height / sample.height)


def _scaled_size(image: Image.Image, scale: float) -> tuple[int, int]:
    return max(1, round(image.width * scale)), max(1, round(image.height * scale))


def _resized(image: Image.Image, scale: float) -> Image.Image:
    return image.resize(_scaled_size(image, scale), RESAMPLE, reducing_gap=REDUCING_GAP)


def encode_candidate(image: Image.Image, scale: float) -> Candidate:
    """`image` downscaled by `scale`, as PNG."""
    resized = _resized(image, scale)
    return Candidate(scale, resized.width, resized.height, encode_png_fast(resized))


# --- the steps ------------------------------------------------------------------------------------------


def fit_steps(data: bytes, *, number: int, basename: str, max_bytes: int,
              max_pixels: int = DEFAULT_MAX_PIXELS) -> FitSteps:
    """Make one generated image (PNG, JPEG or WebP bytes, as the provider sent it) fit `max_bytes`: as PNG
    (the provider's, or compressed again); in its own encoding; or downscaled as PNG. Yields the candidate
    encodes of the downscaling, which may run at once; returns the file to upload."""
    def fitted(payload: bytes, mime: str, width: int, height: int, action: FitAction,
               scale: float = 1.0) -> FittedImage:
        filename = f"{basename}-{number}.{EXTENSION_BY_MIME[mime]}"
        return FittedImage(payload, filename, mime, width, height, action, scale)

    image, mime = open_checked(data, max_pixels)
    if mime == PNG and len(data) <= max_bytes:
        image.close()  # no decoding: a PNG that fits is sent as the provider made it
        return fitted(data, PNG, image.width, image.height, "original")
    pixels = decode_upright(image, mime)
    del image  # `pixels` is it, or its converted copy
    width, height = pixels.size
    # what a PNG of these pixels weighs: its raw size bounds it, else a sampled encode tells
    raw = width * height * len(pixels.getbands())
    size = raw if raw <= max_bytes else estimate_png_size(pixels, encode_png_fast)
    if mime == PNG:
        size = min(size, len(data))
    if size <= max_bytes * WORTH_TRYING:
        png = encode_png_fast(pixels)
        if len(png) <= max_bytes:  # a PNG the provider compressed poorly may fit once compressed again
            return fitted(png, PNG, width, height, "original" if mime != PNG else "optimized")
        size = len(png)
        del png  # never held beside another encode (bot/jobs/memory.py)
    if mime != PNG and len(data) <= max_bytes:
        return fitted(data, mime, width, height, "original_encoding")
    source = resamplable(pixels)
    del pixels
    best = yield from _downscale_steps(source, size, max_bytes=max_bytes)
    log.debug("downscaled %dx%d to %dx%d (%d bytes, limit %d)", width, height, best.width, best.height,
              len(best.data), max_bytes)
    return fitted(best.data, PNG, best.width, best.height, "downscaled", scale=best.width / width)


def _downscale_steps(image: Image.Image, full_size: int, *, max_bytes: int) -> Generator[Work, list[Candidate],
                                                                                            Candidate]:
    """The largest downscaled PNG of `image` that fits (its full-size PNG weighs about `full_size`).

    Bytes grow about with the pixel count, but a downscaled image is denser than the original, so the first
    guess from `full_size` is corrected by a sampled encode at that guess (only the sampled rows are
    resampled). Then `CANDIDATES` around the prediction are encoded (all at once when small enough) and the
    largest that fits wins; when none does, each further try shrinks by at least 10%, so this always ends."""
    min_scale = min(1.0, MIN_DOWNSCALE_SIDE / max(image.size))

    def clamp(scale: float) -> float:
        return min(MAX_SCALE, max(min_scale, scale))

    guess = clamp(math.sqrt(max_bytes / max(full_size, 1)))
    trial = estimate_png_size(image, encode_png_fast, scale=guess)
    predicted = clamp(guess * math.sqrt(max_bytes / max(trial, 1)))
    scales = sorted({clamp(predicted * share) for share in CANDIDATES}, reverse=True)
    while True:
        batch = scales if scales[0] <= PARALLEL_MAX_SCALE else scales[:1]
        tried = yield [functools.partial(encode_candidate, image, scale) for scale in batch]
        fitting = [candidate for candidate in tried if len(candidate.data) <= max_bytes]
        if fitting:
            return max(fitting, key=lambda candidate: candidate.scale)
        scales = [scale for scale in scales if scale not in batch]
        if not scales:
            smallest = min(tried, key=lambda candidate: candidate.scale)
            if smallest.scale <= min_scale:
                raise ImageTooLarge(f"even a {smallest.width}×{smallest.height} PNG is larger than "
                                    f"{max_bytes} bytes")
            shrink = min(math.sqrt(max_bytes / len(smallest.data)) * 0.95, 0.9)
            scales = [clamp(smallest.scale * shrink)]


def advance(steps: FitSteps, results: list[Candidate] | None) -> tuple[bool, Work | FittedImage]:
    """Run `steps` up to their next batch of work (True and the image once they are done). `results` are the
    previous batch's, in order (None to start)."""
    try:
        return False, steps.send(results)  # type: ignore[arg-type]  # None starts a generator
    except StopIteration as done:
        return True, done.value


# --- in one thread --------------------------------------------------------------------------------------


def fit_for_upload(
    images: Sequence[bytes],
    max_bytes: int,
    max_files: int = 10,
    *,
    basename: str = "image",
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> FitResult:
    """Make generated images fit an upload limit of `max_bytes` per file and `max_files` per message, one
    encode after another (`ImageWorker.fit_for_upload` runs the candidates of a downscaling at once).

    `images` are the provider's files (PNG, JPEG or WebP). Per image, in order of preference: its PNG (the
    provider's, or compressed again); the provider's own encoding; a downscaled PNG. A returned file is never larger
    than `max_bytes`; ImageTooLarge if even a tiny thumbnail would not fit. Images beyond `max_files` are
    counted in `dropped`. Filenames are `{basename}-1.png`, `{basename}-2.jpg`, ...
    """
    kept = images_to_fit(images, max_bytes, max_files)
    fitted = []
    for index, data in enumerate(kept):
        steps = fit_steps(data, number=index + 1, basename=basename, max_bytes=max_bytes, max_pixels=max_pixels)
        done, value = advance(steps, None)
        while not done:
            work: Work = value  # type: ignore[assignment]
            done, value = advance(steps, [encode() for encode in work])
        fitted.append(value)
    return fit_result(fitted, images, max_bytes, max_files)  # type: ignore[arg-type]


def images_to_fit(images: Sequence[bytes], max_bytes: int, max_files: int) -> list[bytes]:
    """The images that will be sent (the first `max_files`); ValueError for limits below 1."""
    if max_bytes < 1:
        raise ValueError("max_bytes must be positive")
    if max_files < 1:
        raise ValueError("max_files must be at least 1")
    return [bytes(data) for data in images[:max_files]]


def fit_result(fitted: Sequence[FittedImage], images: Sequence[bytes], max_bytes: int, max_files: int) -> FitResult:
    return FitResult(images=tuple(fitted), dropped=max(0, len(images) - max_files), max_bytes=max_bytes)
