"""The /imagine use case without Discord: authorize, record, queue, generate, record the outcome."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.generation import GenerationOutput, ImageGenerator
from bot.jobs.engine import Job, JobEngine
from bot.jobs.errors import JobCancelled
from bot.openroute.client import OpenRouteClient
from bot.openroute.errors import OpenRouteError
from bot.openroute.types import GenerationRequest, ImageModel, InputImage
from bot.policy import Actor, Policy
from bot.storage import JobRecord, JobStatus, NewJob, Store

log = logging.getLogger(__name__)

MODELS_LOOKUP_TIMEOUT = 5.0


@dataclass(frozen=True, slots=True)
class ImagineOptions:
    prompt: str
    model: str
    aspect_ratio: str | None = None
    image_size: str | None = None
    count: int = 1
    input_image: InputImage | None = None
    parent_job_id: int | None = None


@dataclass(frozen=True, slots=True)
class ResponseHandle:
    """Where the job's answer lives on the chat side (an interaction's original response)."""

    application_id: int | None = None
    interaction_token: str | None = None
    interaction_created_at: float | None = None


class ImagineService:
    """Orchestrates one /imagine request. Injected with everything it uses; holds no global state."""

    def __init__(self, *, store: Store, engine: JobEngine, generator: ImageGenerator, policy: Policy,
                 client: OpenRouteClient, default_model: str, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.engine = engine
        self.generator = generator
        self.policy = policy
        self.client = client
        self.default_model = default_model
        self._clock = clock

    async def known_models(self) -> list[ImageModel] | None:
        """The image models, from the cache or a short fetch; None when the list cannot be had right now
        (then the API itself judges the model)."""
        cached = self.client.cached_image_models()
        if cached is not None:
            return cached
        try:
            async with asyncio.timeout(MODELS_LOOKUP_TIMEOUT):
                return await self.client.list_image_models()
        except (OpenRouteError, TimeoutError) as exc:
            log.warning("could not load the model list to validate a request: %s", type(exc).__name__)
            return None

    async def submit(self, actor: Actor, options: ImagineOptions,
                     handle: ResponseHandle = ResponseHandle()) -> tuple[JobRecord, Job[GenerationOutput]]:
        """Authorize, record and queue a generation. Raises `PolicyRefusal`, `TooManyJobs` or `QueueFull`."""
        await self.policy.authorize(actor, prompt=options.prompt, model=options.model,
                                    aspect_ratio=options.aspect_ratio, image_size=options.image_size,
                                    count=options.count, known_models=await self.known_models())
        record = await self.store.jobs.create(NewJob(
            requester_id=actor.user_id, guild_id=actor.guild_id, channel_id=actor.channel_id, is_dm=actor.is_dm,
            prompt=options.prompt, model=options.model, aspect_ratio=options.aspect_ratio,
            image_size=options.image_size, count=options.count, parent_job_id=options.parent_job_id,
            input_image=options.input_image.data if options.input_image else None,
            input_mime=options.input_image.mime_type if options.input_image else None,
            application_id=handle.application_id, interaction_token=handle.interaction_token,
            interaction_created_at=handle.interaction_created_at, created_at=self._clock(),
        ))
        request = GenerationRequest(
            prompt=options.prompt, model=options.model, aspect_ratio=options.aspect_ratio,
            image_size=options.image_size, input_images=(options.input_image,) if options.input_image else (),
            user=str(actor.user_id),
        )

        async def work(job: Job[GenerationOutput]) -> GenerationOutput:
            return await self._run(record.id, job, request, options.count)

        try:
            job = self.engine.submit(record.id, actor.user_id, work)
        except Exception as exc:
            await self.store.jobs.finish(record.id, status=JobStatus.FAILED, finished_at=self._clock(),
                                         error=type(exc).__name__)
            raise
        log.info("job %d queued: user=%d model=%s count=%d", record.id, actor.user_id, options.model,
                 options.count)
        return record, job

    async def _run(self, job_id: int, job: Job[GenerationOutput], request: GenerationRequest,
                   count: int) -> GenerationOutput:
        await self.store.jobs.mark_running(job_id, started_at=self._clock())
        log.info("job %d started", job_id)
        try:
            output = await self.generator.generate(request, count, report=job.report)
        except (asyncio.CancelledError, JobCancelled):
            if self.engine.closed:
                # left unfinished on purpose: the next start-up tells its user it was interrupted
                log.info("job %d interrupted by shutdown", job_id)
                raise
            await self._finish(job_id, JobStatus.CANCELLED, error="cancelled")
            log.info("job %d cancelled", job_id)
            raise
        except Exception as exc:
            await self._finish(job_id, JobStatus.FAILED, error=_short_error(exc))
            log.warning("job %d failed: %s", job_id, _short_error(exc))
            raise
        await self.store.jobs.finish(job_id, status=JobStatus.SUCCEEDED, finished_at=self._clock(),
                                     cost=output.cost, generation_ids=output.generation_ids)
        log.info("job %d succeeded: %d image(s), cost=%s, %.1fs, generations=%s", job_id, len(output.images),
                 output.cost, output.elapsed, ",".join(output.generation_ids))
        return output

    async def _finish(self, job_id: int, status: JobStatus, *, error: str) -> None:
        # shielded: a cancelled job must still be recorded as such
        await asyncio.shield(self.store.jobs.finish(job_id, status=status, finished_at=self._clock(), error=error))

    async def options_for_rerun(self, job_id: int, *, prompt: str | None = None) -> ImagineOptions | None:
        """The options of a recorded job, to regenerate it (optionally with another prompt)."""
        record = await self.store.jobs.get(job_id)
        if record is None:
            return None
        stored = await self.store.jobs.input_image(job_id) if record.has_input else None
        return ImagineOptions(
            prompt=prompt if prompt is not None else record.prompt, model=record.model,
            aspect_ratio=record.aspect_ratio, image_size=record.image_size, count=record.count,
            input_image=InputImage(data=stored[0], mime_type=stored[1]) if stored else None,
            parent_job_id=record.id,
        )

    def cancel(self, job_id: int) -> bool:
        return self.engine.cancel(job_id)

    async def record_result_message(self, job_id: int, *, channel_id: int, message_id: int) -> None:
        await self.store.jobs.set_result_message(job_id, channel_id=channel_id, message_id=message_id)


def _short_error(exc: BaseException) -> str:
    status = getattr(exc, "status", None)
    return f"{type(exc).__name__}({status})" if status else type(exc).__name__
