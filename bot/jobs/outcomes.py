"""What the /imagine service answers the chat layer: an accepted job (`Submitted`) and how a Cancel went."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.jobs.engine import Job
from bot.jobs.generation import GenerationOutput
from bot.records.job import JobRecord


class CancelOutcome(StrEnum):
    CANCELLED = "cancelled"
    NOT_ALLOWED = "not_allowed"  # only the requester may cancel
    ENDED = "ended"
    ALREADY_PAID = "already_paid"  # every request answered: the result is coming


@dataclass(frozen=True, slots=True)
class Submitted:
    """A job that was accepted: its record, the live job to follow, and how its server wants it shown."""

    record: JobRecord
    job: Job[GenerationOutput]
    spoiler: bool = False
    audit_channel_id: int | None = None
    typical_seconds: float | None = None  # how long this model usually takes on this bot
    upscale_to: str | None = None  # the size an Upscale of its images renders; None: Upscale is not offered
