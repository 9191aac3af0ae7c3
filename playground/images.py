"""Deterministic test images: random-noise PNG/JPEG/WebP of real size, and a PNG decompression bomb.

Noise does not compress, so the encoded files have the byte sizes real generated images have
(a 1024x1024 PNG is ~3 MB, a 4096x4096 JPEG at quality 95 ~20 MB). Every function is pure in its
arguments and cached, so tests and the emulator can ask for the same image again for free.
"""

from __future__ import annotations

import io
import logging
import random
import struct
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable

from PIL import Image

log = logging.getLogger(__name__)

_CACHE_BUDGET_BYTES = 384 * 1024 * 1024


class _ByteBudgetCache:
    """A thread-safe LRU cache of encoded images bounded by total bytes (4K images are tens of MB each)."""

    def __init__(self, budget: int) -> None:
        self._budget = budget
        self._used = 0
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()  # the emulator encodes in worker threads

    def get_or_make(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # outside the lock: encoding a 4K image takes a second
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self._used += len(value)
            while self._used > self._budget and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self._used -= len(dropped)
        return value


# Test fakes may keep caches at module level (see notes/common.md); this is the only one here.
_cache = _ByteBudgetCache(_CACHE_BUDGET_BYTES)


def _noise(width: int, height: int, seed: int) -> Image.Image:
    """An RGB image of uniform random bytes (fast: one randbytes call, no per-pixel Python)."""
    return Image.frombytes("RGB", (width, height), random.Random(seed).randbytes(width * height * 3))


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def noise_png(width: int, height: int, seed: int) -> bytes:
    """A width x height RGB PNG of random noise; the same arguments always give the same bytes."""
    return _cache.get_or_make(
        ("png", width, height, seed),
        lambda: _encode(_noise(width, height, seed), "PNG", compress_level=1),
    )


def noise_jpeg(width: int, height: int, seed: int, quality: int = 95) -> bytes:
    """A width x height baseline JPEG of random noise (4096x4096 at quality 95 is ~20 MB)."""
    return _cache.get_or_make(
        ("jpeg", width, height, seed, quality),
        lambda: _encode(_noise(width, height, seed), "JPEG", quality=quality),
    )


def noise_webp(width: int, height: int, seed: int, quality: int = 80) -> bytes:
    """A width x height lossy WebP of random noise."""
    return _cache.get_or_make(
        ("webp", width, height, seed, quality),
        lambda: _encode(_noise(width, height, seed), "WEBP", quality=quality),
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _make_bomb_png(width: int, height: int) -> bytes:
    # Built by hand: Pillow would need width*height bytes of memory for a mode "1" image this large.
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte "None" + one bit per pixel, all black
    rows_per_block = 256
    compressor = zlib.compressobj(9)
    parts = []
    full_blocks, rest = divmod(height, rows_per_block)
    block = row * rows_per_block
    for _ in range(full_blocks):
        parts.append(compressor.compress(block))
    parts.append(compressor.compress(row * rest))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", b"".join(parts))
        + _png_chunk(b"IEND", b"")
    )


def bomb_png(width: int = 30000, height: int = 30000) -> bytes:
    """A valid, fully decodable 1-bit PNG whose header claims width x height pixels.

    The default 30000x30000 image is ~110 KB on the wire but 900 megapixels once decoded: Pillow's
    `Image.open` refuses it with `DecompressionBombError`, which is what a careful client must do too.
    """
    return _cache.get_or_make(("bomb", width, height), lambda: _make_bomb_png(width, height))


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) read from a PNG's IHDR chunk without decoding the pixels."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height
