"""The operator CLI: `imagine-bot generate | models | run | playground | health`, one module per verb.

Every failure ends in one line on stderr that a person understands and a non-zero exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from bot import __version__
from bot.cli import generate, health, models, playground, run
from bot.cli.errors import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, CLIError, env_name, operator_text
from bot.config import IGNORED_IN_PLAYGROUND, ConfigError, read_environment, settings_from_env
from bot.images.errors import ImageError
from bot.logs import setup_logging
from bot.openroute.errors import OpenRouteError
from bot.openroute.types import ASPECT_RATIOS, IMAGE_SIZES

log = logging.getLogger(__name__)


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
    playground.add_parser(sub)

    health = sub.add_parser("health", help="exit 0 when the running bot is connected (asks its /healthz when "
                                           "METRICS_PORT is set, else reads the age of HEALTH_FILE)")
    health.add_argument("--max-age", type=float, default=90.0,
                        help="seconds HEALTH_FILE may be old (default: 90; unused with METRICS_PORT)")
    return parser


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
        env = read_environment(env_name(args), must_exist=args.env_file is not None)
        if args.command == "playground":  # its own Discord, database and address: the operator's are not checked
            env = {key: value for key, value in env.items() if key not in IGNORED_IN_PLAYGROUND}
        settings = settings_from_env(env)
    except ConfigError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    quiet = args.command != "run" and settings.log_level != "DEBUG"  # the CLI's own lines say what matters
    setup_logging("WARNING" if quiet else settings.log_level, secrets=settings.secrets())
    try:
        if args.command == "generate":
            return asyncio.run(generate.command(args, settings, console))
        if args.command == "models":
            return asyncio.run(models.command(args, settings, console))
        if args.command == "health":
            return health.command(args, settings, console)
        if args.command == "playground":
            return asyncio.run(playground.command(args, env, say))
        return asyncio.run(run.command(settings))
    except ConfigError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    except CLIError as exc:
        say(f"error: {exc}")
        return EXIT_FAILURE
    except (OpenRouteError, ImageError) as exc:
        log.debug("generation failed", exc_info=True)
        say(f"error: {operator_text(exc, env_name(args))}")
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
