"""`imagine-bot playground`: the whole bot in a browser, against a local Discord stand-in, with no Discord application
and (unless OPENROUTE_API_KEY is set) no key. Runs until Ctrl+C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import logging
import os
import signal
import sys
import webbrowser
from collections.abc import Callable, Mapping

from bot.cli.errors import CLIError
from bot.config import PlaygroundSettings, playground_settings

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("playground", help="try the bot in a browser: a local Discord stand-in, no Discord "
                                               "application and no key needed")
    parser.add_argument("--port", type=int, default=None, metavar="N",
                        help="the page's port on 127.0.0.1 (default: PLAYGROUND_PORT or 8080; 0: any free port)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the page in a browser")


async def command(args: argparse.Namespace, env: Mapping[str, str], say: Callable[[str], None]) -> int:
    """Start everything, print the address, open it when a browser is at hand, and stop cleanly on Ctrl+C."""
    settings = _settings(args, env)
    # imported late: the Discord layer (and the stand-in) are not needed for the other commands
    from playground.runtime import Playground

    playground = Playground(settings, env)
    stop = asyncio.Event()
    what = "emulated pictures (no key needed)" if playground.emulated else "OpenRoute, with OPENROUTE_API_KEY: " \
        "this spends real money"
    say(f"imagine-bot playground: starting (images: {what})")
    try:
        await playground.start()
    except OSError as exc:
        await playground.close()
        if exc.errno in (98, 48, 10048):  # address in use (Linux, macOS, Windows)
            raise CLIError(f"port {settings.port} on 127.0.0.1 is in use: stop what uses it or set PLAYGROUND_PORT "
                           "(or --port) to another port") from None
        raise
    except BaseException:
        await playground.close()
        raise
    _stop_on_signals(stop)  # after the bot's start: these replace its own SIGTERM handler
    say(f"imagine-bot playground: open {playground.url}  (Ctrl+C stops it)")
    if settings.open_browser and not args.no_browser:
        await asyncio.to_thread(_open_browser, playground.url)
    bot_stopped = playground.stopped
    waiters = {asyncio.ensure_future(stop.wait())}
    if bot_stopped is not None:
        waiters.add(bot_stopped)  # type: ignore[arg-type]
    await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    say("imagine-bot playground: stopping")
    await playground.close()
    for waiter in waiters:
        if waiter is not bot_stopped:
            waiter.cancel()
    if bot_stopped is not None and bot_stopped.done() and not stop.is_set():
        bot_stopped.result()  # the bot stopped by itself: raise what stopped it
        raise CLIError("the bot stopped")
    say("imagine-bot playground: stopped")
    return 0


def _settings(args: argparse.Namespace, env: Mapping[str, str]) -> PlaygroundSettings:
    settings = playground_settings(env)
    if args.port is not None:
        if not 0 <= args.port <= 65535:
            raise CLIError("--port must be a port number (1-65535, or 0 for any free port)")
        settings = dataclasses.replace(settings, port=args.port)
    return settings


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: Ctrl+C is a KeyboardInterrupt
            loop.add_signal_handler(sig, stop.set)


def _open_browser(url: str) -> None:
    """Open the page in the person's browser when there is a graphical one (a console browser on a headless
    machine would take over the terminal)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return
    try:
        webbrowser.open(url, new=2)
    except webbrowser.Error:
        log.debug("no browser to open %s", url, exc_info=True)
