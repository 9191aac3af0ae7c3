"""What members and servers used, and what they have left: the numbers behind /usage, the progress estimate
and /privacy forget. Discord-free: callers describe the person with `Actor`.

"Today" is the rolling 24 hours the daily limit counts; "this month" the calendar month (UTC) the server
budget counts. The limits come from `Policy.quota_for`, so /usage always shows the limits /imagine applies.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.i18n import msg
from bot.policy.rules import DAY, Actor, Policy, PolicyRefusal, month_start
from bot.records.usage import Forgotten, UsageTotals

if TYPE_CHECKING:
    from bot.images.chart import ChartText
    from bot.images.worker import ImageWorker
    from bot.policy.settings import SettingsService
    from bot.storage.base import UsageRepository

log = logging.getLogger(__name__)

CHART_DAYS = 30
TOP_MEMBERS = 5


@dataclass(frozen=True, slots=True)
class MemberUsage:
    """One member's usage where they asked (`in_dm`: their DM jobs, else the server's)."""

    in_dm: bool
    images_today: int
    cost_today: Decimal
    images_month: int
    cost_month: Decimal
    daily_limit: int | None  # None: no limit applies to them here
    remaining_today: int | None  # None with no limit; never negative
    cooldown_left: float  # seconds until the next request is accepted; 0: now


@dataclass(frozen=True, slots=True)
class ServerUsage:
    """A server's usage for its moderators."""

    guild_id: int
    today: UsageTotals
    month: UsageTotals
    top_members: tuple[tuple[int, UsageTotals], ...]  # (user id, totals this month), biggest first
    monthly_budget: Decimal | None  # None: the server set no budget
    budget_left: Decimal | None  # None without a budget; never negative
    days: tuple[tuple[float, UsageTotals], ...]  # (UTC midnight, totals), the last CHART_DAYS days, oldest first


class UsageService:
    """Reads usage totals and applies the limits that /imagine applies; deletes a member's history."""

    def __init__(self, usage: UsageRepository, settings: SettingsService, policy: Policy, *, images: ImageWorker,
                 clock: Callable[[], float] = time.time) -> None:
        self._usage = usage
        self._settings = settings
        self._policy = policy
        self._images = images
        self._clock = clock

    async def member(self, actor: Actor) -> MemberUsage:
        """The actor's images and cost today and this month where they are, the daily limit that applies,
        what is left of it and how long their cooldown still runs."""
        now = self._clock()
        guild_id = _scope(actor)
        guild = await self._settings.get(guild_id) if guild_id is not None else None
        quota = self._policy.quota_for(actor, guild, reserve=Decimal(0))
        today = await self._usage.member(actor.user_id, guild_id=guild_id, since=now - DAY)
        month = await self._usage.member(actor.user_id, guild_id=guild_id, since=month_start(now))
        limit = quota.daily_images
        cooldown_left = 0.0
        if quota.cooldown > 0:
            last = await self._usage.last_request_at(actor.user_id, guild_id=guild_id)
            if last is not None:
                cooldown_left = max(0.0, last + quota.cooldown - now)
        return MemberUsage(
            in_dm=guild_id is None,
            images_today=today.images,
            cost_today=today.cost,
            images_month=month.images,
            cost_month=month.cost,
            daily_limit=limit,
            remaining_today=None if limit is None else max(0, limit - today.images),
            cooldown_left=cooldown_left,
        )

    async def server(self, actor: Actor) -> ServerUsage:
        """The server's totals, biggest members, budget and daily series. Moderators (Manage Server) only."""
        guild_id = _scope(actor)
        if guild_id is None:
            raise PolicyRefusal(msg("Server usage belongs to a server: use /usage server:True in a server the bot "
                                    "is a member of."))
        if not actor.manages_guild:
            raise PolicyRefusal(msg("Only members with the Manage Server permission can see the server's usage."))
        now = self._clock()
        since_month = month_start(now)
        guild = await self._settings.get(guild_id)
        today = await self._usage.guild(guild_id, since=now - DAY)
        month = await self._usage.guild(guild_id, since=since_month)
        top = await self._usage.top_members(guild_id, since=since_month, limit=TOP_MEMBERS)
        days = await self._usage.daily(guild_id, days=CHART_DAYS, now=now)
        budget = guild.monthly_budget_usd or None
        return ServerUsage(
            guild_id=guild_id,
            today=today,
            month=month,
            top_members=tuple(top),
            monthly_budget=budget,
            budget_left=None if budget is None else max(Decimal(0), budget - month.cost),
            days=tuple(days),
        )

    async def chart(self, days: Sequence[tuple[str, float]], text: ChartText) -> bytes:
        """A PNG bar chart of (label, value) per day (`bot.images.chart.usage_chart`) with the reader's words
        (`text`), drawn on the image workers."""
        return await self._images.usage_chart(days, text)

    async def forget(self, actor: Actor) -> Forgotten:
        """Delete the actor's finished requests (prompts, input images, results' history) everywhere; what they
        spent stays in the usage ledger for limits and budgets (`LEDGER_DAYS`); unfinished jobs finish."""
        forgotten = await self._usage.forget(actor.user_id)
        log.info("user %d: history forgotten at their request (%d jobs; %d unfinished left to finish)",
                 actor.user_id, forgotten.jobs, forgotten.unfinished)
        return forgotten


def _scope(actor: Actor) -> int | None:
    """The server whose jobs the actor's requests count among, or None for their DM jobs."""
    return None if actor.is_dm or actor.guild_id is None else actor.guild_id
