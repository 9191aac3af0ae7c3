"""What counts toward usage and quotas, in SQL: the usage ledger's images and money, and the scope conditions.

Every figure a limit, a budget or /usage shows is counted from `usage_ledger` (one row per provider request),
never from the jobs, whose history a member may delete. Only live concurrency is counted from unfinished jobs,
which nothing deletes.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from bot.records.job import UNFINISHED_STATUSES
from bot.records.usage import UsageTotals
from bot.storage.base import decode_cost
from bot.storage.sql.database import Session

DAY = 24 * 60 * 60

_UNFINISHED_SQL = ", ".join(f"'{status.value}'" for status in sorted(UNFINISHED_STATUSES))
# the images a request counts: what it expects while open, what the provider produced once settled
_IMAGES_SQL = "CASE WHEN settled_at IS NULL THEN expected ELSE images END"
# the money a request counts (decimal text, summed in Python): its reservation while open, its cost once settled
_SPENT_SQL = "CASE WHEN settled_at IS NULL THEN reserved_cost ELSE settled_cost END"


def _place(*, guild_id: int | None, is_dm: bool) -> tuple[str, tuple[Any, ...]]:
    """The condition selecting the rows of one scope: all DM rows, or the (non-DM) rows of one server."""
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
    """The money the ledger rows matching `where` count. Equal amounts are grouped in SQL, summed exactly here."""
    rows = await db.fetch(f"SELECT spent, COUNT(*) FROM (SELECT {_SPENT_SQL} AS spent FROM usage_ledger"
                          f" WHERE {where}) AS counted WHERE spent IS NOT NULL GROUP BY spent", params)
    return sum((_money(spent) * times for spent, times in rows), Decimal(0))


async def _totals(db: Session, where: str, params: Sequence[Any]) -> UsageTotals:
    [(jobs, images)] = await db.fetch(
        f"SELECT COUNT(DISTINCT job_id), COALESCE(SUM({_IMAGES_SQL}), 0) FROM usage_ledger WHERE {where}", params)
    return UsageTotals(jobs=int(jobs), images=int(images), cost=await _spent(db, where, params))
