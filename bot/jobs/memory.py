"""The worst-case memory of one image job, from its `JobSpec`: what `JobEngine` budgets (IMAGE_MEMORY_MB).

Counted from what the code really holds for each image, in bytes, with P the image's pixel count:

* receiving (per concurrent request): the stream parser's pieces of the one base64 `data:` line and their
  join (2 x line), then in `decode_chunk` the line, the decoded 1 MiB steps and their join
  (line + 2 x decoded): at most 2.5 x line. The line is capped by OPENROUTE_MAX_EVENT_MB.
* checking (one image at a time per job): every image's decoded bytes stay held until delivery; the image
  being checked adds its pixels (JPEG and WebP are decoded to prove them intact).
* fitting for upload (one image at a time per job, `bot.images.fit`): a second file per image (the fitted
  upload), plus for the image being fitted its pixels twice (decoded, then an upright or mode-converted copy)
  and then either one full-size PNG at a time, or downscaled candidates: one at a time above
  `PARALLEL_MAX_SCALE`, two at once below it (each at most half the pixels and of their PNG), so at most the
  pixels and the PNG of the full size once more.
* an input image to edit: its bytes, and per request the data URL, the JSON text and the encoded body
  while the request is built (4 x the base64 size at once), then the body while the request runs. These are
  counted from the file's size limit (INPUT_IMAGE_MAX_MB).
* preparing a member's image (`prepare_input`, when the job is submitted with one): the downloaded file, its
  pixels decoded (counted by pixels, from INPUT_MAX_PIXELS, checked in the header before any decoding:
  the file's size says nothing about them) up to four times at once, and the prepared file (at most the
  download's size). Four copies of 4 bytes a pixel: measured at 24 MP, a lossless WebP peaks at 3.9 copies
  (the decoder's frame, its bytes, the image), a PNG at 2.5, a JPEG below 1 (decoded reduced).

Pixels count 4 bytes (RGBA, the widest 8-bit mode the pipeline decodes to); an encoded image is bounded by
its uncompressed pixels (PNG of incompressible pixels, plus a small overhead). A job's weight is the
largest of its phases. Not covered: a model that answers bigger images than asked (several per request,
or ignoring `image_size`); the line cap still bounds each received line.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.records.spec import JobSpec

MIB = 1024 * 1024
BYTES_PER_PIXEL = 4
DEFAULT_IMAGE_SIZE = "1K"  # what the API draws when a request names no size
# Pixels at 1K per aspect ratio (the API reference's table); 2K and 4K double and quadruple each side.
PIXELS_1K: dict[str, tuple[int, int]] = {
    "1:1": (1024, 1024), "2:3": (832, 1248), "3:2": (1248, 832), "3:4": (864, 1184), "4:3": (1184, 864),
    "4:5": (896, 1152), "5:4": (1152, 896), "9:16": (768, 1344), "16:9": (1344, 768), "21:9": (1536, 672),
}
SIDE_SCALE = {"0.5K": 0.5, "1K": 1, "2K": 2, "4K": 4}
ENCODING_OVERHEAD = 64 * 1024  # PNG row filters, zlib blocks and chunks; JSON around a data: line
GRID_BYTES = 8 * MIB  # the 2x2 preview: its canvas, one tile and its PNG (cell 512)
RECEIVE_FACTOR = 2.5  # line + decoded steps + their join, per line (see the module docstring)
BUILD_FACTOR = 4  # data URL + JSON text (two copies while it is joined) + encoded body, per base64 size
INPUT_DECODE_COPIES = 4  # a member's image while it is prepared: its pixels held this many times at once


@dataclass(frozen=True, slots=True)
class ImageMemory:
    """The bytes behind one image of a job (see the module docstring for where each is held)."""

    pixels: int  # decoded pixels, 4 bytes each
    encoded: int  # the image file at most (PNG of those pixels)
    line: int  # its base64 `data:` line on the wire (capped by the stream's event limit)
    decoded: int  # the provider's file as decoded from the line

    @property
    def receiving(self) -> int:
        """Peak while its line arrives and is decoded."""
        return int(RECEIVE_FACTOR * self.line)

    @property
    def held(self) -> int:
        """Held from the check to delivery: the provider's file and its fitted upload copy."""
        return self.decoded + self.encoded

    @property
    def working(self) -> int:
        """Extra while it is the one image of its job being checked or fitted: its pixels twice (decoded,
        then converted) and what the encodes hold at once, at most its pixels and PNG once more."""
        return 3 * self.pixels + self.encoded


def image_pixels(image_size: str | None, aspect_ratio: str | None) -> int:
    """The pixel count of one image of this size and aspect ratio (unknown ones: the largest of the table)."""
    scale = SIDE_SCALE.get(image_size or DEFAULT_IMAGE_SIZE, SIDE_SCALE["4K"])
    sides = [PIXELS_1K[aspect_ratio]] if aspect_ratio in PIXELS_1K else list(PIXELS_1K.values())
    return max(round(width * scale) * round(height * scale) for width, height in sides)


def image_memory(pixels: int, *, max_event_bytes: int | None = None) -> ImageMemory:
    """The bytes behind one image of `pixels` pixels; `max_event_bytes` (OPENROUTE_MAX_EVENT_MB) caps its
    line, and so what can be decoded from it."""
    raw = pixels * BYTES_PER_PIXEL
    encoded = raw + raw // 1000 + ENCODING_OVERHEAD
    line = _base64_size(encoded) + ENCODING_OVERHEAD
    if max_event_bytes is not None:
        line = min(line, max_event_bytes)
    return ImageMemory(pixels=raw, encoded=encoded, line=line, decoded=min(encoded, line * 3 // 4))


def job_weight(spec: JobSpec, *, input_bytes: int = 0, input_pixels: int = 0,
               max_event_bytes: int | None = None) -> int:
    """The most memory (bytes) the job of `spec` may hold at once while its input image is prepared and its
    images arrive, are converted, fitted and uploaded. `input_bytes`: the size (or the size limit) of the image
    it edits, 0 for none; `input_pixels`: the pixels (or the pixel limit) of a member's image it decodes first,
    0 when it decodes none (no image, or one already prepared, as Regenerate reuses)."""
    image = image_memory(image_pixels(spec.image_size, spec.aspect_ratio), max_event_bytes=max_event_bytes)
    count = spec.count
    body = _base64_size(input_bytes) if input_bytes else 0
    preparing = 2 * input_bytes + INPUT_DECODE_COPIES * BYTES_PER_PIXEL * input_pixels if input_pixels else 0
    building = input_bytes + count * BUILD_FACTOR * body
    receiving = input_bytes + count * (body + image.receiving)
    delivering = input_bytes + count * image.held + image.working + (GRID_BYTES if count > 1 else 0)
    return max(preparing, building, receiving, delivering)


def _base64_size(size: int) -> int:
    return (size + 2) // 3 * 4
