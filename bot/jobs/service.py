"""The /imagine use case without Discord: check, record, queue, generate, deliver, recover.

The chat layer calls these methods and renders what they return; it never touches storage or the HTTP
client. Nothing is stored for a request that is refused: the policy and the engine's limits are checked
first, the input image is downloaded only then, and counted limits are checked again atomically when the
job is recorded.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from bot.images.worker import ImageWorker
from bot.jobs.accounting import LOOKUP_DELAYS, Accounting
from bot.jobs.catalog import ModelCatalog
from bot.jobs.costs import BudgetAlert, BudgetAlerts, CostEstimates
from bot.jobs.engine import Job, JobEngine
from bot.jobs.errors import JobCancelled, QueueFull, TooManyJobs
from bot.jobs.generation import GenerationOutput, ImageGenerator, failure_cost
from bot.jobs.inputs import InputFetcher, RemoteImage, StoredInputs
from bot.jobs.intake import JobIntake
from bot.jobs.memory import job_weight
from bot.jobs.models import closest_models
from bot.jobs.outcomes import CancelOutcome, Submitted
from bot.jobs.ownership import JobOwnership
from bot.jobs.packaging import Package, package_images
from bot.jobs.progress import Phase
from bot.jobs.request import generation_request
from bot.jobs.toolkit import Toolkit
from bot.metrics import Metrics
from bot.openroute.client import OpenRouteClient
from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, may_cancel, may_delete
from bot.policy.language import public_language
from bot.policy.rules import DefaultModelUnavailable, PolicyRefusal
from bot.policy.settings import SettingsService
from bot.records.guild import GuildSettings
from bot.records.job import JobRecord, JobStatus
from bot.records.ledger import LEDGER_DAYS
from bot.records.spec import JobKind, JobSpec, ResponseHandle
from bot.storage import Store, until_answered

log = logging.getLogger(__name__)

DAY = 24 * 60 * 60
MAX_JOB_ID = 2**63 - 1  # ids are 64-bit integers in every database


class ImagineService:
    """Orchestrates /imagine requests and their buttons. Injected with everything it uses."""

    def __init__(self, *, store: Store, engine: JobEngine, generator: ImageGenerator, policy: Policy,
                 guilds: SettingsService, client: OpenRouteClient, inputs: InputFetcher, images: ImageWorker,
                 cost_estimate: Decimal = Decimal("0.04"), size_factor: Callable[[str | None], Decimal] | None = None,
                 ownership: JobOwnership | None = None, metrics: Metrics | None = None,
                 cost_lookup_delays: Sequence[float] = LOOKUP_DELAYS, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._metrics = metrics if metrics is not None else Metrics()
        # one process alone by default: no bot-wide cap beyond the engine's own
        self._ownership = ownership or JobOwnership(store.jobs, instance="local", max_running=None, clock=clock)
        self._engine = engine
        self._generator = generator
        self._policy = policy
        self._guilds = guilds
        self._client = client
        self._inputs = inputs
        self._images = images
        self._clock = clock
        self._delivering: set[int] = set()
        self.intake = JobIntake(store=store, engine=engine, ownership=self._ownership, policy=policy, clock=clock,
                                stored_inputs=StoredInputs(inputs, store.inputs, clock=clock))
        self._delivered = asyncio.Event()
        self.catalog = ModelCatalog(client, policy, guilds, clock=clock)
        self.toolkit = Toolkit(self, policy, guilds)
        self._estimates = CostEstimates(store.usage, self.catalog, cost_estimate=cost_estimate,
                                        size_factor=size_factor)
        self.accounting = Accounting(store.ledger, client, metrics=self._metrics, clock=clock,
                                     lookup_delays=cost_lookup_delays)
        self._budget_alerts = BudgetAlerts(store.usage, store.meta, guilds, clock=clock)

    async def guild_for(self, actor: Actor) -> GuildSettings | None:
        """The settings of the server the actor is in (None in DMs)."""
        if actor.is_dm or actor.guild_id is None:
            return None
        return await self._guilds.get(actor.guild_id)

    async def models_for(self, actor: Actor) -> list[ImageModel]:
        """The image models this actor may use here (empty while the list is unknown)."""
        return self._policy.models_for(actor, await self.guild_for(actor), self.catalog.cached() or ())

    async def default_model_for(self, actor: Actor) -> str:
        """The model used when the actor chooses none: the server's default, else the operator's."""
        return self._policy.default_model(actor, await self.guild_for(actor))

    async def sizes_for(self, actor: Actor, model: str | None) -> tuple[str, ...]:
        """The sizes `actor` may ask of `model` (else the default model that applies to them), smallest first."""
        guild = await self.guild_for(actor)
        return self._policy.sizes_allowed(actor, model or self._policy.default_model(actor, guild), guild)

    async def sizes_of(self, actor: Actor, models: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """`sizes_for` of each of `models`, with one look-up of the server's settings."""
        guild = await self.guild_for(actor)
        return {model: self._policy.sizes_allowed(actor, model, guild) for model in models}

    async def estimate_cost(self, model: str, count: int, image_size: str | None = None) -> Decimal:
        """What a job will probably cost, reserved against budgets until its real cost is known (see
        `CostEstimates.estimate_cost`)."""
        return await self._estimates.estimate_cost(model, count, image_size)

    # --- jobs ---

    async def job(self, job_id: int) -> JobRecord | None:
        """The recorded job, or None (also for ids no database could hold)."""
        if not 0 < job_id <= MAX_JOB_ID:
            return None
        return await self._store.jobs.get(job_id)

    async def job_shown_in(self, message_id: int) -> JobRecord | None:
        """The job whose result is shown in this message (one of the bot's own results), or None."""
        if not 0 < message_id <= MAX_JOB_ID:
            return None
        return await self._store.jobs.shown_in(message_id)

    async def submit(self, actor: Actor, spec: JobSpec, *, attachment: RemoteImage | None = None,
                     attachments: Sequence[RemoteImage] = (), handle: ResponseHandle | None = None) -> Submitted:
        """Authorize, fetch the input image(s) (`attachment`, or a blend's `attachments` in order), record and
        queue a generation.

        Raises `PolicyRefusal`, `TooManyJobs`, `QueueFull`, `EngineClosed`, input image errors; a refused
        request stores nothing and counts toward nothing (it only shows in the metrics)."""
        sources = tuple(attachments) or ((attachment,) if attachment is not None else ())
        try:
            return await self._submit(actor, spec, attachments=sources, handle=handle)
        except (PolicyRefusal, TooManyJobs, QueueFull):
            self._metrics.job_refused(await self._refused_model(actor, spec), kind=spec.kind)
            raise

    async def _refused_model(self, actor: Actor, spec: JobSpec) -> str:
        """The metrics label of a refused request: the model it named, else the default that applies, when
        the provider lists it; "unlisted" otherwise (a member's free text never becomes a label)."""
        try:
            model = spec.model or await self.default_model_for(actor)
        except Exception:  # the refusal itself matters more than its label
            return "unlisted"
        return model if self.catalog.find(model) is not None else "unlisted"

    async def _submit(self, actor: Actor, spec: JobSpec, *, attachments: tuple[RemoteImage, ...],
                      handle: ResponseHandle | None) -> Submitted:
        guild = await self.guild_for(actor)
        chosen = bool(spec.model)
        spec = dataclasses.replace(spec, requester_id=actor.user_id, guild_id=actor.guild_id,
                                   channel_id=actor.channel_id, is_dm=actor.is_dm,
                                   model=spec.model or self._policy.default_model(actor, guild),
                                   kind=JobKind.EDIT if attachments and spec.kind is JobKind.IMAGINE else spec.kind,
                                   locale=public_language(actor, guild))
        for attachment in attachments:
            self._inputs.check(attachment)
        models = await self.catalog.known(spec.model if chosen else None)
        try:
            self._policy.authorize(actor, spec, guild=guild, known_models=models, model_chosen=chosen)
        except DefaultModelUnavailable as exc:
            closest = closest_models(exc.model, [m.id for m in models or ()])
            log.warning("user %d chose no model and the default model %s (%s) is not an image model the provider "
                        "lists; request refused; closest listed: %s", actor.user_id, exc.model,
                        f"default of server {actor.guild_id}" if exc.server_default else "DEFAULT_MODEL",
                        ", ".join(closest) or "none")
            raise
        # one look-up: the estimate and the usual duration
        history = await self._estimates.history(spec.model, spec.image_size)
        quota = self._policy.quota_for(actor, guild, reserve=self._estimates.estimate(
            history, spec.model, spec.count, image_size=spec.image_size))
        await self.intake.check(actor, spec, quota)  # refuse early: before any download or API call
        images = len(attachments) or len(spec.inputs)  # downloaded now, or stored already (Regenerate)
        record, job = await self.intake.enqueue(
            actor, spec, quota, attachments=attachments, handle=handle or ResponseHandle(), run=self._run,
            weight=job_weight(spec, input_bytes=self._inputs.max_bytes * images,
                              input_pixels=self._inputs.max_pixels if attachments else 0))  # decoded one at a time
        spec = record.spec
        log.info("job %d queued: %s user=%d model=%s count=%d inputs=%d reserved=%s", record.id, spec.kind,
                 actor.user_id, spec.model, spec.count, len(spec.inputs), quota.reserve)
        upscale = self._policy.upscale_target(spec, guild)
        return Submitted(record, job, spoiler=bool(guild and guild.spoiler),
                         audit_channel_id=guild.log_channel_id if guild else None,
                         typical_seconds=self._estimates.typical_seconds(history),
                         upscale_to=upscale[1] if upscale else None)

    async def rerun(self, actor: Actor, record: JobRecord, *, prompt: str | None = None,
                    attachment: RemoteImage | None = None, handle: ResponseHandle | None = None) -> Submitted:
        """`record`'s request again, as `actor`'s own new job: Regenerate (the same input images, read from the
        store), or Edit with a new prompt and one of the result's images as the input."""
        changes: dict[str, object] = {}
        if prompt is not None:
            changes["prompt"] = prompt
        if attachment is not None:
            changes.update(inputs=(), count=1, kind=JobKind.EDIT, source_image=None)
        spec = record.spec.rerun(parent_job_id=record.id, **changes)
        return await self.submit(actor, spec, attachment=attachment, handle=handle)

    def new_spec(self, *, prompt: str, model: str | None = None, aspect_ratio: str | None = None,
                 image_size: str | None = None, count: int = 1) -> JobSpec:
        """A spec for a new request; who asks and where (and, without a model, the default model that applies
        there) is filled in by `submit`."""
        return JobSpec(requester_id=0, guild_id=None, channel_id=None, is_dm=False, prompt=prompt,
                       model=(model or "").strip(), aspect_ratio=aspect_ratio,
                       image_size=image_size, count=count)

    def cancel(self, actor: Actor, record: JobRecord) -> CancelOutcome:
        """Cancel the job for `actor`, unless they may not, it already ended, or every request already answered:
        then cancelling would save nothing (the images are made and paid for), so the member gets the result."""
        if not may_cancel(actor, record):
            return CancelOutcome.NOT_ALLOWED
        live = self._engine.get(record.id)
        if live is not None and not live.done and live.progress.answered >= live.progress.images_total:
            log.info("job %d: not cancelled, every request already answered (paid)", record.id)
            return CancelOutcome.ALREADY_PAID
        if not self._engine.cancel(record.id):
            return CancelOutcome.ENDED
        log.info("job %d cancelled by its requester", record.id)
        return CancelOutcome.CANCELLED

    async def forgotten(self, job_id: int) -> bool:
        """Whether the job's requester deleted its history (/privacy forget): its result's buttons say so."""
        return 0 < job_id <= MAX_JOB_ID and await self._store.ledger.forgotten(job_id)

    @property
    def stopping(self) -> bool:
        """True once `shutdown` began: failures from now on are expected, not bugs."""
        return self._engine.closed

    def may_delete(self, actor: Actor, record: JobRecord) -> bool:
        return may_delete(actor, record)

    async def _run(self, record: JobRecord, job: Job[GenerationOutput]) -> GenerationOutput:
        job_id, spec = record.id, record.spec
        try:
            # a bot-wide slot (several processes may share the database); meanwhile the job shows as queued
            await self._ownership.start(job_id, waiting=lambda: job.report(phase=Phase.QUEUED))
            job.report(phase=Phase.WAITING)
            log.info("job %d started", job_id)
            data = [await self._store.inputs.get(ref.sha256) for ref in spec.inputs]
            if any(image is None for image in data):
                raise LookupError(f"an input image of job {job_id} is no longer stored")
            output = await self._generator.generate(generation_request(spec, data), spec.count, report=job.report,
                                                    on_answer=self.accounting.recorder(job_id, spec.model))
        except (asyncio.CancelledError, JobCancelled):
            if self._engine.closed:
                # left unfinished on purpose: the next start-up tells its user it was interrupted (what its
                # answered requests cost is already counted; the others keep their reservation)
                log.info("job %d interrupted by shutdown", job_id)
                self.accounting.forget(job_id)
                raise
            self._metrics.job_finished(spec.model, "cancelled", kind=spec.kind)
            await self._finish(job_id, JobStatus.CANCELLED, error="cancelled")
            raise
        except Exception as exc:
            self._metrics.job_finished(spec.model, "failed", kind=spec.kind)
            await self._finish(job_id, JobStatus.FAILED, error=_short_error(exc), cost=failure_cost(exc))
            log.warning("job %d failed: %s", job_id, _short_error(exc))
            raise
        log.info("job %d generated: %d image(s), cost=%s, %.1fs, generations=%s", job_id, len(output.images),
                 output.cost, output.elapsed, ",".join(output.generation_ids))
        # still RUNNING in the store: it succeeds once delivered (see `delivered`), so a shutdown before that
        # leaves it to be reported as interrupted at the next start — its requests' costs are in the ledger
        await self._store.jobs.record_cost(job_id, cost=output.cost, generation_ids=output.generation_ids)
        self._delivering.add(job_id)
        return output

    async def package(self, job_id: int, output: GenerationOutput, *, max_bytes: int) -> Package:
        """The job's images made to fit an upload limit of `max_bytes` per file (`bot.jobs.packaging`)."""
        return await package_images(self._images, job_id, output, max_bytes=max_bytes)

    async def delivered(self, record: JobRecord, output: GenerationOutput | None, *, ok: bool,
                        error: str | None = None) -> BudgetAlert | None:
        """The chat layer has shown the job's outcome (`ok`), or could not. Records how the job ended (its real
        cost replaces the reservation); a delivery cut off by shutdown stays unfinished, to be reported as
        interrupted at the next start. Returns the server's budget alert when this job took its spending
        past the warning threshold for the first time this month."""
        try:
            if output is not None and (ok or not self._engine.closed):
                status = JobStatus.SUCCEEDED if ok else JobStatus.FAILED
                self._metrics.job_finished(record.spec.model, "succeeded" if ok else "failed",
                                           kind=record.spec.kind)
                if ok:
                    self._metrics.job_delivered(self._clock() - record.created_at)
                await self._finish(record.id, status, error=None if ok else (error or "delivery failed"),
                                   output=output, images=len(output.images) if ok else 0)
                return await self._budget_alerts.after(record.spec)
            # a job cancelled before it started never ran `_run`: record and count it here (a job that ran is
            # already settled, and the first finish wins)
            if output is None and not self._engine.closed and \
                    await self._finish(record.id, JobStatus.CANCELLED, error="cancelled"):
                self._metrics.job_finished(record.spec.model, "cancelled", kind=record.spec.kind)
            return None
        finally:
            self._delivering.discard(record.id)
            self._delivered.set()

    async def settled(self) -> None:
        """Return once no generated result is waiting to be delivered: every result shown so far is recorded
        with its message and its end (for tests and tools that read the database after a result)."""
        while self._delivering:
            self._delivered.clear()
            await self._delivered.wait()

    async def record_message(self, job_id: int, *, channel_id: int, message_id: int) -> None:
        """Remember the message that shows the job, so its buttons can be checked against it."""
        await self._store.jobs.set_result_message(job_id, channel_id=channel_id, message_id=message_id)

    async def _finish(self, job_id: int, status: JobStatus, *, error: str | None,
                      output: GenerationOutput | None = None, images: int | None = None,
                      cost: Decimal | None = None) -> bool:
        """Record how the job ended; its requests that never answered are closed as nothing spent (those that
        did were settled as they answered). False if it was already finished."""
        finished_at = self._clock()

        async def settle_and_finish() -> bool:
            await self.accounting.before_finish(job_id)
            # a job left unfinished would hold its member's slot for good: written once the database answers
            return await until_answered(lambda: self._store.jobs.finish(
                job_id, status=status, finished_at=finished_at, error=error, cost=output.cost if output else cost,
                generation_ids=output.generation_ids if output else (), images=images), what=f"the end of job {job_id}")

        try:
            return await asyncio.shield(settle_and_finish())  # shielded: a cancelled job must still be recorded
        finally:
            self._ownership.ended()

    # --- start-up and shutdown ---

    async def recover_interrupted(self) -> list[JobRecord]:
        """At start-up: the jobs this instance's previous run left unfinished, and a stopped sibling's, are
        marked interrupted and returned, so their requesters can be told (`JobOwnership.recover`)."""
        return await self._ownership.recover()

    async def heartbeat(self) -> list[JobRecord]:
        """Every `HEARTBEAT_INTERVAL`: show siblings this process is alive; take over (and return) the jobs of
        a sibling that stopped (`JobOwnership.beat`)."""
        return await self._ownership.beat()

    async def prune(self, retention_days: int) -> tuple[int, int]:
        """Delete finished jobs older than `retention_days` and input images no job uses (0: keep them); the
        ledger's entries only after `LEDGER_DAYS` whatever it says. Returns (jobs, images) deleted."""
        now = self._clock()
        jobs = images = 0
        if retention_days > 0:
            cutoff = now - retention_days * DAY
            jobs = await self._store.jobs.delete_finished_before(cutoff)
            images = await self._store.inputs.delete_unreferenced(created_before=cutoff)
        await self._store.ledger.prune(created_before=now - LEDGER_DAYS * DAY)
        if jobs or images:
            log.info("retention: deleted %d job(s) and %d input image(s) older than %d days", jobs, images,
                     retention_days)
        return jobs, images

    async def shutdown(self, grace: float) -> None:
        """Stop taking jobs, cancel the ones still generating, and give results already received up to
        `grace` seconds to be delivered. What is left is reported as interrupted at the next start."""
        await self._engine.close()
        await self.accounting.close()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        while self._delivering and loop.time() < deadline:
            self._delivered.clear()
            try:
                async with asyncio.timeout_at(deadline):
                    await self._delivered.wait()
            except TimeoutError:
                break
        if self._delivering:
            log.warning("shutdown: %d result(s) not delivered within %gs; they will be reported as "
                        "interrupted at the next start", len(self._delivering), grace)


def _short_error(exc: BaseException) -> str:
    status = getattr(exc, "status", None)
    return f"{type(exc).__name__}({status})" if status else type(exc).__name__
