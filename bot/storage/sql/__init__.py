"""The repositories, written once against the small `Database` interface both backends implement."""

from __future__ import annotations

from bot.storage.sql.counting import DAY
from bot.storage.sql.database import Database, Row, Session
from bot.storage.sql.guilds import SqlGuildSettingsRepository
from bot.storage.sql.inputs import SqlInputImageRepository
from bot.storage.sql.jobs import SqlJobRepository
from bot.storage.sql.ledger import SqlLedgerRepository
from bot.storage.sql.meta import SqlMetaRepository
from bot.storage.sql.store import SqlStore
from bot.storage.sql.usage import SqlUsageRepository

__all__ = [
    "DAY",
    "Database",
    "Row",
    "Session",
    "SqlGuildSettingsRepository",
    "SqlInputImageRepository",
    "SqlJobRepository",
    "SqlLedgerRepository",
    "SqlMetaRepository",
    "SqlStore",
    "SqlUsageRepository",
]
