"""The provider's image model list as the bot uses it: cached, loaded again on a schedule and on demand, and
checked against the models the operator and the servers name (a retired id is a WARNING naming its successor)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable

from bot.jobs.models import MissingModel, missing_models
from bot.openroute.client import OpenRouteClient
from bot.openroute.errors import OpenRouteError
from bot.openroute.types import ImageModel
from bot.policy import Policy
from bot.policy.settings import SettingsService

log = logging.getLogger(__name__)

MODELS_LOOKUP_TIMEOUT = 5.0
ON_DEMAND_REFRESH_INTERVAL = 60.0  # seconds: a request naming an unlisted model refetches the list at most this often


class ModelCatalog:
    """The image models, for requests, suggestions and the start-up check. One per process."""

    def __init__(self, client: OpenRouteClient, policy: Policy, guilds: SettingsService, *,
                 clock: Callable[[], float] = time.time) -> None:
        self._client = client
        self._policy = policy
        self._guilds = guilds
        self._clock = clock
        self._refresh_lock = asyncio.Lock()
        self._refreshed_on_demand_at: float | None = None

    def cached(self) -> list[ImageModel] | None:
        """The image models as last loaded (None before the first load); never waits."""
        return self._client.cached_image_models()

    def find(self, model: str) -> ImageModel | None:
        """The cached listing of `model`, or None (not listed, or no list loaded yet); never waits."""
        return next((m for m in self.cached() or () if m.id == model), None)

    async def load(self) -> list[ImageModel]:
        """The image model list as last loaded, or loaded (and checked) now. Raises `OpenRouteError` when it
        cannot be had."""
        cached = self.cached()
        return cached if cached is not None else await self.refresh()

    async def refresh(self) -> list[ImageModel]:
        """Fetch the image model list anew (at start-up, on the MODELS_REFRESH_MINUTES schedule, on demand) and
        check the configured models against it (`check`). Raises `OpenRouteError`."""
        async with self._refresh_lock:
            models = await self._client.list_image_models(force_refresh=True)
            try:
                await self.check(models)
            except Exception:  # the list itself is fine and cached; only the check could not be made
                log.exception("could not check the configured models against the model list")
        return models

    async def check(self, models: Iterable[ImageModel]) -> list[MissingModel]:
        """The models DEFAULT_MODEL and the servers' settings name that `models` lacks, each logged once as a
        WARNING naming the closest ids that are listed."""
        missing = missing_models(self._policy.settings.default_model, await self._guilds.configured_models(),
                                 [m.id for m in models])
        for item in missing:
            log.warning("%s", item.describe())
        return missing

    async def known(self, named: str | None = None) -> list[ImageModel] | None:
        """The image models, from the cache or a short fetch; None when the list cannot be had right now
        (then the API itself judges the model). `named`: a model the request names. When the cache does not
        list it, the list is fetched again first (at most once a minute), so a model the provider just added
        can be used at once."""
        cached = self.cached()
        if cached is not None and (named is None or any(m.id == named for m in cached)
                                   or not self._may_refresh_on_demand()):
            return cached
        try:
            async with asyncio.timeout(MODELS_LOOKUP_TIMEOUT):
                return await self.refresh()
        except (OpenRouteError, TimeoutError) as exc:
            log.warning("could not load the model list to validate a request: %s", type(exc).__name__)
            return cached

    def _may_refresh_on_demand(self) -> bool:
        now = self._clock()
        last = self._refreshed_on_demand_at
        if last is not None and 0 <= now - last < ON_DEMAND_REFRESH_INTERVAL:
            return False
        self._refreshed_on_demand_at = now
        return True
