"""Money around a job: what it will probably cost (reserved against budgets until its real cost is known) and
how long its model usually takes, both from the model's recent jobs on this bot; and the once-a-month warning
when a server's spending nears its budget."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.policy.rules import month_start
from bot.records.spec import JobSpec
from bot.records.usage import ModelHistory

if TYPE_CHECKING:
    from bot.jobs.catalog import ModelCatalog
    from bot.policy.settings import SettingsService
    from bot.storage.base import MetaRepository, UsageRepository

log = logging.getLogger(__name__)

HISTORY_JOBS = 20  # a model's latest priced requests / succeeded jobs its estimates come from
TYPICAL_MIN_SAMPLES = 3
BUDGET_WARNING = Decimal("0.8")  # share of a server's monthly budget at which its audit channel is warned


@dataclass(frozen=True, slots=True)
class BudgetAlert:
    """A server's spending this month passed `BUDGET_WARNING` of its budget (said once per month)."""

    guild_id: int
    channel_id: int | None  # the server's audit channel
    spent: Decimal
    budget: Decimal


class CostEstimates:
    """A job's likely cost and its model's usual duration, from the model's history on this bot at that size."""

    def __init__(self, usage: UsageRepository, catalog: ModelCatalog, *, cost_estimate: Decimal,
                 size_factor: Callable[[str | None], Decimal] | None = None) -> None:
        self._usage = usage
        self._catalog = catalog
        self._cost_estimate = cost_estimate
        self._size_factor = size_factor or (lambda _: Decimal(1))

    async def estimate_cost(self, model: str, count: int, image_size: str | None = None) -> Decimal:
        """What a job will probably cost, reserved against budgets until its real cost is known: per image,
        this model's recorded average cost on this bot at that size (its last `HISTORY_JOBS` priced requests),
        else its listed per-image price times the size's `COST_SIZE_FACTORS`, else COST_ESTIMATE_USD times that
        factor; times the count."""
        return self.estimate(await self.history(model, image_size), model, count, image_size=image_size)

    async def history(self, model: str, image_size: str | None = None) -> ModelHistory:
        """The model's recent history here at that size: one look-up serves both estimates."""
        return await self._usage.model_history(model, image_size=image_size, last=HISTORY_JOBS)

    def estimate(self, history: ModelHistory, model: str, count: int, *, image_size: str | None = None) -> Decimal:
        """`estimate_cost` from a history already looked up."""
        per_image = history.avg_cost
        if per_image is None:
            listed = self._catalog.find(model)
            price = (listed.pricing.image_output or listed.pricing.request or None) if listed is not None else None
            per_image = (price if price is not None else self._cost_estimate) * self._size_factor(image_size)
        return per_image * count

    @staticmethod
    def typical_seconds(history: ModelHistory) -> float | None:
        """How long the model usually takes on this bot (None without enough history)."""
        return history.avg_seconds if history.samples >= TYPICAL_MIN_SAMPLES else None


class BudgetAlerts:
    """Tells, once per server and month, that a finished job took the server's spending past the warning."""

    def __init__(self, usage: UsageRepository, meta: MetaRepository, guilds: SettingsService, *,
                 clock: Callable[[], float] = time.time) -> None:
        self._usage = usage
        self._meta = meta
        self._guilds = guilds
        self._clock = clock
        self._lock = asyncio.Lock()

    async def after(self, spec: JobSpec) -> BudgetAlert | None:
        """The alert due now that `spec`'s job has been settled, or None."""
        if spec.is_dm or spec.guild_id is None:
            return None
        guild = await self._guilds.get(spec.guild_id)
        budget = guild.monthly_budget_usd
        if not budget:
            return None
        since = month_start(self._clock())
        async with self._lock:  # one warning per server and month, even when jobs end together
            spent = (await self._usage.guild(spec.guild_id, since=since)).cost
            if spent < budget * BUDGET_WARNING:
                return None
            key = f"budget-warning:{spec.guild_id}:{since:.0f}"
            if await self._meta.get(key) is not None:
                return None
            await self._meta.set(key, str(spent))
        log.info("guild %d: %s of the monthly budget %s spent", spec.guild_id, spent, budget)
        return BudgetAlert(guild_id=spec.guild_id, channel_id=guild.log_channel_id, spent=spent, budget=budget)
