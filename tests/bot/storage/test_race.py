"""Two bot processes on one database at once (real OS processes, tests/bot/storage/race_worker.py): the limits they
share are never overspent and a new database is migrated once."""

from __future__ import annotations

import asyncio
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from bot.records.job import JobStatus
from bot.storage import SqlStore, open_store
from bot.storage.migrate import load_migrations
from tests.bot.storage import race_worker
from tests.bot.storage.conftest import scalar

ROOT = Path(__file__).resolve().parents[3]
PROCESSES = 2


async def _race(url: str, what: str, attempts: int) -> int:
    """Start the workers, let them all go at once, and add up what got through."""
    workers = [await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.bot.storage.race_worker", url, what, str(attempts), cwd=ROOT,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE) for _ in range(PROCESSES)]
    for worker in workers:
        assert worker.stdout is not None
        assert await worker.stdout.readline() == b"ready\n"
    outputs = await asyncio.gather(*(worker.communicate(b"go\n") for worker in workers))
    assert [worker.returncode for worker in workers] == [0] * PROCESSES
    return sum(int(stdout) for stdout, _ in outputs)


@pytest.fixture
async def store(database_url: str) -> SqlStore:
    opened = await open_store(database_url)
    assert isinstance(opened, SqlStore)
    await opened.close()  # migrated: the workers only race for the limits
    return opened


async def test_two_processes_never_overspend_one_server_budget(database_url: str, store: SqlStore) -> None:
    passed = await _race(database_url, "budget", attempts=12)

    async with await open_store(database_url) as after:
        spent = (await after.usage.guild(race_worker.GUILD, since=0.0)).cost

    assert passed == 10
    assert spent == Decimal("1.00")


async def test_two_processes_never_pass_one_members_daily_limit(database_url: str, store: SqlStore) -> None:
    passed = await _race(database_url, "daily", attempts=8)

    async with await open_store(database_url) as after:
        images = (await after.usage.member(1001, guild_id=race_worker.GUILD, since=0.0)).images

    assert passed == images == 5


async def test_two_processes_never_run_more_jobs_than_the_cap(database_url: str, store: SqlStore) -> None:
    async with await open_store(database_url) as before:
        for n in range(12):
            await before.jobs.create(race_worker._spec(n), created_at=race_worker.NOW)

    passed = await _race(database_url, "claim", attempts=0)

    async with await open_store(database_url) as after:
        assert isinstance(after, SqlStore)
        running = await scalar(after, "SELECT COUNT(*) FROM jobs WHERE status = ?", (JobStatus.RUNNING.value,))

    assert passed == running == race_worker.MAX_RUNNING


async def test_two_processes_starting_on_a_new_postgres_database_both_start_and_migrate_it_once(
        postgres_url: str) -> None:
    await _race(postgres_url, "migrate", attempts=1)

    async with await open_store(postgres_url) as after:
        assert isinstance(after, SqlStore)
        applied = [tuple(row) for row in await after.database.fetch(
            "SELECT version, name FROM schema_migrations ORDER BY version")]

    assert applied == [(m.version, m.name) for m in load_migrations("postgresql")]
