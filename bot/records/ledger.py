"""The usage ledger's records: what each provider request of a job reserved, produced and cost.

Limits and budgets count from the ledger, not from the jobs, so that deleting a job's history (a member's
/privacy forget, retention) never gives back images or money. An entry holds no prompt, no image and no token:
who asked and where, the model and size, the images and the money.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

LEDGER_DAYS = 32  # entries are kept this long whatever RETENTION_DAYS says: the month, 24 h and 30-day chart
DEFAULT_IMAGE_SIZE = "1K"  # what the API draws for a request that names no size


class CostSource(StrEnum):
    """Where a settled request's cost comes from."""

    REPORTED = "reported"  # the answer said what it cost
    LOOKED_UP = "looked_up"  # asked afterwards by its generation id
    RESERVED = "reserved"  # nobody said: the request's share of the reservation is kept as its cost
    NONE = "none"  # the provider did no paid work (refused before generating, cancelled before answering)


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerEntry:
    """One provider request of a job. Open (`settled_at` None) while the request has not ended: it counts its
    `expected` images and its reservation. Settled: the images the provider produced and the settled cost."""

    job_id: int
    request: int  # which of the job's requests, from 0
    requester_id: int
    guild_id: int | None
    is_dm: bool
    model: str
    image_size: str
    expected: int
    images: int
    reserved_cost: Decimal
    settled_cost: Decimal | None
    cost_source: CostSource | None
    generation_id: str | None
    created_at: float
    settled_at: float | None
    forgotten: bool = False

    @property
    def settled(self) -> bool:
        return self.settled_at is not None

    @property
    def counted_images(self) -> int:
        """The images it counts toward image limits."""
        return self.images if self.settled else self.expected

    @property
    def counted_cost(self) -> Decimal:
        """The money it counts toward budgets."""
        return (self.settled_cost or Decimal(0)) if self.settled else self.reserved_cost


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """How one provider request ended: the images it produced, what the provider said it cost (None: not
    said, so its share of the reservation stands in) and its generation id (to look the cost up later).
    `source` says where the cost comes from when the default does not fit (`NONE`: no paid work)."""

    request: int
    images: int
    cost: Decimal | None
    generation_id: str | None
    source: CostSource | None = None

    @property
    def cost_source(self) -> CostSource:
        if self.source is not None:
            return self.source
        return CostSource.RESERVED if self.cost is None else CostSource.REPORTED


def drawn_size(image_size: str | None) -> str:
    """The size an image is drawn at: the one asked for, else the API's default."""
    return (image_size or DEFAULT_IMAGE_SIZE).upper()
