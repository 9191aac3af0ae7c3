"""PostgreSQL specifics: `?` placeholders, the URL forms, what an operator reads when the database cannot be used,
the pool size, and migrations that leave both backends with the same schema."""

from __future__ import annotations

import asyncio
import logging
import socket
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from bot.config import ConfigError
from bot.records.spec import InputRef
from bot.storage import PostgresStore, SqlStore, open_store
from bot.storage.migrate import load_migrations, run_migrations
from bot.storage.postgres import PostgresMigrationTarget, numbered_placeholders
from tests.bot.storage.factories import PNG_BYTES, spec


def _with(url: str, *, netloc: str | None = None, path: str | None = None, scheme: str | None = None) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=netloc or parts.netloc, path=path or parts.path,
                                     scheme=scheme or parts.scheme))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens there once the probe is closed


# --- placeholders ---------------------------------------------------------------------------------------

def test_placeholders_are_numbered_in_order() -> None:
    assert numbered_placeholders("UPDATE jobs SET status = ?, started_at = ? WHERE id IN (?, ?)") == (
        "UPDATE jobs SET status = $1, started_at = $2 WHERE id IN ($3, $4)")


def test_question_marks_in_strings_identifiers_and_comments_are_not_placeholders() -> None:
    sql = """SELECT 'why?', "odd?name", 'it''s ?' -- really?
             /* or ? here */ FROM t WHERE a = ? AND b = ?"""

    assert numbered_placeholders(sql) == sql.replace("a = ?", "a = $1").replace("b = ?", "b = $2")


def test_sql_without_placeholders_is_unchanged_and_a_translation_is_made_once() -> None:
    assert numbered_placeholders("SELECT 1") == "SELECT 1"
    numbered_placeholders("SELECT ? + ?")
    hits = numbered_placeholders.cache_info().hits

    assert numbered_placeholders("SELECT ? + ?") == "SELECT $1 + $2"
    assert numbered_placeholders.cache_info().hits == hits + 1


# --- opening ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+asyncpg"])
async def test_each_postgres_url_form_opens_a_working_postgres_store(postgres_url: str, scheme: str) -> None:
    async with await open_store(_with(postgres_url, scheme=scheme)) as store:
        job = await store.jobs.create(spec(), created_at=1.0)
        assert await store.jobs.get(job.id) == job

    assert isinstance(store, PostgresStore)


async def test_an_unreachable_server_is_a_config_error_naming_the_place_but_never_the_password(
        postgres_url: str, caplog: pytest.LogCaptureFixture) -> None:
    port = _closed_port()
    url = _with(postgres_url, netloc=f"bot:hunter2@127.0.0.1:{port}", path="/imagine")

    with caplog.at_level(logging.DEBUG), pytest.raises(ConfigError) as caught:
        await open_store(url)

    assert str(caught.value) == (f"cannot connect to the PostgreSQL database 127.0.0.1:{port}/imagine: connection "
                                 "refused (is PostgreSQL running and listening there?); check DATABASE_URL")
    assert caught.value.__cause__ is None
    assert "hunter2" not in caplog.text


async def test_a_missing_database_is_a_config_error_that_says_so(postgres_url: str) -> None:
    with pytest.raises(ConfigError, match=r"database 127\.0\.0\.1:\d+/no_such_db: the database does not exist"):
        await open_store(_with(postgres_url, path="/no_such_db"))


async def test_an_unknown_user_is_a_config_error_without_the_password(postgres_url: str) -> None:
    host = urlsplit(postgres_url).netloc.split("@")[-1]

    with pytest.raises(ConfigError, match="the server does not accept this user") as caught:
        await open_store(_with(postgres_url, netloc=f"nobody_here:hunter2@{host}"))

    assert "hunter2" not in str(caught.value)


async def test_a_process_never_holds_more_connections_than_its_pool_size(postgres_url: str) -> None:
    count = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
    async with await open_store(postgres_url, pool_size=2) as store:
        assert isinstance(store, SqlStore)
        seen = await asyncio.gather(*(store.database.fetch(count) for _ in range(20)))

    assert max(int(rows[0][0]) for rows in seen) <= 2


# --- migrations -----------------------------------------------------------------------------------------

def test_both_dialects_have_the_same_migration_versions_and_names() -> None:
    assert ([(m.version, m.name) for m in load_migrations("sqlite")]
            == [(m.version, m.name) for m in load_migrations("postgresql")])


async def _columns(store: SqlStore) -> dict[str, list[str]]:
    """Every table's column names, in order, read from the database's own catalog."""
    if isinstance(store, PostgresStore):
        rows = await store.database.fetch(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
            " ORDER BY table_name, ordinal_position")
    else:
        rows = await store.database.fetch(
            "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p"
            " WHERE m.type = 'table' ORDER BY m.name, p.cid")
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    return columns


async def test_both_backends_record_the_same_migrations_and_end_with_the_same_tables(postgres_url: str) -> None:
    async with await open_store("sqlite:///:memory:") as sqlite, await open_store(postgres_url) as postgres:
        assert isinstance(sqlite, SqlStore)
        assert isinstance(postgres, SqlStore)
        recorded = "SELECT version, name FROM schema_migrations ORDER BY version"
        sqlite_applied = [tuple(row) for row in await sqlite.database.fetch(recorded)]
        postgres_applied = [tuple(row) for row in await postgres.database.fetch(recorded)]
        sqlite_columns, postgres_columns = await _columns(sqlite), await _columns(postgres)

    assert sqlite_applied == postgres_applied == [(m.version, m.name) for m in load_migrations("postgresql")]
    assert sqlite_columns == postgres_columns


async def test_upgrading_a_version_1_postgres_database_keeps_every_jobs_input_image(postgres_url: str) -> None:
    connection = await asyncpg.connect(postgres_url)
    try:
        await run_migrations(PostgresMigrationTarget(connection), load_migrations("postgresql")[:1])
        for job_id, created_at, data, mime in [(1, 100.0, PNG_BYTES, "image/png"), (2, 200.0, b"second", "image/jpeg"),
                                               (3, 300.0, PNG_BYTES, "image/webp")]:
            await connection.execute("INSERT INTO jobs (id, requester_id, is_dm, prompt, model, created_at)"
                                     " VALUES ($1, 1001, false, 'edit this', 'some/model', $2)", job_id, created_at)
            await connection.execute("INSERT INTO job_inputs (job_id, mime, data) VALUES ($1, $2, $3)",
                                     job_id, mime, data)
    finally:
        await connection.close()

    async with await open_store(postgres_url) as store:
        inputs = [job.spec.input for job_id in (1, 2, 3) if (job := await store.jobs.get(job_id))]
        images = {ref.sha256: await store.inputs.get(ref.sha256) for ref in inputs if ref}

    assert inputs == [InputRef.of(PNG_BYTES, "image/png"), InputRef.of(b"second", "image/jpeg"),
                      InputRef.of(PNG_BYTES, "image/webp")]
    assert images == {InputRef.of(PNG_BYTES, "").sha256: PNG_BYTES, InputRef.of(b"second", "").sha256: b"second"}

