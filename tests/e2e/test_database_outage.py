"""A database that stops answering while members use the bot: PostgreSQL frozen for real (SIGSTOP on a server
of the tests' own) and SQLite held by another program's write lock. Members are told within DATABASE_TIMEOUT,
nothing is paid for or half-recorded, and the bot serves the next request normally once the database is back."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import asyncpg
import pytest

from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator
from tests.conftest import FreezablePostgres
from tests.e2e.harness import BotRunner, png_files, wait_final
from tests.e2e.moderation import answer, chat_models, imagine, usage

pytestmark = pytest.mark.e2e

NOT_ANSWERING = "The bot's database is not answering; try again in a minute."


async def generated(runner: BotRunner, prompt: str) -> None:
    """/imagine that succeeds, once its job's end is written (the result reaches Discord a moment before), so
    an outage that follows meets only the next request."""
    final = await wait_final(runner.fake, await imagine(runner.fake, prompt))
    assert len(png_files(final)) == 1, final.content
    assert runner.bot is not None
    await runner.bot.services.imagine.settled()


async def test_a_frozen_postgres_is_explained_to_members_and_the_bot_serves_again_once_it_is_back(
        runner: BotRunner, discord_fake: FakeDiscord, emulator: OpenRouteEmulator,
        freezable_postgres: FreezablePostgres) -> None:
    url = freezable_postgres.new_database()

    await runner.start(DATABASE_URL=url, DATABASE_TIMEOUT="2")
    await generated(runner, "a fox before")

    with freezable_postgres.frozen():  # answered while the database is still frozen, not after
        refused = await answer(discord_fake, await imagine(discord_fake, "a fox in the fog"))
        usage_reply = await answer(discord_fake, await discord_fake.run_command("usage", None, user="alice"))

    await generated(runner, "a fox after")
    after = (await usage(discord_fake)).content
    connection = await asyncpg.connect(url)
    try:
        jobs = [(row["prompt"], row["status"]) for row in await connection.fetch("SELECT prompt, status FROM jobs "
                                                                                   "ORDER BY id")]
    finally:
        await connection.close()

    assert NOT_ANSWERING in refused.content
    assert refused.files == []
    assert NOT_ANSWERING in usage_reply.content
    assert len(chat_models(emulator)) == 2  # the refused request cost nothing
    assert jobs == [("a fox before", "succeeded"), ("a fox after", "succeeded")]  # and left no record
    assert "**2 images**" in after


async def test_sqlite_locked_by_another_program_is_explained_and_the_bot_serves_once_it_lets_go(
        runner: BotRunner, discord_fake: FakeDiscord, emulator: OpenRouteEmulator, tmp_path: Path) -> None:
    await runner.start(DATABASE_TIMEOUT="1")
    await generated(runner, "a fox before")
    # e.g. a backup or an sqlite3 shell left in a write transaction; its own thread, as another program's
    other = sqlite3.connect(tmp_path / "bot.db", isolation_level=None, check_same_thread=False)
    try:
        await asyncio.to_thread(other.execute, "BEGIN IMMEDIATE")
        refused = await answer(discord_fake, await imagine(discord_fake, "a fox in the lock"))
        await asyncio.to_thread(other.execute, "ROLLBACK")
    finally:
        other.close()

    await generated(runner, "a fox after")
    with sqlite3.connect(tmp_path / "bot.db") as connection:
        jobs = [row[0] for row in connection.execute("SELECT prompt FROM jobs ORDER BY id")]

    assert NOT_ANSWERING in refused.content
    assert len(chat_models(emulator)) == 2
    assert jobs == ["a fox before", "a fox after"]
