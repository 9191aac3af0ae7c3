"""Ingest benchmark: how fast the OpenRoute client turns a giant image line into image bytes.

`python -m benchmarks.ingest [--runs N] [--json] [--verbose]`

The OpenRoute emulator runs in a separate process (so only the client's event loop is measured here; its
"thinking" keep-alive pause is cut to 1 ms) and streams two lines: a ~3 MB PNG (`emu/png`, 1024x1024
noise) and a ~20 MB JPEG (`emu/jpeg-4k`, 4096x4096 noise, ~26 MB of base64 on the wire). For each line,
the median of N interleaved runs of:

- ours: `OpenRouteClient.generate`, request → decoded image bytes;
- floor: the same stream read raw with plain aiohttp (`iter_any`, no SSE parsing) into a buffer, then
  the image line parsed with one `json.loads` and one `b64decode`. It does nothing but the essential
  work, but only after the last byte; ours decodes in worker threads, so it can come in under 1.0;
- raw read: the floor's time to the last byte alone (what the wire costs);
- the `openai` SDK streaming the same request (if installed), the image picked out of the chunk delta.

Then N runs of ingest + decode + PNG conversion (`ImageWorker.to_png`) of the 4K image with a task that
sleeps 1 ms in a loop and records how late it wakes: the longest event-loop stall of each run. The
median of those is judged (one run hit by another process on a busy machine should not decide it) and
the worst is shown too. Targets: ours/floor <= 1.2, ours >= 2x faster than the SDK, stall < 50 ms.
Every returned image is compared with the reference bytes. Exits 0 once it has measured, whatever the
verdicts (a measurement, not a test); 1 when it could not measure.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import gc
import json
import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

from bot.config import OpenRouteSettings, Secret, Timeouts
from bot.images.worker import ImageWorker
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import OpenRouteError
from bot.openroute.request import build_request_body
from bot.openroute.types import GenerationRequest

log = logging.getLogger(__name__)

_R = TypeVar("_R")

REPO_ROOT = Path(__file__).resolve().parent.parent
API_KEY = "bench-key"
PROMPT = "ingest benchmark: noise"  # fixed, so the emulator serves the same cached image every run
MODALITIES = ["image", "text"]
LINES = (
    ("emu/png", "PNG 1024x1024"),
    ("emu/jpeg-4k", "JPEG 4096x4096"),
)
STALL_MODEL = "emu/jpeg-4k"
RATIO_TARGET = 1.2
SDK_SPEEDUP_TARGET = 2.0
STALL_TARGET_MS = 50.0
MONITOR_INTERVAL = 0.001
EMULATOR_START_TIMEOUT = 60.0
EMULATOR_STOP_TIMEOUT = 5.0
# The emulator "thinks" for one keep-alive interval before answering; that is not what we measure.
EMULATOR_KEEPALIVE_INTERVAL = 0.001
SDK_RUN_TIMEOUT = 30.0  # one SDK run slower than this is reported as a failure and not repeated
SDK_INSTALL_HINT = "pip install -e '.[bench]'"


class BenchmarkError(Exception):
    """The benchmark could not measure (emulator did not start, wrong bytes came back, ...)."""


# --- figures ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Timings:
    """Seconds per run of one way of ingesting one line."""

    runs: list[float] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None

    def as_json(self) -> dict[str, Any]:
        median = self.median
        return {"median": _ms(median) if median is not None else None, "runs": [_ms(run) for run in self.runs]}


@dataclass(slots=True)
class LineFigures:
    """Everything measured for one streamed line."""

    model: str
    label: str
    image_bytes: int = 0
    line_bytes: int = 0
    stream_bytes: int = 0
    ours: Timings = field(default_factory=Timings)
    floor: Timings = field(default_factory=Timings)
    floor_read: Timings = field(default_factory=Timings)  # the floor's time to the last byte (no parsing)
    sdk: Timings = field(default_factory=Timings)
    sdk_error: str | None = None

    @property
    def ratio(self) -> float | None:
        """ours / floor (1.0 = as fast as the least possible work)."""
        ours, floor = self.ours.median, self.floor.median
        return ours / floor if ours is not None and floor else None

    @property
    def sdk_speedup(self) -> float | None:
        """SDK time / our time (2.0 = we are twice as fast)."""
        sdk, ours = self.sdk.median, self.ours.median
        return sdk / ours if sdk is not None and ours else None


@dataclass(frozen=True, slots=True)
class Target:
    """One target and whether it was met (None: could not be judged)."""

    name: str
    value: str
    passed: bool | None
    note: str = ""


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


# --- the emulator process --------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def emulator_process() -> AsyncIterator[str]:
    """Start the OpenRoute emulator as its own process on a free port; yield its base URL; stop it."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "playground.openroute", "--port", "0", "--api-key", API_KEY,
        "--keepalive-interval", str(EMULATOR_KEEPALIVE_INTERVAL),
        cwd=REPO_ROOT, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        try:
            # Port 0 + the printed URL: the OS picks a free port and nobody can take it in between.
            first = await asyncio.wait_for(process.stdout.readline(), EMULATOR_START_TIMEOUT)
        except TimeoutError:
            raise BenchmarkError(f"the emulator did not start within {EMULATOR_START_TIMEOUT:g}s") from None
        text = first.decode(errors="replace").strip()
        if not text.startswith("listening on "):
            raise BenchmarkError(f"the emulator did not start (said {text!r}, exit code {process.returncode})")
        yield text.removeprefix("listening on ")
    finally:
        if process.returncode is None:
            process.terminate()  # SIGTERM: the emulator closes its server cleanly
            try:
                await asyncio.wait_for(process.wait(), EMULATOR_STOP_TIMEOUT)
            except TimeoutError:
                process.kill()
                await process.wait()


# --- the three ways of ingesting a line --------------------------------------------------------------


async def ours_once(client: OpenRouteClient, model: str) -> tuple[float, bytes]:
    """Our client: request → decoded image bytes (`generate` runs the stream to its end)."""
    started = time.perf_counter()
    result = await client.generate(GenerationRequest(prompt=PROMPT, model=model))
    elapsed = time.perf_counter() - started
    return elapsed, result.images[0].data


def _image_line(stream: bytes | bytearray) -> memoryview:
    """The JSON of the `data:` line that carries `"images"` (without the `data: ` prefix)."""
    marker = stream.find(b'"images"')
    if marker < 0:
        raise BenchmarkError("the stream has no image line")
    start = stream.rfind(b"\n", 0, marker) + 1
    end = stream.find(b"\n", marker)
    line = memoryview(stream)[start:end if end >= 0 else len(stream)]
    if line[:6] != b"data: ":
        raise BenchmarkError("the image line is not a `data:` line")
    return line[6:]


@dataclass(frozen=True, slots=True)
class FloorRun:
    """One floor run: total seconds, seconds until the last byte was read, what it decoded."""

    elapsed: float
    read: float
    image: bytes
    line_bytes: int
    stream_bytes: int


async def floor_once(session: aiohttp.ClientSession, base_url: str, model: str) -> FloorRun:
    """The least work: raw bytes into a buffer, then one `json.loads` + one base64 decode."""
    body = json.dumps(build_request_body(GenerationRequest(prompt=PROMPT, model=model), MODALITIES)).encode()
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
    started = time.perf_counter()
    async with session.post(base_url + "/chat/completions", data=body, headers=headers) as response:
        response.raise_for_status()
        buffer = bytearray()
        async for data in response.content.iter_any():
            buffer += data
    read = time.perf_counter() - started
    line = _image_line(buffer)
    payload = json.loads(line.tobytes())
    url: str = payload["choices"][0]["delta"]["images"][0]["image_url"]["url"]
    image = base64.b64decode(url[url.index(",") + 1:])
    elapsed = time.perf_counter() - started
    return FloorRun(elapsed, read, image, len(line), len(buffer))


def _sdk_image_url(delta: Any) -> str | None:
    """The image data URL of an SDK chunk's delta (an extra field the SDK's types do not declare)."""
    extra = getattr(delta, "model_extra", None) or {}
    images = extra.get("images")
    if images is None and hasattr(delta, "to_dict"):
        images = delta.to_dict().get("images")
    if not images:
        return None
    url = images[0].get("image_url", {}).get("url") if isinstance(images[0], dict) else None
    return url if isinstance(url, str) else None


async def sdk_once(sdk: Any, model: str) -> tuple[float, bytes]:
    """The openai SDK the way its docs show streaming: iterate chunks, pick the image out of the delta."""
    started = time.perf_counter()
    image: bytes | None = None
    stream = await sdk.chat.completions.create(
        model=model, messages=[{"role": "user", "content": PROMPT}], stream=True,
        extra_body={"modalities": MODALITIES},
    )
    async with stream:
        async for chunk in stream:
            for choice in chunk.choices:
                url = _sdk_image_url(choice.delta)
                if url is not None and image is None:
                    image = base64.b64decode(url[url.index(",") + 1:])
    elapsed = time.perf_counter() - started
    if image is None:
        raise BenchmarkError("the SDK stream ended without an image")
    return elapsed, image


# --- event-loop stalls --------------------------------------------------------------------------------


class LoopMonitor:
    """Sleeps `interval` in a loop and records the worst lateness: the longest the loop was blocked."""

    def __init__(self, interval: float = MONITOR_INTERVAL) -> None:
        self.interval = interval
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(self.interval)
            self.worst = max(self.worst, time.perf_counter() - before - self.interval)

    async def __aenter__(self) -> LoopMonitor:
        self._task = asyncio.create_task(self._watch())
        await asyncio.sleep(0)  # let it take its first timestamp before the measured work starts
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


async def stall_once(client: OpenRouteClient, worker: ImageWorker, model: str) -> float:
    """Seconds of the longest loop stall during ingest + decode + PNG conversion of one image."""
    async with LoopMonitor() as monitor:
        result = await client.generate(GenerationRequest(prompt=PROMPT, model=model))
        await worker.to_png(result.images[0].data)
    return monitor.worst


# --- running it ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Report:
    """All figures of one benchmark run."""

    runs: int
    lines: list[LineFigures]
    stalls: list[float] = field(default_factory=list)
    sdk_version: str | None = None
    elapsed: float = 0.0

    @property
    def worst_stall(self) -> float | None:
        """The longest stall of any run (one hiccup of a busy machine shows up here)."""
        return max(self.stalls) if self.stalls else None

    @property
    def typical_stall(self) -> float | None:
        """The median over runs of each run's longest stall: the figure judged against the target."""
        return statistics.median(self.stalls) if self.stalls else None


def _load_sdk() -> Any | None:
    """The `openai` module, or None when the optional `bench` extra is not installed."""
    try:
        import openai
    except ImportError:
        return None
    return openai


async def _timed(what: str, run: Callable[[], Awaitable[_R]]) -> _R:
    gc.collect()  # a collection of the previous run's garbage must not land inside this one
    started = time.perf_counter()
    outcome = await run()
    log.debug("%s: %.1f ms", what, (time.perf_counter() - started) * 1000)
    return outcome


async def measure(runs: int) -> Report:
    """Start the emulator, measure every figure, stop the emulator."""
    started = time.perf_counter()
    openai = _load_sdk()
    report = Report(runs=runs, lines=[LineFigures(model, label) for model, label in LINES],
                    sdk_version=getattr(openai, "__version__", None))
    async with emulator_process() as base_url:
        settings = OpenRouteSettings(base_url=base_url, api_key=Secret(API_KEY), max_retries=0,
                                     timeouts=Timeouts(connect=5, first_byte=60, idle=30, total=120))
        session = create_session(settings)
        sdk = openai.AsyncOpenAI(base_url=base_url, api_key=API_KEY, max_retries=0,
                                 timeout=SDK_RUN_TIMEOUT) if openai is not None else None
        worker = ImageWorker(max_workers=2)
        try:
            client = OpenRouteClient(session, settings)
            # Warm-up: the emulator encodes (and caches) each noise image once; a 4K JPEG takes seconds.
            references = {figures.model: (await ours_once(client, figures.model))[1] for figures in report.lines}
            for figures in report.lines:
                reference = references.pop(figures.model)
                figures.image_bytes = len(reference)
                await _measure_line(figures, runs, client, session, sdk, base_url, reference)
                del reference
            for _ in range(runs):
                gc.collect()
                report.stalls.append(await stall_once(client, worker, STALL_MODEL))
        finally:
            worker.close()
            if sdk is not None:
                await sdk.close()
            await session.close()
    report.elapsed = time.perf_counter() - started
    return report


async def _measure_line(figures: LineFigures, runs: int, client: OpenRouteClient, session: aiohttp.ClientSession,
                        sdk: Any | None, base_url: str, reference: bytes) -> None:
    """One warm-up and N runs of each way, interleaved (and rotated) so drift in the machine hits all alike."""
    model = figures.model

    async def ours(record: bool) -> None:
        elapsed, image = await _timed(f"{model} ours", lambda: ours_once(client, model))
        _check(image, reference, "our client")
        if record:
            figures.ours.runs.append(elapsed)

    async def floor(record: bool) -> None:
        outcome = await _timed(f"{model} floor", lambda: floor_once(session, base_url, model))
        _check(outcome.image, reference, "the floor")
        figures.line_bytes, figures.stream_bytes = outcome.line_bytes, outcome.stream_bytes
        if record:
            figures.floor.runs.append(outcome.elapsed)
            figures.floor_read.runs.append(outcome.read)

    async def openai_sdk(record: bool) -> None:
        if sdk is None or figures.sdk_error is not None:
            return
        try:
            async with asyncio.timeout(SDK_RUN_TIMEOUT):
                elapsed, image = await _timed(f"{model} openai", lambda: sdk_once(sdk, model))
        except TimeoutError:
            figures.sdk_error = f"did not finish within {SDK_RUN_TIMEOUT:g}s"
            return
        except Exception as exc:  # whatever the SDK raises on a giant line is the result we report
            figures.sdk_error = f"{type(exc).__name__}: {str(exc)[:200]}"
            return
        if image != reference:
            figures.sdk_error = "returned different image bytes"
            return
        if record:
            figures.sdk.runs.append(elapsed)

    ways = [ours, floor, openai_sdk]
    for way in ways:
        await way(False)  # unrecorded: opens each way's connection and warms its code paths
    for run in range(runs):
        for way in ways[run % 3:] + ways[:run % 3]:
            await way(True)


def _check(image: bytes, reference: bytes, who: str) -> None:
    if image != reference:
        raise BenchmarkError(f"{who} decoded different bytes ({len(image)} vs {len(reference)})")


# --- reporting ----------------------------------------------------------------------------------------


def targets(report: Report) -> list[Target]:
    """Every target with its measured value and verdict."""
    found: list[Target] = []
    for figures in report.lines:
        ratio = figures.ratio
        found.append(Target(f"{figures.model} ours/floor <= {RATIO_TARGET:g}",
                            f"{ratio:.2f}" if ratio is not None else "n/a",
                            ratio <= RATIO_TARGET if ratio is not None else None))
    for figures in report.lines:
        name = f"{figures.model} ours >= {SDK_SPEEDUP_TARGET:g}x faster than openai SDK"
        speedup = figures.sdk_speedup
        if report.sdk_version is None:
            found.append(Target(name, "n/a", None, "openai not installed"))
        elif speedup is not None and figures.sdk_error is None:
            found.append(Target(name, f"{speedup:.2f}x", speedup >= SDK_SPEEDUP_TARGET))
        elif figures.sdk_error is not None:
            # The SDK could not ingest the line at all: ours did, so it is faster by any measure.
            found.append(Target(name, "SDK failed", True, figures.sdk_error))
        else:
            found.append(Target(name, "n/a", None))
    stall = report.typical_stall
    found.append(Target(f"longest event-loop stall ({STALL_MODEL} ingest + decode + to_png, median of runs) < "
                        f"{STALL_TARGET_MS:g} ms",
                        f"{stall * 1000:.1f} ms" if stall is not None else "n/a",
                        stall * 1000 < STALL_TARGET_MS if stall is not None else None))
    return found


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def render_table(report: Report) -> str:
    """The human-readable report."""
    out = [f"Ingest benchmark: emulator in its own process, median of {report.runs} runs "
           f"(python {platform.python_version()}, {os.cpu_count()} CPUs)", ""]
    header = ("line", "image", "wire line", "raw read", "floor", "ours", "ours/floor", "openai SDK", "SDK/ours")
    rows = [header]
    for f in report.lines:
        ratio, speedup = f.ratio, f.sdk_speedup
        if report.sdk_version is None:
            sdk_cell, speedup_cell = "not installed", "-"
        elif f.sdk_error is not None:
            sdk_cell, speedup_cell = "FAILED", "-"
        else:
            sdk_cell = _duration(f.sdk.median)
            speedup_cell = f"{speedup:.2f}x" if speedup is not None else "-"
        rows.append((f"{f.model} ({f.label})", _size(f.image_bytes), _size(f.line_bytes),
                     _duration(f.floor_read.median), _duration(f.floor.median), _duration(f.ours.median),
                     f"{ratio:.2f}" if ratio is not None else "-", sdk_cell, speedup_cell))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        out.append("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                             for i, (cell, width) in enumerate(zip(row, widths, strict=True))).rstrip())
    out.append("raw read: plain aiohttp to the last byte; floor: raw read + json.loads + b64decode of the line; "
               "ours: OpenRouteClient.generate")
    out.append("")
    if report.sdk_version is None:
        out.append(f"openai: not installed ({SDK_INSTALL_HINT})")
    else:
        out.append(f"openai SDK {report.sdk_version}")
    for f in report.lines:
        if f.sdk_error is not None:
            out.append(f"openai SDK on {f.model}: {f.sdk_error}")
    stalls = ", ".join(f"{stall * 1000:.1f}" for stall in report.stalls)
    typical, worst = report.typical_stall, report.worst_stall
    out.append(f"longest event-loop stall, {STALL_MODEL} ingest + decode + to_png: median {typical * 1000:.1f} ms, "
               f"worst {worst * 1000:.1f} ms (per run: {stalls} ms)"
               if typical is not None and worst is not None else "event-loop stall: -")
    out.append("")
    for target in targets(report):
        verdict = {True: "PASS", False: "FAIL", None: "SKIP"}[target.passed]
        note = f"  ({target.note})" if target.note else ""
        out.append(f"{verdict}  {target.name}: {target.value}{note}")
    out.append(f"\n(total {report.elapsed:.0f} s)")
    return "\n".join(out)


def render_json(report: Report) -> str:
    """The figures as JSON (milliseconds, bytes)."""
    typical, worst = report.typical_stall, report.worst_stall
    data = {
        "runs": report.runs,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "openai_version": report.sdk_version,
        "lines": {
            f.model: {
                "label": f.label,
                "image_bytes": f.image_bytes,
                "line_bytes": f.line_bytes,
                "stream_bytes": f.stream_bytes,
                "ours_ms": f.ours.as_json(),
                "floor_ms": f.floor.as_json(),
                "floor_read_ms": f.floor_read.as_json(),
                "ours_over_floor": round(f.ratio, 3) if f.ratio is not None else None,
                "openai_ms": f.sdk.as_json() if report.sdk_version is not None else None,
                "openai_error": f.sdk_error,
                "openai_over_ours": round(f.sdk_speedup, 3) if f.sdk_speedup is not None else None,
            }
            for f in report.lines
        },
        "stall_ms": {"model": STALL_MODEL, "median": _ms(typical) if typical is not None else None,
                     "worst": _ms(worst) if worst is not None else None,
                     "runs": [_ms(stall) for stall in report.stalls]},
        "targets": [{"name": t.name, "value": t.value, "pass": t.passed, "note": t.note or None}
                    for t in targets(report)],
        "elapsed_s": round(report.elapsed, 1),
    }
    return json.dumps(data, indent=2)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest",
                                     description="Measure how fast the OpenRoute client ingests giant image lines.")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is reported (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--verbose", action="store_true", help="log every run's time to stderr")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report. 0 once measured (whatever the verdicts), 1 if it could not."""
    args = _parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.verbose:
        log.setLevel(logging.DEBUG)
    try:
        report = asyncio.run(measure(args.runs))
    except (BenchmarkError, OpenRouteError, aiohttp.ClientError, OSError) as exc:
        print(f"benchmark failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(render_json(report) if args.json else render_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
