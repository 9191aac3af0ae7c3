"""The operator's rules for who may generate what, where, checked against a real SQLite store."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.jobs.spec import JobSpec
from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.storage import Store, open_store
from bot.storage.base import DailyCap

NOW = 1_800_000_000.0
HOUR = 3600.0
DAY = 24 * HOUR
MODEL = "google/gemini-2.5-flash-image"
MODELS = [ImageModel(id=MODEL, name="Gemini")]
GUILD = Actor(user_id=1, guild_id=10, channel_id=100, is_dm=False)
DM = Actor(user_id=1, guild_id=None, channel_id=200, is_dm=True)
OWNER_IN_DM = dataclasses.replace(DM, is_owner=True)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    yield opened
    await opened.close()


def policy(store: Store, **settings: Any) -> Policy:
    return Policy(PolicySettings(**settings), store.jobs, clock=lambda: NOW)


def spec_for(actor: Actor, **changes: Any) -> JobSpec:
    fields: dict[str, Any] = {"requester_id": actor.user_id, "guild_id": actor.guild_id,
                              "channel_id": actor.channel_id, "is_dm": actor.is_dm, "prompt": "a fox",
                              "model": MODEL}
    return JobSpec(**{**fields, **changes})


async def authorize(p: Policy, actor: Actor, *, known_models: list[ImageModel] | None = MODELS,
                    **changes: Any) -> None:
    await p.authorize(actor, spec_for(actor, **changes), known_models=known_models)


async def record_job(store: Store, actor: Actor, created_at: float) -> None:
    assert await store.jobs.create(spec_for(actor), created_at=created_at) is not None


async def test_a_plain_request_in_a_server_is_allowed(store: Store) -> None:
    await authorize(policy(store), GUILD)


@pytest.mark.parametrize(("changes", "words"), [
    ({"prompt": "   "}, "prompt is empty"),
    ({"prompt": "x" * 1001}, "too long"),
    ({"count": 5}, "between 1 and 4"),
    ({"aspect_ratio": "7:3"}, "Unknown aspect ratio"),
    ({"image_size": "8K"}, "Unknown size"),
    ({"model": "meta/llama-text-only"}, "not an image model"),
])
async def test_bad_options_are_refused_with_a_reason(store: Store, changes: dict[str, Any], words: str) -> None:
    with pytest.raises(PolicyRefusal, match=words) as caught:
        await authorize(policy(store), GUILD, **changes)

    assert caught.value.reason == str(caught.value)


async def test_the_limits_follow_the_operators_settings(store: Store) -> None:
    strict = policy(store, max_prompt_length=10, max_count=2)

    await authorize(strict, GUILD, prompt="x" * 10, count=2)
    with pytest.raises(PolicyRefusal, match="the limit is 10"):
        await authorize(strict, GUILD, prompt="x" * 11)
    with pytest.raises(PolicyRefusal, match="between 1 and 2"):
        await authorize(strict, GUILD, count=3)


async def test_an_unknown_model_passes_when_the_model_list_is_unavailable(store: Store) -> None:
    await authorize(policy(store), GUILD, model="new/model", known_models=None)


async def test_dms_can_be_turned_off_by_the_operator(store: Store) -> None:
    with pytest.raises(PolicyRefusal, match="turned off"):
        await authorize(policy(store, dm_enabled=False), DM)
    await authorize(policy(store, dm_enabled=False), GUILD)


async def test_the_daily_dm_limit_counts_the_last_24_hours(store: Store) -> None:
    await record_job(store, DM, NOW - 25 * HOUR)  # yesterday: does not count
    await record_job(store, DM, NOW - HOUR)
    await authorize(policy(store, dm_daily_limit=2), DM)

    await record_job(store, DM, NOW - 60)

    with pytest.raises(PolicyRefusal, match="daily limit of 2"):
        await authorize(policy(store, dm_daily_limit=2), DM)


async def test_requests_in_servers_do_not_count_toward_the_dm_limit(store: Store) -> None:
    for minutes in (1, 2, 3):
        await record_job(store, GUILD, NOW - minutes * 60)

    await authorize(policy(store, dm_daily_limit=1), DM)
    await authorize(policy(store, dm_daily_limit=1), GUILD)


async def test_owners_are_exempt_from_dm_limits(store: Store) -> None:
    await record_job(store, OWNER_IN_DM, NOW - 60)

    await authorize(policy(store, dm_enabled=False), OWNER_IN_DM)
    await authorize(policy(store, dm_daily_limit=1), OWNER_IN_DM)
    assert policy(store, dm_daily_limit=1).cap_for(OWNER_IN_DM) is None


async def test_a_dm_request_is_recorded_under_the_daily_cap(store: Store) -> None:
    assert policy(store, dm_daily_limit=3).cap_for(DM) == DailyCap(limit=3, since=NOW - DAY, dm_only=True)
    assert policy(store, dm_daily_limit=3).cap_for(GUILD) is None


async def test_the_cap_makes_the_store_refuse_the_job_over_the_limit(store: Store) -> None:
    p = policy(store, dm_daily_limit=1)
    cap = p.cap_for(DM)
    assert cap is not None

    first = await store.jobs.create(spec_for(DM), created_at=NOW, cap=cap)
    second = await store.jobs.create(spec_for(DM), created_at=NOW, cap=cap)

    assert first is not None
    assert second is None
    assert "daily limit of 1" in p.cap_refusal(cap).reason
