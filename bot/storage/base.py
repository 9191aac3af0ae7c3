"""What the bot stores, independent of the database: the repositories' contracts and the store.

A job row is a `JobSpec` (bot.jobs.spec) plus its outcome; it reads back as a `JobRecord`
(bot.jobs.record). Backends (SQLite now, PostgreSQL later) implement `JobRepository`,
`InputImageRepository` and `MetaRepository` and subclass `Store`. The encoding helpers at the bottom
keep both backends storing values the same way: timestamps as unix seconds (float), money as decimal
text, generation ids as a JSON array.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import TracebackType
from typing import Protocol, Self

from bot.jobs.record import FINISHED_STATUSES, UNFINISHED_STATUSES, JobRecord, JobStatus
from bot.jobs.spec import InputRef, JobSpec, ResponseHandle

log = logging.getLogger(__name__)

__all__ = [
    "FINISHED_STATUSES",
    "MAX_ERROR_LENGTH",
    "UNFINISHED_STATUSES",
    "DailyCap",
    "InputImageRepository",
    "JobRecord",
    "JobRepository",
    "JobStatus",
    "MetaRepository",
    "Store",
    "check_finished_status",
    "clip_error",
    "decode_cost",
    "decode_generation_ids",
    "encode_cost",
    "encode_generation_ids",
]

MAX_ERROR_LENGTH = 500  # a job's error is a short summary for people, not a traceback
NO_HANDLE = ResponseHandle()  # a job nobody can be answered for (tests, jobs started outside Discord)


@dataclass(frozen=True, slots=True)
class DailyCap:
    """A limit checked when a job is created: at most `limit` jobs by the requester created at or after
    `since` (unix seconds), counting only DM jobs if `dm_only`."""

    limit: int
    since: float
    dm_only: bool = False


class JobRepository(Protocol):
    """Generation jobs: a stored `JobSpec`, where its answer lives, its lifecycle and outcome."""

    async def create(self, spec: JobSpec, *, created_at: float, handle: ResponseHandle = NO_HANDLE,
                     cap: DailyCap | None = None) -> JobRecord | None:
        """Record a new QUEUED job. Its input image must already be stored (`InputImageRepository.put`)
        and its parent job must exist.

        With `cap`, the check and the insert are one transaction: if the requester already has
        `cap.limit` jobs counted by the cap, nothing is recorded and the result is None. Two concurrent
        creates (even from two processes) can never both pass the last free slot."""
        ...

    async def get(self, job_id: int) -> JobRecord | None:
        """The job with this id, or None."""
        ...

    async def mark_running(self, job_id: int, *, started_at: float) -> bool:
        """QUEUED -> RUNNING. False (and nothing changes) if the job is unknown or no longer queued."""
        ...

    async def finish(self, job_id: int, *, status: JobStatus, finished_at: float, error: str | None = None,
                     cost: Decimal | None = None, generation_ids: Sequence[str] = ()) -> bool:
        """Move an unfinished job to a terminal `status` and forget its interaction token. The first
        finish wins: False (and nothing changes) if the job is unknown or already finished. Raises
        ValueError for a non-terminal status."""
        ...

    async def set_result_message(self, job_id: int, *, channel_id: int, message_id: int) -> bool:
        """Remember the message that shows the job's result. False if the job is unknown."""
        ...

    async def interrupt_unfinished(self, *, now: float) -> list[JobRecord]:
        """At start-up: mark every QUEUED/RUNNING job INTERRUPTED and return them, oldest first. The
        returned records still carry their interaction token (to edit the original response once);
        the stored ones no longer do."""
        ...

    async def count_since(self, *, requester_id: int, since: float, dm_only: bool = False) -> int:
        """How many jobs the user created at or after `since` (only DM jobs if `dm_only`)."""
        ...

    async def delete_finished_before(self, cutoff: float) -> int:
        """Retention: delete the finished jobs created before `cutoff` (never an unfinished one);
        return how many were deleted. Their input images stay until `delete_unreferenced`."""
        ...


class InputImageRepository(Protocol):
    """The images jobs edit, stored once per content and referred to by `InputRef`."""

    async def put(self, data: bytes, mime_type: str, *, now: float) -> InputRef:
        """Store the bytes (keyed by their SHA-256) and return their reference. Storing the same bytes
        again stores nothing new; it only renews their age, so the unreferenced sweep spares them."""
        ...

    async def get(self, sha256: str) -> bytes | None:
        """The stored bytes with this hash, or None."""
        ...

    async def discard(self, sha256: str) -> bool:
        """Delete this image unless a job references it (a refused request's image); True if deleted."""
        ...

    async def delete_unreferenced(self, *, created_before: float) -> int:
        """Delete the images no job references that were stored before `created_before` (the age guard
        spares an image a job is about to reference); return how many were deleted."""
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

    def __init__(self, *, jobs: JobRepository, meta: MetaRepository, inputs: InputImageRepository) -> None:
        self.jobs = jobs
        self.meta = meta
        self.inputs = inputs

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
