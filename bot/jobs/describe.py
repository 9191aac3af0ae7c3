"""Describe without Discord: a member's image read by a model that answers in text (the operator's
DESCRIBE_MODELS), turned into up to four prompts, stored by the describe job's id so that each can start an
/imagine job of whoever presses its button, after a restart too.

A describe is a job like an image job: checked by the same policy where it applies (blocked member, DMs,
channel, role, then cooldown, concurrency, the server's and the global budget — never the image limits: it
makes no image), its image downloaded under the same caps and stored while it is recorded, its cost reserved
before the API call and settled in the usage ledger as the answer ends, paid answers without a prompt included.
It runs on the job engine (fair queue, memory budget) and takes a bot-wide slot like any job.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from bot.i18n import msg
from bot.jobs.accounting import Accounting, answer_of
from bot.jobs.engine import Job, JobEngine
from bot.jobs.errors import JobCancelled, QueueFull, TooManyJobs
from bot.jobs.inputs import InputFetcher, RemoteImage
from bot.jobs.intake import JobIntake
from bot.jobs.memory import job_weight
from bot.jobs.ownership import JobOwnership
from bot.jobs.progress import Phase
from bot.jobs.prompts import MAX_PROMPTS, parse_prompts
from bot.jobs.request import generation_request
from bot.metrics import Metrics
from bot.openroute.client import OpenRouteClient
from bot.openroute.types import GenerationResult, StreamEvent, TextDelta
from bot.policy import Actor, Policy, PolicyRefusal
from bot.policy.language import public_language
from bot.policy.settings import SettingsService
from bot.records.guild import GuildSettings
from bot.records.job import JobRecord, JobStatus
from bot.records.spec import JobKind, JobSpec, ResponseHandle
from bot.storage import Store, until_answered

log = logging.getLogger(__name__)

MAX_JOB_ID = 2**63 - 1
SHOWN_TEXT = 4000  # the latest characters of the model's text kept for the streamed view
NOT_SET_UP = msg("Describe is not set up on this bot: the operator sets {setting}.", setting="DESCRIBE_MODELS")


class NoPrompts(Exception):
    """The model answered (and was paid: `cost`) but wrote nothing that reads as a prompt (`text`)."""

    def __init__(self, text: str, cost: Decimal | None) -> None:
        super().__init__("the model's answer holds no prompt")
        self.text = text
        self.cost = cost


class DescribeGone(PolicyRefusal):
    """A prompt button whose describe is unknown, forgotten or not shown in the pressed message. Like every
    refusal, `message` is the sentence for the presser (a `Message`, put into their language by the Discord
    layer) and `reason` its English text."""


@dataclass(frozen=True, slots=True)
class Description:
    """What a describe gave: its prompts (one to four, in order), what it cost and how long it took."""

    prompts: tuple[str, ...]
    cost: Decimal | None
    elapsed: float


@dataclass(frozen=True, slots=True)
class DescribeSubmitted:
    """An accepted describe: its record and the live job to follow (its progress carries the model's text)."""

    record: JobRecord
    job: Job[Description]


class DescribeService:
    """/describe and the "Describe image" menu, and the prompt buttons of their answers."""

    def __init__(self, *, store: Store, engine: JobEngine, policy: Policy, guilds: SettingsService,
                 client: OpenRouteClient, inputs: InputFetcher, intake: JobIntake, accounting: Accounting,
                 ownership: JobOwnership, cost_estimate: Decimal = Decimal("0.04"), metrics: Metrics | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._engine = engine
        self._policy = policy
        self._guilds = guilds
        self._client = client
        self._inputs = inputs
        self._intake = intake  # the image jobs': one StoredInputs for both
        self._accounting = accounting
        self._ownership = ownership
        self._cost_estimate = cost_estimate
        self._metrics = metrics if metrics is not None else Metrics()
        self._clock = clock

    @property
    def models(self) -> tuple[str, ...]:
        """The operator's DESCRIBE_MODELS, the first the default (empty: Describe is off)."""
        return self._guilds.describe_models

    def model_choices(self, typed: str) -> list[str]:
        """Up to 25 of the operator's models containing what was typed, for the `model` option."""
        needle = typed.strip().lower()
        return [model for model in self.models if needle in model.lower()][:25]

    def check(self, source: RemoteImage, model: str | None = None) -> None:
        """What can be refused at once, without a look-up: Describe not set up, a model not in the operator's
        list, an attachment that is not a PNG, JPEG or WebP image or claims to be over the download cap."""
        if not self.models:
            raise PolicyRefusal(NOT_SET_UP)
        if model is not None and model.strip() not in self.models:
            raise PolicyRefusal(msg("{model} is not one of the models this bot describes images with. Pick one from "
                                    "the list.", model=f"`{model.strip()}`"))
        self._inputs.check(source)

    async def submit(self, actor: Actor, source: RemoteImage, *, model: str | None = None,
                     handle: ResponseHandle | None = None) -> DescribeSubmitted:
        """Check, download and store the image, record and queue the describe. Raises `PolicyRefusal`,
        `TooManyJobs`, `QueueFull`, `EngineClosed`, input image errors; a refused describe stores nothing and
        counts toward nothing."""
        try:
            return await self._submit(actor, source, model, handle or ResponseHandle())
        except (PolicyRefusal, TooManyJobs, QueueFull):
            self._metrics.job_refused(self._label(model), kind=JobKind.DESCRIBE)
            raise

    def _label(self, model: str | None) -> str:
        """A refused describe's metrics label: a model of the operator's list, never a member's free text."""
        chosen = model.strip() if model else (self.models[0] if self.models else "")
        return chosen if chosen in self.models else "unlisted"

    async def _submit(self, actor: Actor, source: RemoteImage, chosen: str | None,
                      handle: ResponseHandle) -> DescribeSubmitted:
        self.check(source, chosen)
        guild = await self._guild_for(actor)
        model = chosen.strip() if chosen else await self._guilds.describe_model_for(actor)
        if model is None or model not in self.models:
            raise PolicyRefusal(NOT_SET_UP)
        self._policy.check_place(actor, guild)
        spec = JobSpec(requester_id=actor.user_id, guild_id=actor.guild_id, channel_id=actor.channel_id,
                       is_dm=actor.is_dm, prompt="", model=model, kind=JobKind.DESCRIBE,
                       locale=public_language(actor, guild))
        reserve = await self._store.describes.usual_cost(model) or self._cost_estimate
        # a describe makes no image: the image limits do not apply, everything else does
        quota = dataclasses.replace(self._policy.quota_for(actor, guild, reserve=reserve), daily_images=None)
        await self._intake.check(actor, spec, quota)  # before any download or API call
        record, job = await self._intake.enqueue(
            actor, spec, quota, attachments=(source,), handle=handle, run=self._run,
            weight=job_weight(spec, input_bytes=self._inputs.max_bytes, input_pixels=self._inputs.max_pixels))
        log.info("job %d queued: describe user=%d model=%s reserved=%s", record.id, actor.user_id, model,
                 quota.reserve)
        return DescribeSubmitted(record, job)

    async def _guild_for(self, actor: Actor) -> GuildSettings | None:
        if actor.is_dm or actor.guild_id is None:
            return None
        return await self._guilds.get(actor.guild_id)

    async def _run(self, record: JobRecord, job: Job[Description]) -> Description:
        job_id, spec = record.id, record.spec
        try:
            await self._ownership.start(job_id, waiting=lambda: job.report(phase=Phase.QUEUED))
            job.report(phase=Phase.WAITING)
            data = [await self._store.inputs.get(ref.sha256) for ref in spec.inputs]
            if any(image is None for image in data):
                raise LookupError(f"the image of describe {job_id} is no longer stored")

            def streamed(event: StreamEvent) -> None:
                if isinstance(event, TextDelta):
                    job.report(model_text=(job.progress.model_text + event.text)[-SHOWN_TEXT:])

            try:
                result = await self._client.generate_text(generation_request(spec, data), on_event=streamed)
            except Exception as exc:
                await self._accounting.settle(job_id, spec.model, answer_of(0, exc))
                raise
            await self._accounting.settle(job_id, spec.model, answer_of(0, result))
            prompts = parse_prompts(result.text, limit=MAX_PROMPTS)
            if not prompts:
                raise NoPrompts(result.text, result.cost)
            await until_answered(lambda: self._store.describes.save_prompts(job_id, prompts),
                                 what=f"the prompts of describe {job_id}")
        except (asyncio.CancelledError, JobCancelled):
            if self._engine.closed:  # the next start-up tells its member (a paid request keeps its reservation)
                log.info("job %d interrupted by shutdown", job_id)
                self._accounting.forget(job_id)
                raise
            self._metrics.job_finished(spec.model, "cancelled", kind=JobKind.DESCRIBE)
            await self._finish(job_id, JobStatus.CANCELLED, error="cancelled")
            raise
        except Exception as exc:
            self._metrics.job_finished(spec.model, "failed", kind=JobKind.DESCRIBE)
            await self._finish(job_id, JobStatus.FAILED, error=type(exc).__name__, cost=getattr(exc, "cost", None))
            log.warning("job %d failed: %s", job_id, type(exc).__name__)
            raise
        self._metrics.job_finished(spec.model, "succeeded", kind=JobKind.DESCRIBE)
        await self._finish(job_id, JobStatus.SUCCEEDED, result=result)
        log.info("job %d described: %d prompt(s), cost=%s, %.1fs", job_id, len(prompts), result.cost, result.elapsed)
        return Description(prompts=prompts, cost=result.cost, elapsed=result.elapsed)

    async def _finish(self, job_id: int, status: JobStatus, *, error: str | None = None,
                      cost: Decimal | None = None, result: GenerationResult | None = None) -> None:
        """Record how the describe ended (its request was settled as it answered); shielded: a cancelled job is
        still recorded."""
        finished_at = self._clock()

        async def settle_and_finish() -> None:
            await self._accounting.before_finish(job_id)
            ids = (result.generation_id,) if result is not None and result.generation_id else ()
            await until_answered(lambda: self._store.jobs.finish(
                job_id, status=status, finished_at=finished_at, error=error,
                cost=result.cost if result is not None else cost, generation_ids=ids, images=0),
                what=f"the end of job {job_id}")

        try:
            await asyncio.shield(settle_and_finish())
        finally:
            self._ownership.ended()

    async def record_message(self, job_id: int, *, channel_id: int, message_id: int) -> None:
        """Remember the message that shows the describe's prompts: its buttons act only there."""
        await self._store.jobs.set_result_message(job_id, channel_id=channel_id, message_id=message_id)

    async def prompt(self, job_id: int, number: int, *, message_id: int | None) -> str:
        """Prompt `number` (from 1) of a describe shown in message `message_id`, for the member who pressed its
        button. Raises `DescribeGone` with the reason when it cannot be had."""
        record = await self._store.jobs.get(job_id) if 0 < job_id <= MAX_JOB_ID else None
        if record is None or record.spec.kind is not JobKind.DESCRIBE:
            if 0 < job_id <= MAX_JOB_ID and await self._store.ledger.forgotten(job_id):
                raise DescribeGone(msg("The member who asked deleted this describe's history, so its buttons no "
                                       "longer work."))
            raise DescribeGone(msg("That describe is no longer known to the bot."))
        if message_id is None or record.result_message_id != message_id:
            log.info("job %d: prompt %d pressed on message %s, which does not show it; ignored", job_id, number,
                     message_id)
            raise DescribeGone(msg("That button does not belong to this message."))
        prompts = await self._store.describes.prompts(job_id)
        if not 1 <= number <= len(prompts):
            raise DescribeGone(msg("That prompt is no longer known to the bot."))
        return prompts[number - 1]
