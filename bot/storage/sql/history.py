"""A member's results in one place, a page at a time (/history): their succeeded jobs whose result was posted,
newest first, read along the (requester_id, guild_id, created_at) index."""

from __future__ import annotations

from typing import Any

from bot.records.history import HistoryCursor, HistoryEntry, HistoryPage
from bot.records.job import JobStatus
from bot.records.spec import JobKind
from bot.storage.sql.counting import _member_place
from bot.storage.sql.database import Row, Session

_COLUMNS = ("id, kind, prompt, style, model, count, image_size, created_at, guild_id, result_channel_id,"
            " result_message_id")
# a describe job answers with prompts, not an image: it is not a result to go back to
_RESULTS = (f"status = '{JobStatus.SUCCEEDED.value}' AND result_message_id IS NOT NULL"
            f" AND result_channel_id IS NOT NULL AND kind <> '{JobKind.DESCRIBE.value}'")


def _entry(row: Row) -> HistoryEntry:
    return HistoryEntry(job_id=row["id"], kind=JobKind(row["kind"]), prompt=row["prompt"], style=row["style"],
                        model=row["model"], count=row["count"], image_size=row["image_size"],
                        created_at=row["created_at"], guild_id=row["guild_id"], channel_id=row["result_channel_id"],
                        message_id=row["result_message_id"])


async def results_page(db: Session, requester_id: int, *, guild_id: int | None, limit: int,
                       older_than: HistoryCursor | None = None,
                       newer_than: HistoryCursor | None = None) -> HistoryPage:
    """See `JobRepository.results`; every query in the caller's snapshot, so the page and its counts agree."""
    if limit < 1:
        raise ValueError(f"a page holds at least one result, got {limit}")
    if older_than is not None and newer_than is not None:
        raise ValueError("a page is either older or newer than a result, not both")
    place, params = _member_place(requester_id, guild_id=guild_id, is_dm=guild_id is None)
    mine = f"{place} AND {_RESULTS}"

    async def page(extra: str, extra_params: tuple[Any, ...], order: str) -> list[HistoryEntry]:
        rows = await db.fetch(f"SELECT {_COLUMNS} FROM jobs WHERE {mine}{extra}"
                              f" ORDER BY created_at {order}, id {order} LIMIT ?", (*params, *extra_params, limit))
        return [_entry(row) for row in rows]

    if newer_than is not None:
        entries = (await page(" AND (created_at, id) > (?, ?)", newer_than, "ASC"))[::-1]
        if len(entries) < limit:  # near the newest: show the newest page whole rather than a stub of it
            entries = await page("", (), "DESC")
    elif older_than is not None:
        entries = await page(" AND (created_at, id) < (?, ?)", older_than, "DESC")
        if not entries:  # what was older is gone (forgotten, or past retention): back to the newest
            entries = await page("", (), "DESC")
    else:
        entries = await page("", (), "DESC")
    [(total,)] = await db.fetch(f"SELECT COUNT(*) FROM jobs WHERE {mine}", params)
    if not entries:
        return HistoryPage(entries=(), total=int(total), first=0)
    [(newer,)] = await db.fetch(f"SELECT COUNT(*) FROM jobs WHERE {mine} AND (created_at, id) > (?, ?)",
                                (*params, *entries[0].cursor))
    return HistoryPage(entries=tuple(entries), total=int(total), first=int(newer) + 1)
