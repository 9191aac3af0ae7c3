"""`JobSpec`: THE description of one image request, from the command to the job row (and, through
`bot.jobs.request.generation_request`, to the request body).

Everything a job needs to be run again lives here: who asked and where, what kind of job it is, what to draw
and how (the member's own prompt, a server style's text), and (by reference) the images it sends. The image
bytes are stored once, keyed by their SHA-256, and read back only to build the request. The bot's own fixed
instructions (upscale, vary, blend) are not part of the spec: they follow from its `kind`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

MAX_INPUTS = 4  # a blend sends up to four images


@dataclass(frozen=True, slots=True)
class InputRef:
    """An input image by reference: its content hash (the storage key) and MIME type."""

    sha256: str
    mime_type: str

    @classmethod
    def of(cls, data: bytes, mime_type: str) -> InputRef:
        """The reference of these bytes."""
        return cls(sha256=hashlib.sha256(data).hexdigest(), mime_type=mime_type)


class JobKind(StrEnum):
    """What a job does; the request's fixed instruction and the result's wording follow from it."""

    IMAGINE = "imagine"  # a prompt, drawn from text
    EDIT = "edit"  # a prompt applied to an image (Edit, the "Edit image" menu, /imagine with an image)
    UPSCALE = "upscale"  # one image of a result, drawn again one size larger
    VARY_SUBTLE = "vary_subtle"  # one image of a result, varied a little
    VARY_STRONG = "vary_strong"  # ... or boldly
    REMIX = "remix"  # a result's request with an edited prompt, from text
    BLEND = "blend"  # two to four images combined
    DESCRIBE = "describe"  # an image turned into prompts by a model that reads images (no image made)

    @property
    def sends_images(self) -> bool:
        """A job that sends the model images (decided by its kind before they are downloaded)."""
        return self not in (JobKind.IMAGINE, JobKind.REMIX)

    @property
    def from_result_image(self) -> bool:
        """An action on one image of an earlier result (its number is `JobSpec.source_image`)."""
        return self in (JobKind.UPSCALE, JobKind.VARY_SUBTLE, JobKind.VARY_STRONG)


@dataclass(frozen=True, slots=True, kw_only=True)
class JobSpec:
    """One request for images. Immutable; `rerun`/`dataclasses.replace` derive new ones."""

    requester_id: int
    guild_id: int | None
    channel_id: int | None
    is_dm: bool  # a bot DM, group DM or a context whose server did not install the bot
    prompt: str  # the member's own text (blocked words are checked on it), never the bot's instructions
    model: str
    aspect_ratio: str | None = None
    image_size: str | None = None
    count: int = 1
    inputs: tuple[InputRef, ...] = ()  # the images it sends, in order (to edit, vary, upscale, blend)
    parent_job_id: int | None = None  # the job this one regenerates, edits, varies, upscales or remixes
    kind: JobKind = JobKind.IMAGINE
    style: str | None = None  # the name of the server style it uses
    style_text: str | None = None  # what that style adds to the prompt (kept: the style may change later)
    source_image: int | None = None  # which image (from 1) of the parent's result an upscale or variation acts on
    locale: str = "en-US"  # the language of its public messages (progress, result, buttons), decided at submit

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"count must be at least 1, got {self.count}")
        if len(self.inputs) > MAX_INPUTS:
            raise ValueError(f"a job sends at most {MAX_INPUTS} images, got {len(self.inputs)}")

    @property
    def input(self) -> InputRef | None:
        """The first (for most jobs, the only) image it sends."""
        return self.inputs[0] if self.inputs else None

    @property
    def full_prompt(self) -> str:
        """The member's prompt with the style's text, as the model reads it (before any fixed instruction)."""
        if not self.style_text:
            return self.prompt
        return f"{self.prompt}, {self.style_text}" if self.prompt else self.style_text

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
