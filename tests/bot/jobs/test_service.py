"""The /imagine use case without Discord: `ImagineService` wired as `bot.app` wires it, over a real SQLite
file, the real job engine, the OpenRoute emulator and a stand-in for Discord's CDN, all on 127.0.0.1.

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
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.config import OpenRouteSettings, Secret
from bot.images.pipeline import ImageWorker
from bot.jobs.engine import JobEngine
from bot.jobs.errors import InputDownloadFailed, JobCancelled, QueueFull, TooManyJobs
from bot.jobs.generation import ImageGenerator
from bot.jobs.inputs import InputFetcher, RemoteImage
from bot.jobs.record import JobRecord, JobStatus
from bot.jobs.service import ImagineService, Submitted
from bot.jobs.spec import InputRef, ResponseHandle
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import ProviderUnavailable
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.storage import SqliteStore, Store, open_store
from tests.bot.jobs.real_loop import on_a_real_loop
from tests.fakes.images import noise_png
from tests.fakes.openroute import OpenRouteEmulator

API_KEY = "sk-test-service"
NOW = 1_800_000_000.0
DAY = 24 * 60 * 60
TOKEN = "interaction-token-secret"
HANDLE = ResponseHandle(application_id=5, interaction_token=TOKEN, interaction_created_at=NOW)

ALICE = Actor(user_id=1, guild_id=10, channel_id=100, is_dm=False)
BOB = Actor(user_id=2, guild_id=10, channel_id=100, is_dm=False)
CAROL_IN_DM = Actor(user_id=3, guild_id=None, channel_id=300, is_dm=True)

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
    store: Store
    engine: JobEngine
    emulator: OpenRouteEmulator
    cdn: Cdn
    clock: Clock
    database_url: str
    policy_settings: PolicySettings
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
        return _service(store, engine, self.client, self.images, self.inputs, self.clock, self.policy_settings)


def _service(store: Store, engine: JobEngine, client: OpenRouteClient, images: ImageWorker, inputs: InputFetcher,
             clock: Clock, policy_settings: PolicySettings) -> ImagineService:
    return ImagineService(store=store, engine=engine, generator=ImageGenerator(client, images),
                          policy=Policy(policy_settings, store.jobs, clock=clock), client=client, inputs=inputs,
                          images=images, default_model="emu/png", clock=clock)


@contextlib.asynccontextmanager
async def running_world(tmp_path: Path, *, max_concurrent: int = 4, max_per_user: int = 2, max_queue: int = 10,
                        **policy: Any) -> AsyncIterator[World]:
    """Everything `bot.app.run_bot` builds for the service, pointed at the fakes."""
    async with contextlib.AsyncExitStack() as stack:
        emulator = OpenRouteEmulator(api_key=API_KEY)
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
        policy_settings = PolicySettings(**policy)
        service = _service(store, engine, client, images, inputs, clock, policy_settings)
        await service.load_models()  # as the bot does at start-up: models are judged against the list
        yield World(service, store, engine, emulator, cdn, clock, database_url, policy_settings, client, images,
                    inputs, stack)


async def submit(world: World, actor: Actor, prompt: str = "a fox in snow", *, model: str = "emu/png",
                 count: int = 1, attachment: RemoteImage | None = None) -> Submitted:
    spec = world.service.new_spec(prompt=prompt, model=model, count=count)
    return await world.service.submit(actor, spec, attachment=attachment, handle=HANDLE)


async def stored(world: World, record: JobRecord) -> JobRecord:
    again = await world.store.jobs.get(record.id)
    assert again is not None
    return again


async def rows(store: Store, table: str) -> int:
    assert isinstance(store, SqliteStore)
    [(count,)] = await store.connection.execute_fetchall(f"SELECT COUNT(*) FROM {table}")
    return int(count)


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


def ref(data: bytes) -> InputRef:
    return InputRef.of(data, "image/png")


# --- refusals store nothing ----------------------------------------------------------------------------


async def nothing_before(world: World) -> None:
    return None


async def an_earlier_dm_request(world: World) -> None:
    spec = world.service.new_spec(prompt="earlier")
    spec = dataclasses.replace(spec, requester_id=CAROL_IN_DM.user_id, channel_id=CAROL_IN_DM.channel_id, is_dm=True)
    assert await world.store.jobs.create(spec, created_at=NOW - 60) is not None


async def alices_job_generating(world: World) -> None:
    await submit(world, ALICE, "still drawing", model="emu/hold")
    await world.emulator.wait_held(1)


async def bobs_job_generating(world: World) -> None:
    await submit(world, BOB, "still drawing", model="emu/hold")
    await world.emulator.wait_held(1)


@pytest.mark.parametrize(("limits", "arrange", "actor", "changes", "refusal"), [
    pytest.param({}, nothing_before, ALICE, {"prompt": "   "}, PolicyRefusal, id="empty prompt"),
    pytest.param({}, nothing_before, ALICE, {"model": "openai/gpt-4o-mini"}, PolicyRefusal, id="unknown model"),
    pytest.param({"dm_enabled": False}, nothing_before, CAROL_IN_DM, {}, PolicyRefusal, id="DMs turned off"),
    pytest.param({"dm_daily_limit": 1}, an_earlier_dm_request, CAROL_IN_DM, {}, PolicyRefusal,
                 id="DM daily limit reached"),
    pytest.param({"max_per_user": 1}, alices_job_generating, ALICE, {}, TooManyJobs, id="too many jobs"),
    pytest.param({"max_concurrent": 1, "max_queue": 0}, bobs_job_generating, ALICE, {}, QueueFull,
                 id="queue full"),
])
@on_a_real_loop
async def test_a_refused_request_stores_nothing_and_never_downloads_its_image(
        tmp_path: Path, limits: dict[str, Any], arrange: Callable[[World], Awaitable[None]], actor: Actor,
        changes: dict[str, Any], refusal: type[Exception]) -> None:
    async with running_world(tmp_path, **limits) as world:
        await arrange(world)
        jobs_before = await rows(world.store, "jobs")

        with pytest.raises(refusal):
            await submit(world, actor, attachment=world.cdn.attach("photo.png", PHOTO), **changes)

        assert world.cdn.downloads["photo.png"] == 0
        assert await rows(world.store, "jobs") == jobs_before
        assert await rows(world.store, "input_images") == 0


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

        assert world.service.cancel(BOB, running.record) is None
        assert not running.job.done

        assert world.service.cancel(ALICE, running.record) is True
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

        assert world.service.cancel(ALICE, done.record) is False
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
        assert generated.cost is None

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
