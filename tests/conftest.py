"""Fixtures for a real PostgreSQL: one server per test session, a fresh database per test.

The server is the one in IMAGINE_TEST_POSTGRES_URL (an admin URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres)
when set, else a throwaway one started from the local PostgreSQL binaries (tests/postgres_server.py). Without
either, the tests that need it fail, saying how to provide one.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from tests import postgres_server

POSTGRES_URL_VARIABLE = "IMAGINE_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A URL of a PostgreSQL server the tests may create and drop databases on."""
    if url := os.environ.get(POSTGRES_URL_VARIABLE):
        yield url
        return
    with _throwaway_server("imagine-test-postgres-", (
            f"These tests need PostgreSQL and none could be started: {{}}\nSet {POSTGRES_URL_VARIABLE} to an admin "
            "URL of a server the tests may create databases on, or install the postgresql package so that "
            "tests/postgres_server.py can start a throwaway one.")) as (_directory, url):
        yield url


@contextmanager
def _throwaway_server(prefix: str, failure: str) -> Iterator[tuple[Path, str]]:
    """A PostgreSQL server started in a new temporary folder, and its admin URL; stopped and deleted afterwards.
    Without one the test fails with `failure`, its `{}` replaced by why."""
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        url = postgres_server.start(directory)
    except postgres_server.PostgresServerError as exc:
        shutil.rmtree(directory, ignore_errors=True)
        pytest.fail(failure.format(exc), pytrace=False)
    try:
        yield directory, url
    finally:
        postgres_server.stop(directory)
        shutil.rmtree(directory, ignore_errors=True)


def _admin(url: str, statement: str) -> None:
    """Run one statement on the admin database, on a loop of its own (fixtures run outside the tests' loop)."""
    async def run() -> None:
        connection = await asyncpg.connect(url)
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, run()).result()


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database for this test alone (dropped afterwards)."""
    name = f"imagine_test_{uuid.uuid4().hex}"
    _admin(postgres_admin_url, f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(postgres_admin_url)._replace(path=f"/{name}"))
    finally:
        _admin(postgres_admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for `open_store`, once per backend: a new SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bot.db'}"
    return str(request.getfixturevalue("postgres_url"))


class FreezablePostgres:
    """A PostgreSQL server of the tests' own (never the shared one), which a test may freeze: every process of
    it stopped with SIGSTOP, so connections stay open and nothing answers, as a hung server or a cut network."""

    def __init__(self, directory: Path, admin_url: str) -> None:
        self.directory = directory
        self.admin_url = admin_url

    def new_database(self) -> str:
        """The URL of a new, empty database on this server."""
        name = f"imagine_frozen_{uuid.uuid4().hex}"
        _admin(self.admin_url, f'CREATE DATABASE "{name}"')
        return urlunsplit(urlsplit(self.admin_url)._replace(path=f"/{name}"))

    @contextmanager
    def frozen(self) -> Iterator[None]:
        """The server stopped for the block, let go on at its end (also when the block fails)."""
        pids = postgres_server.freeze(self.directory)
        try:
            yield
        finally:
            postgres_server.thaw(pids)


@pytest.fixture(scope="session")
def freezable_postgres() -> Iterator[FreezablePostgres]:
    """A throwaway PostgreSQL server for tests that freeze it (see `FreezablePostgres`)."""
    with _throwaway_server("imagine-test-frozen-postgres-", (
            "These tests freeze a PostgreSQL server of their own and none could be started: {}\nInstall the "
            "postgresql package so that tests/postgres_server.py can start one.")) as (directory, url):
        yield FreezablePostgres(directory, url)
