"""`imagine-bot run` as real operating-system processes against the fakes, several at once (shards, handovers).

Each process logs to a file (a pipe nobody reads would fill up and block a long-running bot).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import API_KEY, BOT_TOKEN

REPO_ROOT = Path(__file__).resolve().parents[2]
STOP_TIMEOUT = 60.0


def process_env(fake: FakeDiscord, emulator: OpenRouteEmulator, **settings: str) -> dict[str, str]:
    """The environment an operator gives `imagine-bot run`, pointed at the fakes; `settings` add or override."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENROUTE_", "DISCORD_"))}
    env.update({
        "DISCORD_TOKEN": BOT_TOKEN, "OPENROUTE_API_KEY": API_KEY, "OPENROUTE_BASE_URL": emulator.base_url,
        "OPENROUTE_MAX_RETRIES": "0", "DISCORD_API_BASE_URL": fake.api_base_url,
        "DISCORD_GATEWAY_URL": fake.gateway_url, "DEFAULT_MODEL": "emu/png", "EDIT_INTERVAL": "1.0",
        "LOG_LEVEL": "INFO", "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    })
    env.update(settings)
    return env


class BotProcess:
    """One `imagine-bot run` process; `logs()` is everything it wrote so far."""

    def __init__(self, name: str, env: dict[str, str], workdir: Path) -> None:
        self.name = name
        self.env = env
        self.workdir = workdir
        self.log_path = workdir / f"{name}.log"
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        """Start it (its log file is appended to, so a restarted process keeps one log)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", stdin=asyncio.subprocess.DEVNULL, stdout=log,
                stderr=asyncio.subprocess.STDOUT, env=self.env, cwd=self.workdir)

    def logs(self) -> str:
        """Its output so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def running(self) -> bool:
        """Started and not exited."""
        return self.proc is not None and self.proc.returncode is None

    async def stop(self) -> int:
        """SIGTERM (`docker stop`), then wait for it to exit; its exit code."""
        return await self._signal(signal.SIGTERM)

    async def kill(self) -> int:
        """SIGKILL: the process vanishes without closing anything (a crash, the OOM killer, a pulled plug)."""
        return await self._signal(signal.SIGKILL)

    async def _signal(self, signum: int) -> int:
        assert self.proc is not None, f"{self.name} was never started"
        if self.proc.returncode is None:
            self.proc.send_signal(signum)
        return await asyncio.wait_for(self.proc.wait(), STOP_TIMEOUT)

    async def ensure_stopped(self) -> None:
        """Cleanup: whatever state it is in, it is not running afterwards."""
        if self.running:
            try:
                await self.stop()
            except TimeoutError:
                await self.kill()
