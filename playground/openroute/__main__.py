"""Run the OpenRoute emulator as its own process: `python -m playground.openroute --port P`.

Prints one line `listening on http://HOST:PORT/api/v1` once it accepts connections, then serves
until SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal

from playground.openroute.emulator import OpenRouteEmulator

log = logging.getLogger(__name__)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m playground.openroute", description=__doc__)
    parser.add_argument("--port", type=int, required=True, help="TCP port (0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--api-key", default="test-key", help="the bearer key clients must send")
    parser.add_argument("--write-size", type=int, default=64 * 1024, help="bytes per socket write")
    parser.add_argument("--keepalive-interval", type=float, default=0.05, help="seconds between keep-alives")
    parser.add_argument("--slow-keepalives", type=int, default=5, help="extra keep-alives of emu/slow")
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # no signal handlers on some platforms
            loop.add_signal_handler(signum, stop.set)
    emulator = OpenRouteEmulator(
        api_key=args.api_key,
        write_size=args.write_size,
        keepalive_interval=args.keepalive_interval,
        slow_keepalives=args.slow_keepalives,
    )
    await emulator.start(args.host, args.port)
    try:
        print(f"listening on {emulator.base_url}", flush=True)
        await stop.wait()
    finally:
        await emulator.close()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the standalone emulator process."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(_serve(_parse_args(argv)))


if __name__ == "__main__":
    main()
