"""The image formats the bot accepts, recognised by their magic bytes. Shared by the wire format
(`bot.openroute`) and the pixel pipeline (`bot.images`), which must not import each other."""

from __future__ import annotations

SUPPORTED_MIME_TYPES = ("image/png", "image/jpeg", "image/webp")


def sniff_mime_type(data: bytes) -> str | None:
    """The image type from magic bytes: PNG, JPEG or WebP; None for anything else. Reads no pixels."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
