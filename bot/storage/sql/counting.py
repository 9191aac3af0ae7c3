"""What a job counts toward usage and quotas: its images and money in SQL, and the scope conditions."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from bot.records.job import UNFINISHED_STATUSES, JobStatus
from bot.records.usage import UsageTotals
from bot.storage.base import decode_cost
from bot.storage.sql.database import Session

DAY = 24 * 60 * 60

_UNFINISHED_SQL = ", ".join(f"'{status.value}'" for status in sorted(UNFINISHED_STATUSES))
# the images a job counts: its count while unfinished, the images delivered once succeeded, else none
_IMAGES_SQL = (f"CASE WHEN status IN ({_UNFINISHED_SQL}) THEN count"
               f" WHEN status = '{JobStatus.SUCCEEDED.value}' THEN COALESCE(images, count) ELSE 0 END")
# the money a job counts (decimal text, summed in Python): its cost once reported (even before it is
# delivered), else its reservation while unfinished, else nothing
_SPENT_SQL = f"CASE WHEN cost IS NOT NULL THEN cost WHEN status IN ({_UNFINISHED_SQL}) THEN reserved_cost END"


def _place(*, guild_id: int | None, is_dm: bool) -> tuple[str, tuple[Any, ...]]:
    """The condition selecting the jobs of one scope: all DM jobs, or the (non-DM) jobs of one server."""
    if is_dm:
        return "is_dm = ?", (True,)
    if guild_id is None:
        return "guild_id IS NULL AND is_dm = ?", (False,)
    return "guild_id = ? AND is_dm = ?", (guild_id, False)


def _member_place(requester_id: int, *, guild_id: int | None, is_dm: bool) -> tuple[str, tuple[Any, ...]]:
    place, params = _place(guild_id=guild_id, is_dm=is_dm)
    return f"requester_id = ? AND {place}", (requester_id, *params)


def _money(text: str) -> Decimal:
    return decode_cost(text) or Decimal(0)


async def _spent(db: Session, where: str, params: Sequence[Any]) -> Decimal:
    """The money the jobs matching `where` count. Equal amounts are grouped in SQL, summed exactly here."""
    rows = await db.fetch(f"SELECT spent, COUNT(*) FROM (SELECT {_SPENT_SQL} AS spent FROM jobs WHERE {where})"
                          " AS counted WHERE spent IS NOT NULL GROUP BY spent", params)
    return sum((_money(spent) * times for spent, times in rows), Decimal(0))


async def _totals(db: Session, where: str, params: Sequence[Any]) -> UsageTotals:
    [(jobs, images)] = await db.fetch(f"SELECT COUNT(*), COALESCE(SUM({_IMAGES_SQL}), 0) FROM jobs WHERE {where}",
                                      params)
    return UsageTotals(jobs=int(jobs), images=int(images), cost=await _spent(db, where, params))
