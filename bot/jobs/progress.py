"""What a running job reports about itself, and how that reads in a Discord message.

`Progress` is a frozen value the job engine replaces on every report; `render_progress` turns it into
a short Discord-markdown text with an honest progress bar. Nothing here knows about Discord objects.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)

#: Expected size of one image line of the stream (a base64 data URL). Only used to estimate the
#: partial share of the image being received; bigger images simply sit at the cap a little longer.
EXPECTED_IMAGE_BYTES = 1_500_000
#: Streamed model text beyond this many characters fills the "waiting" share completely.
MODEL_TEXT_FULL = 1_000
#: Visible characters of the model's text shown while waiting (the latest ones).
MODEL_TEXT_LIMIT = 200
#: Visible characters of a note line.
NOTE_LIMIT = 300

_BAR_FILLED = "▰"
_BAR_EMPTY = "▱"

# Share of the bar each phase stands for; receiving spans the range between waiting and decoding.
_WAITING_FROM, _WAITING_TO = 0.05, 0.15
_RECEIVING_FROM, _RECEIVING_TO = 0.15, 0.90
_DECODING = 0.90
_UPLOADING = 0.95
# The share of one image's slot that bytes alone may fill: "capped below the next step".
_PARTIAL_CAP = 0.9

# Every ASCII character Discord markdown gives a meaning to (also ":" so URLs and emoji codes stay
# inert, "." and "+" for list markers). A backslash before punctuation renders as the character.
_MARKDOWN_SPECIAL = re.compile(r"([\\*_~`|<>#\[\](){}\-.:+!])")


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
    (like `ImageProgress`), `images_done` the images already complete; `started_at` is the engine-clock
    time the work began; `note` is one line of plain text shown under the status (escaped when shown)."""

    phase: Phase = Phase.QUEUED
    queue_position: int | None = None
    model_text: str = ""
    bytes_received: int = 0
    images_done: int = 0
    images_total: int = 1
    started_at: float | None = None
    note: str = ""


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


def format_elapsed(seconds: float) -> str:
    """`12s`, `1m 05s`, `2h 03m`: whole units, never negative."""
    total = max(0, int(seconds))
    if total < 60:
        return f"{total}s"
    if total < 3600:
        return f"{total // 60}m {total % 60:02d}s"
    return f"{total // 3600}h {total % 3600 // 60:02d}m"


def format_bytes(count: int) -> str:
    """`512 B`, `340 KB`, `3.1 MB` (decimal units, as people read file sizes)."""
    if count < 1_000:
        return f"{max(0, count)} B"
    if count < 1_000_000:
        return f"{count // 1_000} KB"
    return f"{count / 1_000_000:.1f} MB"


def escape_untrusted(text: str, *, limit: int) -> str:
    """Make `text` safe to show inside our message: one line, at most `limit` visible characters (the
    latest ones, led by `…`), markdown characters escaped and every `@` defused so it can never mention
    anyone or inject formatting, links, emoji or timestamps."""
    one_line = " ".join(text.split())
    visible = "".join(ch for ch in one_line if ch.isprintable())
    if len(visible) > limit:
        # the tail is the freshest part of a streamed text
        visible = "…" + visible[-(limit - 1):].lstrip()
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", visible)
    # a zero-width space after @ breaks @everyone, @here and <@id> even if mentions were allowed
    return escaped.replace("@", "@\u200b")


def render_bar(fraction: float, *, width: int = 16) -> str:
    """A code-formatted bar plus the percentage, e.g. "`▰▰▰▱▱▱▱▱` 38%"."""
    fraction = min(1.0, max(0.0, fraction))
    filled = int(fraction * width + 1e-9)
    return f"`{_BAR_FILLED * filled}{_BAR_EMPTY * (width - filled)}` {int(fraction * 100 + 1e-9)}%"


def _title(progress: Progress) -> str:
    phase = progress.phase
    if phase is Phase.QUEUED:
        line = "**Queued**"
        if progress.queue_position is not None:
            line += f" · #{progress.queue_position} in line"
        return line
    if phase is Phase.WAITING:
        return "**Waiting for the model…**"
    if phase is Phase.RECEIVING:
        total = max(1, progress.images_total)
        current = min(progress.images_done + 1, total)
        line = f"**Receiving image {current}/{total}**" if total > 1 else "**Receiving image**"
        if progress.bytes_received > 0:
            line += f" · {format_bytes(progress.bytes_received)} so far"
        return line
    if phase is Phase.DECODING:
        return "**Decoding images**" if progress.images_total > 1 else "**Decoding image**"
    if phase is Phase.UPLOADING:
        return "**Uploading**"
    if phase is Phase.DONE:
        return "**Done**"
    if phase is Phase.FAILED:
        return "**Failed**"
    return "**Cancelled**"


def render_progress(progress: Progress, *, now: float, created_at: float, width: int = 16) -> str:
    """A short Discord-markdown text for `progress`, e.g.

        **Receiving image 1/2** · 3.1 MB so far · 12s
        `▰▰▰▰▰▰▱▱▱▱▱▱▱▱▱▱` 38%

    Elapsed time counts from `created_at` while queued and from `progress.started_at` (falling back to
    `created_at`) once work began. Active phases get a bar; while waiting, the model's latest streamed
    text follows as an escaped single-line quote. A note, if any, is the last line (escaped too).
    """
    since = created_at if progress.phase is Phase.QUEUED or progress.started_at is None else progress.started_at
    lines = [f"{_title(progress)} · {format_elapsed(now - since)}"]
    if progress.phase in (Phase.WAITING, Phase.RECEIVING, Phase.DECODING, Phase.UPLOADING):
        lines.append(render_bar(estimate_fraction(progress), width=width))
    if progress.phase is Phase.WAITING and progress.model_text.strip():
        lines.append("> " + escape_untrusted(progress.model_text, limit=MODEL_TEXT_LIMIT))
    if progress.note.strip():
        lines.append(escape_untrusted(progress.note, limit=NOTE_LIMIT))
    return "\n".join(lines)
