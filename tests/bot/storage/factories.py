"""Building blocks shared by the storage tests."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.storage import NewJob

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # not a real picture; storage treats it as bytes

_DEFAULT_JOB = NewJob(
    requester_id=1001,
    guild_id=2002,
    channel_id=3003,
    is_dm=False,
    prompt="a lighthouse at dusk, oil painting",
    model="google/gemini-2.5-flash-image-preview",
    created_at=1_700_000_000.25,
)


def new_job(**changes: Any) -> NewJob:
    """A plausible guild job with some fields changed."""
    return dataclasses.replace(_DEFAULT_JOB, **changes)


def dm_job(**changes: Any) -> NewJob:
    """A plausible DM job with some fields changed."""
    return new_job(**{"guild_id": None, "channel_id": 4004, "is_dm": True, **changes})
