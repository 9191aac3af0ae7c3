"""The test image factory makes real, deterministic images of realistic byte size."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from playground.images import bomb_png, noise_jpeg, noise_png, noise_webp, png_size


def test_noise_png_is_deterministic_per_seed_and_incompressible():
    first = noise_png(256, 128, seed=1)
    assert noise_png(256, 128, seed=1) == first
    assert noise_png(256, 128, seed=2) != first
    with Image.open(io.BytesIO(first)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGB", (256, 128))
    assert len(first) > 256 * 128 * 3  # noise does not compress: sizes are as large as real images


def test_noise_jpeg_and_webp_decode_to_the_requested_size():
    for data, fmt in ((noise_jpeg(320, 200, seed=3), "JPEG"), (noise_webp(320, 200, seed=3), "WEBP")):
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == (fmt, (320, 200))
            image.load()


def test_bomb_png_is_a_complete_valid_png_of_the_claimed_size():
    data = bomb_png(3000, 2000)
    assert png_size(data) == (3000, 2000)
    offset, chunks, idat = 8, [], b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind, body = data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        assert struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])[0] == zlib.crc32(kind + body)
        chunks.append(kind)
        idat += body if kind == b"IDAT" else b""
        offset += 12 + length
    assert chunks == [b"IHDR", b"IDAT", b"IEND"]
    assert len(zlib.decompress(idat)) == 2000 * (1 + 3000 // 8)  # one filter byte + 1 bit per pixel, per row
    with Image.open(io.BytesIO(data)) as image:  # small enough to be no bomb: Pillow decodes it fully
        image.load()
        assert (image.mode, image.size, image.getextrema()) == ("1", (3000, 2000), (0, 0))


def test_default_bomb_is_tiny_on_the_wire_but_huge_decoded():
    data = bomb_png()
    assert png_size(data) == (30000, 30000)
    assert len(data) < 200_000
