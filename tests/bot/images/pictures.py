"""Test images for the image package's tests: noise (incompressible), gradients (very compressible), a PNG
decompression bomb, and a few unsupported formats."""

from __future__ import annotations

import functools
import io
import random
import struct
import zlib

from PIL import Image


def noise(width: int, height: int, mode: str = "RGB", seed: int = 0) -> Image.Image:
    """Random pixels: incompressible, so encoded sizes are predictable and large."""
    return Image.frombytes(mode, (width, height), random.Random(seed).randbytes(width * height * len(mode)))


def gradient(width: int, height: int) -> Image.Image:
    """Smooth colours: compresses very well."""
    ramp = Image.linear_gradient("L").resize((width, height))
    return Image.merge("RGB", (ramp, ramp.transpose(Image.Transpose.FLIP_TOP_BOTTOM), ramp.rotate(180)))


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


@functools.cache
def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A valid bilevel PNG of all-zero pixels: ~100 KB on disk, `width`×`height` pixels when decoded."""
    row = bytes(1 + (width + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


GIF = encode(noise(8, 8, "L"), "GIF")
BMP = encode(noise(8, 8), "BMP")
