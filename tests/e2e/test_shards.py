"""Sharding: one process running two shards, and two `imagine-bot run` processes splitting the shards of one bot
over one PostgreSQL database, against a fake Discord that routes every guild's interactions to its shard only."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from playground.discord import ACK_DEADLINE, DID_NOT_RESPOND, FakeDiscord, FakeGuild, FakeInteraction
from playground.discord.model import MANAGE_GUILD
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import png_files, wait_final
from tests.e2e.moderation import answer
from tests.e2e.processes import BotProcess, process_env

pytestmark = pytest.mark.e2e

START_TIMEOUT = 90.0  # a process imports, migrates, logs in, and discord.py spaces IDENTIFYs 5 s apart


def _guild_per_shard(fake: FakeDiscord) -> tuple[FakeGuild, FakeGuild]:
    """Two servers, one on each of two shards; sam manages the first."""
    even = fake.add_guild("Even", members={"alice": [], "bob": [], "sam": ["manager"]},
                          roles={"manager": MANAGE_GUILD}, shard=(0, 2))
    odd = fake.add_guild("Odd", members={"alice": [], "bob": []}, shard=(1, 2))
    return even, odd


async def _imagine(fake: FakeDiscord, guild: FakeGuild | None, prompt: str, *, user: str = "alice",
                   model: str | None = None) -> FakeInteraction:
    options = {"prompt": prompt} | ({"model": model} if model else {})
    channel = guild.channel("general") if guild is not None else "dm"
    return await fake.run_command("imagine", options, user=user, channel=channel)


def _sessions(fake: FakeDiscord, shard_id: int) -> list[str]:
    return [session.session_id for session in fake.shard_sessions(shard_id)]


def _command_syncs(fake: FakeDiscord) -> int:
    return sum(1 for r in fake.requests if r.method == "PUT" and r.route_key.endswith("/commands"))


async def test_one_process_running_two_shards_answers_servers_on_both_and_dms(runner, discord_fake):
    even, odd = _guild_per_shard(discord_fake)
    bot = await runner.start(SHARD_COUNT="2", DISCORD_GATEWAY_URL=discord_fake.gateway_url)
    assert sorted(bot.shards) == [0, 1]
    assert len(_sessions(discord_fake, 0)) == len(_sessions(discord_fake, 1)) == 1
    assert {bot.get_guild(even.id).shard_id, bot.get_guild(odd.id).shard_id} == {0, 1}

    for guild, shard in ((even, 0), (odd, 1), (None, 0)):  # a DM belongs to shard 0
        it = await _imagine(discord_fake, guild, f"a fox for {guild.name if guild else 'a DM'}")
        assert it.routed_to == _sessions(discord_fake, shard)
        final = await wait_final(discord_fake, it)
        assert len(png_files(final)) == 1, final.content
    assert _command_syncs(discord_fake) == 1


async def _running_job(fake: FakeDiscord, it: FakeInteraction) -> None:
    await fake.wait_for(lambda: it.original is not None
                        and any(c.startswith("imagine:cancel:") for c in it.original.custom_ids()))


@contextlib.asynccontextmanager
async def _stopped_at_the_end(emulator: OpenRouteEmulator, *processes: BotProcess) -> AsyncIterator[None]:
    """Whatever happens, release held requests and stop the processes; after a passing test, none of them may
    have logged a traceback."""
    try:
        yield
    finally:
        emulator.release()
        for process in processes:
            await process.ensure_stopped()
    for process in processes:
        assert "Traceback" not in process.logs(), process.logs()


def _two_processes(fake: FakeDiscord, emulator: OpenRouteEmulator, workdir: Path,
                   **shared: str) -> tuple[BotProcess, BotProcess]:
    """alpha runs shard 0 and beta shard 1 of two, with the same `shared` settings (the database among them)."""
    def process(name: str, shard: str) -> BotProcess:
        env = process_env(fake, emulator, SHARD_COUNT="2", SHARD_IDS=shard, INSTANCE_NAME=name, **shared)
        return BotProcess(name, env, workdir)

    return process("alpha", "0"), process("beta", "1")


async def _newest_job(postgres_url: str, owner: str = "alpha") -> tuple[int, str]:
    """The newest job process `owner` accepted: (id, status), read straight from the shared database."""
    connection = await asyncpg.connect(postgres_url)
    try:
        row = await connection.fetchrow("SELECT id, status FROM jobs WHERE owner = $1 ORDER BY id DESC LIMIT 1", owner)
    finally:
        await connection.close()
    assert row is not None
    return int(row["id"]), str(row["status"])


async def _age_heartbeats(postgres_url: str, owner: str, seconds: float) -> None:
    """`owner` stopped beating `seconds` ago (what the passing of time does to a killed process's jobs)."""
    connection = await asyncpg.connect(postgres_url)
    try:
        await connection.execute("UPDATE jobs SET heartbeat_at = heartbeat_at - $1 WHERE owner = $2", seconds, owner)
    finally:
        await connection.close()


async def test_two_processes_split_the_shards_over_one_postgresql_and_the_survivor_takes_over(
        discord_fake, emulator, tmp_path, postgres_url):
    """alpha runs shard 0 (server Even), beta shard 1 (server Odd). Settings are per server and a server is served
    by the process holding its shard, so the cross-process check is a handover: a moderator blocks bob in Even
    through alpha; alpha is killed mid-job; beta is restarted to run both shards and enforces the block."""
    even, odd = _guild_per_shard(discord_fake)
    alpha, beta = _two_processes(discord_fake, emulator, tmp_path, DATABASE_URL=postgres_url)
    async with _stopped_at_the_end(emulator, alpha, beta):
        # beta first: it holds no shard 0, so it leaves the command sync to alpha
        await beta.start()
        await discord_fake.wait_ready(timeout=START_TIMEOUT, shards=[1])
        assert _command_syncs(discord_fake) == 0
        await alpha.start()
        await discord_fake.wait_ready(timeout=START_TIMEOUT, shards=[0, 1])
        assert _command_syncs(discord_fake) == 1
        assert "not syncing application commands" in beta.logs()
        assert "synced" in alpha.logs()

        # each process serves the server on its shard
        for guild, shard in ((even, 0), (odd, 1)):
            it = await _imagine(discord_fake, guild, f"a lighthouse in {guild.name}")
            assert it.routed_to == _sessions(discord_fake, shard)
            assert len(png_files(await wait_final(discord_fake, it))) == 1

        # a settings change in Even, through alpha
        block = await discord_fake.run_command("settings members block", {"member": "bob", "reason": "spam in Even"},
                                               user="sam", channel=even.channel("general"))
        assert (await answer(discord_fake, block)).content.startswith("✅ Blocked")

        # alpha dies in the middle of a job
        held = await _imagine(discord_fake, even, "cut off mid-way", model="emu/hold")
        await emulator.wait_held(1)
        await _running_job(discord_fake, held)
        await alpha.kill()
        job_id, status = await _newest_job(postgres_url)
        assert status in ("queued", "running")

        # beta keeps serving Odd; Even's members now see Discord's own failure
        it = await _imagine(discord_fake, odd, "still here")
        assert len(png_files(await wait_final(discord_fake, it))) == 1
        lost = await _imagine(discord_fake, even, "nobody home")
        discord_fake.clock.advance(ACK_DEADLINE + 0.1)
        assert lost.client_error == DID_NOT_RESPOND

        # handover: beta restarts running both shards; alpha's job is too fresh to be called interrupted
        assert await beta.stop() == 0
        beta.env["SHARD_IDS"] = "0,1"
        await beta.start()
        await discord_fake.wait_ready(timeout=START_TIMEOUT, shards=[0, 1])
        refused = await _imagine(discord_fake, even, "a fox", user="bob")
        refusal = await answer(discord_fake, refused)
        assert "spam in Even" in refusal.content
        assert png_files(refusal) == []
        served = await _imagine(discord_fake, even, "served by beta now")
        assert len(png_files(await wait_final(discord_fake, served))) == 1
        assert await _newest_job(postgres_url) == (job_id, status)
        assert "was interrupted" not in held.original.content

        # once alpha's heartbeat is stale, beta reports alpha's job to its requester
        await _age_heartbeats(postgres_url, "alpha", 3600)
        told = await discord_fake.wait_for(
            lambda: held.original if "was interrupted" in held.original.content else None, timeout=60)
        assert "cut off mid-way" in told.content
        assert await _newest_job(postgres_url) == (job_id, "interrupted")
        assert discord_fake.server_errors == []


async def test_two_processes_share_the_running_cap_and_the_global_budget(discord_fake, emulator, tmp_path,
                                                                         postgres_url):
    """MAX_CONCURRENT_JOBS and GLOBAL_DAILY_BUDGET_USD are bot-wide: a job accepted by beta waits while alpha's
    job holds the only slot, and beta refuses a job the reservations of both processes leave no money for."""
    even, odd = _guild_per_shard(discord_fake)
    alpha, beta = _two_processes(discord_fake, emulator, tmp_path, DATABASE_URL=postgres_url, MAX_CONCURRENT_JOBS="1",
                                 GLOBAL_DAILY_BUDGET_USD="0.1")  # each held job reserves $0.04: room for two
    async with _stopped_at_the_end(emulator, alpha, beta):
        await alpha.start()
        await beta.start()
        await discord_fake.wait_ready(timeout=START_TIMEOUT, shards=[0, 1])

        first = await _imagine(discord_fake, even, "takes the only slot", model="emu/hold")
        await emulator.wait_held(1)
        second = await _imagine(discord_fake, odd, "waits for it", model="emu/hold")
        await _running_job(discord_fake, second)  # accepted by beta, with a Cancel button
        await discord_fake.wait_for(lambda: "waits for a free slot" in beta.logs(), timeout=30)
        assert (await _newest_job(postgres_url, "beta"))[1] == "queued"
        shown = await discord_fake.wait_for(
            lambda: second.original if "queued" in second.original.content.lower() else None, timeout=30)
        assert "waits for it" in shown.content  # its requester sees it queued, not "waiting for the model"
        assert emulator.holding == 1  # beta did not call the API: the one bot-wide slot is alpha's

        refused = await _imagine(discord_fake, odd, "one too many", model="emu/hold", user="bob")
        refusal = await answer(discord_fake, refused)
        assert "spending limit for today" in refusal.content
        assert png_files(refusal) == []

        emulator.release()
        for it in (first, second):
            assert len(png_files(await wait_final(discord_fake, it))) == 1
        assert discord_fake.server_errors == []
