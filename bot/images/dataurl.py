"""`data:` URL decoding and magic-byte sniffing (pure, no Pillow)."""

from __future__ import annotations

import base64
import binascii

from bot.images.errors import InvalidDataURL, UnsupportedImageType

SUPPORTED_MIME_TYPES = ("image/png", "image/jpeg", "image/webp")
_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/x-png": "image/png"}


def sniff_mime_type(data: bytes) -> str | None:
    """The image type from magic bytes: PNG, JPEG or WebP; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def parse_data_url(url: str | bytes) -> tuple[str, bytes]:
    """Split a `data:` URL into (declared mime type, base64 payload) without decoding."""
    raw = url.encode("ascii", "replace") if isinstance(url, str) else url
    if not raw.startswith(b"data:"):
        raise InvalidDataURL("not a data: URL")
    comma = raw.find(b",", 5, 5 + 256)
    if comma < 0:
        raise InvalidDataURL("data: URL has no ',' separating header and payload")
    header = raw[5:comma].decode("ascii", "replace").strip()
    params = [p.strip() for p in header.split(";")]
    if "base64" not in (p.lower() for p in params[1:]):
        raise InvalidDataURL("data: URL is not base64-encoded")
    mime = params[0].lower() or "text/plain"
    return _ALIASES.get(mime, mime), raw[comma + 1:]


def decode_data_url(url: str | bytes, *, max_bytes: int | None = None) -> tuple[bytes, str]:
    """Decode a base64 `data:` image URL into (bytes, mime type).

    The declared type must be PNG, JPEG or WebP and the bytes must start with a matching image
    signature; the sniffed type wins when the two disagree (providers mislabel JPEG as PNG).
    """
    declared, payload = parse_data_url(url)
    if declared not in SUPPORTED_MIME_TYPES:
        raise UnsupportedImageType(f"unsupported image type {declared!r}", mime_type=declared)
    if max_bytes is not None and len(payload) // 4 * 3 > max_bytes:
        raise InvalidDataURL(f"image payload larger than {max_bytes} bytes")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidDataURL("image payload is not valid base64") from None
    sniffed = sniff_mime_type(data)
    if sniffed is None:
        raise UnsupportedImageType("image payload is not a PNG, JPEG or WebP image", mime_type=declared)
    return data, sniffed


def encode_data_url(data: bytes, mime_type: str) -> str:
    """The `data:` URL for image bytes (used for input images)."""
    return f"data:{mime_type};base64,{base64.b64encode(data).decode('ascii')}"
