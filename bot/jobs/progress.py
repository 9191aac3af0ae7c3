"""What a running job reports about itself: a frozen `Progress` value the job engine replaces on every
report, and an honest estimate of how far along it is. How it reads in a message is the Discord layer's."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)

#: Expected size of one image line of the stream (a base64 data URL). Only used to estimate the
#: partial share of the image being received; bigger images simply sit at the cap a little longer.
EXPECTED_IMAGE_BYTES = 1_500_000
#: Streamed model text beyond this many characters fills the "waiting" share completely.
MODEL_TEXT_FULL = 1_000
# Share of the bar each phase stands for; receiving spans the range between waiting and decoding.
_WAITING_FROM, _WAITING_TO = 0.05, 0.15
_RECEIVING_FROM, _RECEIVING_TO = 0.15, 0.90
_DECODING = 0.90
_UPLOADING = 0.95
# The share of one image's slot that bytes alone may fill: "capped below the next step".
_PARTIAL_CAP = 0.9


class Phase(StrEnum):
    """Where a job is. The order of the members is the order a successful job goes through."""

    QUEUED = "queued"
    WAITING = "waiting"  # waiting for the model (it may stream some text meanwhile)
    RECEIVING = "receiving"  # receiving image bytes
    DECODING = "decoding"
    UPLOADING = "uploading"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Progress:
    """A snapshot of a job's progress. `bytes_received` counts the image currently being received
    (like `ImageProgress`), `images_done` the images already complete, `answered` the requests that ended;
    `started_at` is the engine-clock time the work began."""

    phase: Phase = Phase.QUEUED
    queue_position: int | None = None
    model_text: str = ""
    bytes_received: int = 0
    images_done: int = 0
    images_total: int = 1
    started_at: float | None = None
    answered: int = 0  # requests whose answer ended (with images or an error): paid for, whatever comes next

    @property
    def cancel_saves_money(self) -> bool:
        """While some request has not answered yet, cancelling stops paid work; after that it saves nothing."""
        return self.phase in (Phase.QUEUED, Phase.WAITING, Phase.RECEIVING) and self.answered < self.images_total


def estimate_fraction(progress: Progress) -> float:
    """An honest estimate in [0, 1] of how far the job is, from its phase and image counts only.

    Queued 0; waiting 5–15% (more streamed model text, more of that share); receiving 15–90% split
    evenly between images, the current one filled by its bytes against `EXPECTED_IMAGE_BYTES` but never
    past 90% of its slot; decoding 90%; uploading 95%; done 100%. Failed/cancelled jobs read 0.
    """
    phase = progress.phase
    if phase is Phase.WAITING:
        text_share = min(1.0, len(progress.model_text) / MODEL_TEXT_FULL)
        # stays strictly below the receiving range so the bar never goes backwards
        return _WAITING_FROM + (_WAITING_TO - _WAITING_FROM) * text_share * 0.99
    if phase is Phase.RECEIVING:
        total = max(1, progress.images_total)
        done = min(max(0, progress.images_done), total)
        partial = 0.0 if done >= total else min(max(0, progress.bytes_received) / EXPECTED_IMAGE_BYTES,
                                                 _PARTIAL_CAP)
        return _RECEIVING_FROM + (_RECEIVING_TO - _RECEIVING_FROM) * (done + partial) / total
    if phase is Phase.DECODING:
        return _DECODING
    if phase is Phase.UPLOADING:
        return _UPLOADING
    if phase is Phase.DONE:
        return 1.0
    return 0.0
