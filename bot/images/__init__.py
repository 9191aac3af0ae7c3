"""Pixels only: decode and validate untrusted bytes (`decode`), encode (`encode`), fit into upload limits
(`fit`), grid previews (`grid`), the usage chart (`chart`), all run on bounded threads by `worker`."""

from bot.formats import sniff_mime_type
from bot.images.decode import DEFAULT_MAX_PIXELS, ImageInfo, inspect_image, prepare_input, to_png
from bot.images.fit import FitResult, FittedImage, fit_for_upload
from bot.images.grid import make_grid
from bot.images.worker import ImageWorker

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
