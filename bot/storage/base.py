"""What the bot stores, independent of the database: the repositories' contracts and the store.

A job row is a `JobSpec` (bot.records.spec) plus its outcome; it reads back as a `JobRecord`
(bot.records.job). `JobRepository`, `LedgerRepository`, `InputImageRepository`, `MetaRepository`,
`GuildSettingsRepository`, `UsageRepository` and `DescribeRepository` are implemented once in bot.storage.sql
over a small database interface that the SQLite and PostgreSQL backends provide; each backend's store subclasses
`Store`. The encoding helpers at the bottom keep values stored the same way: timestamps as unix seconds (float),
money as decimal text, generation ids as a JSON array.

How usage counts (for `Quota` checks and usage totals alike): from the usage ledger (bot.records.ledger), one
entry per provider request, recorded with its job and never deleted with it (only after `LEDGER_DAYS`):

- scope: a DM job's requests count among its requester's DM requests, wherever it was asked; any other job's
  among the requests of its server (`guild_id`);
- images: an open request counts the image it expects, a settled one the images the provider produced;
- money: an open request counts its share of the job's reservation, a settled one its cost (reported, looked
  up, or its reservation when nobody said).

Only live concurrency counts unfinished jobs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from types import TracebackType
from typing import Protocol, Self

from bot.records.guild import GuildModels, GuildSettings
from bot.records.history import HistoryCursor, HistoryPage
from bot.records.job import FINISHED_STATUSES, JobRecord, JobStatus
from bot.records.ledger import Answer, LedgerEntry
from bot.records.quota import Quota
from bot.records.spec import InputRef, JobSpec, ResponseHandle
from bot.records.usage import Forgotten, ModelHistory, UsageTotals

log = logging.getLogger(__name__)

__all__ = [
    "MAX_ERROR_LENGTH",
    "NO_HANDLE",
    "DescribeRepository",
    "GuildSettingsRepository",
    "InputImageRepository",
    "JobRepository",
    "LedgerRepository",
    "MetaRepository",
    "Store",
    "UsageRepository",
    "check_finished_status",
    "clip_error",
    "decode_cost",
    "decode_generation_ids",
    "encode_cost",
    "encode_generation_ids",
]

MAX_ERROR_LENGTH = 500  # a job's error is a short summary for people, not a traceback
NO_HANDLE = ResponseHandle()  # a job nobody can be answered for (tests, jobs started outside Discord)


class JobRepository(Protocol):
    """Generation jobs: a stored `JobSpec`, where its answer lives, its lifecycle and outcome."""

    async def create(self, spec: JobSpec, *, created_at: float, handle: ResponseHandle = NO_HANDLE,
                     quota: Quota | None = None, owner: str | None = None) -> JobRecord:
        """Record a new QUEUED job holding `quota.reserve` (0 without a quota) as its reserved cost, owned by
        the bot instance `owner` (its heartbeat starts now, by the database's clock), and its `count` requests in the
        usage ledger, each open with one expected image and an equal share of the reservation. Its input image must
        already be stored (`InputImageRepository.put`) and its parent job must exist.

        With `quota`, the checks and the insert are one transaction. They run in this order: cooldown,
        daily images, concurrent jobs, server budget (not for a DM job), global budget; the first limit
        the job does not fit raises `QuotaExceeded` and nothing is recorded. A limit of None or 0 is no
        limit. A budget refuses once it is used up, or when the reservation would take it past the limit.
        Two concurrent creates (even from two processes) can never both pass the last unit of a limit."""
        ...

    async def check(self, spec: JobSpec, quota: Quota) -> None:
        """Raise QuotaExceeded if a job like `spec` would not fit `quota` now. Records nothing: used to refuse
        early, before any download; `create` checks again atomically."""
        ...

    async def get(self, job_id: int) -> JobRecord | None:
        """The job with this id, or None."""
        ...

    async def shown_in(self, message_id: int) -> JobRecord | None:
        """The job whose result message (`set_result_message`) is this message, or None."""
        ...

    async def results(self, requester_id: int, *, guild_id: int | None, limit: int,
                      older_than: HistoryCursor | None = None, newer_than: HistoryCursor | None = None) -> HistoryPage:
        """A page of the requester's results in one place (`guild_id` None: their DM jobs), newest first: SUCCEEDED
        jobs with a result message, describes left out; the `limit` newest, or those just older or newer than a
        job's (created_at, id) (the newest page when too few remain), with the total and the page's position."""
        ...

    async def claim_running(self, job_id: int, *, started_at: float, max_running: int | None,
                            stale_after: float | None = None) -> bool | None:
        """QUEUED -> RUNNING (renewing the heartbeat) only if fewer than `max_running` jobs are RUNNING in the
        whole database, not counting those whose heartbeat is more than `stale_after` seconds old (their owner is
        gone). Heartbeats are written and judged by the database's clock, never a host's. Counted and changed
        atomically, even against other processes. True: started; False: the cap is reached and the job stays QUEUED (try
        again later); None: unknown or no longer queued. `max_running` None: no cap. Raises ValueError for a cap below
        1."""
        ...

    async def heartbeat(self, owner: str) -> int:
        """Set the heartbeat of `owner`'s unfinished jobs to the database's now (the instance is alive); how
        many. A job's heartbeat starts when it is created."""
        ...

    async def finish(self, job_id: int, *, status: JobStatus, finished_at: float, error: str | None = None,
                     cost: Decimal | None = None, generation_ids: Sequence[str] = (),
                     images: int | None = None) -> bool:
        """Move an unfinished job to a terminal `status` and forget its interaction token; `cost` and `images`
        (the images delivered) are its history. Its requests still open in the ledger never answered: they are
        settled as nothing spent — unless none was settled one by one (`LedgerRepository.settle`) and `cost` or
        `images` is given: then the first request carries them (a caller that knows only the job's totals). The
        first finish wins: False (and nothing changes) if the job is unknown or already finished. Raises
        ValueError for a non-terminal status or a negative image count."""
        ...

    async def record_cost(self, job_id: int, *, cost: Decimal | None, generation_ids: Sequence[str] = ()) -> bool:
        """Record what an unfinished job's generation cost as soon as it is known (before its result is shown),
        so a job cut off by a restart still counts what was paid. False if unknown or already finished."""
        ...

    async def set_result_message(self, job_id: int, *, channel_id: int, message_id: int) -> bool:
        """Remember the message that shows the job's result. False if the job is unknown."""
        ...

    async def interrupt_unfinished(self, *, now: float, owner: str | None = None,
                                   stale_after: float | None = None) -> list[JobRecord]:
        """Mark QUEUED/RUNNING jobs INTERRUPTED (finished at `now`) and return them, oldest first.
        Without `owner` and `stale_after`: every unfinished job. At start-up, with an `owner`: only its own
        jobs, jobs without an owner and (with `stale_after`) jobs whose heartbeat is more than `stale_after`
        seconds old by the database's clock. While running, with only `stale_after`: the jobs whose heartbeat
        is that old (those of a stopped instance). Never a live sibling instance's job. The returned records still carry
        their interaction token (to edit the original response once); the stored ones no longer do. A RUNNING job's
        requests still open in the ledger may have been paid: each is settled at its reservation (and expected images);
        a QUEUED job's as nothing spent."""
        ...

    async def delete_finished_before(self, cutoff: float) -> int:
        """Retention: delete the finished jobs created before `cutoff` (never an unfinished one);
        return how many were deleted. Their input images stay until `delete_unreferenced`, their ledger
        entries until `LedgerRepository.prune`."""
        ...


class LedgerRepository(Protocol):
    """The usage ledger (bot.records.ledger): one entry per provider request, what limits and budgets count."""

    async def entries(self, job_id: int) -> list[LedgerEntry]:
        """The job's requests in order (empty for a job the ledger does not know)."""
        ...

    async def settle(self, job_id: int, answer: Answer, *, settled_at: float) -> LedgerEntry | None:
        """Settle one request as its answer ended: its reported cost, else its share of the reservation
        (`CostSource.RESERVED`), and the images the provider produced. None when that request is unknown or
        already settled: the first settlement wins."""
        ...

    async def correct(self, job_id: int, request: int, *, cost: Decimal) -> bool:
        """A cost looked up by generation id replaces the reservation a request was settled at; False (and
        nothing changes) unless it was settled at its reservation."""
        ...

    async def forgotten(self, job_id: int) -> bool:
        """Whether the job's requester deleted its history (`UsageRepository.forget`) while its spend is kept."""
        ...

    async def prune(self, *, created_before: float) -> int:
        """Delete the settled entries created before `created_before` (never an open one); how many."""
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


class GuildSettingsRepository(Protocol):
    """Each server's `GuildSettings`, with its model, channel and role sets."""

    async def get(self, guild_id: int) -> GuildSettings:
        """The server's settings; the defaults when it never saved any."""
        ...

    async def updated_at(self, guild_id: int) -> float | None:
        """When the server's settings were last saved (by any process), or None if never: a cheap check
        that a cached copy is still current."""
        ...

    async def save(self, settings: GuildSettings, *, now: float) -> GuildSettings:
        """Replace everything stored for `settings.guild_id` at once (sets included) and return the
        settings with `updated_at=now`."""
        ...

    async def update(self, guild_id: int, change: Callable[[GuildSettings], GuildSettings], *,
                     now: float) -> tuple[GuildSettings, GuildSettings]:
        """Apply `change` to the server's settings as stored now and save the result, in one transaction
        serialized with every other such update (from any process): concurrent changes all land. Returns
        (before, after), after with `updated_at=now`."""
        ...

    async def configured_models(self) -> list[GuildModels]:
        """Every server that named models in its settings (a default or an allowlist), by server id."""
        ...


class UsageRepository(Protocol):
    """What people and servers used: totals over jobs created at or after `since` (unix seconds), counted
    as the module docstring says, plus the odd fact the limits and estimates need."""

    async def member(self, requester_id: int, *, guild_id: int | None, since: float) -> UsageTotals:
        """The requester's jobs in that server (`guild_id` None: their DM jobs)."""
        ...

    async def guild(self, guild_id: int, *, since: float) -> UsageTotals:
        """Every job asked for in that server."""
        ...

    async def everywhere(self, *, since: float) -> UsageTotals:
        """Every job, DMs included."""
        ...

    async def top_members(self, guild_id: int, *, since: float, limit: int = 5) -> list[tuple[int, UsageTotals]]:
        """The server's biggest users as (requester id, totals): most images first, then most jobs, then
        the lowest id."""
        ...

    async def daily(self, guild_id: int, *, days: int, now: float) -> list[tuple[float, UsageTotals]]:
        """The server's totals per UTC calendar day as (the day's midnight in unix seconds, totals): `days`
        entries, oldest first, the last one the day of `now`; days without jobs are zeros."""
        ...

    async def last_request_at(self, requester_id: int, *, guild_id: int | None) -> float | None:
        """When the requester's latest job in that server (`guild_id` None: DMs) was created, or None."""
        ...

    async def model_history(self, model: str, *, image_size: str | None = None, last: int = 20) -> ModelHistory:
        """What the model costs per image at that size (its `last` settled requests with a known cost) and
        how long its `last` most recently finished SUCCEEDED jobs at that size took."""
        ...

    async def forget(self, user_id: int) -> Forgotten:
        """Delete every finished job the user asked for (jobs derived from them stay, without their parent)
        and the input images no job references any more; their ledger entries stay, flagged forgotten.
        Unfinished jobs are left to finish. Says how many jobs were deleted and how many were left."""
        ...


class DescribeRepository(Protocol):
    """Describe's prompts, by the describe job's id, and what its models cost."""

    async def save_prompts(self, job_id: int, prompts: Sequence[str]) -> None:
        """Store the prompts (1 to 4) of a describe job in order, replacing any stored before. They are deleted
        with the job (`UsageRepository.forget`, retention)."""
        ...

    async def prompts(self, job_id: int) -> tuple[str, ...]:
        """The job's prompts in order; empty when it has none."""
        ...

    async def usual_cost(self, model: str, *, last: int = 20) -> Decimal | None:
        """The average cost of the model's `last` describe requests with a known cost; None without any."""
        ...


class Store:
    """What the bot is given: the repositories over one database. Close it once at shutdown
    (or use it as an async context manager)."""

    def __init__(self, *, jobs: JobRepository, ledger: LedgerRepository, meta: MetaRepository,
                 inputs: InputImageRepository, guilds: GuildSettingsRepository, usage: UsageRepository,
                 describes: DescribeRepository) -> None:
        self.jobs = jobs
        self.ledger = ledger
        self.meta = meta
        self.inputs = inputs
        self.guilds = guilds
        self.usage = usage
        self.describes = describes

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
