"""The small database interface the shared repositories are written against; each backend implements it.

SQL is written once with `?` placeholders (the PostgreSQL adapter numbers them). A row supports `row[0]`,
`row["column"]` and tuple unpacking (sqlite3.Row and asyncpg.Record both do).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol


class Row(Protocol):
    """One result row: by position, by column name, or unpacked."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...


class Session(Protocol):
    """Statements inside one transaction or snapshot (see `Database`)."""

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """The rows a query (or a statement with RETURNING) gives."""
        ...

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        ...

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per parameter row."""
        ...


class Database(Protocol):
    """One database: single statements, write transactions and consistent reads."""

    dialect: str  # "sqlite" or "postgresql": which migration files apply

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """The rows of one query run on its own."""
        ...

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """One statement on its own (committed at once); the number of rows it changed."""
        ...

    def transaction(self, *, exclusive: bool = False) -> AbstractAsyncContextManager[Session]:
        """A write transaction, committed when the block ends (rolled back on an error). `exclusive`: also
        serialized with every other exclusive transaction on this database, from any process, and reading
        what the previous one committed (quota checks, the running-jobs cap)."""
        ...

    def snapshot(self) -> AbstractAsyncContextManager[Session]:
        """A read-only transaction: every query in the block sees the same data."""
        ...
