"""A job as recorded: its `JobSpec` plus where its answer lives and how it ended."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from bot.records.spec import JobSpec, ResponseHandle


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"

    @property
    def is_finished(self) -> bool:
        """True for the terminal states a job never leaves."""
        return self not in UNFINISHED_STATUSES


UNFINISHED_STATUSES = frozenset({JobStatus.QUEUED, JobStatus.RUNNING})
FINISHED_STATUSES = frozenset(set(JobStatus) - UNFINISHED_STATUSES)


@dataclass(frozen=True, slots=True, kw_only=True)
class JobRecord:
    """A stored job: the request (`spec`), its chat handle (the token is cleared once the job ended) and
    its outcome."""

    id: int
    spec: JobSpec
    status: JobStatus
    created_at: float  # unix seconds
    handle: ResponseHandle = field(default_factory=ResponseHandle)
    error: str | None = None
    started_at: float | None = None
    finished_at: float | None = None
    cost: Decimal | None = None
    generation_ids: tuple[str, ...] = ()
    result_channel_id: int | None = None
    result_message_id: int | None = None
    owner: str | None = None  # the bot instance that created the job (INSTANCE_NAME); None before there were several

    @property
    def is_finished(self) -> bool:
        """True once the job reached a terminal status."""
        return self.status.is_finished
