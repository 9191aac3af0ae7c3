"""The store both backends share: the repositories over one `Database`."""

from __future__ import annotations

from bot.storage.base import Store
from bot.storage.sql.database import Database
from bot.storage.sql.describes import SqlDescribeRepository
from bot.storage.sql.guilds import SqlGuildSettingsRepository
from bot.storage.sql.inputs import SqlInputImageRepository
from bot.storage.sql.jobs import SqlJobRepository
from bot.storage.sql.ledger import SqlLedgerRepository
from bot.storage.sql.meta import SqlMetaRepository
from bot.storage.sql.usage import SqlUsageRepository


class SqlStore(Store):
    """A `Store` whose repositories run SQL on `database`; a backend subclasses it to open and close it."""

    def __init__(self, database: Database) -> None:
        self._database = database
        super().__init__(jobs=SqlJobRepository(database), ledger=SqlLedgerRepository(database),
                         meta=SqlMetaRepository(database),
                         inputs=SqlInputImageRepository(database), guilds=SqlGuildSettingsRepository(database),
                         usage=SqlUsageRepository(database), describes=SqlDescribeRepository(database))

    @property
    def database(self) -> Database:
        """The database behind the repositories, for diagnostics and tests."""
        return self._database
