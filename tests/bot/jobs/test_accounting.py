"""Paid work always counts: each request of a job is settled in the usage ledger when its answer ends, whatever
happens to the job afterwards; Cancel stops only what still costs; reservations follow the size. The service is
wired as the bot wires it (see test_service.py's world), on a real event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.images.errors import ModelImageInvalid
from bot.jobs.errors import JobCancelled
from bot.jobs.job import Job
from bot.jobs.progress import Progress
from bot.jobs.service import CancelOutcome
from bot.openroute.errors import InvalidImageData
from bot.policy import PolicyRefusal
from bot.records.ledger import CostSource
from bot.records.usage import UsageTotals
from tests.bot.jobs.real_loop import on_a_real_loop
from tests.bot.jobs.test_service import (
    ALICE,
    CAROL_IN_DM,
    COST_ESTIMATE,
    EMULATOR_COST,
    GUILD_ID,
    HANDLE,
    World,
    delivered,
    running_world,
    server_spent,
    submit,
)


async def progress_until(job: Job[Any], reached: Callable[[Progress], bool]) -> None:
    async for snapshot in job.changes():
        if reached(snapshot.progress):
            return
        assert not snapshot.done, "the job ended first"


async def alices_usage(world: World) -> UsageTotals:
    return await world.store.usage.member(ALICE.user_id, guild_id=GUILD_ID, since=0.0)


def ledger_of(entries: list[Any]) -> list[tuple[Decimal | None, int, CostSource | None]]:
    return [(entry.settled_cost, entry.images, entry.cost_source) for entry in entries]


@on_a_real_loop
async def test_a_cancel_after_one_of_two_requests_answered_counts_that_one_and_nothing_for_the_other(
        tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/hold": None}, default_daily_limit=2) as world:
        submitted = await submit(world, ALICE, model="emu/hold", count=2)
        await world.emulator.wait_held(2)
        world.emulator.release_one()
        await progress_until(submitted.job, lambda progress: progress.answered == 1)
        assert submitted.job.progress.cancel_saves_money  # the other request still runs

        assert world.service.cancel(ALICE, submitted.record) is CancelOutcome.CANCELLED
        with pytest.raises(JobCancelled):
            await submitted.job.wait()

        assert ledger_of(await world.store.ledger.entries(submitted.record.id)) == [
            (EMULATOR_COST, 1, CostSource.REPORTED), (Decimal(0), 0, CostSource.NONE)]
        assert await alices_usage(world) == UsageTotals(jobs=1, images=1, cost=EMULATOR_COST)
        with pytest.raises(PolicyRefusal, match="daily limit of 2 images"):
            await submit(world, ALICE, count=2)  # the paid image counts toward the limit


@on_a_real_loop
async def test_once_every_request_answered_cancel_is_refused_and_the_member_gets_the_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with running_world(tmp_path) as world:
        decoding, go_on = asyncio.Event(), asyncio.Event()
        check = world.images.check

        async def slow_check(data: bytes, **kwargs: int) -> Any:
            decoding.set()
            await go_on.wait()  # the images are being decoded when the member presses Cancel
            return await check(data, **kwargs)

        monkeypatch.setattr(world.images, "check", slow_check)
        submitted = await submit(world, ALICE, count=2)
        await decoding.wait()

        assert submitted.job.progress.answered == 2
        assert not submitted.job.progress.cancel_saves_money  # the result view offers no Cancel any more
        assert world.service.cancel(ALICE, submitted.record) is CancelOutcome.ALREADY_PAID

        go_on.set()
        await delivered(world, submitted)
        assert await alices_usage(world) == UsageTotals(jobs=1, images=2, cost=2 * EMULATOR_COST)
        stored = await world.store.jobs.get(submitted.record.id)
        assert stored is not None
        assert stored.status.value == "succeeded"


@on_a_real_loop
async def test_a_paid_image_that_fails_to_decode_still_counts_its_cost_and_image(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        submitted = await submit(world, ALICE, model="emu/bomb")  # a PNG too large to decode, paid for
        with pytest.raises(ModelImageInvalid):
            await submitted.job.wait()

        assert await alices_usage(world) == UsageTotals(jobs=1, images=1, cost=EMULATOR_COST)


@on_a_real_loop
async def test_an_unusable_image_in_the_stream_counts_its_reservation_and_image(tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/not-an-image": None}) as world:
        submitted = await submit(world, ALICE, model="emu/not-an-image")  # the answer broke before its usage
        with pytest.raises(InvalidImageData):
            await submitted.job.wait()

        assert await alices_usage(world) == UsageTotals(jobs=1, images=1, cost=COST_ESTIMATE)


@on_a_real_loop
async def test_an_answer_without_a_cost_counts_its_reservation_until_its_generation_is_looked_up(
        tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/no-cost": None}) as world:
        submitted = await submit(world, ALICE, model="emu/no-cost")
        await delivered(world, submitted)
        await world.service.accounting.idle()

        [entry] = await world.store.ledger.entries(submitted.record.id)
        assert (entry.settled_cost, entry.cost_source) == (EMULATOR_COST, CostSource.LOOKED_UP)
        asked = [request.query["id"] for request in world.emulator.requests if request.path.endswith("/generation")]
        assert asked == [entry.generation_id]
        assert await server_spent(world) == EMULATOR_COST


@on_a_real_loop
async def test_when_nobody_can_say_what_a_request_cost_its_share_of_the_reservation_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with running_world(tmp_path, prices={"emu/no-cost": None}) as world:
        async def unknown(generation_id: str) -> None:
            return None

        monkeypatch.setattr(world.client, "generation_cost", unknown)
        submitted = await submit(world, ALICE, model="emu/no-cost")
        await delivered(world, submitted)
        await world.service.accounting.idle()

        [entry] = await world.store.ledger.entries(submitted.record.id)
        assert (entry.settled_cost, entry.cost_source, entry.images) == (COST_ESTIMATE, CostSource.RESERVED, 1)


@on_a_real_loop
async def test_a_larger_job_reserves_the_listed_price_times_its_size_factor_not_what_1k_images_cost(
        tmp_path: Path) -> None:
    factors = {"1K": Decimal(1), "2K": Decimal("1.5")}
    async with running_world(tmp_path, prices={"emu/hold": "0.10"},
                             size_factor=lambda size: factors.get(size or "1K", Decimal(1))) as world:
        world.emulator.release()
        cheap = await submit(world, ALICE, model="emu/hold")  # a 1K job teaches the bot 0.039 an image at 1K
        await delivered(world, cheap)
        assert await world.service.estimate_cost("emu/hold", 1) == EMULATOR_COST

        spec = world.service.new_spec(prompt="a big one", model="emu/hold", image_size="2K", count=2)
        assert await world.service.estimate_cost("emu/hold", 2, "2K") == Decimal("0.300")
        big = await world.service.submit(ALICE, spec, handle=HANDLE)

        entries = await world.store.ledger.entries(big.record.id)
        assert sum(entry.reserved_cost for entry in entries) == Decimal("0.300")
        await delivered(world, big)


@on_a_real_loop
async def test_a_members_dm_jobs_count_toward_one_concurrency_limit_across_processes(tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/hold": None}, max_jobs_per_user=1) as world:
        first = await submit(world, CAROL_IN_DM, model="emu/hold")
        await world.emulator.wait_held(1)
        sibling = await world.next_start()  # another process on the same database, with its own engine

        with pytest.raises(PolicyRefusal, match="running in direct messages"):
            await sibling.submit(CAROL_IN_DM, sibling.new_spec(prompt="again", model="emu/png"), handle=HANDLE)

        world.emulator.release()
        await delivered(world, first)
