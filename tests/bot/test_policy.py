"""The operator's rules for who may generate what, where."""

from __future__ import annotations

import pytest

from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.storage import NewJob, open_store

NOW = 1_800_000_000.0
MODELS = [ImageModel(id="google/gemini-2.5-flash-image", name="Gemini")]
GUILD = Actor(user_id=1, guild_id=10, channel_id=100, is_dm=False)
DM = Actor(user_id=1, guild_id=None, channel_id=200, is_dm=True)


@pytest.fixture
async def store():
    store = await open_store("sqlite:///:memory:")
    try:
        yield store
    finally:
        await store.close()


def policy(store, **settings) -> Policy:
    return Policy(PolicySettings(**settings), store.jobs, clock=lambda: NOW)


async def authorize(p: Policy, actor: Actor, **overrides) -> None:
    request = {"prompt": "a fox", "model": "google/gemini-2.5-flash-image", "aspect_ratio": None,
               "image_size": None, "count": 1, "known_models": MODELS}
    request.update(overrides)
    await p.authorize(actor, **request)


async def record_dm_job(store, created_at: float) -> None:
    await store.jobs.create(NewJob(requester_id=1, guild_id=None, channel_id=200, is_dm=True, prompt="p",
                                   model="m", created_at=created_at))


async def test_a_plain_request_in_a_server_is_allowed(store):
    await authorize(policy(store), GUILD)


@pytest.mark.parametrize(("overrides", "words"), [
    ({"prompt": "   "}, "prompt is empty"),
    ({"prompt": "x" * 1001}, "too long"),
    ({"count": 5}, "between 1 and 4"),
    ({"aspect_ratio": "7:3"}, "Unknown aspect ratio"),
    ({"image_size": "8K"}, "Unknown size"),
    ({"model": "meta/llama-text-only"}, "not an image model"),
])
async def test_bad_options_are_refused_with_a_reason(store, overrides, words):
    with pytest.raises(PolicyRefusal, match=words):
        await authorize(policy(store), GUILD, **overrides)


async def test_an_unknown_model_passes_when_the_model_list_is_unavailable(store):
    await authorize(policy(store), GUILD, model="new/model", known_models=None)


async def test_dms_can_be_turned_off_by_the_operator(store):
    with pytest.raises(PolicyRefusal, match="turned off"):
        await authorize(policy(store, dm_enabled=False), DM)
    await authorize(policy(store, dm_enabled=False), GUILD)


async def test_the_daily_dm_limit_counts_the_last_24_hours(store):
    await record_dm_job(store, NOW - 25 * 3600)  # yesterday: does not count
    await record_dm_job(store, NOW - 3600)
    await authorize(policy(store, dm_daily_limit=2), DM)
    await record_dm_job(store, NOW - 60)
    with pytest.raises(PolicyRefusal, match="daily limit of 2"):
        await authorize(policy(store, dm_daily_limit=2), DM)


async def test_owners_are_exempt_from_dm_limits(store):
    owner = Actor(user_id=1, guild_id=None, channel_id=200, is_dm=True, is_owner=True)
    await authorize(policy(store, dm_enabled=False), owner)
