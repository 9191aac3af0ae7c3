"""Schema migrations shared by every backend: numbered `.sql` files applied once each, in order.

Files live in `bot/storage/migrations/` and are read with importlib.resources, so they are found
when the bot is installed as a package too. Names:

    0002_add_index.sql              plain SQL that every backend runs as is
    0001_initial.sqlite.sql         only for SQLite (for SQL that cannot be portable, e.g. ids, BLOB)
    0001_initial.postgresql.sql     the PostgreSQL counterpart of the same version

For one dialect a version may have a dialect file or a shared file, not both. Each migration runs
in its own transaction together with its row in `schema_migrations`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Protocol

log = logging.getLogger(__name__)

DIALECTS = ("sqlite", "postgresql")

# Portable DDL: INTEGER and TEXT mean the same everywhere; DOUBLE PRECISION is SQLite REAL and
# PostgreSQL float8 (PostgreSQL's REAL is float4, too coarse for unix seconds).
SCHEMA_MIGRATIONS_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DOUBLE PRECISION NOT NULL)"
)

_FILE_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9_]+)(?:\.(?P<dialect>[a-z]+))?\.sql$")


class MigrationError(RuntimeError):
    """The migration files are inconsistent, or one of them failed to apply."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str  # "0001_initial" (the file name without dialect and extension)
    sql: str


class MigrationTarget(Protocol):
    """The few database operations the runner needs; each backend implements them."""

    async def ensure_migrations_table(self) -> None:
        """Create `schema_migrations` if it does not exist (`SCHEMA_MIGRATIONS_DDL`)."""
        ...

    async def applied_versions(self) -> set[int]:
        """The versions recorded in `schema_migrations`."""
        ...

    async def apply(self, migration: Migration, *, applied_at: float) -> bool:
        """In one transaction: run the SQL and record the version. Return False, changing nothing,
        if the version was recorded meanwhile (another process migrated first)."""
        ...


def migrations_dir() -> Traversable:
    """The packaged directory holding the `.sql` files."""
    return resources.files("bot.storage").joinpath("migrations")


def load_migrations(dialect: str, directory: Traversable | None = None) -> list[Migration]:
    """The migrations for `dialect`, ordered by version. Raises MigrationError on clashing files."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {dialect!r}; expected one of {DIALECTS}")
    directory = migrations_dir() if directory is None else directory
    chosen: dict[int, tuple[str, Migration]] = {}  # version -> (file name, migration)
    for entry in directory.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match is None:
            if entry.name.endswith(".sql"):
                raise MigrationError(f"migration file {entry.name!r} is not named NNNN_name[.dialect].sql")
            continue
        file_dialect = match["dialect"]
        if file_dialect is not None and file_dialect not in DIALECTS:
            raise MigrationError(f"migration file {entry.name!r} names an unknown dialect")
        if file_dialect not in (None, dialect):
            continue
        version = int(match["version"])
        name = f"{match['version']}_{match['name']}"
        migration = Migration(version, name, entry.read_text(encoding="utf-8"))
        if version in chosen:
            raise MigrationError(f"two migration files for version {version} in dialect {dialect!r}: "
                                 f"{chosen[version][0]!r} and {entry.name!r}")
        chosen[version] = (entry.name, migration)
    return [chosen[version][1] for version in sorted(chosen)]


async def run_migrations(target: MigrationTarget, migrations: Sequence[Migration], *,
                         clock: Callable[[], float] = time.time) -> list[Migration]:
    """Apply the migrations not yet recorded, in version order; return the ones this call applied."""
    await target.ensure_migrations_table()
    applied = await target.applied_versions()
    known = {migration.version for migration in migrations}
    if unknown := sorted(applied - known):
        # a newer release migrated this database; carrying on is usually fine, so only warn
        log.warning("The database has schema versions this release does not know: %s", unknown)
    done: list[Migration] = []
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version in applied:
            continue
        try:
            changed = await target.apply(migration, applied_at=clock())
        except Exception as exc:
            raise MigrationError(f"migration {migration.name} failed: {exc}") from exc
        if changed:
            log.info("Applied database migration %s", migration.name)
            done.append(migration)
    return done
