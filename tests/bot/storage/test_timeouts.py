"""A database that does not answer: every call ends within DATABASE_TIMEOUT with `DatabaseUnavailable` (naming
the database, never its password), the operator reads one line per outage, nothing is left half-written, and
the store serves again once the database is back. PostgreSQL is frozen for real (SIGSTOP on a server of the
tests' own); SQLite is held by another connection's write lock."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from bot.storage import DatabaseUnavailable, SqlStore, open_store, until_answered
from bot.storage.postgres import LIMITS_LOCK, MIGRATIONS_LOCK, database_address
from tests.conftest import FreezablePostgres

PASSWORD = "hunter2-very-secret"


def with_password(url: str) -> str:
    """The URL with a password in it (the tests' servers trust loopback logins, so any password works)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:{PASSWORD}@{parts.hostname}:{parts.port}"))


def outage_lines(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [record.getMessage() for record in caplog.records
            if record.name == "bot.storage.outage" and record.levelno == level]


async def sql_store(url: str, timeout: float) -> SqlStore:
    store = await open_store(url, timeout=timeout)
    assert isinstance(store, SqlStore)
    return store


async def check_quota(store: SqlStore, key: str) -> None:
    """An exclusive transaction that writes a row, as a quota check and its reservation do."""
    async with store.database.transaction(exclusive=True) as db:
        await db.execute("INSERT INTO meta (key, value) VALUES (?, 'checked')", (key,))


# --- PostgreSQL -----------------------------------------------------------------------------------------

async def test_a_frozen_postgres_fails_every_call_with_one_error_and_serves_again_once_it_is_back(
        freezable_postgres: FreezablePostgres, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.storage.outage")
    url = with_password(freezable_postgres.new_database())
    async with await sql_store(url, timeout=1) as store:
        await store.meta.set("greeting", "hello")
        with freezable_postgres.frozen():
            outcomes = await asyncio.gather(store.meta.get("greeting"), store.guilds.get(7), store.jobs.get(1),
                                            store.meta.set("greeting", "changed"), return_exceptions=True)
        after = await store.meta.get("greeting")

    assert [type(outcome) for outcome in outcomes] == [DatabaseUnavailable] * 4
    error = outcomes[0]
    assert isinstance(error, DatabaseUnavailable)
    address = database_address(url)
    assert error.database == f"PostgreSQL {address}"
    assert error.timeout == 1
    assert after == "hello"  # the write cut off by the freeze did not land
    warnings = outage_lines(caplog, logging.WARNING)
    assert len(warnings) == 1, warnings  # one line for the operator per outage, however many calls failed
    assert address in warnings[0]
    assert "DATABASE_TIMEOUT=1s" in warnings[0]
    assert len(outage_lines(caplog, logging.INFO)) == 1  # ... and one when it answers again
    assert PASSWORD not in caplog.text + "".join(str(outcome) for outcome in outcomes)


async def test_a_transaction_cut_off_by_a_frozen_postgres_leaves_nothing_behind(
        freezable_postgres: FreezablePostgres) -> None:
    async def frozen_before_the_second_write(store: SqlStore) -> None:
        async with store.database.transaction(exclusive=True) as db:
            await db.execute("INSERT INTO meta (key, value) VALUES ('first', 'written')")
            with freezable_postgres.frozen():
                await db.execute("INSERT INTO meta (key, value) VALUES ('second', 'never answered')")

    async with await sql_store(freezable_postgres.new_database(), timeout=1) as store:
        with pytest.raises(DatabaseUnavailable):
            await frozen_before_the_second_write(store)
        rows = await store.database.fetch("SELECT key FROM meta WHERE key IN ('first', 'second')")
        await check_quota(store, "third")  # the advisory lock was given back

    assert rows == []


async def test_an_exclusive_transaction_gives_up_on_a_sibling_holding_the_limits_lock(postgres_url: str) -> None:
    sibling = await asyncpg.connect(postgres_url)  # a process stuck in the middle of a quota check
    try:
        async with await sql_store(postgres_url, timeout=1) as store:
            transaction = sibling.transaction()
            await transaction.start()
            await sibling.execute("SELECT pg_advisory_xact_lock($1)", LIMITS_LOCK)
            with pytest.raises(DatabaseUnavailable) as caught:
                await check_quota(store, "quota")
            assert await store.meta.get("quota") is None  # plain reads are not held up by it
            await transaction.commit()
            await check_quota(store, "quota")
            assert await store.meta.get("quota") == "checked"
    finally:
        await sibling.close()

    assert "lock" in caught.value.reason


async def test_a_process_waiting_for_another_ones_migrations_is_not_cut_off_by_the_timeout(postgres_url: str) -> None:
    migrating = await asyncpg.connect(postgres_url)  # another process applying migrations
    try:
        await migrating.execute("SELECT pg_advisory_lock($1)", MIGRATIONS_LOCK)
        opening = asyncio.create_task(sql_store(postgres_url, timeout=0.2))
        waiting = ("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                   "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
        while not await migrating.fetchval(waiting):
            assert not opening.done(), opening.exception()
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.5)  # the other process takes longer than the timeout
        await migrating.execute("SELECT pg_advisory_unlock($1)", MIGRATIONS_LOCK)
        async with await opening as store:
            assert await store.meta.get("anything") is None
    finally:
        await migrating.close()


# --- SQLite ---------------------------------------------------------------------------------------------

async def test_sqlite_held_by_another_writer_past_the_timeout_gives_database_unavailable(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "bot.db"
    async with await sql_store(f"sqlite:///{path}", timeout=0.3) as store:
        await store.meta.set("greeting", "hello")
        other = sqlite3.connect(path, isolation_level=None)  # e.g. a second bot process, a backup, a shell
        try:
            other.execute("BEGIN IMMEDIATE")
            outcomes = await asyncio.gather(store.meta.set("greeting", "changed"), store.meta.set("b", "x"),
                                            store.meta.set("c", "y"), return_exceptions=True)
            read_meanwhile = await store.meta.get("greeting")  # WAL: readers are not held up by the writer
        finally:
            other.execute("ROLLBACK")
            other.close()
        await store.meta.set("greeting", "changed")
        after = await store.meta.get("greeting")

    assert [type(outcome) for outcome in outcomes] == [DatabaseUnavailable] * 3
    error = outcomes[0]
    assert isinstance(error, DatabaseUnavailable)
    assert error.database == f"SQLite {path}"
    assert error.timeout == 0.3
    assert "write lock" in error.reason
    assert read_meanwhile == "hello"
    assert after == "changed"
    assert len(outage_lines(caplog, logging.WARNING)) == 1


# --- writes that must land ------------------------------------------------------------------------------

async def test_a_write_that_must_land_is_made_again_until_the_database_answers() -> None:
    attempts: list[int] = []
    waits: list[float] = []

    async def finish_job() -> str:
        attempts.append(len(attempts) + 1)
        if len(attempts) < 4:
            raise DatabaseUnavailable("SQLite bot.db", "no answer within 1 s", timeout=1)
        return "written"

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    assert await until_answered(finish_job, what="job 5's end", sleep=sleep, max_delay=3) == "written"
    assert attempts == [1, 2, 3, 4]
    assert waits == [1, 2, 3]


async def test_a_write_failing_for_another_reason_is_not_made_again() -> None:
    attempts = 0

    async def broken() -> None:
        nonlocal attempts
        attempts += 1
        raise ValueError("a bug, not an outage")

    with pytest.raises(ValueError, match="a bug"):
        await until_answered(broken, what="job 5's end")
    assert attempts == 1
