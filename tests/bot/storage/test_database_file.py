"""The database file on disk: who can read it, and what an operator sees when it cannot be used."""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.config import ConfigError
from bot.storage import SqliteStore, open_store
from tests.bot.storage.factories import PNG_BYTES, spec


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o277])
async def test_the_database_and_its_wal_and_shm_files_are_owner_only_whatever_the_umask(
        tmp_path: Path, mask: int) -> None:
    path = tmp_path / "bot.db"
    with _umask(mask):
        async with await SqliteStore.open(path) as store:
            ref = await store.inputs.put(PNG_BYTES, "image/png", now=1.0)
            await store.jobs.create(spec(inputs=(ref,)), created_at=1.0)
            files = [path, path.with_name("bot.db-wal"), path.with_name("bot.db-shm")]

            assert all(file.exists() for file in files)
            assert {file.name: _mode(file) for file in files} == {file.name: 0o600 for file in files}


async def test_a_database_created_in_a_new_directory_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "nested" / "bot.db"
    with _umask(0o000):
        async with await open_store(f"sqlite:///{path}"):
            pass

    assert _mode(path) == 0o600


async def test_an_existing_database_keeps_its_mode_and_a_shared_one_is_warned_about(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "bot.db"
    async with await SqliteStore.open(path):
        pass
    path.chmod(0o640)  # the operator's choice, e.g. for a backup group

    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        async with await SqliteStore.open(path):
            pass

    assert _mode(path) == 0o640
    assert "chmod 600" in caplog.text


async def test_a_directory_as_database_file_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    path.mkdir()

    with pytest.raises(ConfigError, match=r"^cannot open the database file .*bot\.db: it is a directory"):
        await open_store(f"sqlite:///{path}")


@pytest.mark.parametrize("below", ["bot.db", "sub/bot.db"])
async def test_a_database_below_a_regular_file_is_a_config_error_naming_the_file(
        tmp_path: Path, below: str) -> None:
    (tmp_path / "file.txt").write_text("not a directory")
    path = tmp_path / "file.txt" / below  # fails even for root

    with pytest.raises(ConfigError, match="cannot open the database file") as caught:
        await SqliteStore.open(path)

    assert str(path) in str(caught.value)
    assert "not a directory" in str(caught.value)


async def test_a_file_that_is_not_a_database_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 20)

    with pytest.raises(ConfigError, match=r"notes\.db: it is not an SQLite database"):
        await SqliteStore.open(path)


async def test_permission_denied_creating_the_file_is_a_config_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bot.db"
    real_open = os.open

    def refuse_our_file(file: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        if Path(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, flags, mode, **kwargs)

    monkeypatch.setattr(os, "open", refuse_our_file)

    with pytest.raises(ConfigError, match=r"^cannot open the database file .*bot\.db: permission denied"):
        await SqliteStore.open(path)
