"""The one error a database that does not answer raises, whichever backend is behind the store."""

from __future__ import annotations


class DatabaseUnavailable(Exception):
    """A database call timed out or lost its connection.

    `database` names it safely (`PostgreSQL host:port/db` or `SQLite /path/file.db`: never a password),
    `timeout` is the wait that ran out in seconds (None when the connection failed instead) and `reason`
    says what happened in a few words. The message holds only these, so it is safe to log."""

    def __init__(self, database: str, reason: str, *, timeout: float | None = None) -> None:
        self.database = database
        self.reason = reason
        self.timeout = timeout
        super().__init__(f"the database {database} is not answering: {reason}")
