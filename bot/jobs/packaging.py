"""A generated result made ready to upload: every image fitted into the interaction's upload limit, and a grid
preview when there are several."""

from __future__ import annotations

from dataclasses import dataclass

from bot.images.fit import FitResult
from bot.images.worker import ImageWorker
from bot.jobs.generation import GenerationOutput


@dataclass(frozen=True, slots=True)
class Package:
    """A result ready to upload: the fitted images (with what was done to them) and an optional grid."""

    fit: FitResult
    grid: bytes | None


async def package_images(images: ImageWorker, job_id: int, output: GenerationOutput, *, max_bytes: int) -> Package:
    """The job's images made to fit an upload limit of `max_bytes` per file (one file is kept free for the grid
    preview when there are several images), plus the grid when it fits too."""
    several = len(output.images) > 1
    fit = await images.fit_for_upload([image.data for image in output.images], max_bytes,
                                      max_files=9 if several else 10, basename=f"imagine-{job_id}")
    grid = None
    if len(fit.images) > 1:
        grid = await images.make_grid([image.data for image in fit.images])
        if len(grid) > max_bytes:
            grid = None
    return Package(fit=fit, grid=grid)
