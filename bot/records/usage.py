"""What usage adds up to, as storage reports it: totals over some jobs and a model's recent history."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class UsageTotals:
    """What some jobs add up to: how many were asked for, the images they count and the money spent
    (see the module docstring for how each job counts)."""

    jobs: int = 0
    images: int = 0
    cost: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class ModelHistory:
    """What a model's latest succeeded jobs took: `samples` jobs looked at, the average reported cost per
    image of those with a cost, and the average seconds from start to finish (None when unknown)."""

    samples: int
    avg_cost: Decimal | None
    avg_seconds: float | None


@dataclass(frozen=True, slots=True)
class Forgotten:
    """What `/privacy forget` did: the finished jobs whose history was deleted, and the unfinished ones left to
    finish (their history stays until they end and the member forgets again)."""

    jobs: int
    unfinished: int
