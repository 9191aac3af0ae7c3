"""The usage ledger's repository: a job's requests recorded with its creation (`SqlJobRepository.create`), each
settled as its answer ends, corrected once a cost is looked up, pruned after `LEDGER_DAYS`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from bot.records.ledger import Answer, CostSource, LedgerEntry, drawn_size
from bot.records.spec import JobKind, JobSpec
from bot.storage.base import decode_cost, encode_cost
from bot.storage.sql.database import Database, Row, Session

log = logging.getLogger(__name__)

_COLUMNS = ("job_id, request, requester_id, guild_id, is_dm, model, image_size, expected, images, reserved_cost,"
            " settled_cost, cost_source, generation_id, created_at, settled_at, forgotten")
_INSERT = ("INSERT INTO usage_ledger (job_id, request, requester_id, guild_id, is_dm, model, image_size,"
           " expected, reserved_cost, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_SETTLE = ("UPDATE usage_ledger SET settled_at = ?, settled_cost = COALESCE(?, reserved_cost), images = ?,"
           " cost_source = ?, generation_id = COALESCE(?, generation_id)"
           " WHERE job_id = ? AND request = ? AND settled_at IS NULL")


def shares(total: Decimal, count: int) -> list[Decimal]:
    """`total` split over `count` requests, the shares adding up to it exactly."""
    each = total / count
    return [each] * (count - 1) + [total - each * (count - 1)]


async def open_requests(db: Session, spec: JobSpec, *, job_id: int, reserve: Decimal, created_at: float) -> None:
    """Record a new job's requests, each open with one expected image (none for a describe, which answers in
    text) and its share of `reserve`."""
    size = drawn_size(spec.image_size)
    expected = 0 if spec.kind is JobKind.DESCRIBE else 1
    await db.executemany(_INSERT, [
        (job_id, request, spec.requester_id, spec.guild_id, spec.is_dm, spec.model, size, expected,
         encode_cost(share), created_at) for request, share in enumerate(shares(reserve, spec.count))])


async def close_open_requests(db: Session, job_id: int, *, settled_at: float, keep_reservation: bool) -> int:
    """Settle what is still open of a job: as nothing spent (its requests never answered, e.g. cancelled), or,
    with `keep_reservation`, each at its reservation and expected images (cut off mid-flight: it may have
    been paid). How many were open."""
    if keep_reservation:
        return await db.execute(
            "UPDATE usage_ledger SET settled_at = ?, settled_cost = reserved_cost, images = expected,"
            " cost_source = ? WHERE job_id = ? AND settled_at IS NULL",
            (settled_at, CostSource.RESERVED.value, job_id))
    return await db.execute(
        "UPDATE usage_ledger SET settled_at = ?, settled_cost = ?, images = 0, cost_source = ?"
        " WHERE job_id = ? AND settled_at IS NULL", (settled_at, "0", CostSource.NONE.value, job_id))


async def settle_as_one(db: Session, job_id: int, *, cost: Decimal | None, images: int, settled_at: float) -> bool:
    """A caller that knows only a job's totals settles its requests at once, if none was settled one by one:
    the first carries the images and the reported cost; without a reported cost every request keeps its
    reservation as its cost. False when some request was already settled (nothing changes)."""
    rows = await db.fetch("SELECT request, settled_at FROM usage_ledger WHERE job_id = ? ORDER BY request", (job_id,))
    if not rows or any(row["settled_at"] is not None for row in rows):
        return False
    if cost is None:
        await db.execute("UPDATE usage_ledger SET settled_at = ?, settled_cost = reserved_cost, images = 0,"
                         " cost_source = ? WHERE job_id = ?", (settled_at, CostSource.RESERVED.value, job_id))
        await db.execute("UPDATE usage_ledger SET images = ? WHERE job_id = ? AND request = ?",
                         (images, job_id, rows[0]["request"]))
        return True
    await db.execute(_SETTLE, (settled_at, encode_cost(cost), images, CostSource.REPORTED.value, None, job_id,
                               rows[0]["request"]))
    return True


def _entry(row: Row) -> LedgerEntry:
    source = row["cost_source"]
    return LedgerEntry(
        job_id=row["job_id"], request=row["request"], requester_id=row["requester_id"], guild_id=row["guild_id"],
        is_dm=bool(row["is_dm"]), model=row["model"], image_size=row["image_size"], expected=row["expected"],
        images=row["images"], reserved_cost=decode_cost(row["reserved_cost"]) or Decimal(0),
        settled_cost=decode_cost(row["settled_cost"]), cost_source=None if source is None else CostSource(source),
        generation_id=row["generation_id"], created_at=row["created_at"], settled_at=row["settled_at"],
        forgotten=bool(row["forgotten"]))


class SqlLedgerRepository:
    """`LedgerRepository` over a `Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def entries(self, job_id: int) -> list[LedgerEntry]:
        """The job's requests, in order (empty for a job the ledger does not know)."""
        rows = await self._db.fetch(f"SELECT {_COLUMNS} FROM usage_ledger WHERE job_id = ? ORDER BY request",
                                    (job_id,))
        return [_entry(row) for row in rows]

    async def settle(self, job_id: int, answer: Answer, *, settled_at: float) -> LedgerEntry | None:
        """Settle one request as its answer ended: the cost it reported, else its share of the reservation
        (`CostSource.RESERVED`, to be corrected by `correct` once looked up), and the images it produced.
        None when that request is unknown or already settled (the first settlement wins)."""
        source = answer.cost_source
        if answer.images < 0:
            raise ValueError(f"images cannot be negative, got {answer.images}")
        async with self._db.transaction() as db:
            changed = await db.execute(_SETTLE, (settled_at, encode_cost(answer.cost), answer.images, source.value,
                                                 answer.generation_id, job_id, answer.request))
            if not changed:
                return None
            [row] = await db.fetch(f"SELECT {_COLUMNS} FROM usage_ledger WHERE job_id = ? AND request = ?",
                                   (job_id, answer.request))
        return _entry(row)

    async def correct(self, job_id: int, request: int, *, cost: Decimal) -> bool:
        """A cost looked up by generation id replaces the reservation a request was settled at; False if the
        request was not settled at its reservation (a reported or already looked-up cost stays)."""
        if not cost.is_finite() or cost < 0:
            raise ValueError(f"a cost must be a finite Decimal >= 0, got {cost!r}")
        return await self._db.execute(
            "UPDATE usage_ledger SET settled_cost = ?, cost_source = ? WHERE job_id = ? AND request = ?"
            " AND cost_source = ?",
            (encode_cost(cost), CostSource.LOOKED_UP.value, job_id, request, CostSource.RESERVED.value)) > 0

    async def forgotten(self, job_id: int) -> bool:
        """Whether the job's requester deleted its history (while its ledger entries are kept)."""
        rows = await self._db.fetch("SELECT 1 FROM usage_ledger WHERE job_id = ? AND forgotten = ? LIMIT 1",
                                    (job_id, True))
        return bool(rows)

    async def prune(self, *, created_before: float) -> int:
        """Delete the settled entries created before `created_before` (open ones stay whatever their age); how
        many were deleted."""
        deleted = await self._db.execute(
            "DELETE FROM usage_ledger WHERE created_at < ? AND settled_at IS NOT NULL", (created_before,))
        if deleted:
            log.info("Pruned %d usage ledger entr%s created before %s", deleted, "y" if deleted == 1 else "ies",
                     created_before)
        return deleted


async def mark_forgotten(db: Session, job_ids: Sequence[Any], *, chunk: int = 500) -> None:
    """Flag the ledger entries of jobs whose history was deleted (their spend stays)."""
    ids = list(job_ids)
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        await db.execute(f"UPDATE usage_ledger SET forgotten = ? WHERE job_id IN ({', '.join('?' for _ in part)})",
                         (True, *part))
