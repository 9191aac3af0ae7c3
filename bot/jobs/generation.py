"""One generation as a user sees it: N concurrent API requests, progress, and the images checked intact (they
are converted to PNG and fitted into the upload limit once delivered: `ImageWorker.fit_for_upload`).

Shared by the CLI and the Discord job engine. Progress is reported through a plain callback taking
`Progress` field names (phase, model_text, bytes_received, images_done, images_total).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.images.errors import ImageError, ModelImageInvalid
from bot.images.worker import ImageWorker
from bot.jobs.progress import Phase
from bot.openroute.client import OpenRouteClient
from bot.openroute.errors import OpenRouteError
from bot.openroute.types import (
    Finished,
    GenerationRequest,
    GenerationResult,
    ImageProgress,
    ImageReady,
    StreamEvent,
    TextDelta,
)

log = logging.getLogger(__name__)

ProgressCallback = Callable[..., None]
AnswerCallback = Callable[[int, "GenerationResult | BaseException"], Awaitable[None]]
MAX_MODEL_TEXT = 2000


@dataclass(frozen=True, slots=True)
class OutputImage:
    """One generated image as the provider sent it (PNG, JPEG or WebP), proven intact."""

    data: bytes
    mime_type: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class GenerationOutput:
    """What a job produced: the API's results (one per successful request), their images, and the
    requests that failed. Cost, ids and text are read from the results, never copied."""

    results: tuple[GenerationResult, ...]
    images: tuple[OutputImage, ...]
    elapsed: float
    failures: tuple[BaseException, ...] = ()

    @property
    def requested(self) -> int:
        return len(self.results) + len(self.failures)

    @property
    def model(self) -> str:
        return self.results[0].model

    @property
    def text(self) -> str:
        return next((r.text for r in self.results if r.text), "")

    @property
    def cost(self) -> Decimal | None:
        """The sum of the reported costs, the failed requests' included; None when no request reported one."""
        return total_cost([r.cost for r in self.results] + [failure_cost(f) for f in self.failures])

    @property
    def generation_ids(self) -> tuple[str, ...]:
        return tuple(r.generation_id for r in self.results if r.generation_id)


def failure_cost(error: BaseException) -> Decimal | None:
    """What the provider reported charging for a failed request (None: nothing reported)."""
    return error.cost if isinstance(error, OpenRouteError) else None


def total_cost(costs: list[Decimal | None]) -> Decimal | None:
    known = [c for c in costs if c is not None]
    return sum(known, Decimal(0)) if known else None


class _Tracker:
    """Folds the events of N concurrent streams into one progress picture."""

    def __init__(self, count: int, report: ProgressCallback) -> None:
        self.count = count
        self.report = report
        self.partial: dict[int, int] = {}
        self.ready = 0
        self.text = ""

    def on_event(self, index: int, event: StreamEvent) -> None:
        changes: dict[str, Any] = {}
        if isinstance(event, TextDelta) and index == 0 and len(self.text) < MAX_MODEL_TEXT:
            self.text = (self.text + event.text)[:MAX_MODEL_TEXT]
            changes["model_text"] = self.text
        elif isinstance(event, ImageProgress):
            self.partial[index] = event.bytes_received
            changes.update(phase=Phase.RECEIVING, bytes_received=sum(self.partial.values()))
        elif isinstance(event, ImageReady):
            self.partial[index] = 0
            self.ready += 1
            changes.update(phase=Phase.RECEIVING, images_done=min(self.ready, self.count),
                           bytes_received=sum(self.partial.values()))
        elif isinstance(event, Finished):
            return
        if changes:
            self.report(**changes)


class ImageGenerator:
    """Runs generations against the API and returns their images, checked. Injected with a client and an image
    worker."""

    def __init__(self, client: OpenRouteClient, images: ImageWorker, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.images = images
        self._clock = clock

    def modalities_for(self, model: str) -> list[str] | None:
        """["image"] for image-only models (they answer text-only to ["image", "text"]), from the cached
        model list; None (the client's default) when the model is not in it."""
        for known in self.client.cached_image_models() or ():
            if known.id == model:
                return known.modalities
        return None

    async def generate(self, request: GenerationRequest, count: int = 1,
                       report: ProgressCallback | None = None,
                       on_answer: AnswerCallback | None = None) -> GenerationOutput:
        """Run `count` concurrent requests. Returns what succeeded; raises the first error if none did.
        `on_answer(index, outcome)` is awaited as each request ends (shielded: a cancel arriving later does
        not cut it short), e.g. to count what it cost at once; progress says how many `answered`."""
        report = report or (lambda **_: None)
        started = self._clock()
        report(phase=Phase.WAITING, images_total=count, images_done=0, bytes_received=0, answered=0)
        tracker = _Tracker(count, report)
        answered = 0

        async def done(index: int, outcome: GenerationResult | BaseException) -> None:
            nonlocal answered
            answered += 1
            report(answered=answered)
            if on_answer is not None:
                await on_answer(index, outcome)

        outcomes = await self.client.generate_many(request, count, on_event=tracker.on_event, on_done=done,
                                                   modalities=self.modalities_for(request.model))
        results = tuple(o for o in outcomes if isinstance(o, GenerationResult))
        failures = tuple(o for o in outcomes if not isinstance(o, GenerationResult))
        if not results:
            error = failures[0]
            if isinstance(error, OpenRouteError):  # what every failed request was charged, for the budgets
                error.cost = total_cost([failure_cost(f) for f in failures])
            raise error
        for failure in failures:
            log.warning("one of %d requests failed: %s", count, type(failure).__name__)
        report(phase=Phase.DECODING)
        images: list[OutputImage] = []
        for result in results:
            for image in result.images:
                try:
                    info = await self.images.check(image.data)
                except ImageError as exc:
                    # the same problem with a member's upload is theirs; here it is the model's (retry helps)
                    raise ModelImageInvalid(exc) from exc
                images.append(OutputImage(data=image.data, mime_type=info.mime_type, width=info.width,
                                          height=info.height))
        return GenerationOutput(results=results, images=tuple(images), elapsed=self._clock() - started,
                                failures=failures)
