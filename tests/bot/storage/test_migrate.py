from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import aiosqlite
import pytest

from bot.records.guild import GuildSettings
from bot.records.job import JobStatus
from bot.records.quota import Quota, QuotaExceeded
from bot.records.spec import InputRef
from bot.records.usage import UsageTotals
from bot.storage import SqliteStore
from bot.storage.migrate import Migration, MigrationError, load_migrations, run_migrations
from bot.storage.sqlite import SqliteMigrationTarget, split_statements
from tests.bot.storage.factories import PNG_BYTES, spec


@pytest.fixture
async def raw_db() -> AsyncIterator[aiosqlite.Connection]:
    """A bare in-memory connection set up the way the store sets up its own."""
    db = await aiosqlite.connect(":memory:", isolation_level=None)
    yield db
    await db.close()


def _applied(path: Path) -> list[tuple[int, str, float]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").fetchall()


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_packaged_sqlite_migrations_start_with_the_initial_schema_in_order() -> None:
    migrations = load_migrations("sqlite")

    assert migrations[0].version == 1
    assert migrations[0].name == "0001_initial"
    assert [m.version for m in migrations] == sorted({m.version for m in migrations})
    assert all(split_statements(m.sql) for m in migrations)


async def test_a_new_database_file_gets_every_migration_exactly_once(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"

    async with await SqliteStore.open(path):
        pass

    versions = [m.version for m in load_migrations("sqlite")]
    assert [row[0] for row in _applied(path)] == versions
    assert {"jobs", "input_images", "meta", "schema_migrations", "guild_settings", "guild_models", "guild_channels",
            "guild_roles"} <= _tables(path)
    assert "job_inputs" not in _tables(path)  # replaced by input_images in 0002


async def test_reopening_applies_nothing_again_and_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    async with await SqliteStore.open(path) as store:
        job = await store.jobs.create(spec(prompt="kept across restarts"), created_at=1.0)
        await store.meta.set("command_tree_hash", "abc")
    assert job is not None
    first = _applied(path)

    async with await SqliteStore.open(path) as store:
        again = await store.jobs.get(job.id)
        tree_hash = await store.meta.get("command_tree_hash")

    assert _applied(path) == first  # same rows, same applied_at
    assert again is not None
    assert again.spec.prompt == "kept across restarts"
    assert tree_hash == "abc"


async def _create_version_1_database(path: Path) -> None:
    """A database as the first release left it: migration 0001 only, three jobs with input images (two
    sharing the same bytes under different types) and one without."""
    async with aiosqlite.connect(path, isolation_level=None) as db:
        await run_migrations(SqliteMigrationTarget(db), load_migrations("sqlite")[:1])
        jobs = [(1, 100.0, PNG_BYTES, "image/png"), (2, 200.0, b"second image", "image/jpeg"),
                (3, 300.0, PNG_BYTES, "image/webp"), (4, 400.0, None, None)]
        for job_id, created_at, data, mime in jobs:
            await db.execute(
                "INSERT INTO jobs (id, requester_id, is_dm, prompt, model, created_at, interaction_token)"
                " VALUES (?, 1001, 0, 'edit this', 'some/model', ?, 'tok-old')", (job_id, created_at))
            if data is not None:
                await db.execute("INSERT INTO job_inputs (job_id, mime, data) VALUES (?, ?, ?)",
                                 (job_id, mime, data))


async def test_upgrading_a_version_1_database_keeps_every_jobs_input_image(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    await _create_version_1_database(path)

    async with await SqliteStore.open(path) as store:
        records = {job_id: await store.jobs.get(job_id) for job_id in (1, 2, 3, 4)}
        images = {ref.sha256: await store.inputs.get(ref.sha256)
                  for record in records.values() if record is not None and (ref := record.spec.input)}

    assert all(record is not None for record in records.values())
    assert [record.spec.input for record in records.values() if record is not None] == [
        InputRef.of(PNG_BYTES, "image/png"), InputRef.of(b"second image", "image/jpeg"),
        InputRef.of(PNG_BYTES, "image/webp"), None]
    assert images == {InputRef.of(PNG_BYTES, "").sha256: PNG_BYTES,
                      InputRef.of(b"second image", "").sha256: b"second image"}
    assert "job_inputs" not in _tables(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT sha256, created_at FROM input_images ORDER BY created_at").fetchall() == [
            (InputRef.of(PNG_BYTES, "").sha256, 100.0), (InputRef.of(b"second image", "").sha256, 200.0)]


async def test_an_upgraded_database_opens_again_without_changes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    await _create_version_1_database(path)
    async with await SqliteStore.open(path):
        pass
    applied = _applied(path)

    async with await SqliteStore.open(path) as store:
        record = await store.jobs.get(1)

    assert _applied(path) == applied
    assert record is not None
    assert record.spec.input == InputRef.of(PNG_BYTES, "image/png")


async def _create_version_2_database(path: Path) -> None:
    """A database as the second release left it (0001 and 0002): in server 2002, member 1001 has a queued job
    for two images, a succeeded one for three that cost 0.04, and one that failed; with an input image."""
    async with aiosqlite.connect(path, isolation_level=None) as db:
        await run_migrations(SqliteMigrationTarget(db), load_migrations("sqlite")[:2])
        sha256 = InputRef.of(PNG_BYTES, "image/png").sha256
        await db.execute("INSERT INTO input_images (sha256, mime, created_at, data) VALUES (?, 'image/png', 1.0, ?)",
                         (sha256, PNG_BYTES))
        jobs = [(1, 2, "queued", None, None, sha256), (2, 3, "succeeded", "0.04", 950.0, None),
                (3, 4, "failed", None, 960.0, None)]
        for job_id, count, status, cost, finished_at, image in jobs:
            await db.execute(
                "INSERT INTO jobs (id, requester_id, guild_id, is_dm, prompt, model, count, status, created_at,"
                " finished_at, cost, input_sha256, input_mime)"
                " VALUES (?, 1001, 2002, 0, 'a cat', 'some/model', ?, ?, 900.0, ?, ?, ?, ?)",
                (job_id, count, status, finished_at, cost, image, None if image is None else "image/png"))


async def test_upgrading_a_version_2_database_counts_its_jobs_and_adds_server_settings(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    await _create_version_2_database(path)

    async with await SqliteStore.open(path) as store:
        old = await store.jobs.get(1)
        usage = await store.usage.member(1001, guild_id=2002, since=0.0)
        with pytest.raises(QuotaExceeded) as refused:  # 2 queued + 3 delivered: the old jobs count
            await store.jobs.create(spec(count=1), created_at=1000.0, quota=Quota(now=1000.0, daily_images=5))
        await store.jobs.finish(1, status=JobStatus.SUCCEEDED, finished_at=1000.0, cost=Decimal("0.02"), images=1)
        settled = await store.usage.member(1001, guild_id=2002, since=0.0)
        settings = await store.guilds.save(GuildSettings(guild_id=2002, role_ids=frozenset({7})), now=1000.0)
        history = await store.usage.model_history("some/model")

    assert old is not None
    assert (old.status, old.spec.count, old.spec.input) == (JobStatus.QUEUED, 2, InputRef.of(PNG_BYTES, "image/png"))
    assert usage == UsageTotals(jobs=3, images=5, cost=Decimal("0.04"))  # the old queued job reserved nothing
    assert refused.value.kind == "daily"
    assert settled == UsageTotals(jobs=3, images=4, cost=Decimal("0.06"))
    assert settings.role_ids == frozenset({7})
    assert history.samples == 2
    assert [row[0] for row in _applied(path)] == [m.version for m in load_migrations("sqlite")]
    with sqlite3.connect(path) as db:
        indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"jobs_guild_created_idx", "jobs_model_status_finished_idx"} <= indexes


async def test_pending_migrations_run_in_version_order(raw_db: aiosqlite.Connection) -> None:
    migrations = [
        Migration(2, "0002_add_column", "ALTER TABLE things ADD COLUMN colour TEXT;"),
        Migration(1, "0001_things", "CREATE TABLE things (id INTEGER PRIMARY KEY);"),
    ]

    applied = await run_migrations(SqliteMigrationTarget(raw_db), migrations, clock=lambda: 123.0)

    assert [m.name for m in applied] == ["0001_things", "0002_add_column"]
    rows = await raw_db.execute_fetchall("SELECT version, name, applied_at FROM schema_migrations ORDER BY 1")
    assert [tuple(row) for row in rows] == [(1, "0001_things", 123.0), (2, "0002_add_column", 123.0)]
    assert await run_migrations(SqliteMigrationTarget(raw_db), migrations) == []


async def test_a_failing_migration_leaves_no_half_applied_schema(raw_db: aiosqlite.Connection) -> None:
    migrations = [
        Migration(1, "0001_good", "CREATE TABLE good (x INTEGER);"),
        Migration(2, "0002_bad", "CREATE TABLE half (x INTEGER);\nINSERT INTO missing_table VALUES (1);"),
    ]

    with pytest.raises(MigrationError, match="0002_bad"):
        await run_migrations(SqliteMigrationTarget(raw_db), migrations)

    tables = {row[0] for row in await raw_db.execute_fetchall("SELECT name FROM sqlite_master")}
    assert "good" in tables
    assert "half" not in tables
    assert await SqliteMigrationTarget(raw_db).applied_versions() == {1}


async def test_a_migration_another_process_already_recorded_is_skipped(raw_db: aiosqlite.Connection) -> None:
    target = SqliteMigrationTarget(raw_db)
    await target.ensure_migrations_table()
    await raw_db.execute("INSERT INTO schema_migrations VALUES (1, '0001_things', 1.0)")

    changed = await target.apply(Migration(1, "0001_things", "CREATE TABLE things (id INTEGER);"),
                                 applied_at=2.0)

    assert changed is False
    tables = {row[0] for row in await raw_db.execute_fetchall("SELECT name FROM sqlite_master")}
    assert "things" not in tables


def test_dialect_files_replace_shared_ones_for_their_dialect_only(tmp_path: Path) -> None:
    (tmp_path / "0001_initial.sqlite.sql").write_text("-- sqlite\n")
    (tmp_path / "0001_initial.postgresql.sql").write_text("-- postgresql\n")
    (tmp_path / "0002_shared.sql").write_text("-- both\n")
    (tmp_path / "README.md").write_text("not a migration")

    sqlite_side = load_migrations("sqlite", tmp_path)
    postgres_side = load_migrations("postgresql", tmp_path)

    assert [(m.version, m.name, m.sql) for m in sqlite_side] == [
        (1, "0001_initial", "-- sqlite\n"), (2, "0002_shared", "-- both\n")]
    assert [(m.version, m.name, m.sql) for m in postgres_side] == [
        (1, "0001_initial", "-- postgresql\n"), (2, "0002_shared", "-- both\n")]


def test_two_files_for_one_version_are_refused(tmp_path: Path) -> None:
    (tmp_path / "0001_initial.sqlite.sql").write_text("SELECT 1;")
    (tmp_path / "0001_other.sql").write_text("SELECT 1;")

    with pytest.raises(MigrationError, match="version 1"):
        load_migrations("sqlite", tmp_path)


@pytest.mark.parametrize("name", ["1_initial.sql", "0001-initial.sql", "0001_initial.mysql.sql"])
def test_badly_named_migration_files_are_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("SELECT 1;")

    with pytest.raises(MigrationError, match="migration file"):
        load_migrations("sqlite", tmp_path)


def test_statements_split_only_where_sqlite_says_they_end() -> None:
    script = """
    -- a comment; with a semicolon
    CREATE TABLE t (x TEXT DEFAULT 'a;b');
    /* block; comment */
    CREATE TRIGGER tr AFTER INSERT ON t BEGIN
        UPDATE t SET x = 'c;d';
    END;
    ;
    -- trailing comment
    """

    statements = split_statements(script)

    assert len(statements) == 2
    assert statements[0].endswith("DEFAULT 'a;b');")
    assert statements[1].startswith("/* block; comment */\n    CREATE TRIGGER")
    assert statements[1].endswith("END;")


def test_a_script_missing_its_last_semicolon_is_refused() -> None:
    with pytest.raises(MigrationError, match="incomplete"):
        split_statements("CREATE TABLE a (x);\nCREATE TABLE b (x)")
