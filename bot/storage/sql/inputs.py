"""The repository of input images, stored once per SHA-256."""

from __future__ import annotations

import asyncio
import logging

from bot.records.spec import InputRef
from bot.storage.sql.database import Database

log = logging.getLogger(__name__)

_UNREFERENCED = ("NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.input_sha256 = input_images.sha256)"
                 " AND NOT EXISTS (SELECT 1 FROM job_extra_inputs AS extra WHERE extra.sha256 = input_images.sha256)")
DISCARD_IMAGE = f"DELETE FROM input_images WHERE sha256 = ? AND {_UNREFERENCED}"  # unless a job references it


class SqlInputImageRepository:
    """`InputImageRepository` over a `Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def put(self, data: bytes, mime_type: str, *, now: float) -> InputRef:
        """Store the bytes once per SHA-256; storing them again only renews their `created_at` (never back)."""
        ref = await asyncio.to_thread(InputRef.of, data, mime_type)  # hashing megabytes: off the event loop
        await self._db.execute(
            "INSERT INTO input_images (sha256, mime, created_at, data) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (sha256) DO UPDATE SET created_at = excluded.created_at"
            " WHERE excluded.created_at > input_images.created_at",
            (ref.sha256, ref.mime_type, now, data),
        )
        return ref

    async def get(self, sha256: str) -> bytes | None:
        """The stored bytes with this hash, or None."""
        rows = await self._db.fetch("SELECT data FROM input_images WHERE sha256 = ?", (sha256,))
        return bytes(rows[0][0]) if rows else None

    async def discard(self, sha256: str) -> bool:
        """Delete this image unless a job references it; True if it was deleted."""
        return bool(await self._db.execute(DISCARD_IMAGE, (sha256,)))

    async def delete_unreferenced(self, *, created_before: float) -> int:
        """Delete the images no job references that were stored before `created_before`."""
        deleted = await self._db.execute(f"DELETE FROM input_images WHERE created_at < ? AND {_UNREFERENCED}",
                                         (created_before,))
        if deleted:
            log.info("Deleted %d input image(s) no job refers to", deleted)
        return deleted
