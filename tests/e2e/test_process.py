"""`imagine-bot run` as a real process, the way an operator starts it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.e2e.harness import API_KEY, BOT_TOKEN, png_files, wait_final

pytestmark = pytest.mark.e2e
REPO_ROOT = Path(__file__).resolve().parents[2]


def bot_env(discord_fake, emulator, tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENROUTE_", "DISCORD_"))}
    env.update({
        "DISCORD_TOKEN": BOT_TOKEN, "OPENROUTE_API_KEY": API_KEY, "OPENROUTE_BASE_URL": emulator.base_url,
        "DISCORD_API_BASE_URL": discord_fake.api_base_url, "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "DEFAULT_MODEL": "emu/png", "LOG_LEVEL": "INFO", "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    })
    env.update(overrides)
    return env


async def start(env: dict[str, str], tmp_path: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=env, cwd=tmp_path)


async def test_run_serves_imagine_and_stops_cleanly_on_sigterm(discord_fake, emulator, tmp_path):
    proc = await start(bot_env(discord_fake, emulator, tmp_path), tmp_path)
    try:
        await discord_fake.wait_ready(timeout=60)
        it = await discord_fake.run_command("imagine", {"prompt": "from a real process"})
        assert png_files(await wait_final(discord_fake, it))
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _stdout, stderr = await asyncio.wait_for(proc.communicate(), 60)
    logs = stderr.decode()
    assert proc.returncode == 0, logs
    assert "SIGTERM received" in logs
    assert "invite:" in logs
    assert BOT_TOKEN not in logs
    assert API_KEY not in logs
    assert "Traceback" not in logs


async def test_run_with_a_rejected_token_says_so_in_one_line(discord_fake, emulator, tmp_path):
    proc = await start(bot_env(discord_fake, emulator, tmp_path, DISCORD_TOKEN="wrong.token.value"), tmp_path)
    _, stderr = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 1
    lines = [line for line in stderr.decode().splitlines() if line.startswith("error:")]
    assert lines == ["error: Discord rejected DISCORD_TOKEN: reset the bot token in the developer portal and "
                     "put the new one in .env"]
    assert "Traceback" not in stderr.decode()
    assert "wrong.token.value" not in stderr.decode()
