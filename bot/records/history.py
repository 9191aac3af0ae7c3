"""A member's history as storage reads it: one page of their results in one place, newest first (/history)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.records.spec import JobKind

# where a page starts or ends: a job's (created_at, id), the order results are listed in
HistoryCursor = tuple[float, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryEntry:
    """One result: what was asked, with what, when, and the message that shows it."""

    job_id: int
    kind: JobKind
    prompt: str  # the member's own text (a blend's may be empty)
    style: str | None  # the name of the style it used
    model: str
    count: int  # images asked for
    image_size: str | None
    created_at: float
    guild_id: int | None  # the server the request was made in (None: a DM or a group DM)
    channel_id: int  # where the result was posted
    message_id: int

    @property
    def cursor(self) -> HistoryCursor:
        return self.created_at, self.job_id


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryPage:
    """Some results of one member in one place, newest first, and where they stand among all of them."""

    entries: tuple[HistoryEntry, ...]
    total: int  # the member's results in that place
    first: int  # the position of the first entry among them (from 1, newest first); 0 when there are none

    @property
    def last(self) -> int:
        """The position of the last entry (0 when there are none)."""
        return self.first + len(self.entries) - 1 if self.entries else 0

    @property
    def has_newer(self) -> bool:
        return self.first > 1

    @property
    def has_older(self) -> bool:
        return self.last < self.total
