"""Building blocks shared by the storage tests."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

import asyncpg

from bot.records.spec import JobSpec, ResponseHandle

# what each backend raises for a row that breaks a foreign key or a check (a programming error in the bot)
INTEGRITY_ERRORS = (sqlite3.IntegrityError, asyncpg.IntegrityConstraintViolationError)

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # not a real picture; storage treats it as bytes
CREATED_AT = 1_700_000_000.25
TOKEN = "tok-secret"

HANDLE = ResponseHandle(application_id=5005, interaction_token=TOKEN, interaction_created_at=1_699_999_999.5)

_DEFAULT_SPEC = JobSpec(
    requester_id=1001,
    guild_id=2002,
    channel_id=3003,
    is_dm=False,
    prompt="a lighthouse at dusk, oil painting",
    model="google/gemini-2.5-flash-image-preview",
)


def spec(**changes: Any) -> JobSpec:
    """A plausible guild request with some fields changed."""
    return dataclasses.replace(_DEFAULT_SPEC, **changes)


def dm_spec(**changes: Any) -> JobSpec:
    """A plausible DM request with some fields changed."""
    return spec(**{"guild_id": None, "channel_id": 4004, "is_dm": True, **changes})


async def age_heartbeats(store: Any, seconds: float, *, owner: str | None = None) -> None:
    """Make heartbeats `seconds` older, as if their owner had stopped beating that long ago (heartbeats are
    written and judged by the database's clock, so the test moves the heartbeats, not a clock)."""
    where, params = ("WHERE owner = ?", (owner,)) if owner is not None else ("", ())
    await store.database.execute(f"UPDATE jobs SET heartbeat_at = heartbeat_at - ? {where}", (seconds, *params))


async def database_now(store: Any) -> float:
    """The database's own clock, in unix seconds."""
    from bot.storage.sql.jobs import DATABASE_NOW

    [(now,)] = await store.database.fetch(f"SELECT {DATABASE_NOW[store.database.dialect]}")
    return float(now)
