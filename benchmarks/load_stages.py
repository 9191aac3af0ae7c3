"""The stage of `benchmarks/load.py`: a fresh fake Discord, a timed OpenRoute emulator and bot processes."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import shutil
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from benchmarks.processes import ROOT, environment, peak_rss, rss, stop
from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import API_KEY, BOT_TOKEN

KEEPALIVE = 0.25


class TimedEmulator(OpenRouteEmulator):
    """The emulator, remembering per prompt when it finished sending the image (on the fake Discord's clock)."""

    def __init__(self, clock: Callable[[], float], **options: Any) -> None:
        super().__init__(**options)
        self._clock = clock
        self.finished: dict[str, float] = {}

    def _bill(self, generation: Any, answer: Any, prompt: str) -> dict[str, Any]:
        # called right after the image line was written to the connection, before the finish chunk
        self.finished[prompt] = self._clock()
        return super()._bill(generation, answer, prompt)


class BotProcess(Enum):
    imagine = ("-m", "bot", "run")
    defer_only = ("-m", "benchmarks.defer_bot")


def final_time(message: Any) -> float:
    """When the message first showed an attachment (the result's images), on the fake's clock."""
    for revision in message.revisions:
        if revision.attachment_ids:
            return float(revision.time)
    raise RuntimeError(f"message {message.id} never showed an image")


def sharding_missing() -> str | None:
    """What the fake Discord lacks for the two-process stage, or None."""
    if not hasattr(FakeDiscord, "add_guild"):
        return "the fake Discord has no second guild (add_guild) to put on shard 1"
    if "shards" not in inspect.signature(FakeDiscord.wait_ready).parameters:
        return "the fake Discord cannot wait for the sessions of given shards"
    return None


def postgres_missing() -> str | None:
    """What is missing to run the bot on PostgreSQL here, or None."""
    if not (ROOT / "tests" / "postgres_server.py").exists():
        return "tests/postgres_server.py (a throwaway PostgreSQL) does not exist"
    try:
        from tests.postgres_server import find_binaries
        find_binaries()
    except Exception as exc:
        return f"no PostgreSQL server: {exc}"
    return None


@dataclass
class Stage:
    fake: FakeDiscord
    emulator: TimedEmulator
    processes: list[subprocess.Popen[str]] = field(default_factory=list)
    sampled_peak: int = 0
    channels: list[Any] = field(default_factory=list)  # where the jobs of each shard are run

    @classmethod
    @contextlib.asynccontextmanager
    async def start(cls, directory: Path, *, think: float, bot: BotProcess = BotProcess.imagine,
                    env: dict[str, str] | None = None, shards: int = 1, members: Sequence[str] = ()
                    ) -> AsyncIterator[Stage]:
        """Fake, emulator and bot process(es) running and ready. With `shards` > 1: one process per shard on
        one PostgreSQL database, and one guild per shard (the default guild's shard and new ones), each with
        `members` in it; `channels` holds a channel of each."""
        _make_directory(directory)
        fake = FakeDiscord(token=BOT_TOKEN)
        emulator = TimedEmulator(fake.clock.now, api_key=API_KEY, keepalive_interval=KEEPALIVE,
                                 slow_keepalives=max(1, round(think / KEEPALIVE)))
        stage = cls(fake, emulator)
        async with contextlib.AsyncExitStack() as stack:
            await fake.start()
            stack.push_async_callback(fake.close)
            await emulator.start()
            stack.push_async_callback(emulator.close)
            base = {
                "DISCORD_TOKEN": BOT_TOKEN, "DISCORD_API_BASE_URL": fake.api_base_url,
                "DEFER_BOT_GATEWAY_URL": fake.gateway_url,
                "OPENROUTE_API_KEY": API_KEY, "OPENROUTE_BASE_URL": emulator.base_url, "OPENROUTE_MAX_RETRIES": "0",
                "DATABASE_URL": f"sqlite:///{directory / 'bot.db'}", "DEFAULT_MODEL": "emu/png",
                "HEALTH_FILE": str(directory / "health"), "LOG_LEVEL": "WARNING", **(env or {}),
            }
            if shards > 1:
                for name in members:
                    stage.ensure_user(name)
                stage.channels = [fake.channel("general")]
                from playground.discord.shards import shard_of  # only where the fake shards
                taken = {shard_of(fake.guild.id, shards)}
                for shard in sorted(set(range(shards)) - taken):
                    guild = fake.add_guild(f"Shard {shard}", members=list(members), shard=(shard, shards))
                    stage.channels.append(guild.channel("general"))
                base["DATABASE_URL"] = stack.enter_context(_postgres())
                base["SHARD_COUNT"] = str(shards)
                # with SHARD_COUNT set, discord.py skips GET /gateway/bot and goes to its default gateway
                base["DISCORD_GATEWAY_URL"] = fake.gateway_url
            for shard in range(shards):
                process_env = dict(base, SHARD_IDS=str(shard)) if shards > 1 else base
                process = stack.enter_context(_bot_process(bot, directory / f"bot{shard}.log", process_env))
                stage.processes.append(process)
            await stage._wait_ready(directory, shards)
            yield stage

    async def _wait_ready(self, directory: Path, shards: int) -> None:
        async def ready() -> None:
            if shards > 1:
                await self.fake.wait_ready(120, shards=range(shards))
            else:
                await self.fake.wait_ready(120)
            await self.fake.wait_for(lambda: "imagine" in self.fake.commands, timeout=120)

        waiter = asyncio.ensure_future(ready())
        while not waiter.done():
            for number, process in enumerate(self.processes):
                if process.poll() is not None:
                    waiter.cancel()
                    log = (directory / f"bot{number}.log").read_text()[-3000:]
                    raise RuntimeError(f"the bot process exited with {process.returncode}:\n{log}")
            await asyncio.wait({waiter}, timeout=0.2)
        waiter.result()

    def ensure_user(self, name: str) -> None:
        if name not in self.fake.users:
            self.fake.add_user(name)

    def guild_spread(self, shards: int) -> Callable[[int], dict[str, Any]] | None:
        """Job n's place: alternately the guild of each shard (None with one process)."""
        if shards < 2:
            return None
        return lambda number: {"channel": self.channels[number % len(self.channels)]}

    def rss(self) -> int:
        return sum(rss(process.pid) for process in self.processes)

    def peak(self) -> int:
        return sum(peak_rss(process.pid) for process in self.processes)

    def reset_peaks(self) -> None:
        """Start the peak RSS (VmHWM) of the bot processes afresh."""
        for process in self.processes:
            with contextlib.suppress(OSError), open(f"/proc/{process.pid}/clear_refs", "w") as refs:
                refs.write("5")

    async def sample_peak(self) -> None:
        """Sample the bots' summed RSS every 20 ms (a cross-check of the kernel's peak)."""
        while True:
            self.sampled_peak = max(self.sampled_peak, self.rss())
            await asyncio.sleep(0.02)


def _make_directory(directory: Path) -> None:
    directory.mkdir(parents=True)


@contextlib.contextmanager
def _bot_process(bot: BotProcess, log_path: Path, env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, *bot.value], cwd=ROOT, env=environment(**env), stdout=log,
                                   stderr=subprocess.STDOUT, text=True)
        try:
            yield process
        finally:
            stop(process)


@contextlib.contextmanager
def _postgres() -> Any:
    # a folder of its own directly under the temp dir: as root, the server runs as `postgres`, which must be
    # able to reach it (the stage's own folder is private to root)
    directory = Path(tempfile.mkdtemp(prefix="imagine-load-postgres-"))
    done = subprocess.run([sys.executable, "-m", "tests.postgres_server", "start", str(directory)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"PostgreSQL did not start: {done.stderr.strip()}")
    try:
        yield done.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([sys.executable, "-m", "tests.postgres_server", "stop", str(directory)], cwd=ROOT,
                       capture_output=True, check=False)
        shutil.rmtree(directory, ignore_errors=True)
