"""The Discord-independent job engine: scheduling (`engine`), progress values and their rendering
(`progress`), rate-limited message edits (`throttle`) and typed errors (`errors`)."""

from bot.jobs.engine import EngineStats, Job, JobEngine, JobState, OwnerLoad
from bot.jobs.errors import (
    EditStreamClosed,
    EngineClosed,
    JobCancelled,
    JobError,
    QueueFull,
    TooManyJobs,
)
from bot.jobs.progress import Phase, Progress, estimate_fraction, render_progress
from bot.jobs.throttle import EditScheduler, EditStream, EditThrottle, TokenBucket

__all__ = [
    "EditScheduler",
    "EditStream",
    "EditStreamClosed",
    "EditThrottle",
    "EngineClosed",
    "EngineStats",
    "Job",
    "JobCancelled",
    "JobEngine",
    "JobError",
    "JobState",
    "OwnerLoad",
    "Phase",
    "Progress",
    "QueueFull",
    "TokenBucket",
    "TooManyJobs",
    "estimate_fraction",
    "render_progress",
]
