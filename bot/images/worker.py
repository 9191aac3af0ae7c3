"""Running the image functions off the event loop, on a bounded set of threads (`IMAGE_WORKERS`)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ParamSpec, TypeVar

from bot.images.chart import ChartText, usage_chart
from bot.images.decode import (
    DEFAULT_INPUT_MAX_BYTES,
    DEFAULT_INPUT_MAX_PIXELS,
    DEFAULT_INPUT_MAX_SIDE,
    DEFAULT_MAX_PIXELS,
    ImageInfo,
    check_image,
    inspect_image,
    prepare_input,
    to_png,
)
from bot.images.fit import FitResult, FitSteps, FittedImage, Work, advance, fit_result, fit_steps, images_to_fit
from bot.images.grid import make_grid

_P = ParamSpec("_P")
_T = TypeVar("_T")


class ImageWorker:
    """Runs the pipeline's CPU-heavy functions in worker threads, at most `max_workers` at a time.

    Create one per process and pass it to whoever needs images. A job whose caller is cancelled keeps
    its slot until the thread really finishes, so the bound holds even under cancellation. `chart_font` is the
    operator's font file for the usage chart (CHART_FONT); None: a system font that covers every script.
    """

    def __init__(self, max_workers: int = 2, *, executor: concurrent.futures.Executor | None = None,
                 chart_font: Path | None = None) -> None:
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self._chart_font = chart_font
        self._owns_executor = executor is None
        self._executor = executor or concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="image-worker")
        self._slots = asyncio.Semaphore(max_workers)
        self._closed = False

    async def _run(self, func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """Run `func` in the executor once a slot is free; the slot is released when the thread is done."""
        if self._closed:
            raise RuntimeError("ImageWorker is closed")
        await self._slots.acquire()
        loop = asyncio.get_running_loop()

        def release(_: concurrent.futures.Future[_T]) -> None:
            with contextlib.suppress(RuntimeError):  # the loop is gone; nobody waits for the slot
                loop.call_soon_threadsafe(self._slots.release)

        try:
            future = self._executor.submit(functools.partial(func, *args, **kwargs))
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(release)
        return await asyncio.wrap_future(future)

    async def inspect(self, data: bytes, **kwargs: int) -> ImageInfo:
        """`inspect_image` in a worker thread."""
        return await self._run(inspect_image, data, **kwargs)

    async def check(self, data: bytes, **kwargs: int) -> ImageInfo:
        """`check_image` in a worker thread."""
        return await self._run(check_image, data, **kwargs)

    async def to_png(self, data: bytes, **kwargs: int) -> bytes:
        """`to_png` in a worker thread."""
        return await self._run(to_png, data, **kwargs)

    async def fit_for_upload(self, images: Sequence[bytes], max_bytes: int, max_files: int = 10, *,
                             basename: str = "image", max_pixels: int = DEFAULT_MAX_PIXELS) -> FitResult:
        """`bot.images.fit.fit_for_upload` on the worker threads, one image after another; the candidate
        encodes of a downscaling run at once, each on a worker of its own."""
        kept = images_to_fit(images, max_bytes, max_files)
        fitted = []
        for index, data in enumerate(kept):
            fitted.append(await self._drive(fit_steps(data, number=index + 1, basename=basename,
                                                      max_bytes=max_bytes, max_pixels=max_pixels)))
        return fit_result(fitted, images, max_bytes, max_files)

    async def _drive(self, steps: FitSteps) -> FittedImage:
        """Run `steps` on the workers: each stretch of the steps in one thread, each batch of work they
        yield spread over as many threads as there are slots."""
        done, value = await self._run(advance, steps, None)
        while not done:
            work: Work = value  # type: ignore[assignment]
            results = list(await asyncio.gather(*(self._run(encode) for encode in work)))
            done, value = await self._run(advance, steps, results)
        return value  # type: ignore[return-value]

    async def make_grid(self, images: Sequence[bytes], **kwargs: int) -> bytes:
        """`make_grid` in a worker thread."""
        return await self._run(make_grid, images, **kwargs)

    async def usage_chart(self, days: Sequence[tuple[str, float]], text: ChartText) -> bytes:
        """`bot.images.chart.usage_chart` in a worker thread (which loads the font too)."""
        return await self._run(usage_chart, days, text, font=self._chart_font)

    async def prepare_input(self, data: bytes, *, max_bytes: int = DEFAULT_INPUT_MAX_BYTES,
                            max_side: int = DEFAULT_INPUT_MAX_SIDE,
                            max_pixels: int = DEFAULT_INPUT_MAX_PIXELS) -> tuple[bytes, str]:
        """`prepare_input` in a worker thread."""
        return await self._run(prepare_input, data, max_bytes=max_bytes, max_side=max_side,
                               max_pixels=max_pixels)

    def close(self) -> None:
        """Stop accepting work; queued jobs are cancelled, running ones finish in the background."""
        self._closed = True
        if self._owns_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
