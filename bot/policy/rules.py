"""Who may generate what, where. Discord-free: callers describe the actor with `Actor`.

Today: DMs on/off and a per-user daily DM limit set by the operator, and a check that the model is a known
image model. Moderator allowlists, quotas and budgets plug in here later. Counted limits come in two steps:
`authorize` refuses early (before any download), and `cap_for` gives the limit that the job repository
checks again atomically while it records the job.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.jobs.spec import JobSpec
from bot.openroute.types import ASPECT_RATIOS, IMAGE_SIZES, ImageModel
from bot.storage.base import DailyCap, JobRepository

DAY = 24 * 60 * 60


class PolicyRefusal(Exception):
    """The request is not allowed. `reason` is a complete sentence for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int
    guild_id: int | None
    channel_id: int | None
    is_dm: bool  # a bot DM, group DM or any context without a server the bot is in
    is_owner: bool = False
    manages_messages: bool = False  # may manage messages in the channel (moderators)


@dataclass(frozen=True, slots=True)
class PolicySettings:
    dm_enabled: bool = True
    dm_daily_limit: int = 20
    max_prompt_length: int = 1000
    max_count: int = 4


class Policy:
    def __init__(self, settings: PolicySettings, jobs: JobRepository, *,
                 clock: Callable[[], float] = time.time) -> None:
        self._settings = settings
        self._jobs = jobs
        self._clock = clock

    async def authorize(self, actor: Actor, spec: JobSpec, *, known_models: list[ImageModel] | None) -> None:
        """Raise `PolicyRefusal` when `actor` may not run this generation. Stores nothing."""
        prompt, model, count = spec.prompt, spec.model, spec.count
        aspect_ratio, image_size = spec.aspect_ratio, spec.image_size
        if not prompt.strip():
            raise PolicyRefusal("The prompt is empty. Describe the image you want.")
        if len(prompt) > self._settings.max_prompt_length:
            raise PolicyRefusal(f"The prompt is too long ({len(prompt)} characters; the limit is "
                                f"{self._settings.max_prompt_length}).")
        if not 1 <= count <= self._settings.max_count:
            raise PolicyRefusal(f"Count must be between 1 and {self._settings.max_count}.")
        if aspect_ratio is not None and aspect_ratio not in ASPECT_RATIOS:
            raise PolicyRefusal(f"Unknown aspect ratio {aspect_ratio!r}. Pick one of {', '.join(ASPECT_RATIOS)}.")
        if image_size is not None and image_size not in IMAGE_SIZES:
            raise PolicyRefusal(f"Unknown size {image_size!r}. Pick one of {', '.join(IMAGE_SIZES)}.")
        if known_models is not None and model not in {m.id for m in known_models}:
            raise PolicyRefusal(f"`{model}` is not an image model this bot can use. Pick one from the list.")
        if actor.is_dm and not actor.is_owner:
            await self._check_dm(actor, count)

    def cap_for(self, actor: Actor) -> DailyCap | None:
        """The counted limit the job repository enforces atomically when it records this actor's job."""
        if actor.is_dm and not actor.is_owner:
            return DailyCap(limit=self._settings.dm_daily_limit, since=self._clock() - DAY, dm_only=True)
        return None

    def cap_refusal(self, cap: DailyCap) -> PolicyRefusal:
        """The refusal for a request over `cap`."""
        return PolicyRefusal(f"You have reached the daily limit of {cap.limit} image requests in direct "
                             "messages. It resets 24 hours after your earliest request of the day.")

    async def _check_dm(self, actor: Actor, count: int) -> None:
        if not self._settings.dm_enabled:
            raise PolicyRefusal("Image generation in direct messages is turned off on this bot. "
                                "Use /imagine in a server instead.")
        cap = self.cap_for(actor)
        if cap is not None and await self._jobs.count_since(requester_id=actor.user_id, since=cap.since,
                                                            dm_only=cap.dm_only) >= cap.limit:
            raise self.cap_refusal(cap)
