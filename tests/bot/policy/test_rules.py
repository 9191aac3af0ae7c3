"""The rules for who may generate what, where: the operator's policy bounds everything, a server's settings
narrow it, and each refusal comes with its own sentence. `Policy` is pure: no store, a fixed clock."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.policy.rules import BlockedPrompt, DefaultModelUnavailable, month_start
from bot.records.guild import GuildSettings
from bot.records.quota import Quota, QuotaExceeded
from bot.records.spec import InputRef, JobKind, JobSpec

NOW = 1_800_000_000.0  # 2027-01-15 08:00 UTC
GEMINI = "google/gemini-2.5-flash-image"
GEMINI_PRO = "google/gemini-3-pro-image-preview"
FLUX = "black-forest-labs/flux.2-pro"
GPT = "openai/gpt-5-image-mini"
MODELS = [ImageModel(id=model, name=model) for model in (GEMINI, GEMINI_PRO, FLUX, GPT)]

GUILD_ID = 10
CHANNEL = 100
OTHER_CHANNEL = 101
ARTISTS = 7
MEMBER = Actor(user_id=1, guild_id=GUILD_ID, channel_id=CHANNEL, is_dm=False)
OWNER = dataclasses.replace(MEMBER, is_owner=True)
IN_DM = Actor(user_id=1, guild_id=None, channel_id=200, is_dm=True)
OWNER_IN_DM = dataclasses.replace(IN_DM, is_owner=True)
NO_SETTINGS = GuildSettings(guild_id=GUILD_ID)


def policy(**settings: Any) -> Policy:
    return Policy(PolicySettings(**settings), clock=lambda: NOW)


def server(**settings: Any) -> GuildSettings:
    return GuildSettings(guild_id=GUILD_ID, **settings)


def spec_for(actor: Actor, **changes: Any) -> JobSpec:
    fields: dict[str, Any] = {"requester_id": actor.user_id, "guild_id": actor.guild_id,
                              "channel_id": actor.channel_id, "is_dm": actor.is_dm, "prompt": "a fox",
                              "model": GEMINI}
    return JobSpec(**{**fields, **changes})


def authorize(p: Policy, actor: Actor, guild: GuildSettings | None = NO_SETTINGS, *,
              known_models: list[ImageModel] | None = MODELS, **changes: Any) -> None:
    p.authorize(actor, spec_for(actor, **changes), guild=None if actor.is_dm else guild, known_models=known_models)


def refusal(p: Policy, actor: Actor, guild: GuildSettings | None = NO_SETTINGS, *,
            known_models: list[ImageModel] | None = MODELS, **changes: Any) -> str:
    with pytest.raises(PolicyRefusal) as caught:
        authorize(p, actor, guild, known_models=known_models, **changes)
    assert caught.value.reason == str(caught.value)
    return caught.value.reason


# --- the request itself ----------------------------------------------------------------------------------


def test_a_plain_request_in_a_server_or_a_dm_is_allowed() -> None:
    authorize(policy(), MEMBER)
    authorize(policy(), MEMBER, guild=None)  # a server that never saved settings
    authorize(policy(), IN_DM)


@pytest.mark.parametrize(("changes", "words"), [
    ({"prompt": "   "}, "The prompt is empty. Describe the image you want."),
    ({"prompt": "x" * 1001}, "The prompt is too long (1001 characters; the limit is 1000)."),
    ({"count": 5}, "Count must be between 1 and 4."),
    ({"aspect_ratio": "7:3"}, "Unknown aspect ratio '7:3'."),
    ({"image_size": "8K"}, "Unknown size '8K'."),
    ({"model": "meta/llama-text-only"}, "`meta/llama-text-only` is not an image model this bot can use."),
])
def test_bad_options_are_refused_with_a_reason(changes: dict[str, Any], words: str) -> None:
    assert refusal(policy(), MEMBER, **changes).startswith(words)


def test_the_request_limits_follow_the_operators_settings() -> None:
    strict = policy(max_prompt_length=10, max_count=2)

    authorize(strict, MEMBER, prompt="x" * 10, count=2)
    assert "the limit is 10" in refusal(strict, MEMBER, prompt="x" * 11)
    assert refusal(strict, MEMBER, count=3) == "Count must be between 1 and 2."


def test_a_broken_prompt_is_reported_before_anything_about_the_server() -> None:
    closed = server(channel_ids=frozenset({OTHER_CHANNEL}))

    assert refusal(policy(), MEMBER, closed, prompt="  ").startswith("The prompt is empty")


def test_dms_can_be_turned_off_by_the_operator_except_for_owners() -> None:
    off = policy(dm_enabled=False)

    assert refusal(off, IN_DM) == ("Image generation in direct messages is turned off on this bot. "
                                   "Use /imagine in a server instead.")
    authorize(off, OWNER_IN_DM)
    authorize(off, MEMBER)


# --- the server's rules, in order ------------------------------------------------------------------------

CHANNEL_SENTENCE = ("Image generation is not enabled in this channel. Moderators chose the channels where /imagine "
                    "works on this server.")
ROLE_SENTENCE = "Image generation on this server is limited to certain roles, and you don't have one of them."
MODEL_SENTENCE = f"`{FLUX}` is not allowed on this server. Pick one from the list (/models shows them)."
SIZE_SENTENCE = "The largest size on this server is 1K."
COUNT_SENTENCE = "You can ask for at most 2 images at a time here."
STRICT = server(channel_ids=frozenset({CHANNEL}), role_ids=frozenset({ARTISTS}),
                allowed_models=frozenset({GEMINI}), max_size="1K", max_count=2)
EVERYTHING_WRONG = {"model": FLUX, "image_size": "4K", "count": 3}


@pytest.mark.parametrize(("actor", "changes", "sentence"), [
    pytest.param(dataclasses.replace(MEMBER, channel_id=OTHER_CHANNEL), EVERYTHING_WRONG, CHANNEL_SENTENCE,
                 id="channel first"),
    pytest.param(MEMBER, EVERYTHING_WRONG, ROLE_SENTENCE, id="then the role"),
    pytest.param(dataclasses.replace(MEMBER, role_ids=frozenset({ARTISTS})), EVERYTHING_WRONG, MODEL_SENTENCE,
                 id="then the model"),
    pytest.param(dataclasses.replace(MEMBER, role_ids=frozenset({ARTISTS})), {"image_size": "4K", "count": 3},
                 SIZE_SENTENCE, id="then the size"),
    pytest.param(dataclasses.replace(MEMBER, role_ids=frozenset({ARTISTS})), {"count": 3}, COUNT_SENTENCE,
                 id="then the count"),
])
def test_a_request_breaking_several_server_rules_gets_the_first_ones_sentence(
        actor: Actor, changes: dict[str, Any], sentence: str) -> None:
    assert refusal(policy(), actor, STRICT, **changes) == sentence


def test_a_request_within_every_server_rule_is_allowed() -> None:
    artist = dataclasses.replace(MEMBER, role_ids=frozenset({ARTISTS, 99}))

    authorize(policy(), artist, STRICT, image_size="1K", count=2)


def test_a_server_without_channels_or_roles_listed_allows_every_channel_and_member() -> None:
    authorize(policy(), dataclasses.replace(MEMBER, channel_id=OTHER_CHANNEL), server(max_count=2))


def test_a_server_limit_of_one_image_is_said_in_the_singular() -> None:
    assert refusal(policy(), MEMBER, server(max_count=1), count=2) == "You can ask for at most 1 image at a time here."


def test_server_rules_do_not_apply_in_dms() -> None:
    authorize(policy(), IN_DM, STRICT, model=FLUX, image_size="4K", count=4)


# --- which models, where ---------------------------------------------------------------------------------


def test_operator_patterns_allow_matching_models_only() -> None:
    google_only = policy(allowed_models=("google/*",))

    authorize(google_only, MEMBER, model=GEMINI)
    authorize(google_only, MEMBER, model=GEMINI_PRO)
    assert refusal(google_only, MEMBER, model=FLUX) == MODEL_SENTENCE
    assert [m.id for m in google_only.models_for(MEMBER, NO_SETTINGS, MODELS)] == [GEMINI, GEMINI_PRO]


def test_dm_models_decide_in_dms_and_allowed_models_in_servers() -> None:
    p = policy(allowed_models=("google/*", FLUX), dm_models=(GEMINI,))

    authorize(p, IN_DM, model=GEMINI)
    assert refusal(p, IN_DM, model=GEMINI_PRO) == (f"`{GEMINI_PRO}` is not allowed in direct messages. Pick one from "
                                                   "the list (/models shows them).")
    authorize(p, MEMBER, model=GEMINI_PRO)
    authorize(p, MEMBER, model=FLUX)
    assert [m.id for m in p.models_for(IN_DM, None, MODELS)] == [GEMINI]


def test_without_dm_models_dms_follow_the_operators_allowed_models() -> None:
    p = policy(allowed_models=("google/*",))

    authorize(p, IN_DM, model=GEMINI_PRO)
    assert "not allowed in direct messages" in refusal(p, IN_DM, model=FLUX)


def test_a_server_list_narrows_what_the_operator_allows() -> None:
    flux_only = server(allowed_models=frozenset({FLUX}), default_model=FLUX)

    authorize(policy(), MEMBER, flux_only, model=FLUX)
    assert "not allowed on this server" in refusal(policy(), MEMBER, flux_only, model=GEMINI)
    assert [m.id for m in policy().models_for(MEMBER, flux_only, MODELS)] == [FLUX]


def test_a_server_list_cannot_widen_what_the_operator_allows() -> None:
    google_only = policy(allowed_models=("google/*",))
    widened = server(allowed_models=frozenset({GEMINI, FLUX}))

    assert refusal(google_only, MEMBER, widened, model=FLUX) == MODEL_SENTENCE
    authorize(google_only, MEMBER, widened, model=GEMINI)
    assert [m.id for m in google_only.models_for(MEMBER, widened, MODELS)] == [GEMINI]


def test_owners_are_held_to_the_operators_and_the_servers_model_lists() -> None:
    google_only = policy(allowed_models=("google/*",))

    assert "not allowed on this server" in refusal(google_only, OWNER, model=FLUX)
    assert "not allowed in direct messages" in refusal(google_only, OWNER_IN_DM, model=FLUX)
    assert "not allowed on this server" in refusal(policy(), OWNER, server(allowed_models=frozenset({GEMINI})),
                                                   model=FLUX)


def test_an_age_restricted_model_is_refused_outside_nsfw_channels_and_allowed_in_them() -> None:
    restricted = server(age_restricted_models=frozenset({FLUX}))
    in_nsfw_channel = dataclasses.replace(MEMBER, nsfw_channel=True)

    assert refusal(policy(), MEMBER, restricted, model=FLUX) == (
        f"`{FLUX}` can only be used in age-restricted channels.")
    authorize(policy(), in_nsfw_channel, restricted, model=FLUX)
    authorize(policy(), MEMBER, restricted, model=GEMINI)
    assert FLUX not in [m.id for m in policy().models_for(MEMBER, restricted, MODELS)]
    assert FLUX in [m.id for m in policy().models_for(in_nsfw_channel, restricted, MODELS)]


def test_the_default_model_is_the_servers_where_it_chose_one_else_the_operators() -> None:
    p = policy(default_model=GEMINI)
    chose_flux = server(default_model=FLUX)

    assert p.default_model(MEMBER, chose_flux) == FLUX
    assert p.default_model(MEMBER, NO_SETTINGS) == GEMINI
    assert p.default_model(MEMBER, None) == GEMINI
    assert p.default_model(IN_DM, chose_flux) == GEMINI  # a server's choice never reaches DMs


def test_the_default_model_is_one_the_server_allows_even_when_its_list_leaves_out_the_operators() -> None:
    p = policy(default_model=GEMINI)
    flux_only = server(allowed_models=frozenset({FLUX}))  # narrowed, no default of its own chosen

    default = p.default_model(MEMBER, flux_only)

    authorize(p, MEMBER, flux_only, model=default)  # a member who picks no model is not refused


# --- when the provider's model list cannot be loaded: fail closed -----------------------------------------

UNLOADED = ("The list of image models can't be loaded right now, so only this server's default and allowed "
            "models can be used. Try again in a minute.")


def test_without_the_model_list_only_the_defaults_pass() -> None:
    p = policy(default_model=GEMINI)

    authorize(p, MEMBER, known_models=None, model=GEMINI)
    authorize(p, IN_DM, known_models=None, model=GEMINI)
    assert refusal(p, MEMBER, known_models=None, model=FLUX) == UNLOADED
    assert refusal(p, MEMBER, known_models=None, model="new/model") == UNLOADED


def test_without_the_model_list_the_servers_default_and_allowed_models_pass() -> None:
    listed = server(allowed_models=frozenset({FLUX, GPT}), default_model=FLUX)

    authorize(policy(), MEMBER, listed, known_models=None, model=FLUX)
    authorize(policy(), MEMBER, listed, known_models=None, model=GPT)
    assert refusal(policy(), MEMBER, listed, known_models=None, model=GEMINI_PRO) == UNLOADED


def test_without_the_model_list_the_operators_literal_ids_pass_but_not_its_patterns() -> None:
    p = policy(allowed_models=("google/*", FLUX), default_model=GEMINI)

    authorize(p, MEMBER, known_models=None, model=FLUX)
    assert refusal(p, MEMBER, known_models=None, model=GEMINI_PRO) == UNLOADED


def test_without_the_model_list_a_server_still_cannot_widen_the_operators_list() -> None:
    p = policy(allowed_models=("google/*",), default_model=GEMINI)
    widened = server(allowed_models=frozenset({GEMINI, FLUX}))

    assert FLUX not in p.known_allowed(MEMBER, widened)
    with pytest.raises(PolicyRefusal):
        authorize(p, MEMBER, widened, known_models=None, model=FLUX)


# --- when the default model is gone from the provider's list ---------------------------------------------

OLD_DEFAULT = "google/gemini-2.5-flash-image-preview"
PICK_ONE = "Pick a model with the `model` option of /imagine: its suggestions list the ones you can use here."


def default_refusal(p: Policy, actor: Actor, guild: GuildSettings | None = NO_SETTINGS) -> DefaultModelUnavailable:
    """The refusal of a member who chose no model: the default that applies here is the spec's model."""
    guild = None if actor.is_dm else guild
    spec = spec_for(actor, model=p.default_model(actor, guild))
    with pytest.raises(DefaultModelUnavailable) as caught:
        p.authorize(actor, spec, guild=guild, known_models=MODELS, model_chosen=False)
    return caught.value


def test_a_member_who_chose_no_model_is_told_the_bots_default_is_unavailable_not_that_they_chose_wrong() -> None:
    for actor in (MEMBER, IN_DM):
        refused = default_refusal(policy(default_model=OLD_DEFAULT), actor)
        assert refused.reason == f"The bot's default model `{OLD_DEFAULT}` is unavailable right now. {PICK_ONE}"
        assert (refused.model, refused.server_default) == (OLD_DEFAULT, False)


def test_a_member_who_chose_no_model_is_told_the_servers_default_is_unavailable_and_who_can_change_it() -> None:
    gone = server(default_model=OLD_DEFAULT)
    refused = default_refusal(policy(default_model=GEMINI), MEMBER, gone)
    assert refused.reason == (f"This server's default model `{OLD_DEFAULT}` is unavailable right now. {PICK_ONE} "
                              "A moderator can choose another default with /settings models default.")
    assert refused.server_default


def test_a_server_list_standing_in_for_the_operators_default_is_the_servers_default() -> None:
    listed = server(allowed_models=frozenset({OLD_DEFAULT}))  # the operator's GEMINI is not on it
    refused = default_refusal(policy(default_model=GEMINI), MEMBER, listed)
    assert refused.model == OLD_DEFAULT
    assert refused.reason.startswith("This server's default model")


def test_a_model_the_member_chose_that_is_not_listed_keeps_its_own_message() -> None:
    p = policy(default_model=OLD_DEFAULT)
    assert refusal(p, MEMBER, model=OLD_DEFAULT) == (f"`{OLD_DEFAULT}` is not an image model this bot can use. "
                                                     "Pick one from the list.")


def test_a_listed_default_passes_when_the_member_chose_no_model() -> None:
    policy(default_model=GEMINI).authorize(MEMBER, spec_for(MEMBER, model=GEMINI), guild=NO_SETTINGS,
                                           known_models=MODELS, model_chosen=False)


# --- owners ---------------------------------------------------------------------------------------------


def test_owners_bypass_the_servers_size_count_and_role_limits() -> None:
    limits = server(max_size="1K", max_count=1, role_ids=frozenset({ARTISTS}))

    authorize(policy(), OWNER, limits, image_size="4K", count=4)
    assert refusal(policy(), OWNER, limits, count=5) == "Count must be between 1 and 4."  # the operator's limit


def test_owners_still_use_image_generation_only_in_the_servers_channels() -> None:
    assert refusal(policy(), dataclasses.replace(OWNER, channel_id=OTHER_CHANNEL),
                   server(channel_ids=frozenset({CHANNEL}))) == CHANNEL_SENTENCE


def test_owners_have_no_daily_cooldown_or_concurrency_limit_but_keep_the_budgets() -> None:
    p = policy(default_daily_limit=5, dm_daily_limit=3, global_daily_budget=Decimal(50))
    limits = server(daily_limit=2, cooldown_seconds=60, max_concurrent=1, monthly_budget_usd=Decimal(10))

    in_server = p.quota_for(OWNER, limits, reserve=Decimal("0.04"))
    in_dm = p.quota_for(OWNER_IN_DM, None, reserve=Decimal("0.04"))

    assert (in_server.daily_images, in_server.cooldown, in_server.concurrent) == (None, 0.0, None)
    assert (in_server.guild_budget, in_server.global_budget) == (Decimal(10), Decimal(50))
    assert in_dm.daily_images is None
    assert in_dm.global_budget == Decimal(50)


# --- counted limits ---------------------------------------------------------------------------------------


def test_a_members_quota_in_a_server_carries_every_limit_the_server_chose() -> None:
    p = policy(default_daily_limit=5, global_daily_budget=Decimal(50))
    limits = server(daily_limit=2, cooldown_seconds=60, max_concurrent=1, monthly_budget_usd=Decimal(10))

    assert p.quota_for(MEMBER, limits, reserve=Decimal("0.08")) == Quota(
        now=NOW, daily_images=2, cooldown=60.0, concurrent=1, guild_budget=Decimal(10),
        month_start=month_start(NOW), global_budget=Decimal(50), reserve=Decimal("0.08"))


@pytest.mark.parametrize(("guild", "daily"), [
    pytest.param(server(daily_limit=7), 7, id="the server's limit"),
    pytest.param(server(daily_limit=0), None, id="the server chose none"),
    pytest.param(NO_SETTINGS, 5, id="DEFAULT_DAILY_LIMIT"),
    pytest.param(None, 5, id="no settings saved"),
])
def test_the_daily_limit_in_a_server_is_the_servers_else_the_operators_default(
        guild: GuildSettings | None, daily: int | None) -> None:
    assert policy(default_daily_limit=5, dm_daily_limit=3).quota_for(MEMBER, guild, reserve=Decimal(0)).daily_images \
        == daily


def test_an_operator_default_of_zero_means_no_daily_limit_in_servers() -> None:
    assert policy(default_daily_limit=0).quota_for(MEMBER, NO_SETTINGS, reserve=Decimal(0)).daily_images is None


def test_dms_use_the_dm_daily_limit_and_no_server_limit() -> None:
    p = policy(default_daily_limit=5, dm_daily_limit=3)

    quota = p.quota_for(IN_DM, None, reserve=Decimal("0.04"))

    assert quota.daily_images == 3
    assert (quota.cooldown, quota.guild_budget) == (0.0, None)


@pytest.mark.parametrize(("actor", "guild", "concurrent"), [
    (IN_DM, None, 2),  # DMs and user installs: counted in the database like in servers
    (MEMBER, NO_SETTINGS, 2),  # a server that set none: MAX_JOBS_PER_USER
    (MEMBER, "one", 1),
], ids=["dm", "server default", "server's own"])
def test_concurrency_is_counted_in_the_database_everywhere(actor, guild, concurrent) -> None:
    settings = server(max_concurrent=1) if guild == "one" else guild

    assert policy(max_jobs_per_user=2).quota_for(actor, settings, reserve=Decimal(0)).concurrent == concurrent
    assert policy(dm_daily_limit=0).quota_for(IN_DM, None, reserve=Decimal(0)).daily_images is None


def test_a_server_without_a_budget_or_cooldown_sets_none() -> None:
    quota = policy().quota_for(MEMBER, server(monthly_budget_usd=None), reserve=Decimal(0))

    assert (quota.cooldown, quota.guild_budget, quota.global_budget) == (0.0, None, None)


def test_the_budget_month_starts_at_midnight_utc_on_the_first() -> None:
    new_year = 1_798_761_600.0  # 2027-01-01 00:00 UTC

    assert month_start(NOW) == new_year
    assert month_start(new_year) == new_year
    assert month_start(new_year - 1) == 1_796_083_200.0  # 2026-12-01 00:00 UTC


@pytest.mark.parametrize(("actor", "exceeded", "sentence"), [
    pytest.param(MEMBER, QuotaExceeded("cooldown", limit=60, retry_after=42.2),
                 "Slow down a little: you can ask again in 43 seconds.", id="cooldown"),
    pytest.param(MEMBER, QuotaExceeded("cooldown", limit=60, retry_after=1),
                 "Slow down a little: you can ask again in 1 second.", id="cooldown, one second"),
    pytest.param(MEMBER, QuotaExceeded("cooldown", limit=60),
                 "Slow down a little: you can ask again soon.", id="cooldown, unknown"),
    pytest.param(MEMBER, QuotaExceeded("daily", limit=20, retry_after=3 * 3600),
                 "You have reached the daily limit of 20 images on this server. One frees up in 3 hours.",
                 id="daily in a server"),
    pytest.param(MEMBER, QuotaExceeded("daily", limit=1, retry_after=30 * 60),
                 "You have reached the daily limit of 1 image on this server. One frees up in 30 minutes.",
                 id="daily of one"),
    pytest.param(IN_DM, QuotaExceeded("daily", limit=3, retry_after=None),
                 "You have reached the daily limit of 3 images in direct messages.", id="daily in DMs"),
    pytest.param(MEMBER, QuotaExceeded("concurrent", limit=2),
                 "You already have 2 image jobs running on this server. Wait for one to finish.", id="concurrent"),
    pytest.param(IN_DM, QuotaExceeded("concurrent", limit=2),
                 "You already have 2 image jobs running in direct messages. Wait for one to finish.",
                 id="concurrent in DMs"),
    pytest.param(MEMBER, QuotaExceeded("concurrent", limit=1),
                 "You already have 1 image job running on this server. Wait for one to finish.",
                 id="concurrent of one"),
    pytest.param(MEMBER, QuotaExceeded("guild_budget", limit=Decimal(10)),
                 "This server has used its image budget for this month. A moderator can raise it with "
                 "/settings budget.", id="server budget"),
    pytest.param(MEMBER, QuotaExceeded("global_budget", limit=Decimal(50)),
                 "The bot has reached its spending limit for today. Try again tomorrow.", id="global budget"),
])
def test_each_counted_limit_has_its_own_sentence(actor: Actor, exceeded: QuotaExceeded, sentence: str) -> None:
    refused = policy().quota_refusal(actor, exceeded)

    assert refused.reason == sentence


# --- styles, blends and image inputs ------------------------------------------------------------------------

def test_a_blocked_word_in_a_servers_style_is_refused_as_the_styles_and_one_in_the_prompt_as_the_prompts() -> None:
    guild = server(blocked_words=frozenset({"gore"}))

    with pytest.raises(BlockedPrompt) as in_style:
        authorize(policy(), MEMBER, guild, style="grim", style_text="dark, gore, grain")
    with pytest.raises(BlockedPrompt) as in_prompt:
        authorize(policy(), MEMBER, guild, prompt="gore everywhere", style="grim", style_text="dark, gore, grain")
    authorize(policy(), MEMBER, guild, style="ink", style_text="ink, soft light")

    assert in_style.value.reason == ("The style `grim` contains a term that is not allowed on this server. Pick "
                                     "another style.")
    assert in_style.value.term == "gore"  # for the audit line, as for a prompt
    assert in_prompt.value.reason.startswith("This prompt contains a term")


def test_the_prompt_with_its_style_keeps_the_prompt_length_limit() -> None:
    words = refusal(policy(max_prompt_length=20), MEMBER, prompt="a fox in the snow", style="long",
                    style_text="watercolour, soft light")

    assert words == "The prompt with its style is too long (42 characters; the limit is 20)."


def test_a_blend_may_come_without_a_prompt_but_other_jobs_may_not() -> None:
    authorize(policy(), MEMBER, prompt="", kind=JobKind.BLEND)
    assert "The prompt is empty" in refusal(policy(), MEMBER, prompt="  ")


def test_a_model_that_takes_no_image_input_is_refused_for_a_job_that_sends_images() -> None:
    text_only_input = ImageModel(id="flux/text-only", name="x", input_modalities=("text",))
    models = [*MODELS, text_only_input]
    image = InputRef(sha256="0" * 64, mime_type="image/png")

    words = refusal(policy(), MEMBER, known_models=models, model="flux/text-only", inputs=(image,))

    assert words == "`flux/text-only` does not take images as input. Pick a model that does."
    # a blend or an upscale is refused by its kind, before its member's images are downloaded
    for kind in (JobKind.BLEND, JobKind.UPSCALE, JobKind.EDIT):
        assert "does not take images" in refusal(policy(), MEMBER, known_models=models, model="flux/text-only",
                                                 kind=kind)
    authorize(policy(), MEMBER, known_models=models, model="flux/text-only")  # from text alone it may
    authorize(policy(), MEMBER, known_models=models, model="flux/text-only", kind=JobKind.REMIX)


# --- sizes and upscales ---------------------------------------------------------------------------------------

SIZES = (("google/gemini-2.5-flash-image", ("1K",)), ("google/gemini-3-pro-image-preview", ("1K", "2K", "4K")))


def test_a_size_the_model_does_not_render_is_refused_and_unlisted_models_render_every_size() -> None:
    p = policy(model_image_sizes=SIZES)

    assert refusal(p, MEMBER, image_size="2K") == "`google/gemini-2.5-flash-image` renders 1K only."
    authorize(p, MEMBER, image_size="4K", model=GEMINI_PRO)
    authorize(p, MEMBER, image_size="4K", model=FLUX)
    assert p.sizes_for(FLUX) == ("1K", "2K", "4K")


@pytest.mark.parametrize(("model", "size", "upscale_model", "max_size", "target"), [
    (GEMINI_PRO, None, None, None, (GEMINI_PRO, "2K")),  # no size asked: drawn at 1K
    (GEMINI_PRO, "2K", None, None, (GEMINI_PRO, "4K")),
    (GEMINI_PRO, "4K", None, None, None),  # nothing larger exists
    (GEMINI, "1K", None, None, None),  # the model renders 1K only, and no upscale model is set
    (GEMINI, "1K", GEMINI_PRO, None, (GEMINI_PRO, "2K")),  # UPSCALE_MODEL renders it instead
    (GEMINI_PRO, "1K", None, "1K", None),  # the server's largest size is reached
    (GEMINI_PRO, "1K", None, "2K", (GEMINI_PRO, "2K")),
])
def test_an_upscale_goes_one_size_up_where_a_model_renders_it_and_the_server_allows_it(
        model, size, upscale_model, max_size, target) -> None:
    p = policy(model_image_sizes=SIZES, upscale_model=upscale_model)

    assert p.upscale_target(spec_for(MEMBER, model=model, image_size=size), server(max_size=max_size)) == target


def test_the_sizes_a_member_may_ask_for_stop_at_the_servers_largest_which_binds_neither_dms_nor_owners() -> None:
    p = policy(model_image_sizes=SIZES)
    capped = server(max_size="2K")

    assert p.sizes_allowed(MEMBER, GEMINI_PRO, capped) == ("1K", "2K")
    assert p.sizes_allowed(MEMBER, "google/gemini-2.5-flash-image", capped) == ("1K",)
    assert p.sizes_allowed(OWNER, GEMINI_PRO, capped) == ("1K", "2K", "4K")
    assert p.sizes_allowed(IN_DM, GEMINI_PRO, None) == ("1K", "2K", "4K")
