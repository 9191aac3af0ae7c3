"""Typed errors of the image pipeline."""

from __future__ import annotations


class ImageError(Exception):
    """Base class: an image could not be used."""


class UnsupportedImageType(ImageError):
    """The bytes are not PNG, JPEG or WebP (`mime_type` names the type when it was recognised)."""

    def __init__(self, message: str, *, mime_type: str | None = None) -> None:
        super().__init__(message)
        self.mime_type = mime_type


class ImageTooLarge(ImageError):
    """More pixels (or bytes) than allowed: refused before decoding (decompression-bomb guard). `limit` counts
    pixels, or bytes when `size` (the file's bytes) is set; `width`/`height`, when known, are the image's, read
    from its header."""

    def __init__(self, message: str, *, pixels: int | None = None, limit: int | None = None,
                 width: int | None = None, height: int | None = None, size: int | None = None) -> None:
        super().__init__(message)
        self.pixels = pixels
        self.limit = limit
        self.width = width
        self.height = height
        self.size = size


class CorruptImage(ImageError):
    """The bytes claim to be an image but cannot be decoded."""


class ModelImageInvalid(ImageError):
    """The model's output image could not be used (bad data, wrong type, too many pixels). Unlike the same
    problem with a member's upload, trying again can help: the next generation is a new image."""

    def __init__(self, cause: ImageError) -> None:
        super().__init__(f"model returned an unusable image: {cause}")
        self.cause = cause
