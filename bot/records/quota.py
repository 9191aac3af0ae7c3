"""Counted limits: checked once early (to refuse before any download) and again atomically by the job
repository while it records the job, so concurrent requests can never pass a limit together."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

QuotaKind = Literal["cooldown", "daily", "concurrent", "guild_budget", "global_budget"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Quota:
    """What one new job must fit in. The scope of the per-member limits is the job's server (its
    `guild_id`), or all of the requester's DM jobs when the job is a DM job.

    - `daily_images`: images the requester may have in the rolling 24 h before `now` (queued and running
      jobs count their `count`, succeeded ones the images delivered, failed/cancelled/interrupted none).
    - `cooldown`: seconds that must have passed since the requester's latest job in scope.
    - `concurrent`: queued or running jobs the requester may have in scope.
    - `guild_budget` (with `month_start`): money the server may spend since `month_start`; spent is the
      reported cost of finished jobs plus the reservation of unfinished ones.
    - `global_budget`: money the whole bot may spend in the rolling 24 h before `now`.
    - `reserve`: this job's estimated cost, held as spent until the job is settled with its real cost.
    """

    now: float
    daily_images: int | None = None
    cooldown: float = 0.0
    concurrent: int | None = None
    guild_budget: Decimal | None = None
    month_start: float = 0.0
    global_budget: Decimal | None = None
    reserve: Decimal = Decimal(0)


class QuotaExceeded(Exception):
    """A job does not fit its `Quota`. `limit` is the limit that was reached; `retry_after` (seconds) says
    when the cooldown or the daily window frees up, where that is known."""

    def __init__(self, kind: QuotaKind, *, limit: float | Decimal | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.limit = limit
        self.retry_after = retry_after
