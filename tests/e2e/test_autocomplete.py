"""Typing in /imagine's model option: suggestions come from the image service's image models."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import aiohttp
import pytest

from playground.discord import FakeDiscord, FakeInteraction
from playground.openroute import OpenRouteEmulator

pytestmark = pytest.mark.e2e

AUTOCOMPLETE = 4
MAX_CHOICES = 25


async def listed_models(emulator: OpenRouteEmulator, modality: str) -> list[dict[str, Any]]:
    """What the image service's `/models` lists for an output modality."""
    async with aiohttp.ClientSession() as session, session.get(
            f"{emulator.base_url}/models", params={"output_modalities": modality}) as response:
        response.raise_for_status()
        return (await response.json())["data"]


def image_price(model: dict[str, Any]) -> Decimal | None:
    """The per-image output price a member would want to see, if the model has one."""
    raw = (model.get("pricing") or {}).get("image_output")
    return Decimal(raw) if raw not in (None, "") else None


def last_autocomplete(fake: FakeDiscord) -> FakeInteraction:
    return [it for it in fake.interactions.values() if it.type == AUTOCOMPLETE][-1]


def answered_in_time(it: FakeInteraction) -> bool:
    """Discord accepted the choices: the callback came inside the acknowledgement window."""
    return (it.callback is not None and all(status < 300 for status in it.callback_statuses)
            and not it.ack_expired(it.callback.time))


@pytest.fixture
async def models_loaded(bot) -> None:
    """The bot has its model list (it loads it at start-up; this waits for that one shared fetch)."""
    await bot.services.imagine.catalog.load()


async def test_typing_gem_suggests_the_image_models_containing_gem_with_their_price(models_loaded, discord_fake,
                                                                                    emulator):
    choices = await discord_fake.autocomplete("imagine", focused="model", value="gem", options={"prompt": "x"})
    assert answered_in_time(last_autocomplete(discord_fake))

    image_models = {m["id"]: m for m in await listed_models(emulator, "image")}
    expected = {model_id for model_id, m in image_models.items()
                if "gem" in model_id.lower() or "gem" in m["name"].lower()}
    assert expected  # the emulator does list Gemini image models
    assert 0 < len(choices) <= MAX_CHOICES
    assert {c["value"] for c in choices} == expected
    for choice in choices:
        price = image_price(image_models[choice["value"]])
        assert price is not None
        assert f"${price.normalize()}" in choice["name"], choice
        assert choice["value"] in choice["name"] or image_models[choice["value"]]["name"] in choice["name"]


async def test_suggestions_never_include_text_only_models(models_loaded, discord_fake, emulator):
    text_only = {m["id"] for m in await listed_models(emulator, "text")
                 if "image" not in m["architecture"]["output_modalities"]}
    assert text_only  # e.g. openai/gpt-4o-mini and a Llama model
    image_ids = {m["id"] for m in await listed_models(emulator, "image")}

    for typed in ("gpt", "llama", "openai", ""):
        choices = await discord_fake.autocomplete("imagine", focused="model", value=typed, options={"prompt": "x"})
        assert answered_in_time(last_autocomplete(discord_fake))
        values = {c["value"] for c in choices}
        assert len(choices) <= MAX_CHOICES
        assert not values & text_only, (typed, values & text_only)
        assert values <= image_ids, (typed, values - image_ids)
    gpt = await discord_fake.autocomplete("imagine", focused="model", value="gpt", options={"prompt": "x"})
    assert [c["value"] for c in gpt] == ["openai/gpt-5-image-mini"]


async def test_a_model_without_a_per_image_price_is_not_shown_as_free(models_loaded, discord_fake, emulator):
    image_models = {m["id"]: m for m in await listed_models(emulator, "image")}
    assert image_price(image_models["openai/gpt-5-image-mini"]) is None  # billed by tokens, not per image

    choices = await discord_fake.autocomplete("imagine", focused="model", value="gpt-5-image",
                                              options={"prompt": "x"})
    (choice,) = choices
    assert choice["value"] == "openai/gpt-5-image-mini"
    assert not re.search(r"\$0(?![.\d])", choice["name"]), choice
