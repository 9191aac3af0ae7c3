"""What the bot stores, independent of the database: job records, the repositories' contracts, the store.

Backends (SQLite now, PostgreSQL later) implement `JobRepository` and `MetaRepository` and subclass
`Store`. The encoding helpers at the bottom keep both backends storing values the same way:
timestamps as unix seconds (float), money as decimal text, generation ids as a JSON array.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from types import TracebackType
from typing import Protocol, Self

log = logging.getLogger(__name__)

MAX_ERROR_LENGTH = 500  # a job's error is a short summary for people, not a traceback


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
class NewJob:
    """A generation request as it is recorded, before it has an id.

    `interaction_token` lets the bot reach the original response later (valid 15 minutes from
    `interaction_created_at`); it and `input_image` are left out of the repr so they never reach a log.
    """

    requester_id: int
    guild_id: int | None
    channel_id: int | None
    is_dm: bool
    prompt: str
    model: str
    created_at: float  # unix seconds
    aspect_ratio: str | None = None
    image_size: str | None = None
    count: int = 1
    parent_job_id: int | None = None  # the job this one regenerates or edits
    input_image: bytes | None = field(default=None, repr=False)  # bounded by the caller
    input_mime: str | None = None
    application_id: int | None = None
    interaction_token: str | None = field(default=None, repr=False)
    interaction_created_at: float | None = None  # unix seconds; when the token's 15 minutes started

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"count must be at least 1, got {self.count}")
        if (self.input_image is None) != (self.input_mime is None):
            raise ValueError("input_image and input_mime must be given together")


@dataclass(frozen=True, slots=True, kw_only=True)
class JobRecord:
    """A stored job. The input image itself is read separately with `JobRepository.input_image`."""

    id: int
    requester_id: int
    guild_id: int | None
    channel_id: int | None
    is_dm: bool
    prompt: str
    model: str
    created_at: float
    status: JobStatus
    aspect_ratio: str | None = None
    image_size: str | None = None
    count: int = 1
    parent_job_id: int | None = None
    has_input: bool = False
    input_mime: str | None = None
    application_id: int | None = None
    interaction_token: str | None = field(default=None, repr=False)
    interaction_created_at: float | None = None
    error: str | None = None
    started_at: float | None = None
    finished_at: float | None = None
    cost: Decimal | None = None
    generation_ids: tuple[str, ...] = ()
    result_channel_id: int | None = None
    result_message_id: int | None = None

    @property
    def is_finished(self) -> bool:
        """True once the job reached a terminal status."""
        return self.status.is_finished


class JobRepository(Protocol):
    """Generation jobs: their request, lifecycle and outcome."""

    async def create(self, job: NewJob) -> JobRecord:
        """Record a new job (status QUEUED), with its input image if it has one."""
        ...

    async def get(self, job_id: int) -> JobRecord | None:
        """The job with this id, or None."""
        ...

    async def input_image(self, job_id: int) -> tuple[bytes, str] | None:
        """The (bytes, mime type) of the image the job edits, or None if it has none."""
        ...

    async def mark_running(self, job_id: int, *, started_at: float) -> bool:
        """QUEUED -> RUNNING. False (and nothing changes) if the job is unknown or no longer queued."""
        ...

    async def finish(self, job_id: int, *, status: JobStatus, finished_at: float, error: str | None = None,
                     cost: Decimal | None = None, generation_ids: Sequence[str] = ()) -> bool:
        """Move an unfinished job to a terminal `status`. The first finish wins: False (and nothing
        changes) if the job is unknown or already finished. Raises ValueError for a non-terminal status."""
        ...

    async def set_result_message(self, job_id: int, *, channel_id: int, message_id: int) -> bool:
        """Remember the message that shows the job's result. False if the job is unknown."""
        ...

    async def interrupt_unfinished(self, *, now: float) -> list[JobRecord]:
        """At start-up: mark every QUEUED/RUNNING job INTERRUPTED and return them (as now stored)."""
        ...

    async def count_since(self, *, requester_id: int, since: float, dm_only: bool = False,
                          statuses: Collection[JobStatus] | None = None) -> int:
        """How many jobs the user created at or after `since` (only DM jobs if `dm_only`; only the
        given statuses if `statuses` is not None)."""
        ...

    async def recent(self, *, requester_id: int, limit: int = 10) -> list[JobRecord]:
        """The user's latest jobs, newest first."""
        ...


class MetaRepository(Protocol):
    """Small key/value facts about the bot itself (e.g. the hash of the last synced command tree)."""

    async def get(self, key: str) -> str | None:
        """The stored value, or None."""
        ...

    async def set(self, key: str, value: str) -> None:
        """Insert or replace the value."""
        ...


class Store:
    """What the bot is given: the repositories over one database. Close it once at shutdown
    (or use it as an async context manager)."""

    def __init__(self, *, jobs: JobRepository, meta: MetaRepository) -> None:
        self.jobs = jobs
        self.meta = meta

    async def close(self) -> None:
        """Release the database connection(s). Safe to call more than once."""
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()


# --- value encoding shared by the backends --------------------------------------------------------------

def encode_cost(cost: Decimal | None) -> str | None:
    """Money as exact decimal text (never a float)."""
    if cost is None:
        return None
    if not isinstance(cost, Decimal) or not cost.is_finite():
        raise ValueError(f"cost must be a finite Decimal, got {cost!r}")
    return str(cost)


def decode_cost(text: str | None) -> Decimal | None:
    """The stored decimal text back as a Decimal (None if absent or unreadable)."""
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        log.warning("Ignoring a stored cost that is not a number: %r", text)
        return None


def encode_generation_ids(ids: Sequence[str]) -> str:
    """Generation ids as a JSON array of strings."""
    if isinstance(ids, str | bytes):
        raise TypeError("generation_ids must be a sequence of ids, not a single string")
    values = list(ids)
    if not all(isinstance(value, str) for value in values):
        raise TypeError("generation_ids must contain strings")
    return json.dumps(values)


def decode_generation_ids(text: str | None) -> tuple[str, ...]:
    """The stored JSON array back as a tuple of ids (empty if absent or unreadable)."""
    if not text:
        return ()
    try:
        values = json.loads(text)
    except ValueError:
        log.warning("Ignoring stored generation ids that are not JSON")
        return ()
    return tuple(str(value) for value in values) if isinstance(values, list) else ()


def clip_error(error: str | None) -> str | None:
    """Keep a job's error short enough to show and store."""
    if error is None:
        return None
    error = error.strip()
    if len(error) <= MAX_ERROR_LENGTH:
        return error
    return error[: MAX_ERROR_LENGTH - 1] + "…"


def check_finished_status(status: JobStatus) -> JobStatus:
    """The status as a JobStatus, or ValueError if it is not terminal."""
    status = JobStatus(status)
    if not status.is_finished:
        raise ValueError(f"a job can only finish as one of {sorted(FINISHED_STATUSES)}, not {status!r}")
    return status
