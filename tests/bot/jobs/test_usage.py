"""What /usage reports: a member's images and cost today (rolling 24 h) and this month (UTC calendar
month), the daily limit /imagine applies and what is left of it, the cooldown still running; a server's
totals for its moderators only; forgetting; and how long a model usually takes."""

from __future__ import annotations

import calendar
import dataclasses
import io
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from unittest.mock import patch

import pytest
from PIL import Image

from bot.images import worker as worker_module
from bot.images.chart import ChartText, usage_chart
from bot.images.worker import ImageWorker
from bot.jobs.usage import CHART_DAYS, UsageService
from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.policy.settings import SettingsService
from bot.records.guild import GuildSettings
from bot.records.job import JobStatus
from bot.records.spec import JobSpec
from bot.records.usage import Forgotten, ModelHistory, UsageTotals
from bot.storage import Store, open_store
from tests.bot.jobs.real_loop import on_a_real_loop

HOUR = 3600.0
DAY = 24 * HOUR
NOW = float(calendar.timegm((2025, 5, 15, 12, 0, 0)))  # mid-May, midday UTC
GUILD_ID = 10
MEMBER = Actor(user_id=1, guild_id=GUILD_ID, channel_id=100, is_dm=False)
WORDS = ChartText(title="Images per day · last 2 days", peak="max 5 images a day", peak_axis="5", no_usage="no usage",
                  empty="Nothing to show yet")
MODERATOR = Actor(user_id=2, guild_id=GUILD_ID, channel_id=100, is_dm=False, manages_guild=True)
IN_DM = Actor(user_id=1, guild_id=None, channel_id=200, is_dm=True)


@dataclass
class Job:
    requester: int
    guild_id: int | None  # None: a DM job
    created_at: float
    images: int = 1
    cost: Decimal = Decimal("0.04")
    model: str = "emu/png"
    seconds: float | None = 10.0


class FakeUsageRepository:
    """`UsageRepository` over a list of jobs that already count as the contract says (images, cost)."""

    def __init__(self, jobs: list[Job] | None = None) -> None:
        self.jobs = list(jobs or [])
        self.forgotten: list[int] = []

    @staticmethod
    def _sum(jobs: list[Job]) -> UsageTotals:
        return UsageTotals(jobs=len(jobs), images=sum(j.images for j in jobs),
                           cost=sum((j.cost for j in jobs), Decimal(0)))

    async def member(self, requester_id: int, *, guild_id: int | None, since: float) -> UsageTotals:
        return self._sum([j for j in self.jobs
                          if j.requester == requester_id and j.guild_id == guild_id and j.created_at >= since])

    async def guild(self, guild_id: int, *, since: float) -> UsageTotals:
        return self._sum([j for j in self.jobs if j.guild_id == guild_id and j.created_at >= since])

    async def everywhere(self, *, since: float) -> UsageTotals:
        return self._sum([j for j in self.jobs if j.created_at >= since])

    async def top_members(self, guild_id: int, *, since: float, limit: int = 5) -> list[tuple[int, UsageTotals]]:
        people = {j.requester for j in self.jobs if j.guild_id == guild_id and j.created_at >= since}
        ranked = [(p, await self.member(p, guild_id=guild_id, since=since)) for p in people]
        ranked.sort(key=lambda row: (-row[1].images, -row[1].jobs, row[0]))
        return ranked[:limit]

    async def daily(self, guild_id: int, *, days: int, now: float) -> list[tuple[float, UsageTotals]]:
        today = now - now % DAY
        starts = [today - DAY * back for back in range(days - 1, -1, -1)]
        return [(start, self._sum([j for j in self.jobs
                                   if j.guild_id == guild_id and start <= j.created_at < start + DAY]))
                for start in starts]

    async def last_request_at(self, requester_id: int, *, guild_id: int | None) -> float | None:
        return max((j.created_at for j in self.jobs if j.requester == requester_id and j.guild_id == guild_id),
                   default=None)

    async def model_history(self, model: str, *, image_size: str | None = None, last: int = 20) -> ModelHistory:
        done = [j for j in self.jobs if j.model == model][-last:]
        timed = [j.seconds for j in done if j.seconds is not None]
        return ModelHistory(samples=len(done), avg_cost=None,
                            avg_seconds=sum(timed) / len(timed) if timed else None)

    async def forget(self, user_id: int) -> Forgotten:
        mine = [j for j in self.jobs if j.requester == user_id]
        self.jobs = [j for j in self.jobs if j.requester != user_id]
        self.forgotten.append(user_id)
        return Forgotten(jobs=len(mine), unfinished=0)


class FakeGuildSettings:
    def __init__(self, *settings: GuildSettings) -> None:
        self.saved = {s.guild_id: s for s in settings}

    async def get(self, guild_id: int) -> GuildSettings:
        return self.saved.get(guild_id, GuildSettings(guild_id=guild_id))

    async def save(self, settings: GuildSettings, *, now: float) -> GuildSettings:
        self.saved[settings.guild_id] = settings
        return settings


async def no_models() -> list[ImageModel] | None:
    return None


def service(jobs: list[Job] | None = None, *, guild: GuildSettings | None = None, now: float = NOW,
            **operator: object) -> tuple[UsageService, FakeUsageRepository]:
    policy = Policy(PolicySettings(**operator), clock=lambda: now)  # type: ignore[arg-type]
    settings = SettingsService(FakeGuildSettings(*([guild] if guild else [])), policy, no_models, clock=lambda: now)
    repository = FakeUsageRepository(jobs)
    return UsageService(repository, settings, policy, images=ImageWorker(max_workers=1), clock=lambda: now), repository


# --- a member's numbers ----------------------------------------------------------------------------------

async def test_today_is_the_last_24_hours_and_the_month_the_calendar_month():
    jobs = [Job(1, GUILD_ID, NOW - 2 * HOUR, images=3, cost=Decimal("0.12")),
            Job(1, GUILD_ID, NOW - 30 * HOUR, images=2, cost=Decimal("0.08")),
            Job(1, GUILD_ID, float(calendar.timegm((2025, 4, 30, 23, 0, 0))), images=10, cost=Decimal(1))]
    usage, _ = service(jobs)
    mine = await usage.member(MEMBER)
    assert (mine.images_today, mine.cost_today) == (3, Decimal("0.12"))
    assert (mine.images_month, mine.cost_month) == (5, Decimal("0.20"))


async def test_just_after_midnight_on_the_first_yesterdays_images_count_today_but_not_this_month():
    now = float(calendar.timegm((2025, 6, 1, 1, 0, 0)))
    usage, _ = service([Job(1, GUILD_ID, now - 2 * HOUR, images=4)], now=now)
    mine = await usage.member(MEMBER)
    assert (mine.images_today, mine.images_month) == (4, 0)


async def test_only_the_members_own_jobs_where_they_ask_count():
    jobs = [Job(1, GUILD_ID, NOW - HOUR, images=2), Job(1, None, NOW - HOUR, images=5),
            Job(1, 99, NOW - HOUR, images=7), Job(3, GUILD_ID, NOW - HOUR, images=11)]
    usage, _ = service(jobs)
    assert (await usage.member(MEMBER)).images_today == 2
    in_dm = await usage.member(IN_DM)
    assert (in_dm.in_dm, in_dm.images_today) == (True, 5)


async def test_a_user_installed_context_in_a_server_counts_as_direct_messages():
    jobs = [Job(1, GUILD_ID, NOW - HOUR, images=2), Job(1, None, NOW - HOUR, images=5)]
    usage, _ = service(jobs, dm_daily_limit=9)
    mine = await usage.member(dataclasses.replace(MEMBER, is_dm=True))
    assert (mine.in_dm, mine.images_today, mine.daily_limit, mine.remaining_today) == (True, 5, 9, 4)


async def test_the_servers_daily_limit_applies_and_what_is_left_is_shown():
    usage, _ = service([Job(1, GUILD_ID, NOW - HOUR, images=12)], guild=GuildSettings(guild_id=GUILD_ID,
                                                                                      daily_limit=20))
    mine = await usage.member(MEMBER)
    assert (mine.daily_limit, mine.remaining_today) == (20, 8)


async def test_without_a_server_limit_the_operators_default_applies():
    usage, _ = service([Job(1, GUILD_ID, NOW - HOUR, images=3)], default_daily_limit=5)
    mine = await usage.member(MEMBER)
    assert (mine.daily_limit, mine.remaining_today) == (5, 2)


async def test_direct_messages_use_the_dm_daily_limit():
    usage, _ = service([Job(1, None, NOW - HOUR, images=1)], dm_daily_limit=3, default_daily_limit=50)
    mine = await usage.member(IN_DM)
    assert (mine.daily_limit, mine.remaining_today) == (3, 2)


async def test_what_is_left_is_never_negative():
    # a lowered limit, or a job that delivered more than it asked for, can take a member past it
    usage, _ = service([Job(1, GUILD_ID, NOW - HOUR, images=9)], guild=GuildSettings(guild_id=GUILD_ID,
                                                                                     daily_limit=4))
    assert (await usage.member(MEMBER)).remaining_today == 0


@pytest.mark.parametrize(("actor", "guild"), [
    (dataclasses.replace(MEMBER, is_owner=True), GuildSettings(guild_id=GUILD_ID, daily_limit=4)),
    (MEMBER, GuildSettings(guild_id=GUILD_ID, daily_limit=0)),
])
async def test_owners_and_servers_that_turned_the_limit_off_have_none(actor, guild):
    usage, _ = service([Job(1, GUILD_ID, NOW - HOUR, images=9)], guild=guild)
    mine = await usage.member(actor)
    assert (mine.daily_limit, mine.remaining_today) == (None, None)


async def test_the_cooldown_left_counts_from_the_latest_request():
    usage, _ = service([Job(1, GUILD_ID, NOW - 3 * HOUR), Job(1, GUILD_ID, NOW - 15)],
                       guild=GuildSettings(guild_id=GUILD_ID, cooldown_seconds=60))
    assert (await usage.member(MEMBER)).cooldown_left == pytest.approx(45)


@pytest.mark.parametrize("jobs", [[], [Job(1, GUILD_ID, NOW - 61)]])
async def test_no_cooldown_left_before_a_first_request_or_once_it_ran_out(jobs):
    usage, _ = service(jobs, guild=GuildSettings(guild_id=GUILD_ID, cooldown_seconds=60))
    assert (await usage.member(MEMBER)).cooldown_left == 0


async def test_direct_messages_have_no_cooldown():
    usage, _ = service([Job(1, None, NOW - 1)], guild=GuildSettings(guild_id=GUILD_ID, cooldown_seconds=60))
    assert (await usage.member(IN_DM)).cooldown_left == 0


# --- a server's numbers ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("actor", "words"), [
    (MEMBER, "Manage Server"),
    (dataclasses.replace(MEMBER, manages_messages=True), "Manage Server"),
    (dataclasses.replace(IN_DM, manages_guild=True), "server"),
    (dataclasses.replace(MODERATOR, is_dm=True), "server"),  # a user-installed context: not the bot's server
])
async def test_only_moderators_in_a_server_see_its_usage(actor, words):
    usage, _ = service([Job(1, GUILD_ID, NOW - HOUR)])
    with pytest.raises(PolicyRefusal) as refused:
        await usage.server(actor)
    assert words in refused.value.reason


async def test_moderators_see_the_servers_totals_top_members_and_the_last_30_days():
    jobs = [Job(1, GUILD_ID, NOW - HOUR, images=2, cost=Decimal("0.10")),
            Job(3, GUILD_ID, NOW - 2 * HOUR, images=4, cost=Decimal("0.20")),
            Job(3, GUILD_ID, NOW - 3 * DAY, images=1, cost=Decimal("0.05")),
            Job(1, None, NOW - HOUR, images=9), Job(5, 99, NOW - HOUR, images=9),
            Job(1, GUILD_ID, float(calendar.timegm((2025, 4, 20, 0, 0, 0))), images=30)]
    usage, _ = service(jobs)
    server = await usage.server(MODERATOR)
    assert server.today == UsageTotals(jobs=2, images=6, cost=Decimal("0.30"))
    assert server.month == UsageTotals(jobs=3, images=7, cost=Decimal("0.35"))
    assert [user for user, _ in server.top_members] == [3, 1]
    assert len(server.days) == CHART_DAYS
    assert server.days[-1][1].images == 6
    assert server.days[-4][1].images == 1
    # the chart spans 30 days across the month boundary: April's job is on it, though not in this month
    assert sum(day.images for _, day in server.days) == 37


async def test_the_budget_left_is_the_monthly_budget_minus_this_months_cost_and_never_negative():
    jobs = [Job(1, GUILD_ID, NOW - HOUR, cost=Decimal("3.10"))]
    usage, _ = service(jobs, guild=GuildSettings(guild_id=GUILD_ID, monthly_budget_usd=Decimal(5)))
    server = await usage.server(MODERATOR)
    assert (server.monthly_budget, server.budget_left) == (Decimal(5), Decimal("1.90"))
    usage, _ = service(jobs, guild=GuildSettings(guild_id=GUILD_ID, monthly_budget_usd=Decimal(2)))
    assert (await usage.server(MODERATOR)).budget_left == 0


async def test_a_server_without_a_budget_has_nothing_left_to_show():
    usage, _ = service([Job(1, GUILD_ID, NOW - HOUR)])
    server = await usage.server(MODERATOR)
    assert (server.monthly_budget, server.budget_left) == (None, None)


# --- forgetting and estimates ----------------------------------------------------------------------------

async def test_forgetting_asks_storage_to_forget_only_the_member_and_says_what_it_did():
    usage, repository = service([Job(1, GUILD_ID, NOW - HOUR), Job(1, None, NOW - DAY), Job(3, GUILD_ID, NOW)])
    assert await usage.forget(MEMBER) == Forgotten(jobs=2, unfinished=0)
    assert repository.forgotten == [1]
    assert [j.requester for j in repository.jobs] == [3]



# --- against a real store (SQLite and PostgreSQL) -----------------------------------------------------------

def on_a_real_store(test: Callable[[Store], Awaitable[None]]) -> Callable[..., None]:
    """Run `test(store)` over a real store, once on SQLite and once on PostgreSQL, on a real event loop (the
    database's I/O and timeouts need a real clock)."""
    @on_a_real_loop
    async def run(database_url: str) -> None:
        async with await open_store(database_url) as store:
            await test(store)

    return run


async def record(store: Store, job: Job) -> None:
    """Store `job` as a succeeded job that delivered its images at its cost."""
    spec = JobSpec(requester_id=job.requester, guild_id=job.guild_id, channel_id=100, is_dm=job.guild_id is None,
                   prompt="a fox", model=job.model, count=job.images)
    created = await store.jobs.create(spec, created_at=job.created_at)
    await store.jobs.claim_running(created.id, started_at=job.created_at, max_running=None)
    await store.jobs.finish(created.id, status=JobStatus.SUCCEEDED, finished_at=job.created_at + (job.seconds or 0),
                            cost=job.cost, images=job.images)


async def stored_service(store: Store, jobs: list[Job], guild: GuildSettings | None = None) -> UsageService:
    for job in jobs:
        await record(store, job)
    if guild is not None:
        await store.guilds.save(guild, now=NOW)
    policy = Policy(PolicySettings(), clock=lambda: NOW)
    return UsageService(store.usage, SettingsService(store.guilds, policy, no_models, clock=lambda: NOW), policy,
                        images=ImageWorker(max_workers=1), clock=lambda: NOW)


@on_a_real_store
async def test_on_a_real_store_a_members_day_month_limit_and_cooldown(store):
    usage = await stored_service(store, [
        Job(1, GUILD_ID, NOW - 20, images=3, cost=Decimal("0.12")),
        Job(1, GUILD_ID, NOW - 30 * HOUR, images=2, cost=Decimal("0.08")),
        Job(1, None, NOW - HOUR, images=4),
        Job(1, GUILD_ID, float(calendar.timegm((2025, 4, 30, 23, 0, 0))), images=4),
    ], GuildSettings(guild_id=GUILD_ID, daily_limit=2, cooldown_seconds=60))
    mine = await usage.member(MEMBER)
    assert (mine.images_today, mine.cost_today, mine.images_month, mine.cost_month) == (
        3, Decimal("0.12"), 5, Decimal("0.20"))
    assert (mine.daily_limit, mine.remaining_today) == (2, 0)
    assert mine.cooldown_left == pytest.approx(40)


@on_a_real_store
async def test_on_a_real_store_a_moderator_sees_the_server_and_a_member_can_forget(store):
    usage = await stored_service(store, [
        Job(1, GUILD_ID, NOW - HOUR, images=1, cost=Decimal("0.04")),
        Job(3, GUILD_ID, NOW - 2 * HOUR, images=4, cost=Decimal("0.16")),
        Job(3, GUILD_ID, NOW - 3 * HOUR, images=1, cost=Decimal("0.04")),
    ], GuildSettings(guild_id=GUILD_ID, monthly_budget_usd=Decimal(1)))
    server = await usage.server(MODERATOR)
    assert server.month == UsageTotals(jobs=3, images=6, cost=Decimal("0.24"))
    assert [(user, used.images) for user, used in server.top_members] == [(3, 5), (1, 1)]
    assert server.budget_left == Decimal("0.76")
    assert len(server.days) == CHART_DAYS
    assert server.days[-1][1].images == 6
    assert await usage.forget(dataclasses.replace(MEMBER, user_id=3)) == Forgotten(jobs=2, unfinished=0)
    # the history is gone, the spend is not: the server's month, its budget and the chart are unchanged
    assert (await usage.server(MODERATOR)).month == UsageTotals(jobs=3, images=6, cost=Decimal("0.24"))
    assert (await store.usage.model_history("emu/png")).samples == 1  # one succeeded job is left


@on_a_real_store
async def test_on_a_real_store_a_model_usually_takes_the_average_of_its_recent_successful_jobs(store):
    await stored_service(store, [Job(1, GUILD_ID, NOW - n * HOUR, model="slow/one", seconds=s)
                                 for n, s in enumerate((10.0, 14.0, 18.0), start=1)])
    assert (await store.usage.model_history("slow/one")).avg_seconds == pytest.approx(14.0)


async def test_the_chart_is_drawn_on_the_image_workers_with_the_operator_s_font():
    threads, fonts = [], []

    def draw(days, text, *, font):
        threads.append(threading.current_thread().name)
        fonts.append(font)
        return usage_chart(days, text)

    pixels = ThreadPoolExecutor(max_workers=1, thread_name_prefix="image-worker")
    usage = UsageService(FakeUsageRepository([]), None, Policy(PolicySettings()),  # type: ignore[arg-type]
                         images=ImageWorker(executor=pixels, chart_font=Path("/fonts/mine.ttf")))
    try:
        with patch.object(worker_module, "usage_chart", draw):
            chart = await usage.chart([("May 1", 3.0), ("May 2", 5.0)], WORDS)
    finally:
        pixels.shutdown()

    assert threads == ["image-worker_0"]  # not asyncio's default executor, where the font is loaded too
    assert fonts == [Path("/fonts/mine.ttf")]  # CHART_FONT
    assert Image.open(io.BytesIO(chart)).size == (800, 300)
