"""One of the bot processes in the race tests (test_race.py): `python -m tests.bot.storage.race_worker URL WHAT N`.

It opens the store (for `migrate`: only after the start signal), prints `ready`, waits for a line on stdin (the
start signal the test gives every worker at once), does WHAT N times concurrently and prints how many got through.
"""

from __future__ import annotations

import asyncio
import sys
from decimal import Decimal

from bot.records.job import JobStatus
from bot.records.quota import Quota, QuotaExceeded
from bot.records.spec import JobSpec
from bot.storage import Store, open_store

NOW = 1_700_000_000.0
GUILD = 2002
BUDGET = Quota(now=NOW, guild_budget=Decimal("1.00"), reserve=Decimal("0.10"))  # room for 10 jobs
DAILY = Quota(now=NOW, daily_images=5)  # room for 5 one-image jobs of one member
MAX_RUNNING = 3


def _spec(requester_id: int) -> JobSpec:
    return JobSpec(requester_id=requester_id, guild_id=GUILD, channel_id=3003, is_dm=False, prompt="race",
                   model="some/model")


async def _create(store: Store, requester_id: int, quota: Quota) -> bool:
    try:
        await store.jobs.create(_spec(requester_id), created_at=NOW, quota=quota)
    except QuotaExceeded:
        return False
    return True


async def _attempts(store: Store, what: str, n: int) -> list[bool]:
    if what == "budget":
        return await asyncio.gather(*(_create(store, 1000 + i, BUDGET) for i in range(n)))
    if what == "daily":
        return await asyncio.gather(*(_create(store, 1001, DAILY) for _ in range(n)))
    if what == "claim":
        queued = [row[0] for row in await store.database.fetch(  # type: ignore[attr-defined]
            "SELECT id FROM jobs WHERE status = ? ORDER BY id", (JobStatus.QUEUED.value,))]
        claims = await asyncio.gather(*(store.jobs.claim_running(job_id, started_at=NOW, max_running=MAX_RUNNING)
                                        for job_id in queued))
        return [claim is True for claim in claims]
    raise SystemExit(f"unknown race {what!r}")


async def main(url: str, what: str, n: int) -> None:
    store = None if what == "migrate" else await open_store(url, pool_size=4)
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    if store is None:
        store = await open_store(url, pool_size=1)
        passed = [True]
    else:
        passed = await _attempts(store, what, n)
    await store.close()
    print(sum(passed), flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
