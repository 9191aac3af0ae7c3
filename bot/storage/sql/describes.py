"""The repository of Describe: the prompts of each describe job, and what a describe model's requests cost."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.records.ledger import CostSource
from bot.storage.sql.counting import _money
from bot.storage.sql.database import Database

MAX_PROMPTS = 4  # the buttons 1 2 3 4


class SqlDescribeRepository:
    """`DescribeRepository` over a `Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def save_prompts(self, job_id: int, prompts: Sequence[str]) -> None:
        """Store the prompts of a describe job, numbered from 1 in order (replacing any stored before)."""
        if not 1 <= len(prompts) <= MAX_PROMPTS:
            raise ValueError(f"a describe has 1 to {MAX_PROMPTS} prompts, got {len(prompts)}")
        async with self._db.transaction() as db:
            await db.execute("DELETE FROM describe_prompts WHERE job_id = ?", (job_id,))
            await db.executemany("INSERT INTO describe_prompts (job_id, position, prompt) VALUES (?, ?, ?)",
                                 [(job_id, number, prompt) for number, prompt in enumerate(prompts, 1)])

    async def prompts(self, job_id: int) -> tuple[str, ...]:
        """The job's prompts in order; empty when it has none (unknown, failed, or deleted with its job)."""
        rows = await self._db.fetch("SELECT prompt FROM describe_prompts WHERE job_id = ? ORDER BY position",
                                    (job_id,))
        return tuple(row[0] for row in rows)

    async def usual_cost(self, model: str, *, last: int = 20) -> Decimal | None:
        """What one describe request of `model` cost on average over its `last` settled requests whose cost is
        known (reported or looked up); None without any. A describe's ledger entries are the ones that expect
        no image."""
        if last < 1:
            raise ValueError(f"last must be at least 1, got {last}")
        rows = await self._db.fetch(
            "SELECT settled_cost FROM usage_ledger WHERE model = ? AND expected = 0 AND cost_source IN (?, ?)"
            " ORDER BY settled_at DESC LIMIT ?", (model, CostSource.REPORTED.value, CostSource.LOOKED_UP.value, last))
        if not rows:
            return None
        return sum((_money(row[0]) for row in rows), Decimal(0)) / len(rows)
