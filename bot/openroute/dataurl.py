"""`data:` URLs of the wire format: decoding the model's images, encoding input images (pure, no Pillow).

Every failure to read a model's image is an `InvalidImageData`: the model's fault, so a retry can help.
"""

from __future__ import annotations

import base64
import binascii

from bot.formats import SUPPORTED_MIME_TYPES, sniff_mime_type
from bot.openroute.errors import InvalidImageData

DECODE_STEP = 1024 * 1024  # base64 is decoded in steps this big (a multiple of 4) so other threads run
_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/x-png": "image/png"}


def parse_data_url(url: str | bytes) -> tuple[str, bytes]:
    """Split a `data:` URL into (declared mime type, base64 payload) without decoding."""
    raw = url.encode("ascii", "replace") if isinstance(url, str) else url
    if not raw.startswith(b"data:"):
        raise InvalidImageData("the image is not a data: URL")
    comma = raw.find(b",", 5, 5 + 256)
    if comma < 0:
        raise InvalidImageData("the image's data: URL has no ',' separating header and payload")
    header = raw[5:comma].decode("ascii", "replace").strip()
    params = [p.strip() for p in header.split(";")]
    if "base64" not in (p.lower() for p in params[1:]):
        raise InvalidImageData("the image's data: URL is not base64-encoded")
    mime = params[0].lower() or "text/plain"
    return _ALIASES.get(mime, mime), raw[comma + 1:]


def decode_data_url(url: str | bytes, *, max_bytes: int | None = None) -> tuple[bytes, str]:
    """Decode a base64 `data:` image URL into (bytes, mime type).

    The declared type must be PNG, JPEG or WebP and the bytes must start with a matching image
    signature; the sniffed type wins when the two disagree (providers mislabel JPEG as PNG).
    Raises `InvalidImageData` otherwise.
    """
    declared, payload = parse_data_url(url)
    _check_declared(declared)
    if max_bytes is not None and len(payload) // 4 * 3 > max_bytes:
        raise InvalidImageData(f"image payload larger than {max_bytes} bytes", mime_type=declared)
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidImageData("image payload is not valid base64", mime_type=declared) from None
    return data, _sniffed(data, declared)


def decode_big_data_url(url: memoryview | bytes, *, step: int = DECODE_STEP) -> tuple[bytes, str]:
    """`decode_data_url` for multi-megabyte URLs, same checks and errors, decoding base64 in steps so
    that the GIL is released between them (the event loop keeps running while a worker thread decodes).
    `step` must be a multiple of 4."""
    view = memoryview(url)
    head = bytes(view[:300])
    comma = head.find(b",")
    declared, _ = parse_data_url(head if comma < 0 else head[:comma + 1])
    _check_declared(declared)
    payload = view[comma + 1:]
    size = len(payload)
    parts: list[bytes] = []
    try:
        for start in range(0, size, step):
            piece = payload[start:start + step]
            if start + step < size and piece[-1] == 0x3D:  # "=" padding only at the very end
                raise binascii.Error("padding inside the payload")
            parts.append(binascii.a2b_base64(piece, strict_mode=True))
    except (binascii.Error, ValueError):
        raise InvalidImageData("image payload is not valid base64", mime_type=declared) from None
    data = b"".join(parts)
    return data, _sniffed(data, declared)


def encode_data_url(data: bytes, mime_type: str) -> str:
    """The `data:` URL for image bytes (used for input images)."""
    return f"data:{mime_type};base64,{base64.b64encode(data).decode('ascii')}"


def _check_declared(declared: str) -> None:
    if declared not in SUPPORTED_MIME_TYPES:
        raise InvalidImageData(f"unsupported image type {declared!r}", mime_type=declared, not_an_image=True)


def _sniffed(data: bytes, declared: str) -> str:
    sniffed = sniff_mime_type(data)
    if sniffed is None:
        raise InvalidImageData("image payload is not a PNG, JPEG or WebP image", mime_type=declared,
                               not_an_image=True)
    return sniffed
