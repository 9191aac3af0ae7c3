"""Helpers of the benchmarks: child processes started and stopped cleanly, and their memory."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def emulator_process(*extra: str, api_key: str = "bench-key") -> Iterator[str]:
    """The OpenRoute emulator in its own process (so its CPU and memory are not the measured process's);
    yields its base URL."""
    process = subprocess.Popen([sys.executable, "-m", "playground.openroute", "--port", "0", "--api-key", api_key,
                                *extra], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("listening on "):
            raise RuntimeError(f"the emulator did not start: {line!r}")
        yield line.split()[-1]
    finally:
        stop(process)


def stop(process: subprocess.Popen[str], timeout: float = 20) -> None:
    """SIGTERM, then SIGKILL if it does not exit in time."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def rss(pid: int) -> int:
    """Resident memory of a process now (bytes)."""
    return _status_field(pid, "VmRSS:")


def peak_rss(pid: int) -> int:
    """The highest resident memory the process had so far (bytes)."""
    return _status_field(pid, "VmHWM:")


def _status_field(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"{field} not in /proc/{pid}/status")


def environment(**overrides: str) -> dict[str, str]:
    """This process's environment without the bot's settings (a stray .env value must not leak into a run),
    plus `overrides`."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DISCORD_", "OPENROUTE_", "DATABASE_", "SHARD_", "IMAGE_", "MAX_"))}
    env.update(overrides)
    return env
