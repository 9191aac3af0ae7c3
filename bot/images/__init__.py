"""Image pipeline: decode, validate, convert to PNG, fit into upload limits, grid previews."""

from bot.images.pipeline import (
    DEFAULT_MAX_PIXELS,
    FitResult,
    FittedImage,
    ImageInfo,
    ImageWorker,
    fit_for_upload,
    inspect_image,
    make_grid,
    prepare_input,
    sniff_mime_type,
    to_png,
)

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "FitResult",
    "FittedImage",
    "ImageInfo",
    "ImageWorker",
    "fit_for_upload",
    "inspect_image",
    "make_grid",
    "prepare_input",
    "sniff_mime_type",
    "to_png",
]
