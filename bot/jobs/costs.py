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

HISTORY_JOBS = 20  # a model's latest succeeded jobs that its cost and duration estimates come from
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
    """A job's likely cost and its model's usual duration, from the model's history on this bot."""

    def __init__(self, usage: UsageRepository, catalog: ModelCatalog, *, cost_estimate: Decimal) -> None:
        self._usage = usage
        self._catalog = catalog
        self._cost_estimate = cost_estimate

    async def estimate_cost(self, model: str, count: int) -> Decimal:
        """What a job will probably cost, reserved against budgets until its real cost is known: this model's
        average on this bot over its last 20 jobs, else its listed per-image price, else COST_ESTIMATE_USD."""
        return self.estimate(await self.history(model), model, count)

    async def history(self, model: str) -> ModelHistory:
        """The model's last `HISTORY_JOBS` succeeded jobs here: one look-up serves both estimates."""
        return await self._usage.model_history(model, last=HISTORY_JOBS)

    def estimate(self, history: ModelHistory, model: str, count: int) -> Decimal:
        """`estimate_cost` from a history already looked up."""
        per_image = history.avg_cost if history.samples and history.avg_cost is not None else None
        if per_image is None:
            listed = self._catalog.find(model)
            if listed is not None:
                per_image = listed.pricing.image_output or listed.pricing.request or None
        return (per_image if per_image is not None else self._cost_estimate) * count

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
