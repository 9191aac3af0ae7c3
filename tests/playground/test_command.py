"""`imagine-bot playground` as a person runs it: a real process, its page on 127.0.0.1, Ctrl+C to stop."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.cli import build_parser
from bot.cli.playground import _settings
from bot.config import ConfigError, playground_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
OPERATOR_TOKEN = "operator-real-discord-token.must-not-be-used"


def playground_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENROUTE_", "DISCORD_", "PLAYGROUND_", "DATABASE_"))}
    env.update({
        "PLAYGROUND_PORT": "0", "PLAYGROUND_DIR": str(tmp_path / "data"), "PLAYGROUND_OPEN_BROWSER": "false",
        # what the playground ignores: an operator's real token and a database it must not touch
        "DISCORD_TOKEN": OPERATOR_TOKEN, "DATABASE_URL": "postgresql://bot:secret@db.invalid/imagine",
        "SHARD_COUNT": "4", "METRICS_PORT": "1",
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    })
    env.update(extra)
    return env


async def read_until(stream: asyncio.StreamReader, pattern: str, seen: list[str]) -> re.Match[str]:
    while True:
        line = (await stream.readline()).decode(errors="replace")
        if not line:
            raise AssertionError("the playground exited before printing its address:\n" + "".join(seen))
        seen.append(line)
        found = re.search(pattern, line)
        if found:
            return found


async def test_the_command_serves_the_page_without_token_or_key_and_stops_on_ctrl_c(tmp_path):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "playground", stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE, env=playground_env(tmp_path),
        cwd=tmp_path)
    assert proc.stderr is not None
    seen: list[str] = []
    try:
        found = await asyncio.wait_for(read_until(proc.stderr, r"open (http://127\.0\.0\.1:\d+/)", seen), 120)
        url = found.group(1)
        async with aiohttp.ClientSession() as session, session.get(url) as page:
            assert page.status == 200
            assert "text/html" in page.headers["Content-Type"]
        proc.send_signal(signal.SIGINT)
        rest = (await asyncio.wait_for(proc.stderr.read(), 60)).decode(errors="replace")
        assert await asyncio.wait_for(proc.wait(), 60) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    output = "".join(seen) + rest
    assert "emulated pictures (no key needed)" in output
    assert "stopped" in output
    assert "Traceback" not in output
    assert "voice will NOT be supported" not in output  # discord.py's noise about voice, which the bot never uses
    assert OPERATOR_TOKEN not in output
    # its storage is its own SQLite file in the playground folder
    assert (tmp_path / "data" / "playground.db").is_file()


def test_port_and_folder_come_from_the_environment_or_the_command_line():
    settings = playground_settings({"PLAYGROUND_PORT": "9000", "PLAYGROUND_DIR": "/srv/try",
                                    "PLAYGROUND_BUDGET_USD": "$2.50", "PLAYGROUND_OPEN_BROWSER": "no"})
    assert (settings.port, str(settings.folder), str(settings.budget_usd), settings.open_browser) == \
        (9000, "/srv/try", "2.50", False)
    args = build_parser().parse_args(["playground", "--port", "0", "--no-browser"])
    assert _settings(args, {"PLAYGROUND_PORT": "9000"}).port == 0
    assert playground_settings({}).port == 8080


@pytest.mark.parametrize(("name", "value"), [("PLAYGROUND_PORT", "70000"), ("PLAYGROUND_BUDGET_USD", "-1"),
                                             ("PLAYGROUND_OPEN_BROWSER", "maybe")])
def test_a_bad_playground_setting_is_named(name, value):
    with pytest.raises(ConfigError, match=name):
        playground_settings({name: value})


async def test_a_port_in_use_is_one_clear_line(tmp_path):
    holder = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = holder.sockets[0].getsockname()[1]
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "playground", "--port", str(port), stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE, env=playground_env(tmp_path),
            cwd=tmp_path)
        output = (await asyncio.wait_for(proc.stderr.read(), 120)).decode(errors="replace")
        assert await proc.wait() == 1
    finally:
        holder.close()
        await holder.wait_closed()
    assert f"port {port} on 127.0.0.1 is in use" in output
    assert "Traceback" not in output
