"""The operator CLI: `imagine-bot generate | models | run`.

Every failure ends in one line on stderr that a person understands and a non-zero exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import re
import stat
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import aiohttp
from rich.console import Console
from rich.table import Table

from bot import __version__
from bot.config import ConfigError, Settings, load_settings
from bot.formats import sniff_mime_type
from bot.images.errors import ImageError
from bot.images.worker import ImageWorker
from bot.jobs.generation import ImageGenerator
from bot.jobs.models import closest_models
from bot.jobs.progress import Phase
from bot.logs import setup_logging
from bot.messages import explain
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import AuthenticationFailed, OpenRouteError
from bot.openroute.types import ASPECT_RATIOS, IMAGE_SIZES, GenerationRequest, InputImage

log = logging.getLogger(__name__)

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
HEALTH_TIMEOUT = 3.0  # seconds; inside the Docker HEALTHCHECK's 5 s
MAX_HEALTH_ANSWER = 1024

PHASE_LABELS = {
    Phase.QUEUED: "Queued",
    Phase.WAITING: "Waiting for the model",
    Phase.RECEIVING: "Receiving image",
    Phase.DECODING: "Decoding",
    Phase.UPLOADING: "Saving",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="imagine-bot", description="Discord image bot for the OpenRoute API.")
    parser.add_argument("--version", action="version", version=f"imagine-bot {__version__}")
    # default None tells "not given" (a missing .env is fine) from a named file that must exist
    parser.add_argument("--env-file", default=None, metavar="PATH", help="settings file to read (default: .env)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    gen = sub.add_parser("generate", help="generate images from a prompt and save them as PNG files")
    gen.add_argument("prompt", help="what to draw")
    gen.add_argument("--model", help="image model id (default: DEFAULT_MODEL)")
    gen.add_argument("--aspect-ratio", choices=ASPECT_RATIOS, help="aspect ratio, e.g. 16:9")
    gen.add_argument("--size", choices=IMAGE_SIZES, help="resolution: 1K, 2K or 4K")
    gen.add_argument("--count", type=int, default=1, choices=range(1, 5), metavar="N",
                     help="how many images (1-4; one request each)")
    gen.add_argument("--image", action="append", default=[], metavar="PATH", type=Path,
                     help="an input image to edit (repeatable)")
    gen.add_argument("--out", default=Path("out"), type=Path, metavar="DIR",
                     help="folder for the PNG files (default: ./out)")
    gen.add_argument("--json", action="store_true", help="print a JSON summary instead of the file paths")

    models = sub.add_parser("models", help="list the image models and their prices")
    models.add_argument("--json", action="store_true", help="print JSON")

    sub.add_parser("run", help="run the Discord bot")

    health = sub.add_parser("health", help="exit 0 when the running bot is connected (asks its /healthz when "
                                           "METRICS_PORT is set, else reads the age of HEALTH_FILE)")
    health.add_argument("--max-age", type=float, default=90.0,
                        help="seconds HEALTH_FILE may be old (default: 90; unused with METRICS_PORT)")
    return parser


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


async def _read_inputs(paths: Sequence[Path], worker: ImageWorker, max_bytes: int) -> tuple[InputImage, ...]:
    inputs = []
    for path in paths:
        raw = await asyncio.to_thread(_read_input_file, path, max_bytes)
        if sniff_mime_type(raw) is None:
            raise CLIError(f"input image {path} is not a PNG, JPEG or WebP image")
        try:
            data, mime = await worker.prepare_input(raw, max_bytes=max_bytes)
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


def _operator_text(exc: BaseException, env_file: str) -> str:
    """The line the operator reads. A rejected key is theirs to fix, unlike the members' wording in `explain`."""
    if isinstance(exc, AuthenticationFailed):
        return (f"OpenRoute rejected OPENROUTE_API_KEY (HTTP {exc.status or 401}): check the key in {env_file} "
                "or the environment")
    return explain(exc).text


class CLIError(Exception):
    """A failure already phrased for the operator."""


async def _generate(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    settings.require_openroute()
    async with AsyncExitStack() as stack:
        worker = ImageWorker(max_workers=settings.image_workers)
        stack.callback(worker.close)
        inputs = await _read_inputs(args.image, worker, settings.input_max_bytes)  # before any network call
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
                await asyncio.to_thread(_write, path, image.png)
                paths.append(path)
    for failure in output.failures:
        console.print(f"warning: one of the {args.count} requests failed: {_operator_text(failure, _env_name(args))}",
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


def _price(value: Any, scale: int = 1) -> str:
    return "—" if value is None else f"${value * scale:.4f}".rstrip("0").rstrip(".")


async def _models(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    session = create_session(settings.openroute)
    try:
        models = await OpenRouteClient(session, settings.openroute).list_image_models()
    finally:
        await session.close()
    default = settings.default_model
    missing = _missing_default(default, [m.id for m in models])
    if args.json:
        print(json.dumps([{
            "id": m.id, "name": m.name, "output_modalities": list(m.output_modalities),
            "pricing": {k: (str(v) if v is not None else None)
                        for k, v in (("prompt", m.pricing.prompt), ("completion", m.pricing.completion),
                                     ("image", m.pricing.image), ("image_output", m.pricing.image_output),
                                     ("request", m.pricing.request))},
            "default": m.id == default,
        } for m in models], indent=2))
        if missing:
            console.print(f"warning: {missing}", markup=False, highlight=False)
        return 0
    table = Table(title=f"{len(models)} image models")
    table.add_column("model")
    table.add_column("name")
    table.add_column("per 1M output tokens", justify="right")
    table.add_column("per output image", justify="right")
    table.add_column("per input image", justify="right")
    for m in models:
        table.add_row(f"{m.id} (default)" if m.id == default else m.id, m.name,
                      _price(m.pricing.completion, 1_000_000), _price(m.pricing.image_output),
                      _price(m.pricing.image))
    out = Console()
    out.print(table)
    if missing:
        out.print(f"MISSING: {missing}", markup=False, highlight=False, soft_wrap=True)
    return 0


def _missing_default(default: str, listed: list[str]) -> str | None:
    """What to tell the operator when DEFAULT_MODEL is not in the list (None when it is)."""
    if default in listed:
        return None
    closest = closest_models(default, listed)
    instead = f"closest listed: {', '.join(closest)}" if closest else "no similar id is listed"
    return (f"DEFAULT_MODEL {default} is not an image model the provider lists, so /imagine without a model is "
            f"refused; {instead}")


async def _run(settings: Settings) -> int:
    settings.require_discord()
    # imported late: the Discord layer is not needed for the other commands
    import discord

    from bot.app import run_bot

    try:
        await run_bot(settings)
    except discord.LoginFailure:
        raise CLIError("Discord rejected DISCORD_TOKEN: reset the bot token in the developer portal "
                       "and put the new one in .env") from None
    except (discord.GatewayNotFound, discord.ConnectionClosed, aiohttp.ClientConnectionError, ConnectionError,
            TimeoutError) as exc:
        raise CLIError(f"could not connect to Discord ({type(exc).__name__}); check the network and "
                       "DISCORD_API_BASE_URL / DISCORD_GATEWAY_URL") from None
    except OSError as exc:
        if exc.filename is None:
            raise  # main prints it as one line
        raise CLIError(_file_problem(exc)) from None
    return 0


def _file_problem(exc: OSError) -> str:
    """One line naming the file an OSError is about, e.g. "cannot use data/bot.db: Permission denied"."""
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, IsADirectoryError):
        reason = "it is a directory, not a file"
    elif isinstance(exc, PermissionError):
        reason = f"{reason} (check the owner and mode of the file and its folder)"
    target = f"{exc.filename} -> {exc.filename2}" if exc.filename2 else str(exc.filename)
    return f"cannot use {target}: {reason}"


def _health(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    if settings.metrics_port is not None:
        return _health_over_http(settings, console)
    if settings.health_file is None:
        console.print("error: HEALTH_FILE is not set", markup=False, highlight=False)
        return EXIT_USAGE
    try:
        age = time.time() - settings.health_file.stat().st_mtime
    except OSError:
        console.print("unhealthy: the bot has not connected yet", markup=False, highlight=False)
        return EXIT_FAILURE
    if age > args.max_age:
        console.print(f"unhealthy: last connected {age:.0f}s ago", markup=False, highlight=False)
        return EXIT_FAILURE
    return 0


def _healthz_url(settings: Settings) -> str:
    """Where the running bot answers /healthz: METRICS_HOST, or the loopback when it listens everywhere."""
    host = settings.metrics_host
    if host in ("", "0.0.0.0", "::", "*"):
        host = "127.0.0.1" if host != "::" else "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{settings.metrics_port}/healthz"


def _health_over_http(settings: Settings, console: Console) -> int:
    """METRICS_PORT is set: ask the running bot's /healthz (200 while every shard is connected)."""
    url = _healthz_url(settings)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through an HTTP(S)_PROXY
    try:
        with opener.open(url, timeout=HEALTH_TIMEOUT) as response:
            response.read(MAX_HEALTH_ANSWER)
        return 0
    except urllib.error.HTTPError as exc:
        said = exc.read(MAX_HEALTH_ANSWER).decode("utf-8", "replace").strip().splitlines()
        reason = said[0].strip() if said else f"HTTP {exc.code}"
        exc.close()
    except (urllib.error.URLError, OSError) as exc:  # refused, timed out, no such host
        detail = getattr(exc, "reason", exc)
        detail = getattr(detail, "strerror", None) or str(detail) or type(detail).__name__
        reason = f"no answer from {url} ({detail}); is the bot running?"
    console.print(f"unhealthy: {reason}", markup=False, highlight=False)
    return EXIT_FAILURE


def _env_name(args: argparse.Namespace) -> str:
    return args.env_file or ".env"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `imagine-bot` console script and `python -m bot`."""
    args = build_parser().parse_args(argv)
    console = Console(stderr=True, soft_wrap=True)

    def say(line: str) -> None:
        console.print(line, markup=False, highlight=False)

    if args.command == "generate":
        args.prompt = args.prompt.strip()
        if not args.prompt:
            say("error: the prompt is empty: say what to draw")
            return EXIT_USAGE
    try:
        settings = load_settings(_env_name(args), must_exist=args.env_file is not None)
    except ConfigError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    quiet = args.command != "run" and settings.log_level != "DEBUG"  # the CLI's own lines say what matters
    setup_logging("WARNING" if quiet else settings.log_level, secrets=settings.secrets())
    try:
        if args.command == "generate":
            return asyncio.run(_generate(args, settings, console))
        if args.command == "models":
            return asyncio.run(_models(args, settings, console))
        if args.command == "health":
            return _health(args, settings, console)
        return asyncio.run(_run(settings))
    except ConfigError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    except CLIError as exc:
        say(f"error: {exc}")
        return EXIT_FAILURE
    except (OpenRouteError, ImageError) as exc:
        log.debug("generation failed", exc_info=True)
        say(f"error: {_operator_text(exc, _env_name(args))}")
        return EXIT_FAILURE
    except OSError as exc:
        say(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:  # the promise is one line, never a traceback; details go to the debug log
        log.debug("unexpected failure", exc_info=True)
        say(f"error: unexpected {type(exc).__name__}; run with LOG_LEVEL=DEBUG for details")
        return EXIT_FAILURE
