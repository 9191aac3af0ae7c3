"""Describe in storage: a describe job's prompts kept by its id, its ledger entry (money, never images), and
/privacy forget taking the prompts with the job. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.records.job import JobStatus
from bot.records.ledger import Answer, CostSource
from bot.records.quota import Quota, QuotaExceeded
from bot.records.spec import InputRef, JobKind
from bot.records.usage import UsageTotals
from bot.storage import SqlStore
from tests.bot.storage.conftest import scalar
from tests.bot.storage.factories import PNG_BYTES, spec

NOW = 1_700_000_000.0
GUILD = 2002
MEMBER = 1001
VISION = "openai/gpt-4o-mini"
PROMPTS = ("a red fox in fresh snow, morning light", "a lighthouse at dusk, oil painting",
           "a cat on a windowsill, watercolour", "a city street in the rain, neon")


async def describe_job(store: SqlStore, *, reserve: str = "0.01", created_at: float = NOW, **changes: object):
    ref: InputRef = await store.inputs.put(PNG_BYTES, "image/png", now=created_at)
    return await store.jobs.create(spec(kind=JobKind.DESCRIBE, prompt="", model=VISION, inputs=(ref,), **changes),
                                   created_at=created_at, quota=Quota(now=created_at, reserve=Decimal(reserve)))


async def test_a_describe_jobs_prompts_read_back_in_order_by_its_id(store: SqlStore) -> None:
    job = await describe_job(store)
    other = await describe_job(store)

    await store.describes.save_prompts(job.id, PROMPTS)
    await store.describes.save_prompts(other.id, PROMPTS[:2])

    assert await store.describes.prompts(job.id) == PROMPTS
    assert await store.describes.prompts(other.id) == PROMPTS[:2]
    assert await store.describes.prompts(job.id + 1000) == ()


@pytest.mark.parametrize("count", [0, 5])
async def test_a_describe_keeps_one_to_four_prompts(store: SqlStore, count: int) -> None:
    job = await describe_job(store)
    with pytest.raises(ValueError, match="1 to 4 prompts"):
        await store.describes.save_prompts(job.id, [f"prompt {n}" for n in range(count)])
    assert await store.describes.prompts(job.id) == ()


async def test_a_describe_reserves_money_and_expects_no_image(store: SqlStore) -> None:
    job = await describe_job(store, reserve="0.01")

    [entry] = await store.ledger.entries(job.id)
    assert (entry.expected, entry.reserved_cost, entry.model) == (0, Decimal("0.01"), VISION)
    assert await store.usage.member(MEMBER, guild_id=GUILD, since=0.0) == UsageTotals(1, 0, Decimal("0.01"))

    await store.ledger.settle(job.id, Answer(request=0, images=0, cost=Decimal("0.0012"), generation_id="gen-d"),
                              settled_at=NOW + 3)
    assert await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=NOW + 4,
                                   cost=Decimal("0.0012"), images=0)
    [entry] = await store.ledger.entries(job.id)
    assert (entry.images, entry.settled_cost, entry.cost_source) == (0, Decimal("0.0012"), CostSource.REPORTED)
    assert await store.usage.member(MEMBER, guild_id=GUILD, since=0.0) == UsageTotals(1, 0, Decimal("0.0012"))


async def test_a_describe_counts_toward_budgets_and_cooldown_but_no_image_limit(store: SqlStore) -> None:
    await describe_job(store, reserve="0.05")

    # an image job still has its one image of a daily limit of one
    await store.jobs.create(spec(), created_at=NOW + 1, quota=Quota(now=NOW + 1, daily_images=1))
    with pytest.raises(QuotaExceeded) as budget:
        await store.jobs.check(spec(), Quota(now=NOW + 2, guild_budget=Decimal("0.05"), month_start=NOW - 10,
                                             reserve=Decimal("0.01")))
    assert budget.value.kind == "guild_budget"
    with pytest.raises(QuotaExceeded) as cooldown:
        await store.jobs.check(spec(), Quota(now=NOW + 2, cooldown=60))
    assert cooldown.value.kind == "cooldown"


async def test_a_settled_describe_that_was_paid_and_gave_no_prompt_still_counts(store: SqlStore) -> None:
    job = await describe_job(store, reserve="0.01")
    await store.ledger.settle(job.id, Answer(request=0, images=0, cost=Decimal("0.0003"), generation_id=None),
                              settled_at=NOW + 1)
    await store.jobs.finish(job.id, status=JobStatus.FAILED, finished_at=NOW + 2, error="no prompts",
                            cost=Decimal("0.0003"), images=0)

    assert await store.usage.guild(GUILD, since=0.0) == UsageTotals(1, 0, Decimal("0.0003"))
    assert await store.describes.prompts(job.id) == ()


async def test_forgetting_deletes_a_members_describe_prompts_and_keeps_their_spend(store: SqlStore) -> None:
    mine = await describe_job(store)
    theirs = await describe_job(store, requester_id=MEMBER + 1)
    for job in (mine, theirs):
        await store.describes.save_prompts(job.id, PROMPTS)
        await store.ledger.settle(job.id, Answer(request=0, images=0, cost=Decimal("0.002"), generation_id=None),
                                  settled_at=NOW + 1)
        await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=NOW + 2, images=0)

    forgotten = await store.usage.forget(MEMBER)

    assert forgotten.jobs == 1
    assert await store.describes.prompts(mine.id) == ()
    assert await scalar(store, "SELECT COUNT(*) FROM describe_prompts WHERE job_id = ?", (mine.id,)) == 0
    assert await store.describes.prompts(theirs.id) == PROMPTS
    assert await store.usage.member(MEMBER, guild_id=GUILD, since=0.0) == UsageTotals(1, 0, Decimal("0.002"))


async def test_a_describe_models_usual_cost_is_the_average_of_its_known_costs(store: SqlStore) -> None:
    assert await store.describes.usual_cost(VISION) is None
    for cost in ("0.001", "0.003", None):  # the last reported none: its reservation stands in, not counted
        job = await describe_job(store, reserve="0.04")
        await store.ledger.settle(job.id, Answer(request=0, images=0, cost=None if cost is None else Decimal(cost),
                                                 generation_id=None), settled_at=NOW + 1)
    image_job = await store.jobs.create(spec(model=VISION), created_at=NOW, quota=Quota(now=NOW))
    await store.ledger.settle(image_job.id, Answer(request=0, images=1, cost=Decimal("0.5"), generation_id=None),
                              settled_at=NOW + 1)  # an image request of the same id is not a describe

    assert await store.describes.usual_cost(VISION) == Decimal("0.002")
    assert await store.describes.usual_cost("other/model") is None
