"""The quota checks made before a job is recorded (inside `JobRepository.create`'s transaction): images,
cooldown and money from the usage ledger, concurrency from the unfinished jobs."""

from __future__ import annotations

from decimal import Decimal

from bot.records.quota import Quota, QuotaExceeded, QuotaKind
from bot.records.spec import JobSpec
from bot.storage.sql.counting import _IMAGES_SQL, _UNFINISHED_SQL, DAY, _member_place, _place, _spent
from bot.storage.sql.database import Session


def _check_budget(kind: QuotaKind, budget: Decimal, *, spent: Decimal, reserve: Decimal) -> None:
    # used up refuses even a job that reserves nothing; otherwise the reservation must fit
    if spent >= budget or spent + reserve > budget:
        raise QuotaExceeded(kind, limit=budget)


async def check_quota(db: Session, spec: JobSpec, quota: Quota) -> None:
    """Raise QuotaExceeded for the first limit of `quota` the new job does not fit (see `JobRepository`)."""
    mine, mine_params = _member_place(spec.requester_id, guild_id=spec.guild_id, is_dm=spec.is_dm)
    if quota.cooldown:
        [(latest,)] = await db.fetch(f"SELECT MAX(created_at) FROM usage_ledger WHERE {mine}", mine_params)
        if latest is not None and (left := latest + quota.cooldown - quota.now) > 0:
            raise QuotaExceeded("cooldown", limit=quota.cooldown, retry_after=left)
    if quota.daily_images:
        [(used, oldest)] = await db.fetch(
            "SELECT COALESCE(SUM(n), 0), MIN(CASE WHEN n > 0 THEN created_at END)"
            f" FROM (SELECT created_at, {_IMAGES_SQL} AS n FROM usage_ledger WHERE {mine} AND created_at > ?)"
            " AS counted", (*mine_params, quota.now - DAY))
        if used + spec.count > quota.daily_images:
            raise QuotaExceeded("daily", limit=quota.daily_images,
                                retry_after=None if oldest is None else oldest + DAY - quota.now)
    if quota.concurrent:
        [(unfinished,)] = await db.fetch(
            f"SELECT COUNT(*) FROM jobs WHERE {mine} AND status IN ({_UNFINISHED_SQL})", mine_params)
        if unfinished >= quota.concurrent:
            raise QuotaExceeded("concurrent", limit=quota.concurrent)
    if quota.guild_budget and not spec.is_dm and spec.guild_id is not None:
        place, place_params = _place(guild_id=spec.guild_id, is_dm=False)
        spent = await _spent(db, f"{place} AND created_at >= ?", (*place_params, quota.month_start))
        _check_budget("guild_budget", quota.guild_budget, spent=spent, reserve=quota.reserve)
    if quota.global_budget:
        spent = await _spent(db, "created_at > ?", (quota.now - DAY,))
        _check_budget("global_budget", quota.global_budget, spent=spent, reserve=quota.reserve)
