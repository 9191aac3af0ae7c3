"""Paid work, counted as it happens: each provider request of a job is settled in the usage ledger the moment
its answer ends — with the cost the answer reported, else (looked up by its generation id in the background)
its share of the reservation — whatever happens to the job afterwards (cancelled, an image that fails to
decode, a restart, a failed upload). A request that got no answer at all (refused or failed before the
provider generated anything) settles as nothing spent."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal

from bot.metrics import Metrics
from bot.openroute.client import OpenRouteClient
from bot.openroute.errors import (
    EventTooLarge,
    InvalidImageData,
    NoImageReturned,
    OpenRouteError,
    StreamError,
    StreamTruncated,
)
from bot.openroute.types import GenerationResult
from bot.records.ledger import Answer, CostSource
from bot.storage import until_answered
from bot.storage.base import LedgerRepository

log = logging.getLogger(__name__)

LOOKUP_DELAYS = (2.0, 10.0, 30.0)  # seconds before each try to look a cost up: a generation may 404 at first
# the provider generated something before these failed (the stream broke or its image was unusable): the
# request may have been billed, so without a reported cost it is counted like an answer that said nothing
_AFTER_GENERATING = (StreamTruncated, StreamError, EventTooLarge, InvalidImageData, NoImageReturned)
_UNUSABLE_IMAGE = (EventTooLarge, InvalidImageData)


def answer_of(request: int, outcome: GenerationResult | BaseException) -> Answer:
    """How one request ended, as the ledger settles it."""
    if isinstance(outcome, GenerationResult):
        return Answer(request=request, images=len(outcome.images), cost=outcome.cost,
                      generation_id=outcome.generation_id)
    cost = outcome.cost if isinstance(outcome, OpenRouteError) else None
    if cost is not None or not isinstance(outcome, OpenRouteError) or isinstance(outcome, _AFTER_GENERATING):
        # an image arrived but could not be used: the provider produced it
        produced = 1 if isinstance(outcome, _UNUSABLE_IMAGE) else 0
        return Answer(request=request, images=produced, cost=cost, generation_id=None)
    # refused or failed before generating (HTTP errors, connection failures): no paid work
    return Answer(request=request, images=0, cost=Decimal(0), generation_id=None, source=CostSource.NONE)


class Accounting:
    """Settles the answers of this process's jobs in the ledger and looks up the costs they did not report."""

    def __init__(self, ledger: LedgerRepository, client: OpenRouteClient, *, metrics: Metrics | None = None,
                 clock: Callable[[], float] = time.time, lookup_delays: Sequence[float] = LOOKUP_DELAYS,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> None:
        self._ledger = ledger
        self._client = client
        self._metrics = metrics if metrics is not None else Metrics()
        self._clock = clock
        self._lookup_delays = tuple(lookup_delays)
        self._sleep = sleep
        self._answers: dict[int, list[Answer]] = {}  # kept until the job is finished, to settle again if needed
        self._lookups: set[asyncio.Task[None]] = set()

    def recorder(self, job_id: int, model: str) -> Callable[[int, GenerationResult | BaseException],
                                                            Awaitable[None]]:
        """The callback that settles each of the job's requests as it ends (`ImageGenerator.generate`)."""
        async def answered(request: int, outcome: GenerationResult | BaseException) -> None:
            await self.settle(job_id, model, answer_of(request, outcome))
        return answered

    async def settle(self, job_id: int, model: str, answer: Answer) -> None:
        """Settle one answer now. A database failure is logged, not raised: the answer is settled again when
        the job finishes (`before_finish`)."""
        self._answers.setdefault(job_id, []).append(answer)
        try:
            entry = await self._ledger.settle(job_id, answer, settled_at=self._clock())
        except Exception:
            log.warning("job %d: could not record what request %d cost yet; trying again when the job ends",
                        job_id, answer.request, exc_info=True)
            return
        if entry is None:
            return
        log.info("job %d: request %d answered: %d image(s), cost %s (%s)", job_id, answer.request, answer.images,
                 entry.settled_cost, entry.cost_source)
        if entry.cost_source is CostSource.REPORTED:
            self._metrics.cost(model, entry.settled_cost)
        elif entry.cost_source is CostSource.RESERVED and answer.generation_id:
            task = asyncio.create_task(self._look_up(job_id, model, answer.request, answer.generation_id))
            self._lookups.add(task)
            task.add_done_callback(self._lookups.discard)

    async def before_finish(self, job_id: int) -> None:
        """Settle again what may not have been recorded (the first settlement wins, so this changes nothing
        otherwise), before the job's still-open requests are closed as never answered."""
        for answer in self._answers.pop(job_id, []):
            try:
                await until_answered(functools.partial(self._ledger.settle, job_id, answer, settled_at=self._clock()),
                                     what=f"what request {answer.request} of job {job_id} cost")
            except Exception:
                log.warning("job %d: could not record what request %d cost; it counts its reservation until "
                            "the job is closed", job_id, answer.request, exc_info=True)

    def forget(self, job_id: int) -> None:
        """The job is left unfinished on purpose (shutdown): drop what was kept for it."""
        self._answers.pop(job_id, None)

    async def _look_up(self, job_id: int, model: str, request: int, generation_id: str) -> None:
        for delay in self._lookup_delays:
            await self._sleep(delay)
            try:
                cost = await self._client.generation_cost(generation_id)
            except OpenRouteError as exc:
                log.info("job %d: looking up what generation %s cost failed: %s", job_id, generation_id,
                         type(exc).__name__)
                continue
            if cost is None:
                continue
            try:
                corrected = await self._ledger.correct(job_id, request, cost=cost)
            except Exception:
                log.warning("job %d: could not record the looked-up cost of generation %s", job_id, generation_id,
                            exc_info=True)
                return
            if corrected:
                self._metrics.cost(model, cost)
                log.info("job %d: request %d cost %s (looked up by generation id)", job_id, request, cost)
            return
        log.info("job %d: the cost of generation %s is still unknown; its reservation stays its cost", job_id,
                 generation_id)

    async def idle(self) -> None:
        """Return once every look-up started so far has ended (tests, and a clean shutdown)."""
        while self._lookups:
            await asyncio.gather(*self._lookups, return_exceptions=True)

    async def close(self) -> None:
        """Stop the look-ups still waiting (their requests keep their reservation as their cost)."""
        for task in list(self._lookups):
            task.cancel()
        await asyncio.gather(*self._lookups, return_exceptions=True)
