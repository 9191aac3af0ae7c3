"""`imagine-bot health`: whether the running bot is connected, for Docker's HEALTHCHECK."""

from __future__ import annotations

import argparse
import time
import urllib.error
import urllib.request

from rich.console import Console

from bot.cli.errors import EXIT_FAILURE, EXIT_USAGE
from bot.config import Settings

HEALTH_TIMEOUT = 3.0  # seconds; inside the Docker HEALTHCHECK's 5 s
MAX_HEALTH_ANSWER = 1024


def command(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    """`imagine-bot health`: 0 when the running bot is connected (its /healthz, else HEALTH_FILE's age)."""
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
