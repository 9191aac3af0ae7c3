"""`imagine-bot generate`: images from a prompt (and input images), saved as PNG files, with live progress."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import re
import stat
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from rich.console import Console

from bot.cli.errors import CLIError, env_name, operator_text
from bot.config import Settings
from bot.formats import sniff_mime_type
from bot.images.errors import ImageError
from bot.images.worker import ImageWorker
from bot.jobs.generation import ImageGenerator
from bot.jobs.progress import Phase
from bot.messages import explain
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import AuthenticationFailed, OpenRouteError
from bot.openroute.types import GenerationRequest, InputImage

log = logging.getLogger(__name__)

PHASE_LABELS = {
    Phase.QUEUED: "Queued",
    Phase.WAITING: "Waiting for the model",
    Phase.RECEIVING: "Receiving image",
    Phase.DECODING: "Decoding",
    Phase.UPLOADING: "Saving",
}


async def command(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    """`imagine-bot generate`: generate images from a prompt and save them as PNG files."""
    settings.require_openroute()
    async with AsyncExitStack() as stack:
        worker = ImageWorker(max_workers=settings.image_workers)
        stack.callback(worker.close)
        inputs = await _read_inputs(args.image, worker, settings.input_max_bytes,  # before any network call
                                     max_pixels=settings.input_max_pixels)
        session = create_session(settings.openroute)
        stack.push_async_callback(session.close)
        client = OpenRouteClient(session, settings.openroute)
        generator = ImageGenerator(client, worker)
        try:  # the model list tells image-only models apart (they need modalities ["image"])
            await client.list_image_models()
        except AuthenticationFailed:
            raise
        except OpenRouteError as exc:
            log.debug("model list unavailable: %s", type(exc).__name__)
        request = GenerationRequest(prompt=args.prompt, model=args.model or settings.default_model,
                                    aspect_ratio=args.aspect_ratio, image_size=args.size, input_images=inputs)
        progress = _ProgressLine(console)
        with progress.status:
            output = await generator.generate(request, args.count, report=progress)
            progress(phase=Phase.UPLOADING)
            out_dir: Path = args.out
            stamp = time.strftime("%Y%m%d-%H%M%S")
            paths = []
            for number, image in enumerate(output.images, start=1):
                path = out_dir / f"{stamp}-{_slug(args.prompt)}-{number}.png"
                png = await worker.to_png(image.data)  # the provider's own encoding becomes the PNG saved
                await asyncio.to_thread(_write, path, png)
                paths.append(path)
    for failure in output.failures:
        console.print(f"warning: one of the {args.count} requests failed: {operator_text(failure, env_name(args))}",
                      markup=False, highlight=False)
    if args.json:
        print(json.dumps({
            "files": [str(p) for p in paths],
            "model": output.model,
            "cost": str(output.cost) if output.cost is not None else None,
            "generation_ids": list(output.generation_ids),
            "elapsed_seconds": round(output.elapsed, 3),
            "text": output.text,
            "failed_requests": len(output.failures),
        }, indent=2))
    else:
        for path in paths:
            print(path)
    return 0


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _slug(prompt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", prompt.lower()).strip("-")
    return slug[:40].rstrip("-") or "image"


class _ProgressLine:
    """Live progress on stderr: phase, elapsed time, MB received."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.started = time.monotonic()
        self.state: dict[str, Any] = {"phase": Phase.WAITING, "bytes_received": 0, "images_done": 0,
                                      "images_total": 1}
        self.status = console.status(self.render())

    def render(self) -> str:
        s = self.state
        label = PHASE_LABELS.get(s["phase"], str(s["phase"]))
        parts = [f"{label}", f"{time.monotonic() - self.started:4.1f}s"]
        if s["phase"] == Phase.RECEIVING:
            parts.append(f"{s['bytes_received'] / 1e6:.1f} MB")
        if s["images_total"] > 1:
            parts.append(f"{s['images_done']}/{s['images_total']} images")
        return " · ".join(parts)

    def __call__(self, **changes: Any) -> None:
        self.state.update(changes)
        self.status.update(self.render())


async def _read_inputs(paths: Sequence[Path], worker: ImageWorker, max_bytes: int, *,
                       max_pixels: int) -> tuple[InputImage, ...]:
    inputs = []
    for path in paths:
        raw = await asyncio.to_thread(_read_input_file, path, max_bytes)
        if sniff_mime_type(raw) is None:
            raise CLIError(f"input image {path} is not a PNG, JPEG or WebP image")
        try:
            data, mime = await worker.prepare_input(raw, max_bytes=max_bytes, max_pixels=max_pixels)
        except ImageError as exc:
            raise CLIError(f"input image {path}: {explain(exc).text}") from None
        inputs.append(InputImage(data=data, mime_type=mime))
    return tuple(inputs)


def _read_input_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing one over `max_bytes` from its size before reading any of it."""
    limit = f"the limit is {_megabytes(max_bytes)} MB (INPUT_IMAGE_MAX_MB)"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise CLIError(f"input image {path} is not a file")
        if info.st_size > max_bytes:
            size = math.ceil(info.st_size / 100_000) / 10  # rounded up: never shows "20.0 MB" against 20
            raise CLIError(f"input image {path} is {size:.1f} MB; {limit}")
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)  # bounded: the file may have grown since stat
    except OSError as exc:
        raise CLIError(f"cannot read input image {path}: {exc.strerror or type(exc).__name__}") from None
    if len(raw) > max_bytes:
        raise CLIError(f"input image {path} is over {_megabytes(max_bytes)} MB; {limit}")
    return raw


def _megabytes(size: int) -> str:
    """Bytes as decimal MB, the unit of INPUT_IMAGE_MAX_MB: "20", "0.5"."""
    return f"{size / 1_000_000:g}"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
