"""The /imagine use case without Discord: `ImagineService` wired as `bot.app` wires it, over a real SQLite
file, the real job engine and settings service, the OpenRoute emulator and a stand-in for Discord's CDN, all on
127.0.0.1.

These tests run on a real event loop (see `on_a_real_loop`): SQLite queries, image checks and the
emulator's encoding run in threads, and the package's virtual clock would jump over timeouts and the
shutdown grace while a thread works. Everything is sequenced by events (job results, the emulator's
`wait_held`, gates the test opens), never by sleeping.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.config import OpenRouteSettings, Secret
from bot.images.worker import ImageWorker
from bot.jobs.engine import JobEngine
from bot.jobs.errors import InputDownloadFailed, JobCancelled, QueueFull, TooManyJobs
from bot.jobs.generation import ImageGenerator
from bot.jobs.inputs import InputFetcher, RemoteImage
from bot.jobs.service import CancelOutcome, ImagineService, Submitted
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import ProviderUnavailable
from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.policy.settings import SettingsService
from bot.records.job import JobRecord, JobStatus
from bot.records.spec import InputRef, ResponseHandle
from bot.storage import SqliteStore, Store, open_store
from playground.images import noise_png
from playground.openroute import OpenRouteEmulator, RecordedRequest
from playground.openroute.catalog import default_models
from tests.bot.jobs.real_loop import on_a_real_loop

API_KEY = "sk-test-service"
NOW = 1_800_000_000.0
DAY = 24 * 60 * 60
TOKEN = "interaction-token-secret"
HANDLE = ResponseHandle(application_id=5, interaction_token=TOKEN, interaction_created_at=NOW)
GUILD_ID = 10
EMULATOR_COST = Decimal("0.039")  # what the emulator reports per image
COST_ESTIMATE = Decimal("0.04")  # COST_ESTIMATE_USD: per image, for a model with no history and no price

ALICE = Actor(user_id=1, guild_id=GUILD_ID, channel_id=100, is_dm=False)
BOB = Actor(user_id=2, guild_id=GUILD_ID, channel_id=100, is_dm=False)
CAROL_IN_DM = Actor(user_id=3, guild_id=None, channel_id=300, is_dm=True)
MODERATOR = Actor(user_id=9, guild_id=GUILD_ID, channel_id=100, is_dm=False, manages_guild=True)

PHOTO = noise_png(48, 32, seed=1)
OTHER_PHOTO = noise_png(40, 40, seed=2)


class Clock:
    """Wall-clock seconds the test sets (job timestamps, the DM day, retention)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Cdn:
    """A stand-in for Discord's attachment CDN: serves files by name and counts every download."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.downloads: Counter[str] = Counter()
        self._runner: web.AppRunner | None = None
        self._base_url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/attachments/{name}", self._serve)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self._base_url = f"http://{host}:{port}/attachments"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def attach(self, name: str, data: bytes | None) -> RemoteImage:
        """An attachment as the chat layer describes it (`None` data: the file is gone, HTTP 404)."""
        if data is not None:
            self.files[name] = data
        return RemoteImage(url=f"{self._base_url}/{name}", filename=name, content_type="image/png",
                           size=len(data) if data is not None else None)

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.downloads[name] += 1
        if name not in self.files:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=self.files[name], content_type="image/png")


@dataclass
class World:
    service: ImagineService
    guilds: SettingsService  # the same settings service the imagine service reads (moderators change it)
    store: Store
    engine: JobEngine
    emulator: OpenRouteEmulator
    cdn: Cdn
    clock: Clock
    database_url: str
    policy_settings: PolicySettings
    cost_estimate: Decimal
    client: OpenRouteClient
    images: ImageWorker
    inputs: InputFetcher
    stack: contextlib.AsyncExitStack

    async def next_start(self) -> ImagineService:
        """The service as the next run of the bot builds it: a new store connection and a new engine over
        the same database file (this run is gone without a clean shutdown)."""
        store = await open_store(self.database_url)
        self.stack.push_async_callback(store.close)
        engine = JobEngine(max_concurrent=4, max_per_user=2, max_queue=10)
        self.stack.push_async_callback(engine.close)
        service, _ = _services(store, engine, self.client, self.images, self.inputs, self.clock,
                               self.policy_settings, self.cost_estimate)
        return service


def _services(store: Store, engine: JobEngine, client: OpenRouteClient, images: ImageWorker, inputs: InputFetcher,
              clock: Clock, policy_settings: PolicySettings, cost_estimate: Decimal,
              size_factor: Callable[[str | None], Decimal] | None = None) -> tuple[ImagineService, SettingsService]:
    """The imagine and settings services as `bot.app.run_bot` builds them."""
    policy = Policy(policy_settings, clock=clock)

    async def image_models() -> list[ImageModel] | None:
        return await service.catalog.known()

    guilds = SettingsService(store.guilds, policy, image_models, clock=clock)
    service = ImagineService(store=store, engine=engine, generator=ImageGenerator(client, images), policy=policy,
                             guilds=guilds, client=client, inputs=inputs, images=images,
                             cost_estimate=cost_estimate, size_factor=size_factor, cost_lookup_delays=(0.0,),
                             clock=clock)
    return service, guilds


def catalog(prices: dict[str, str | None]) -> list[dict[str, Any]]:
    """The emulator's model list with other per-image prices: `None` lists the model without one."""
    models = default_models()
    for model in models:
        if model["id"] in prices:
            price = prices[model["id"]]
            model["pricing"] = {"prompt": "0", "completion": "0"} | ({} if price is None else {"image_output": price})
    return models


@contextlib.asynccontextmanager
async def running_world(tmp_path: Path, *, max_concurrent: int = 4, max_per_user: int = 2, max_queue: int = 10,
                        prices: dict[str, str | None] | None = None, cost_estimate: Decimal = COST_ESTIMATE,
                        size_factor: Callable[[str | None], Decimal] | None = None,
                        **policy: Any) -> AsyncIterator[World]:
    """Everything `bot.app.run_bot` builds for the service, pointed at the fakes. `policy` is the operator's
    (the default model is `emu/png`); `prices` changes what the emulator lists for some models."""
    async with contextlib.AsyncExitStack() as stack:
        emulator = OpenRouteEmulator(api_key=API_KEY, models=catalog(prices or {}))
        await emulator.start()
        stack.push_async_callback(emulator.close)
        cdn = Cdn()
        await cdn.start()
        stack.push_async_callback(cdn.close)
        settings = OpenRouteSettings(base_url=emulator.base_url, api_key=Secret(API_KEY), max_retries=0)
        session = create_session(settings)
        stack.push_async_callback(session.close)
        images = ImageWorker(max_workers=2)
        stack.callback(images.close)
        database_url = f"sqlite:///{tmp_path / 'bot.db'}"
        store = await open_store(database_url)
        stack.push_async_callback(store.close)
        engine = JobEngine(max_concurrent=max_concurrent, max_per_user=max_per_user, max_queue=max_queue)
        stack.push_async_callback(engine.close)  # first out: running jobs end before their store closes
        client = OpenRouteClient(session, settings)
        inputs = InputFetcher(session, images, max_bytes=10_000_000, timeout=30.0)
        clock = Clock(NOW)
        policy_settings = PolicySettings(**{"default_model": "emu/png", **policy})
        service, guilds = _services(store, engine, client, images, inputs, clock, policy_settings, cost_estimate,
                                    size_factor)
        await service.catalog.load()  # as the bot does at start-up: models are judged against the list
        yield World(service, guilds, store, engine, emulator, cdn, clock, database_url, policy_settings,
                    cost_estimate, client, images, inputs, stack)


async def submit(world: World, actor: Actor, prompt: str = "a fox in snow", *, model: str = "emu/png",
                 count: int = 1, attachment: RemoteImage | None = None) -> Submitted:
    spec = world.service.new_spec(prompt=prompt, model=model, count=count)
    return await world.service.submit(actor, spec, attachment=attachment, handle=HANDLE)


async def delivered(world: World, submitted: Submitted) -> None:
    """The job ran and its result was shown."""
    await world.service.delivered(submitted.record, await submitted.job.wait(), ok=True)


async def stored(world: World, record: JobRecord) -> JobRecord:
    again = await world.store.jobs.get(record.id)
    assert again is not None
    return again


async def rows(store: Store, table: str) -> int:
    assert isinstance(store, SqliteStore)
    [(count,)] = await store.connection.execute_fetchall(f"SELECT COUNT(*) FROM {table}")
    return int(count)


async def server_spent(world: World) -> Decimal:
    """What the server's jobs count against its budget: reported costs plus the unfinished jobs' reservations."""
    return (await world.store.usage.guild(GUILD_ID, since=0.0)).cost


def images_sent_to_model(emulator: OpenRouteEmulator) -> list[list[bytes]]:
    """For every generation request, in order: the input images it carried."""
    sent = []
    for request in emulator.requests:
        if not request.path.endswith("/chat/completions"):
            continue
        content = request.json["messages"][-1]["content"]
        parts = content if isinstance(content, list) else []
        sent.append([base64.b64decode(part["image_url"]["url"].split(",", 1)[1])
                     for part in parts if part.get("type") == "image_url"])
    return sent


def paid_requests(emulator: OpenRouteEmulator) -> list[RecordedRequest]:
    """Every request but the free model list (which a request naming an unlisted model looks up again)."""
    return [r for r in emulator.requests if not r.path.endswith("/models")]


def ref(data: bytes) -> InputRef:
    return InputRef.of(data, "image/png")


# --- refusals store nothing ----------------------------------------------------------------------------


async def nothing_before(world: World) -> None:
    return None


def earlier_dm_request(count: int) -> Callable[[World], Awaitable[None]]:
    async def arrange(world: World) -> None:
        spec = world.service.new_spec(prompt="earlier", model="emu/png", count=count)
        spec = dataclasses.replace(spec, requester_id=CAROL_IN_DM.user_id, channel_id=CAROL_IN_DM.channel_id,
                                   is_dm=True)
        assert await world.store.jobs.create(spec, created_at=NOW - 60) is not None
    return arrange


async def alices_job_generating(world: World) -> None:
    await submit(world, ALICE, "still drawing", model="emu/hold")
    await world.emulator.wait_held(1)


async def bobs_job_generating(world: World) -> None:
    await submit(world, BOB, "still drawing", model="emu/hold")
    await world.emulator.wait_held(1)


async def only_emu_png_on_the_server(world: World) -> None:
    await world.guilds.add_model(MODERATOR, "emu/png")


async def emu_png_age_restricted(world: World) -> None:
    await world.guilds.set_age_restricted(MODERATOR, "emu/png", True)


async def alice_used_her_two_daily_images(world: World) -> None:
    await world.guilds.set_limits(MODERATOR, daily=2)
    await delivered(world, await submit(world, ALICE, "two foxes", count=2))


async def alice_asked_a_minute_ago_with_a_cooldown_of_two(world: World) -> None:
    await world.guilds.set_limits(MODERATOR, cooldown=120)
    await delivered(world, await submit(world, ALICE, "a fox"))
    world.clock.now = NOW + 60


async def alices_one_job_at_a_time_is_generating(world: World) -> None:
    await world.guilds.set_limits(MODERATOR, concurrent=1)
    await alices_job_generating(world)


async def the_servers_budget_is_spent(world: World) -> None:
    await world.guilds.set_budget(MODERATOR, Decimal("0.05"))
    await delivered(world, await submit(world, BOB, "a fox"))  # 0.039 spent: the next 0.039 does not fit


@pytest.mark.parametrize(("limits", "arrange", "actor", "changes", "refusal", "sentence"), [
    pytest.param({}, nothing_before, ALICE, {"prompt": "   "}, PolicyRefusal, "The prompt is empty",
                 id="empty prompt"),
    pytest.param({}, nothing_before, ALICE, {"model": "openai/gpt-4o-mini"}, PolicyRefusal,
                 "is not an image model", id="unknown model"),
    pytest.param({"allowed_models": ("emu/png", "emu/hold")}, nothing_before, ALICE, {"model": "emu/webp"},
                 PolicyRefusal, "`emu/webp` is not allowed on this server", id="model the operator forbids"),
    pytest.param({}, only_emu_png_on_the_server, ALICE, {"model": "emu/webp"}, PolicyRefusal,
                 "`emu/webp` is not allowed on this server", id="model not on the server's list"),
    pytest.param({}, emu_png_age_restricted, ALICE, {}, PolicyRefusal,
                 "`emu/png` can only be used in age-restricted channels", id="age-restricted model"),
    pytest.param({"dm_enabled": False}, nothing_before, CAROL_IN_DM, {}, PolicyRefusal, "turned off",
                 id="DMs turned off"),
    pytest.param({"dm_daily_limit": 1}, earlier_dm_request(1), CAROL_IN_DM, {}, PolicyRefusal,
                 "daily limit of 1 image in direct messages", id="DM daily limit reached"),
    pytest.param({"dm_daily_limit": 3}, earlier_dm_request(2), CAROL_IN_DM, {"count": 2}, PolicyRefusal,
                 "daily limit of 3 images in direct messages", id="DM daily limit counts images"),
    pytest.param({}, alice_used_her_two_daily_images, ALICE, {}, PolicyRefusal,
                 "daily limit of 2 images on this server", id="server daily limit reached"),
    pytest.param({}, alice_asked_a_minute_ago_with_a_cooldown_of_two, ALICE, {}, PolicyRefusal,
                 "you can ask again in 60 seconds", id="cooldown"),
    pytest.param({}, alices_one_job_at_a_time_is_generating, ALICE, {}, PolicyRefusal,
                 "You already have 1 image job running on this server", id="server concurrency limit"),
    pytest.param({}, the_servers_budget_is_spent, ALICE, {}, PolicyRefusal,
                 "This server has used its image budget for this month", id="server budget spent"),
    pytest.param({"max_per_user": 1}, alices_job_generating, ALICE, {}, TooManyJobs, "", id="too many jobs"),
    pytest.param({"max_concurrent": 1, "max_queue": 0}, bobs_job_generating, ALICE, {}, QueueFull, "",
                 id="queue full"),
])
@on_a_real_loop
async def test_a_refused_request_stores_nothing_never_downloads_its_image_and_never_calls_the_api(
        tmp_path: Path, limits: dict[str, Any], arrange: Callable[[World], Awaitable[None]], actor: Actor,
        changes: dict[str, Any], refusal: type[Exception], sentence: str) -> None:
    async with running_world(tmp_path, **limits) as world:
        await arrange(world)
        jobs_before = await rows(world.store, "jobs")
        spent_before = await server_spent(world)
        api_requests_before = len(paid_requests(world.emulator))

        with pytest.raises(refusal, match=re.escape(sentence) if sentence else None):
            await submit(world, actor, attachment=world.cdn.attach("photo.png", PHOTO), **changes)

        assert world.cdn.downloads["photo.png"] == 0
        assert len(paid_requests(world.emulator)) == api_requests_before
        assert await rows(world.store, "jobs") == jobs_before
        assert await rows(world.store, "input_images") == 0
        assert await server_spent(world) == spent_before


@on_a_real_loop
async def test_the_dm_limit_counts_images_not_requests(tmp_path: Path) -> None:
    async with running_world(tmp_path, dm_daily_limit=3) as world:
        await earlier_dm_request(2)(world)

        accepted = await submit(world, CAROL_IN_DM, count=1)  # 2 + 1 images: exactly the limit
        with pytest.raises(PolicyRefusal, match="daily limit of 3 images"):
            await submit(world, CAROL_IN_DM, count=1)
        await accepted.job.wait()


@on_a_real_loop
async def test_images_older_than_a_day_no_longer_count_toward_the_daily_limit(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        await alice_used_her_two_daily_images(world)
        with pytest.raises(PolicyRefusal, match="One frees up in 24 hours"):
            await submit(world, ALICE)

        world.clock.now = NOW + DAY + 1
        await delivered(world, await submit(world, ALICE))


@on_a_real_loop
async def test_an_image_that_cannot_be_downloaded_stores_nothing_and_holds_no_place(tmp_path: Path) -> None:
    async with running_world(tmp_path, max_per_user=1) as world:
        with pytest.raises(InputDownloadFailed):
            await submit(world, ALICE, "make it blue", attachment=world.cdn.attach("deleted.png", None))

        assert await rows(world.store, "jobs") == 0
        # the place the request held while downloading was given back: Alice's one job slot is free
        accepted = await submit(world, ALICE, "a fox")
        await accepted.job.wait()


@on_a_real_loop
async def test_two_concurrent_dm_requests_against_a_limit_of_one_let_exactly_one_through(tmp_path: Path) -> None:
    async with running_world(tmp_path, dm_daily_limit=1) as world:
        outcomes = await asyncio.gather(submit(world, CAROL_IN_DM, "one"), submit(world, CAROL_IN_DM, "two"),
                                        return_exceptions=True)

        accepted = [outcome for outcome in outcomes if isinstance(outcome, Submitted)]
        refused = [outcome for outcome in outcomes if isinstance(outcome, PolicyRefusal)]
        assert (len(accepted), len(refused)) == (1, 1), outcomes
        assert "daily limit of 1" in refused[0].reason
        assert await rows(world.store, "jobs") == 1
        await accepted[0].job.wait()


@on_a_real_loop
async def test_a_request_refused_by_the_dm_limit_in_a_race_leaves_no_image_behind(tmp_path: Path) -> None:
    async with running_world(tmp_path, dm_daily_limit=1) as world:
        outcomes = await asyncio.gather(
            submit(world, CAROL_IN_DM, "one", attachment=world.cdn.attach("one.png", PHOTO)),
            submit(world, CAROL_IN_DM, "two", attachment=world.cdn.attach("two.png", OTHER_PHOTO)),
            return_exceptions=True)

        [accepted] = [outcome for outcome in outcomes if isinstance(outcome, Submitted)]
        assert sum(isinstance(outcome, PolicyRefusal) for outcome in outcomes) == 1, outcomes
        await accepted.job.wait()
        kept = accepted.record.spec.input
        assert kept is not None
        refused_photo = OTHER_PHOTO if kept == ref(PHOTO) else PHOTO
        assert await world.store.inputs.get(ref(refused_photo).sha256) is None
        assert await rows(world.store, "input_images") == 1


# --- budgets: reserved while running, settled with the real cost -----------------------------------------


@on_a_real_loop
async def test_concurrent_requests_never_spend_past_the_servers_budget(tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/hold": None}, max_concurrent=6) as world:
        await world.guilds.set_budget(MODERATOR, Decimal("0.10"))  # room for two estimates of $0.04
        members = [Actor(user_id=100 + n, guild_id=GUILD_ID, channel_id=100, is_dm=False) for n in range(6)]

        outcomes = await asyncio.gather(*(submit(world, member, model="emu/hold") for member in members),
                                        return_exceptions=True)

        accepted = [outcome for outcome in outcomes if isinstance(outcome, Submitted)]
        refused = [outcome for outcome in outcomes if isinstance(outcome, PolicyRefusal)]
        assert (len(accepted), len(refused)) == (2, 4), outcomes
        assert {refusal.reason for refusal in refused} == {
            "This server has used its image budget for this month. A moderator can raise it with /settings budget."}
        assert await rows(world.store, "jobs") == 2
        assert await server_spent(world) == 2 * COST_ESTIMATE
        await world.emulator.wait_held(2)
        world.emulator.release()
        for submitted in accepted:
            await delivered(world, submitted)
        assert await server_spent(world) == 2 * EMULATOR_COST


@on_a_real_loop
async def test_the_reservation_is_settled_with_the_reported_cost_as_soon_as_it_is_known(tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/hold": None}) as world:
        submitted = await submit(world, ALICE, model="emu/hold", count=2)
        await world.emulator.wait_held(2)
        assert await server_spent(world) == 2 * COST_ESTIMATE  # held while generating

        world.emulator.release()
        output = await submitted.job.wait()
        assert await server_spent(world) == output.cost  # generated, not yet shown: the real cost already counts

        await world.service.delivered(submitted.record, output, ok=True)

        assert output.cost == 2 * EMULATOR_COST
        assert await server_spent(world) == output.cost
        usage = await world.store.usage.member(ALICE.user_id, guild_id=GUILD_ID, since=0.0)
        assert (usage.jobs, usage.images, usage.cost) == (1, 2, 2 * EMULATOR_COST)


@on_a_real_loop
async def test_the_reservation_of_a_failed_generation_is_released(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        submitted = await submit(world, ALICE, model="emu/error-502")
        with pytest.raises(ProviderUnavailable):
            await submitted.job.wait()

        usage = await world.store.usage.member(ALICE.user_id, guild_id=GUILD_ID, since=0.0)
        assert (usage.jobs, usage.images, usage.cost) == (1, 0, Decimal(0))


@on_a_real_loop
async def test_the_reservation_of_a_cancelled_job_is_released(tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/hold": None}) as world:
        running = await submit(world, ALICE, model="emu/hold")
        await world.emulator.wait_held(1)
        assert await server_spent(world) == COST_ESTIMATE

        assert world.service.cancel(ALICE, running.record) is CancelOutcome.CANCELLED
        with pytest.raises(JobCancelled):
            await running.job.wait()

        assert await server_spent(world) == Decimal(0)


@on_a_real_loop
async def test_a_job_cancelled_before_it_started_is_recorded_cancelled_and_stops_counting(tmp_path: Path) -> None:
    async with running_world(tmp_path, max_concurrent=1, prices={"emu/hold": None}) as world:
        first = await submit(world, ALICE, model="emu/hold")
        await world.emulator.wait_held(1)
        waiting = await submit(world, BOB, model="emu/hold")
        assert await server_spent(world) == 2 * COST_ESTIMATE

        assert world.service.cancel(BOB, waiting.record) is CancelOutcome.CANCELLED
        with pytest.raises(JobCancelled):
            await waiting.job.wait()
        await world.service.delivered(waiting.record, None, ok=False)  # what the chat layer does next

        record = await world.service.job(waiting.record.id)
        assert record is not None
        assert (record.status, record.error) == (JobStatus.CANCELLED, "cancelled")
        assert await server_spent(world) == COST_ESTIMATE  # only the job still running holds money
        world.emulator.release()
        await delivered(world, first)


@on_a_real_loop
async def test_a_released_reservation_makes_room_in_the_budget_again(tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/hold": None}) as world:
        await world.guilds.set_budget(MODERATOR, Decimal("0.05"))
        first = await submit(world, ALICE, model="emu/hold")
        await world.emulator.wait_held(1)
        with pytest.raises(PolicyRefusal, match="used its image budget"):
            await submit(world, BOB, model="emu/hold")

        world.service.cancel(ALICE, first.record)
        with pytest.raises(JobCancelled):
            await first.job.wait()

        second = await submit(world, BOB, model="emu/hold")
        world.emulator.release()
        await delivered(world, second)


@on_a_real_loop
async def test_the_estimate_uses_the_models_history_else_its_listed_price_else_cost_estimate_usd(
        tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/png": "0.05", "emu/webp": None},
                             cost_estimate=Decimal("0.07")) as world:
        assert await world.service.estimate_cost("emu/png", 2) == Decimal("0.10")  # listed, no history yet
        assert await world.service.estimate_cost("emu/webp", 2) == Decimal("0.14")  # listed without a price
        assert await world.service.estimate_cost("nobody/unlisted", 1) == Decimal("0.07")

        await delivered(world, await submit(world, ALICE, model="emu/png"))

        assert await world.service.estimate_cost("emu/png", 2) == 2 * EMULATOR_COST  # what it really cost here
        assert await world.service.estimate_cost("emu/webp", 2) == Decimal("0.14")  # other models unaffected


@on_a_real_loop
async def test_a_job_reserves_its_estimate(tmp_path: Path) -> None:
    async with running_world(tmp_path, prices={"emu/hold": "0.05"}) as world:
        submitted = await submit(world, ALICE, model="emu/hold", count=3)
        await world.emulator.wait_held(3)

        assert await server_spent(world) == Decimal("0.15")
        world.emulator.release()
        await delivered(world, submitted)
        assert await server_spent(world) == 3 * EMULATOR_COST


# --- which model, and how the server wants the result shown ---------------------------------------------


@on_a_real_loop
async def test_a_request_without_a_model_uses_the_default_that_applies_there(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        await world.guilds.set_default(MODERATOR, "emu/webp")

        in_server = await submit(world, ALICE, model="")
        in_dm = await submit(world, CAROL_IN_DM, model="")

        assert in_server.record.spec.model == "emu/webp"
        assert in_dm.record.spec.model == "emu/png"  # the operator's: a server's choice never reaches DMs
        assert await world.service.default_model_for(ALICE) == "emu/webp"
        await in_server.job.wait()
        await in_dm.job.wait()


@on_a_real_loop
async def test_a_server_that_narrowed_its_models_still_answers_requests_without_a_model(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        await world.guilds.add_model(MODERATOR, "emu/webp")  # the operator's default emu/png is now off the list

        submitted = await submit(world, ALICE, model="")

        assert submitted.record.spec.model == "emu/webp"
        await submitted.job.wait()


@on_a_real_loop
async def test_the_models_offered_are_the_ones_allowed_here(tmp_path: Path) -> None:
    async with running_world(tmp_path, allowed_models=("emu/*",), dm_models=("emu/png",)) as world:
        await world.guilds.add_model(MODERATOR, "emu/png")
        await world.guilds.add_model(MODERATOR, "emu/webp")
        await world.guilds.set_age_restricted(MODERATOR, "emu/webp", True)

        assert [m.id for m in await world.service.models_for(ALICE)] == ["emu/png"]
        nsfw = dataclasses.replace(ALICE, nsfw_channel=True)
        assert [m.id for m in await world.service.models_for(nsfw)] == ["emu/png", "emu/webp"]
        assert [m.id for m in await world.service.models_for(CAROL_IN_DM)] == ["emu/png"]


@on_a_real_loop
async def test_an_accepted_job_carries_how_its_server_wants_it_shown(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        await world.guilds.set_spoiler(MODERATOR, True)
        await world.guilds.set_log_channel(MODERATOR, 555)

        in_server = await submit(world, ALICE)
        in_dm = await submit(world, CAROL_IN_DM)

        assert (in_server.spoiler, in_server.audit_channel_id) == (True, 555)
        assert (in_dm.spoiler, in_dm.audit_channel_id) == (False, None)
        await in_server.job.wait()
        await in_dm.job.wait()


@on_a_real_loop
async def test_the_typical_time_of_a_model_is_told_once_it_has_enough_history(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        for n in range(3):
            submitted = await submit(world, ALICE, f"fox {n}")
            assert submitted.typical_seconds is None
            output = await submitted.job.wait()
            world.clock.now += 12  # started when submitted, shown 12 s later
            await world.service.delivered(submitted.record, output, ok=True)

        fourth = await submit(world, ALICE, "fox 3")

        assert fourth.typical_seconds == 12.0
        await fourth.job.wait()


# --- input images ----------------------------------------------------------------------------------------


@on_a_real_loop
async def test_the_same_image_edited_twice_is_stored_once_and_sent_with_both_requests(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        photo = world.cdn.attach("photo.png", PHOTO)
        first = await submit(world, ALICE, "make it blue", attachment=photo)
        second = await submit(world, BOB, "make it red", attachment=photo)
        await first.job.wait()
        await second.job.wait()

        assert first.record.spec.input == second.record.spec.input == ref(PHOTO)
        assert await rows(world.store, "input_images") == 1
        assert await world.store.inputs.get(ref(PHOTO).sha256) == PHOTO
        assert images_sent_to_model(world.emulator) == [[PHOTO], [PHOTO]]


@on_a_real_loop
async def test_regenerate_reuses_the_stored_image_as_the_pressers_own_job(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        first = await submit(world, ALICE, "make it blue", count=2, attachment=world.cdn.attach("photo.png", PHOTO))
        await world.service.delivered(first.record, await first.job.wait(), ok=True)

        again = await world.service.rerun(BOB, first.record, handle=HANDLE)
        await again.job.wait()

        spec = again.record.spec
        assert spec.requester_id == BOB.user_id
        assert (spec.prompt, spec.model, spec.count, spec.input) == ("make it blue", "emu/png", 2, ref(PHOTO))
        assert spec.parent_job_id == first.record.id
        assert (await stored(world, again.record)).spec.requester_id == BOB.user_id
        assert world.cdn.downloads["photo.png"] == 1  # read back from the store, not downloaded again
        assert images_sent_to_model(world.emulator)[-2:] == [[PHOTO], [PHOTO]]


@on_a_real_loop
async def test_edit_uses_the_new_image_and_asks_for_one_picture(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        first = await submit(world, ALICE, "a fox", count=3, attachment=world.cdn.attach("photo.png", PHOTO))
        await world.service.delivered(first.record, await first.job.wait(), ok=True)

        edit = await world.service.rerun(BOB, first.record, prompt="make it blue",
                                         attachment=world.cdn.attach("result-1.png", OTHER_PHOTO), handle=HANDLE)
        await edit.job.wait()

        spec = edit.record.spec
        assert (spec.requester_id, spec.prompt, spec.count, spec.input) == (BOB.user_id, "make it blue", 1,
                                                                           ref(OTHER_PHOTO))
        assert spec.parent_job_id == first.record.id
        assert images_sent_to_model(world.emulator)[-1] == [OTHER_PHOTO]


# --- cancel ----------------------------------------------------------------------------------------------


@on_a_real_loop
async def test_only_the_requester_can_cancel_a_running_job(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        running = await submit(world, ALICE, "a slow fox", model="emu/hold")
        await world.emulator.wait_held(1)

        assert world.service.cancel(BOB, running.record) is CancelOutcome.NOT_ALLOWED
        assert not running.job.done

        assert world.service.cancel(ALICE, running.record) is CancelOutcome.CANCELLED
        with pytest.raises(JobCancelled):
            await running.job.wait()
        record = await stored(world, running.record)
        assert record.status is JobStatus.CANCELLED
        assert record.error == "cancelled"


@on_a_real_loop
async def test_cancelling_a_finished_job_changes_nothing(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        done = await submit(world, ALICE)
        await world.service.delivered(done.record, await done.job.wait(), ok=True)

        assert world.service.cancel(ALICE, done.record) is CancelOutcome.ENDED
        assert (await stored(world, done.record)).status is JobStatus.SUCCEEDED


# --- a job's record from start to end --------------------------------------------------------------------


@on_a_real_loop
async def test_a_job_succeeds_with_its_cost_only_once_its_result_was_shown(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        submitted = await submit(world, ALICE, model="emu/hold")
        assert submitted.record.status is JobStatus.QUEUED
        await world.emulator.wait_held(1)
        generating = await stored(world, submitted.record)
        assert generating.status is JobStatus.RUNNING
        assert generating.started_at == NOW

        world.emulator.release()
        output = await submitted.job.wait()
        generated = await stored(world, submitted.record)
        assert generated.status is JobStatus.RUNNING  # generated, not yet shown to anyone
        assert generated.cost == Decimal("0.039")  # but paid: recorded at once, in case a restart cuts it off

        world.clock.now = NOW + 30
        await world.service.delivered(submitted.record, output, ok=True)

        record = await stored(world, submitted.record)
        assert record.status is JobStatus.SUCCEEDED
        assert record.cost == output.cost == Decimal("0.039")
        assert record.generation_ids == output.generation_ids
        assert record.finished_at == NOW + 30
        assert record.handle.interaction_token is None  # forgotten once the job ended


@on_a_real_loop
async def test_a_result_that_could_not_be_shown_is_failed_but_its_cost_is_kept(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        submitted = await submit(world, ALICE)
        output = await submitted.job.wait()

        await world.service.delivered(submitted.record, output, ok=False, error="upload refused")

        record = await stored(world, submitted.record)
        assert (record.status, record.error, record.cost) == (JobStatus.FAILED, "upload refused", Decimal("0.039"))


@on_a_real_loop
async def test_a_generation_error_fails_the_job_with_a_short_reason(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        submitted = await submit(world, ALICE, model="emu/error-502")

        with pytest.raises(ProviderUnavailable):
            await submitted.job.wait()

        record = await stored(world, submitted.record)
        assert (record.status, record.error) == (JobStatus.FAILED, "ProviderUnavailable(502)")


@on_a_real_loop
async def test_a_generated_job_never_shown_is_reported_as_interrupted_at_the_next_start(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        submitted = await submit(world, ALICE)
        await submitted.job.wait()
        # the process dies here, before the result reached Discord

        later = await world.next_start()
        [interrupted] = await later.recover_interrupted()

        assert interrupted.id == submitted.record.id
        assert interrupted.status is JobStatus.INTERRUPTED
        assert interrupted.handle.interaction_token == TOKEN  # so its requester can still be told
        assert await later.recover_interrupted() == []  # reported once
        assert interrupted.cost == Decimal("0.039")  # what was paid still counts against the budgets
        assert await server_spent(world) == Decimal("0.039")


# --- shutdown --------------------------------------------------------------------------------------------


@on_a_real_loop
async def test_shutdown_waits_for_a_result_being_shown_and_interrupts_generating_jobs(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        shown = await submit(world, ALICE, "a finished fox")
        output = await shown.job.wait()
        generating = await submit(world, BOB, "a fox still being drawn", model="emu/hold")
        await world.emulator.wait_held(1)
        upload_finished = asyncio.Event()

        async def show_result() -> None:
            await upload_finished.wait()  # the upload to Discord is in flight
            await world.service.delivered(shown.record, output, ok=True)

        delivery = asyncio.create_task(show_result())
        stopping = asyncio.create_task(world.service.shutdown(grace=60.0))
        with pytest.raises(JobCancelled) as caught:
            await generating.job.wait()  # shutdown has begun
        assert caught.value.by_shutdown
        assert not stopping.done()

        upload_finished.set()
        await stopping

        assert delivery.done()  # shutdown returned only after the result was recorded
        assert (await stored(world, shown.record)).status is JobStatus.SUCCEEDED
        later = await world.next_start()
        assert [record.id for record in await later.recover_interrupted()] == [generating.record.id]


@on_a_real_loop
async def test_a_result_not_shown_within_the_shutdown_grace_is_interrupted(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        stuck = await submit(world, ALICE)
        output = await stuck.job.wait()
        never = asyncio.Event()

        async def show_result() -> None:
            await never.wait()  # Discord never answers the upload
            await world.service.delivered(stuck.record, output, ok=True)

        delivery = asyncio.create_task(show_result())
        await world.service.shutdown(grace=0.05)

        assert not delivery.done()
        assert (await stored(world, stuck.record)).status is JobStatus.RUNNING
        later = await world.next_start()
        assert [record.id for record in await later.recover_interrupted()] == [stuck.record.id]
        delivery.cancel()


# --- retention and look-ups ------------------------------------------------------------------------------


@on_a_real_loop
async def test_prune_deletes_old_finished_jobs_and_their_unused_images_only(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        old = await submit(world, ALICE, "old", attachment=world.cdn.attach("old.png", PHOTO))
        await world.service.delivered(old.record, await old.job.wait(), ok=True)
        pending_image = noise_png(16, 16, seed=3)
        pending = await submit(world, BOB, "old, never shown", attachment=world.cdn.attach("p.png", pending_image))
        await pending.job.wait()
        world.clock.now = NOW + 40 * DAY
        new = await submit(world, ALICE, "new", attachment=world.cdn.attach("new.png", OTHER_PHOTO))
        await world.service.delivered(new.record, await new.job.wait(), ok=True)

        assert await world.service.prune(retention_days=30) == (1, 1)

        assert await world.service.job(old.record.id) is None
        assert await world.service.job(pending.record.id) is not None  # unfinished: never pruned
        assert await world.service.job(new.record.id) is not None
        assert await world.store.inputs.get(ref(PHOTO).sha256) is None
        assert await world.store.inputs.get(ref(pending_image).sha256) == pending_image
        assert await world.store.inputs.get(ref(OTHER_PHOTO).sha256) == OTHER_PHOTO
        assert await world.service.prune(retention_days=30) == (0, 0)


@on_a_real_loop
async def test_a_job_id_no_database_could_hold_is_simply_not_found(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        done = await submit(world, ALICE)
        await done.job.wait()

        found = await world.service.job(done.record.id)
        assert found is not None
        assert found.id == done.record.id
        for job_id in (0, -1, 2**63 - 1, 2**63, 2**64 + 5):
            assert await world.service.job(job_id) is None


@on_a_real_loop
async def test_the_audit_channel_is_warned_once_a_month_when_spending_passes_80_percent(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        await world.guilds.set_budget(MODERATOR, Decimal("0.10"))
        await world.guilds.set_log_channel(MODERATOR, 555)

        async def spend(prompt: str) -> object:  # each emu/png job reports $0.039
            submitted = await submit(world, BOB, prompt)
            return await world.service.delivered(submitted.record, await submitted.job.wait(), ok=True)

        assert await spend("a fox") is None  # 39 %
        assert await spend("a hare") is None  # 78 %
        await world.guilds.set_budget(MODERATOR, Decimal("0.12"))
        alert = await spend("an owl")  # 97.5 %
        assert alert is not None
        assert (alert.channel_id, alert.spent, alert.budget) == (555, Decimal("0.117"), Decimal("0.12"))

        await world.guilds.set_budget(MODERATOR, Decimal("0.16"))
        assert await spend("a lynx") is None  # 97.5 % again, but the server was already warned this month


# --- when the provider's model list changes --------------------------------------------------------------

OLD_DEFAULT = "google/gemini-2.5-flash-image-preview"
RELEASED = "google/gemini-2.5-flash-image"
GEMINI_PRO = "google/gemini-3-pro-image-preview"


def catalog_without(*gone: str, added: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The emulator's model list without `gone`, plus image models with the `added` ids."""
    models = [m for m in default_models() if m["id"] not in gone]
    template = next(m for m in models if m["id"] == "emu/png")
    return models + [{**template, "id": model, "canonical_slug": model, "name": model} for model in added]


def model_list_requests(emulator: OpenRouteEmulator) -> int:
    return sum(1 for r in emulator.requests if r.path.endswith("/models"))


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING
            and r.name in ("bot.jobs.service", "bot.jobs.catalog")]


@on_a_real_loop
async def test_each_refresh_warns_once_about_every_configured_model_the_provider_stopped_listing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with running_world(tmp_path, default_model=OLD_DEFAULT) as world:
        await world.guilds.add_model(MODERATOR, GEMINI_PRO)
        await world.guilds.add_model(MODERATOR, "emu/png")
        await world.guilds.set_default(MODERATOR, GEMINI_PRO)
        world.emulator.set_models(catalog_without(OLD_DEFAULT, GEMINI_PRO))
        caplog.clear()

        for _ in range(2):
            await world.service.catalog.refresh()

        expected = [
            f"model {OLD_DEFAULT} (DEFAULT_MODEL) is not an image model the provider lists; closest listed: "
            f"{RELEASED}",
            f"model {GEMINI_PRO} (default of server {GUILD_ID}; allowed on server {GUILD_ID}) is not an image model "
            f"the provider lists; closest listed: {RELEASED}",
        ]
        assert warnings(caplog) == expected * 2
        assert (await world.guilds.effective(GUILD_ID)).unknown_models == {GEMINI_PRO}  # /settings show marks it

        world.emulator.set_models(default_models())
        caplog.clear()
        await world.service.catalog.refresh()
        assert warnings(caplog) == []
        assert (await world.guilds.effective(GUILD_ID)).unknown_models == frozenset()


@on_a_real_loop
async def test_a_member_who_chose_no_model_while_the_default_is_gone_is_told_so_and_the_operator_warned(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with running_world(tmp_path, default_model=OLD_DEFAULT) as world:
        world.emulator.set_models(catalog_without(OLD_DEFAULT))
        await world.service.catalog.refresh()
        caplog.clear()

        with pytest.raises(PolicyRefusal, match=re.escape(f"The bot's default model `{OLD_DEFAULT}` is unavailable "
                                                          "right now.")):
            await submit(world, ALICE, model="")
        assert warnings(caplog) == [
            f"user {ALICE.user_id} chose no model and the default model {OLD_DEFAULT} (DEFAULT_MODEL) is not an "
            f"image model the provider lists; request refused; closest listed: {RELEASED}, {GEMINI_PRO}"]

        with pytest.raises(PolicyRefusal, match=re.escape(f"`{OLD_DEFAULT}` is not an image model this bot can use")):
            await submit(world, ALICE, model=OLD_DEFAULT)  # a model the member chose keeps today's message
        assert await rows(world.store, "jobs") == 0
        assert len(paid_requests(world.emulator)) == 0


@on_a_real_loop
async def test_a_model_the_cached_list_does_not_know_refetches_the_list_at_most_once_a_minute(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        world.emulator.set_models(catalog_without(added=("acme/painter-2",)))
        loaded = model_list_requests(world.emulator)

        done = await submit(world, ALICE, model="acme/painter-2")  # the provider just added it
        await done.job.wait()
        assert model_list_requests(world.emulator) == loaded + 1

        world.emulator.set_models(catalog_without(added=("acme/painter-2", "acme/painter-3")))
        world.clock.now = NOW + 59
        with pytest.raises(PolicyRefusal, match="is not an image model this bot can use"):
            await submit(world, ALICE, model="acme/painter-3")
        await submit(world, BOB, model="emu/png")  # a model the list knows never refetches it
        assert model_list_requests(world.emulator) == loaded + 1

        world.clock.now = NOW + 61
        await (await submit(world, ALICE, model="acme/painter-3")).job.wait()
        assert model_list_requests(world.emulator) == loaded + 2


@on_a_real_loop
async def test_the_job_a_result_message_shows_is_found_by_that_message(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        done = await submit(world, ALICE, model="emu/webp")
        await world.service.record_message(done.record.id, channel_id=100, message_id=900_000_001)

        shown = await world.service.job_shown_in(900_000_001)
        assert shown is not None
        assert (shown.id, shown.spec.model) == (done.record.id, "emu/webp")
        for message_id in (900_000_002, 0, 2**64):
            assert await world.service.job_shown_in(message_id) is None
        await done.job.wait()
