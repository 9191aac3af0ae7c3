"""Typed errors of the job engine, the edit scheduler and input images. Each carries the facts a message
needs (limits, the job id); `bot.messages.explain` turns them into the sentence a person reads."""

from __future__ import annotations


class JobError(Exception):
    """Base class of the job engine's errors."""


class QueueFull(JobError):
    """The shared waiting line is full: nobody can queue another job right now."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        detail = f" (it holds {limit} job{'s' if limit != 1 else ''})" if limit is not None else ""
        super().__init__(f"the job queue is full{detail}; try again in a moment")


class TooManyJobs(JobError):
    """This owner already has `limit` jobs queued or running."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        plural = "job" if limit == 1 else "jobs"
        super().__init__(
            f"you already have {limit} {plural} queued or running; wait for one to finish or cancel it"
        )


class JobCancelled(JobError):
    """The job was cancelled before it finished: by its owner, or because the engine shut down
    (`by_shutdown`)."""

    def __init__(self, job_id: int | None = None, *, by_shutdown: bool = False) -> None:
        self.job_id = job_id
        self.by_shutdown = by_shutdown
        subject = f"job {job_id}" if job_id is not None else "the job"
        reason = "because the bot is shutting down" if by_shutdown else "before it finished"
        super().__init__(f"{subject} was cancelled {reason}")


class EngineClosed(JobError):
    """`submit` was called after `JobEngine.close()`: the bot is shutting down."""

    def __init__(self) -> None:
        super().__init__("the job engine is shut down and accepts no new jobs")


class EditStreamClosed(JobError):
    """`EditStream.aclose()` ran before the final state was sent, or `finish()` was called twice."""


class InputImageError(JobError):
    """The image a member gave to edit cannot be used. Subclasses carry the facts for the message."""


class InputTooLarge(InputImageError):
    """The input image (`filename`) is over `limit` bytes (known from its claimed size or found while
    downloading)."""

    def __init__(self, limit: int, size: int | None = None, filename: str = "") -> None:
        self.limit = limit
        self.size = size
        self.filename = filename
        super().__init__(f"input image over {limit} bytes")


class InputNotAnImage(InputImageError):
    """The input is not a PNG, JPEG or WebP image (by its declared type)."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        super().__init__("input is not a PNG, JPEG or WebP image")


class InputDownloadFailed(InputImageError):
    """The input image could not be downloaded (network error, timeout, or an error answer)."""
