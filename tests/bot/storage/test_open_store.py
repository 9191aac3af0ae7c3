from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError
from bot.storage import SqliteStore, Store, open_store, sqlite_path_from_url
from tests.bot.storage.factories import spec


def _entries(directory: Path) -> list[Path]:
    return list(directory.iterdir())


async def _pragma(store: Store, name: str) -> object:
    assert isinstance(store, SqliteStore)
    rows = list(await store.connection.execute_fetchall(f"PRAGMA {name}"))
    return rows[0][0]


async def test_relative_url_creates_the_database_under_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    store = await open_store("sqlite:///data/imagine-bot.db")
    try:
        await store.meta.set("k", "v")
    finally:
        await store.close()

    assert (tmp_path / "data" / "imagine-bot.db").is_file()
    assert isinstance(store, SqliteStore)
    assert store.path == tmp_path / "data" / "imagine-bot.db"


async def test_absolute_url_ignores_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    target = tmp_path / "nested" / "dirs" / "bot.db"
    assert str(target).startswith("/")

    async with await open_store(f"sqlite:///{target}"):
        pass

    assert target.is_file()
    assert _entries(elsewhere) == []


async def test_memory_url_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    async with await open_store("sqlite:///:memory:") as store:
        job = await store.jobs.create(spec(), created_at=1.0)
        assert job is not None
        assert await store.jobs.get(job.id) == job

    assert _entries(tmp_path) == []


@pytest.mark.parametrize(("url", "expected"), [
    ("sqlite:///data/bot.db", "/srv/app/data/bot.db"),
    ("sqlite:///bot.db", "/srv/app/bot.db"),
    ("sqlite:////var/lib/bot/bot.db", "/var/lib/bot/bot.db"),
    ("sqlite:///:memory:", ":memory:"),
    ("sqlite:///", ":memory:"),
])
def test_sqlite_urls_name_the_expected_file(url: str, expected: str) -> None:
    assert sqlite_path_from_url(url, cwd=Path("/srv/app")) == Path(expected)


async def test_file_database_runs_with_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    async with await SqliteStore.open(tmp_path / "bot.db") as store:
        assert await _pragma(store, "journal_mode") == "wal"
        assert await _pragma(store, "foreign_keys") == 1
        assert await _pragma(store, "busy_timeout") == 10_000  # DATABASE_TIMEOUT's default
        assert await _pragma(store, "synchronous") == 1  # NORMAL


async def test_the_busy_timeout_is_the_database_timeout(tmp_path: Path) -> None:
    async with await open_store(f"sqlite:///{tmp_path / 'bot.db'}", timeout=2.5) as store:
        assert isinstance(store, SqliteStore)
        assert await _pragma(store, "busy_timeout") == 2500


@pytest.mark.parametrize("url", ["mysql://bot:hunter2@db/imagine", "bot:hunter2@db", "sqlite://bot.db"])
async def test_unknown_database_urls_are_refused_without_echoing_them(url: str) -> None:
    with pytest.raises(ConfigError, match="sqlite:///") as caught:
        await open_store(url)

    assert "hunter2" not in str(caught.value)


async def test_closing_twice_is_harmless(tmp_path: Path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.db")

    await store.close()
    await store.close()

    reopened = await SqliteStore.open(tmp_path / "bot.db")
    await reopened.close()
