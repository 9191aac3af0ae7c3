"""`JobSpec`: THE description of one image request, from the command to the job row (and, through
`bot.jobs.request.generation_request`, to the request body).

Everything a job needs to be run again lives here: who asked and where, what to draw and how, and (by
reference) the image to edit. The image bytes are stored once, keyed by their SHA-256, and read back only
to build the request.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class InputRef:
    """An input image by reference: its content hash (the storage key) and MIME type."""

    sha256: str
    mime_type: str

    @classmethod
    def of(cls, data: bytes, mime_type: str) -> InputRef:
        """The reference of these bytes."""
        return cls(sha256=hashlib.sha256(data).hexdigest(), mime_type=mime_type)


@dataclass(frozen=True, slots=True, kw_only=True)
class JobSpec:
    """One request for images. Immutable; `with_prompt`/`dataclasses.replace` derive new ones."""

    requester_id: int
    guild_id: int | None
    channel_id: int | None
    is_dm: bool  # a bot DM, group DM or a context whose server did not install the bot
    prompt: str
    model: str
    aspect_ratio: str | None = None
    image_size: str | None = None
    count: int = 1
    input: InputRef | None = None  # the image to edit
    parent_job_id: int | None = None  # the job this one regenerates or edits

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"count must be at least 1, got {self.count}")

    def rerun(self, *, parent_job_id: int, **changes: object) -> JobSpec:
        """This request again as a new job (by someone else, with another prompt, ...)."""
        return dataclasses.replace(self, parent_job_id=parent_job_id, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponseHandle:
    """Where a job's answer lives on the chat side: an interaction's original response, reachable for 15
    minutes from `interaction_created_at` (unix seconds). The token never appears in a repr."""

    application_id: int | None = None
    interaction_token: str | None = field(default=None, repr=False)
    interaction_created_at: float | None = None
