"""The worker threads that keep image work off the event loop."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

import pytest

from bot.images import worker as worker_module
from bot.images.decode import ImageInfo, inspect_image
from bot.images.errors import CorruptImage, UnsupportedImageType
from bot.images.grid import GRID_GAP
from bot.images.worker import ImageWorker
from tests.bot.images.pictures import GIF, encode, noise

# --- ImageWorker ------------------------------------------------------------------------------


async def test_worker_does_the_work_in_another_thread(worker: ImageWorker,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[int] = []
    real_to_png = worker_module.to_png

    def spy(data: bytes, **kwargs: int) -> bytes:
        threads.append(threading.get_ident())
        return real_to_png(data, **kwargs)

    monkeypatch.setattr(worker_module, "to_png", spy)
    jpeg = encode(noise(32, 32), "JPEG")

    png = await worker.to_png(jpeg)

    assert inspect_image(png).format == "PNG"
    assert len(threads) == 1
    assert threads[0] != threading.get_ident()


async def test_event_loop_keeps_running_while_a_slow_job_runs(worker: ImageWorker,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    started, release = threading.Event(), threading.Event()

    def slow(data: bytes, **kwargs: int) -> bytes:
        started.set()
        release.wait(10)
        return b"converted"

    monkeypatch.setattr(worker_module, "to_png", slow)
    job = asyncio.create_task(worker.to_png(b"anything"))
    await asyncio.to_thread(started.wait, 10)

    # The job is still blocked in its thread, yet the loop runs callbacks.
    loop = asyncio.get_running_loop()
    ran = loop.create_future()
    loop.call_soon(ran.set_result, "callback ran")
    assert await ran == "callback ran"
    assert not job.done()

    release.set()
    assert await job == b"converted"


async def test_worker_runs_at_most_max_workers_jobs_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    lock, release = threading.Lock(), threading.Event()
    running, peak = 0, 0
    two_running = threading.Event()

    def job(data: bytes, **kwargs: int) -> bytes:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
            if running == 2:
                two_running.set()
        release.wait(10)
        with lock:
            running -= 1
        return data

    monkeypatch.setattr(worker_module, "to_png", job)
    # A roomy injected executor: only the worker's own bound can hold the third job back.
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=4)
    images = ImageWorker(max_workers=2, executor=executor)
    try:
        jobs = [asyncio.create_task(images.to_png(bytes([n]))) for n in range(3)]
        await asyncio.to_thread(two_running.wait, 10)
        release.set()
        assert await asyncio.gather(*jobs) == [b"\x00", b"\x01", b"\x02"]
        assert peak == 2
    finally:
        images.close()
        executor.shutdown()


async def test_injected_executor_is_used_and_left_running(monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []

    def spy(data: bytes, **kwargs: int) -> ImageInfo:
        names.append(threading.current_thread().name)
        return ImageInfo(1, 1, "PNG")

    monkeypatch.setattr(worker_module, "inspect_image", spy)
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="injected")
    images = ImageWorker(executor=executor)

    await images.inspect(b"x")
    images.close()

    assert names[0].startswith("injected")
    assert executor.submit(lambda: "still usable").result() == "still usable"
    executor.shutdown()


async def test_worker_raises_the_typed_image_errors(worker: ImageWorker) -> None:
    with pytest.raises(UnsupportedImageType):
        await worker.to_png(GIF)
    with pytest.raises(CorruptImage):
        await worker.inspect(b"not an image")


async def test_worker_fits_and_grids(worker: ImageWorker) -> None:
    png = encode(noise(64, 64), "PNG")

    result = await worker.fit_for_upload([png, png, png], 1024 * 1024, max_files=2)
    grid = await worker.make_grid([png, png], cell=32)

    assert (len(result.images), result.dropped) == (2, 1)
    assert inspect_image(grid) == ImageInfo(64 + GRID_GAP, 32, "PNG")


async def test_closed_worker_refuses_new_work() -> None:
    images = ImageWorker()
    images.close()

    with pytest.raises(RuntimeError, match="closed"):
        await images.to_png(b"x")
