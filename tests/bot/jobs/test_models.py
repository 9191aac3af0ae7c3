"""Which configured models the provider no longer lists, and the listed ids offered instead. Pure functions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.jobs.models import MissingModel, closest_models, missing_models
from bot.records.guild import GuildModels

OLD_DEFAULT = "google/gemini-2.5-flash-image-preview"
GEMINI = "google/gemini-2.5-flash-image"
GEMINI_PRO = "google/gemini-3-pro-image-preview"
GPT = "openai/gpt-5-image-mini"
FLUX = "black-forest-labs/flux.2-pro"
LISTED = [GEMINI_PRO, FLUX, GPT, GEMINI, "emu/png"]


# --- closest_models --------------------------------------------------------------------------------------


def test_a_retired_preview_points_at_the_released_id_first_then_its_family() -> None:
    assert closest_models(OLD_DEFAULT, LISTED) == [GEMINI, GEMINI_PRO]


def test_a_released_id_that_went_back_to_preview_points_at_the_preview() -> None:
    assert closest_models(GEMINI, [OLD_DEFAULT, FLUX])[0] == OLD_DEFAULT


def test_a_dated_preview_or_a_variant_tag_counts_as_the_same_id() -> None:
    assert closest_models("google/gemini-2.5-flash-image-preview-05-20", LISTED)[0] == GEMINI
    assert closest_models("google/gemini-2.5-flash-image:free", LISTED)[0] == GEMINI


def test_only_the_same_vendor_and_family_are_offered() -> None:
    assert closest_models("openai/gpt-image-1", LISTED) == [GPT]
    assert closest_models("black-forest-labs/flux.1-schnell", LISTED) == [FLUX]
    assert closest_models("openai/dall-e-3", LISTED) == []  # same vendor, another family
    assert closest_models("acme/gemini-2", LISTED) == []  # same family name, another vendor


def test_the_most_similar_ids_of_the_family_come_first_and_no_more_than_the_limit() -> None:
    family = ["google/gemini-1.0-image", "google/gemini-2.5-pro-image", "google/gemini-2.5-flash-lite-image"]
    closest = closest_models("google/gemini-2.5-flash-image-exp", family, limit=2)
    assert closest == ["google/gemini-2.5-flash-lite-image", "google/gemini-2.5-pro-image"]


def test_nothing_is_offered_from_an_empty_list() -> None:
    assert closest_models(OLD_DEFAULT, []) == []


@given(model=st.text(max_size=40), listed=st.lists(st.text(max_size=40), max_size=12),
       limit=st.integers(min_value=0, max_value=5))
def test_closest_ids_are_listed_distinct_never_the_model_itself_and_at_most_the_limit(
        model: str, listed: list[str], limit: int) -> None:
    closest = closest_models(model, listed, limit=limit)
    assert len(closest) <= limit
    assert len(set(closest)) == len(closest)
    assert set(closest) <= set(listed) - {model}


# --- missing_models --------------------------------------------------------------------------------------


def test_nothing_is_missing_when_every_configured_model_is_listed() -> None:
    servers = [GuildModels(guild_id=1, default_model=GPT, allowed_models=frozenset({GPT, FLUX}))]
    assert missing_models(GEMINI, servers, LISTED) == []


def test_a_missing_default_model_is_reported_with_the_closest_listed_ids() -> None:
    (missing,) = missing_models(OLD_DEFAULT, [], LISTED)
    assert missing == MissingModel(model=OLD_DEFAULT, uses=("DEFAULT_MODEL",), closest=(GEMINI, GEMINI_PRO))
    assert missing.describe() == (
        "model google/gemini-2.5-flash-image-preview (DEFAULT_MODEL) is not an image model the provider lists; "
        "closest listed: google/gemini-2.5-flash-image, google/gemini-3-pro-image-preview")


def test_each_missing_model_is_reported_once_with_every_place_that_uses_it_the_operators_default_first() -> None:
    servers = [
        GuildModels(guild_id=30, allowed_models=frozenset({"openai/gpt-image-1", GPT})),
        GuildModels(guild_id=20, default_model="openai/gpt-image-1", allowed_models=frozenset({"openai/gpt-image-1"})),
        GuildModels(guild_id=10, default_model=OLD_DEFAULT),
    ]
    found = missing_models(OLD_DEFAULT, servers, LISTED)
    assert [(m.model, m.uses) for m in found] == [
        (OLD_DEFAULT, ("DEFAULT_MODEL", "default of server 10")),
        ("openai/gpt-image-1", ("default of server 20", "allowed on servers 20, 30")),
    ]
    assert found[1].closest == (GPT,)


def test_a_model_with_nothing_similar_listed_says_so() -> None:
    (missing,) = missing_models(GEMINI, [GuildModels(guild_id=1, allowed_models=frozenset({"acme/painter"}))],
                                LISTED)
    assert missing.describe() == ("model acme/painter (allowed on server 1) is not an image model the provider "
                                  "lists; no similar id is listed")
