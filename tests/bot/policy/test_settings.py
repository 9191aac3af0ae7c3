"""A server's settings as its moderators change them through `SettingsService`, over a real store: who
may change them, which models a server may name, what each change reports (before → after) and keeps, and
the effective values `/settings show` displays."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from bot.i18n import Message, Speaker
from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.policy.settings import SettingsChange, SettingsService
from bot.records.guild import GuildModels, GuildSettings
from bot.storage import Store, open_store

NOW = 1_800_000_000.0
GUILD_ID = 10
GEMINI = "google/gemini-2.5-flash-image"
GEMINI_PRO = "google/gemini-3-pro-image-preview"
FLUX = "black-forest-labs/flux.2-pro"
TEXT_MODEL = "openai/gpt-4o-mini"  # the provider lists it, but not among its image models
MODERATOR = Actor(user_id=1, guild_id=GUILD_ID, channel_id=100, is_dm=False, manages_guild=True)
MEMBER = Actor(user_id=2, guild_id=GUILD_ID, channel_id=100, is_dm=False)
MESSAGE_MODERATOR = dataclasses.replace(MEMBER, manages_messages=True)
LOG_CHANNEL = 555
CHANNEL = 100
ROLE = 7
MANAGE_SERVER = "Only members with the Manage Server permission can change these settings."


class Provider:
    """The provider's image model list as the settings service loads it; None: it cannot be loaded."""

    def __init__(self, *ids: str) -> None:
        self.models: list[ImageModel] | None = [ImageModel(id=model, name=model) for model in ids]

    async def __call__(self) -> list[ImageModel] | None:
        return None if self.models is None else list(self.models)

    def drop(self, model: str) -> None:
        assert self.models is not None
        self.models = [m for m in self.models if m.id != model]


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """A real store, once on SQLite and once on PostgreSQL."""
    opened = await open_store(database_url)
    yield opened
    await opened.close()


@pytest.fixture
def provider() -> Provider:
    return Provider(GEMINI, GEMINI_PRO, FLUX)


def policy(**settings: Any) -> Policy:
    return Policy(PolicySettings(**{"default_model": GEMINI, **settings}), clock=lambda: NOW)


def service(store: Store, provider: Provider, **operator: Any) -> SettingsService:
    return SettingsService(store.guilds, policy(**operator), provider, clock=lambda: NOW)


async def saved(store: Store, provider: Provider) -> GuildSettings:
    """What the next start of the bot reads: a new service over the same store."""
    return await service(store, provider).get(GUILD_ID)


def refusal_of(caught: pytest.ExceptionInfo[PolicyRefusal]) -> str:
    return caught.value.reason


# --- who may change settings ----------------------------------------------------------------------------

CHANGES: list[Any] = [
    pytest.param(lambda s, a: s.add_model(a, FLUX), id="models add"),
    pytest.param(lambda s, a: s.remove_model(a, GEMINI_PRO), id="models remove"),
    pytest.param(lambda s, a: s.set_default(a, GEMINI_PRO), id="models default"),
    pytest.param(lambda s, a: s.set_age_restricted(a, FLUX, True), id="models age-restricted"),
    pytest.param(lambda s, a: s.set_channel(a, CHANNEL, True), id="channels add"),
    pytest.param(lambda s, a: s.set_channel(a, CHANNEL, False), id="channels remove"),
    pytest.param(lambda s, a: s.set_role(a, ROLE, True), id="roles add"),
    pytest.param(lambda s, a: s.set_role(a, ROLE, False), id="roles remove"),
    pytest.param(lambda s, a: s.set_limits(a, daily=5), id="limits"),
    pytest.param(lambda s, a: s.set_budget(a, Decimal(10)), id="budget"),
    pytest.param(lambda s, a: s.set_log_channel(a, LOG_CHANNEL), id="log-channel"),
    pytest.param(lambda s, a: s.set_spoiler(a, True), id="spoiler"),
]
Change = Callable[[SettingsService, Actor], Awaitable[SettingsChange]]


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("who", [MEMBER, MESSAGE_MODERATOR], ids=["member", "message moderator"])
async def test_only_members_who_manage_the_server_can_change_its_settings(
        store: Store, provider: Provider, change: Change, who: Actor) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, GEMINI)
    await settings.add_model(MODERATOR, GEMINI_PRO)
    before = await saved(store, provider)

    with pytest.raises(PolicyRefusal) as caught:
        await change(settings, who)

    assert refusal_of(caught) == MANAGE_SERVER
    assert await saved(store, provider) == before
    assert await settings.get(GUILD_ID) == before


async def test_settings_cannot_be_changed_from_a_dm(store: Store, provider: Provider) -> None:
    in_dm = Actor(user_id=1, guild_id=None, channel_id=5, is_dm=True, manages_guild=True)

    with pytest.raises(PolicyRefusal) as caught:
        await service(store, provider).set_spoiler(in_dm, True)

    assert refusal_of(caught) == "Settings belong to a server: use /settings in the server."


# --- which models a server may name -----------------------------------------------------------------------


@pytest.mark.parametrize("change", [
    pytest.param(lambda s, a, m: s.add_model(a, m), id="models add"),
    pytest.param(lambda s, a, m: s.set_default(a, m), id="models default"),
    pytest.param(lambda s, a, m: s.set_age_restricted(a, m, True), id="models age-restricted"),
])
@pytest.mark.parametrize(("model", "operator", "reason"), [
    pytest.param("nobody/nothing", {}, "`nobody/nothing` is not an image model the provider lists. Pick one from "
                 "the list.", id="unknown"),
    pytest.param(TEXT_MODEL, {}, f"`{TEXT_MODEL}` is not an image model the provider lists. Pick one from the list.",
                 id="not an image model"),
    pytest.param(FLUX, {"allowed_models": ("google/*",)}, f"`{FLUX}` is not allowed by the bot's operator, so "
                 "servers cannot allow it.", id="forbidden by the operator"),
])
async def test_a_model_the_server_cannot_use_is_refused_with_the_reason(
        store: Store, provider: Provider, change: Callable[..., Awaitable[SettingsChange]], model: str,
        operator: dict[str, Any], reason: str) -> None:
    with pytest.raises(PolicyRefusal) as caught:
        await change(service(store, provider, **operator), MODERATOR, model)

    assert refusal_of(caught) == reason
    assert await saved(store, provider) == GuildSettings(guild_id=GUILD_ID)


async def test_a_model_cannot_be_checked_while_the_providers_list_cannot_be_loaded(
        store: Store, provider: Provider) -> None:
    provider.models = None

    with pytest.raises(PolicyRefusal, match="can't be loaded right now"):
        await service(store, provider).add_model(MODERATOR, FLUX)

    assert await saved(store, provider) == GuildSettings(guild_id=GUILD_ID)


async def test_an_operator_pattern_lets_a_server_add_any_model_it_matches(store: Store, provider: Provider) -> None:
    done = await service(store, provider, allowed_models=("google/*",)).add_model(MODERATOR, f"  {GEMINI_PRO} ")

    assert done.after.allowed_models == {GEMINI_PRO}


# --- each change: before → after, and kept ---------------------------------------------------------------


async def test_adding_models_narrows_the_list_and_reports_it(store: Store, provider: Provider) -> None:
    settings = service(store, provider)

    first = await settings.add_model(MODERATOR, GEMINI)
    second = await settings.add_model(MODERATOR, FLUX)

    assert (first.guild_id, first.moderator_id, first.what) == (GUILD_ID, MODERATOR.user_id, "models add")
    assert first.changes == (("allowed_models", "—", GEMINI),)
    assert second.changes == (("allowed_models", GEMINI, f"{FLUX}, {GEMINI}"),)
    assert (await saved(store, provider)).allowed_models == {GEMINI, FLUX}


async def test_removing_a_model_reports_and_keeps_the_shorter_list(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, GEMINI)
    await settings.add_model(MODERATOR, FLUX)

    done = await settings.remove_model(MODERATOR, FLUX)

    assert done.changes == (("allowed_models", f"{FLUX}, {GEMINI}", GEMINI),)
    assert (await saved(store, provider)).allowed_models == {GEMINI}


async def test_a_model_not_on_the_list_cannot_be_removed(store: Store, provider: Provider) -> None:
    with pytest.raises(PolicyRefusal) as caught:
        await service(store, provider).remove_model(MODERATOR, FLUX)

    assert refusal_of(caught) == f"`{FLUX}` is not on this server's list."


async def test_the_default_model_cannot_be_removed_from_the_list(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, GEMINI)
    await settings.add_model(MODERATOR, FLUX)
    await settings.set_default(MODERATOR, FLUX)

    with pytest.raises(PolicyRefusal) as caught:
        await settings.remove_model(MODERATOR, FLUX)

    assert refusal_of(caught) == f"`{FLUX}` is this server's default model. Choose another default first."
    assert (await saved(store, provider)).allowed_models == {GEMINI, FLUX}


async def test_the_default_model_is_reported_and_kept(store: Store, provider: Provider) -> None:
    done = await service(store, provider).set_default(MODERATOR, FLUX)

    assert (done.what, done.changes) == ("models default", (("default_model", "—", FLUX),))
    assert (await saved(store, provider)).default_model == FLUX


async def test_a_default_outside_the_servers_list_is_refused(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, GEMINI)

    with pytest.raises(PolicyRefusal) as caught:
        await settings.set_default(MODERATOR, FLUX)

    assert refusal_of(caught) == f"`{FLUX}` is not on this server's list of allowed models. Add it first."
    assert (await saved(store, provider)).default_model is None


async def test_age_restriction_is_turned_on_and_off_per_model(store: Store, provider: Provider) -> None:
    settings = service(store, provider)

    on = await settings.set_age_restricted(MODERATOR, FLUX, True)
    assert on.changes == (("age_restricted_models", "—", FLUX),)
    assert (await saved(store, provider)).age_restricted_models == {FLUX}

    off = await settings.set_age_restricted(MODERATOR, FLUX, False)
    assert off.changes == (("age_restricted_models", FLUX, "—"),)
    assert (await saved(store, provider)).age_restricted_models == frozenset()


async def test_channels_and_roles_are_added_and_removed(store: Store, provider: Provider) -> None:
    settings = service(store, provider)

    channel = await settings.set_channel(MODERATOR, CHANNEL, True)
    role = await settings.set_role(MODERATOR, ROLE, True)
    assert (channel.what, channel.changes) == ("channels add", (("channel_ids", "—", str(CHANNEL)),))
    assert (role.what, role.changes) == ("roles add", (("role_ids", "—", str(ROLE)),))
    kept = await saved(store, provider)
    assert (kept.channel_ids, kept.role_ids) == ({CHANNEL}, {ROLE})

    await settings.set_channel(MODERATOR, CHANNEL, False)
    gone = await settings.set_role(MODERATOR, ROLE, False)
    assert (gone.what, gone.changes) == ("roles remove", (("role_ids", str(ROLE), "—"),))
    kept = await saved(store, provider)
    assert (kept.channel_ids, kept.role_ids) == (frozenset(), frozenset())


async def test_limits_change_only_the_ones_given(store: Store, provider: Provider) -> None:
    settings = service(store, provider, max_jobs_per_user=3)

    first = await settings.set_limits(MODERATOR, daily=5, cooldown=30, concurrent=2)
    second = await settings.set_limits(MODERATOR, max_count=2, max_size="2K")

    assert first.changes == (("daily_limit", "—", "5"), ("cooldown_seconds", "0", "30"),
                             ("max_concurrent", "—", "2"))
    assert second.changes == (("max_count", "—", "2"), ("max_size", "—", "2K"))
    kept = await saved(store, provider)
    assert (kept.daily_limit, kept.cooldown_seconds, kept.max_concurrent, kept.max_count, kept.max_size) == (
        5, 30, 2, 2, "2K")


async def test_a_daily_limit_of_zero_is_kept_as_no_limit(store: Store, provider: Provider) -> None:
    done = await service(store, provider).set_limits(MODERATOR, daily=0)

    assert done.changes == (("daily_limit", "—", "0"),)
    assert (await saved(store, provider)).daily_limit == 0
    assert (await service(store, provider).effective(GUILD_ID)).daily_limit is None


@pytest.mark.parametrize(("limits", "reason"), [
    pytest.param({}, "Give at least one of daily, cooldown, concurrent, max_count or max_size.", id="nothing"),
    pytest.param({"daily": -1}, "daily must be between 0 and 10000.", id="negative daily"),
    pytest.param({"cooldown": 86_401}, "cooldown must be between 0 and 86400.", id="cooldown over a day"),
    pytest.param({"concurrent": 3}, "concurrent must be between 1 and 2.", id="more than the operator allows"),
    pytest.param({"max_count": 5}, "max_count must be between 1 and 4.", id="more images than the operator"),
    pytest.param({"max_size": "8K"}, "max_size must be one of 1K, 2K, 4K.", id="unknown size"),
])
async def test_limits_outside_their_range_are_refused_and_nothing_changes(
        store: Store, provider: Provider, limits: dict[str, Any], reason: str) -> None:
    settings = service(store, provider)
    await settings.set_limits(MODERATOR, daily=5)

    with pytest.raises(PolicyRefusal) as caught:
        await settings.set_limits(MODERATOR, **limits)

    assert refusal_of(caught) == reason
    assert (await saved(store, provider)).daily_limit == 5


async def test_a_limit_out_of_range_names_the_option_as_the_moderators_discord_shows_it(
        store: Store, provider: Provider) -> None:
    with pytest.raises(PolicyRefusal) as caught:
        await service(store, provider).set_limits(MODERATOR, daily=-1)

    japanese = Speaker.for_locale("ja")
    option = japanese(Message("daily", context="option name"))  # what a Japanese moderator typed it as
    assert option != "daily"
    assert japanese(caught.value.message).startswith(option)


async def test_a_budget_is_kept_in_cents_and_zero_means_none(store: Store, provider: Provider) -> None:
    settings = service(store, provider)

    set_ = await settings.set_budget(MODERATOR, Decimal("12.5"))
    assert set_.changes == (("monthly_budget_usd", "—", "12.50"),)
    assert (await saved(store, provider)).monthly_budget_usd == Decimal("12.50")

    cleared = await settings.set_budget(MODERATOR, Decimal(0))
    assert cleared.changes == (("monthly_budget_usd", "12.50", "—"),)
    assert (await saved(store, provider)).monthly_budget_usd is None


@pytest.mark.parametrize("amount", [Decimal(-1), Decimal("1000000.01"), Decimal("NaN"), Decimal("Infinity")])
async def test_a_budget_outside_its_range_is_refused(store: Store, provider: Provider, amount: Decimal) -> None:
    with pytest.raises(PolicyRefusal, match="between 0 and 1,000,000"):
        await service(store, provider).set_budget(MODERATOR, amount)

    assert (await saved(store, provider)).monthly_budget_usd is None


async def test_the_log_channel_is_set_and_cleared(store: Store, provider: Provider) -> None:
    settings = service(store, provider)

    on = await settings.set_log_channel(MODERATOR, LOG_CHANNEL)
    assert on.changes == (("log_channel_id", "—", str(LOG_CHANNEL)),)
    assert (await saved(store, provider)).log_channel_id == LOG_CHANNEL

    off = await settings.set_log_channel(MODERATOR, None)
    assert off.changes == (("log_channel_id", str(LOG_CHANNEL), "—"),)
    assert (await saved(store, provider)).log_channel_id is None


async def test_spoilers_are_turned_on_and_off(store: Store, provider: Provider) -> None:
    settings = service(store, provider)

    on = await settings.set_spoiler(MODERATOR, True)
    assert on.changes == (("spoiler", "off", "on"),)
    assert (await saved(store, provider)).spoiler is True

    off = await settings.set_spoiler(MODERATOR, False)
    assert off.changes == (("spoiler", "on", "off"),)
    assert (await saved(store, provider)).spoiler is False


async def test_the_language_of_public_messages_is_set_and_cleared(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    moderator = dataclasses.replace(MODERATOR, locale="de", guild_locale="fr")

    chosen = await settings.set_language(moderator, "ja")
    assert chosen.changes == (("language", "—", "ja"),)
    assert chosen.what == "language"
    assert (await saved(store, provider)).language == "ja"
    assert chosen.public_language == "ja"  # its audit line is written in it

    cleared = await settings.set_language(moderator, None)
    assert cleared.changes == (("language", "ja", "—"),)
    assert (await saved(store, provider)).language is None
    assert cleared.guild_locale == "fr"
    assert cleared.public_language == "fr"  # back to the server's language as Discord reports it


async def test_without_a_language_or_a_server_locale_public_messages_are_english(
        store: Store, provider: Provider) -> None:
    cleared = await service(store, provider).set_language(MODERATOR, None)
    assert cleared.changes == ()
    assert cleared.public_language == "en-US"


@pytest.mark.parametrize("language", ["it", "en-GB", "JA", "", "`@everyone`"])
async def test_a_language_the_bot_does_not_speak_is_refused(store: Store, provider: Provider, language: str) -> None:
    settings = service(store, provider)
    await settings.set_language(MODERATOR, "de")

    with pytest.raises(PolicyRefusal) as caught:
        await settings.set_language(MODERATOR, language)

    assert refusal_of(caught).endswith("is not a language this bot speaks. Pick one from the list.")
    assert refusal_of(caught).count("`") == 2  # what was typed sits in one code span it cannot break
    assert caught.value.message.text == "{language} is not a language this bot speaks. Pick one from the list."
    assert (await saved(store, provider)).language == "de"


async def test_only_moderators_choose_the_language(store: Store, provider: Provider) -> None:
    with pytest.raises(PolicyRefusal) as caught:
        await service(store, provider).set_language(MEMBER, "ja")
    assert refusal_of(caught) == MANAGE_SERVER
    assert (await saved(store, provider)).language is None


async def test_a_change_that_changes_nothing_reports_no_lines(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.set_spoiler(MODERATOR, True)

    again = await settings.set_spoiler(MODERATOR, True)

    assert again.changes == ()
    assert again.before == again.after


async def test_every_change_is_kept_together_across_a_restart(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, GEMINI)
    await settings.add_model(MODERATOR, FLUX)
    await settings.set_default(MODERATOR, FLUX)
    await settings.set_age_restricted(MODERATOR, FLUX, True)
    await settings.set_channel(MODERATOR, CHANNEL, True)
    await settings.set_role(MODERATOR, ROLE, True)
    await settings.set_limits(MODERATOR, daily=5, cooldown=30)
    await settings.set_budget(MODERATOR, Decimal(20))
    await settings.set_log_channel(MODERATOR, LOG_CHANNEL)
    last = await settings.set_spoiler(MODERATOR, True)

    assert await saved(store, provider) == GuildSettings(
        guild_id=GUILD_ID, allowed_models=frozenset({GEMINI, FLUX}), age_restricted_models=frozenset({FLUX}),
        default_model=FLUX, channel_ids=frozenset({CHANNEL}), role_ids=frozenset({ROLE}), daily_limit=5,
        cooldown_seconds=30, monthly_budget_usd=Decimal("20.00"), log_channel_id=LOG_CHANNEL, spoiler=True)
    assert last.after == await saved(store, provider)
    assert (await saved(store, provider)).updated_at == NOW


# --- what applies -----------------------------------------------------------------------------------------


async def test_a_server_that_chose_nothing_inherits_everything_from_the_operator(
        store: Store, provider: Provider) -> None:
    settings = service(store, provider, default_daily_limit=15, max_jobs_per_user=3, max_count=4)

    effective = await settings.effective(GUILD_ID)

    assert effective.inherited == {"allowed_models", "default_model", "daily_limit", "max_concurrent", "max_count",
                                   "max_size"}
    assert (effective.allowed_models, effective.default_model) == (("*",), GEMINI)
    assert (effective.daily_limit, effective.max_concurrent, effective.max_count, effective.max_size) == (
        15, 3, 4, "4K")
    assert (effective.cooldown_seconds, effective.monthly_budget_usd) == (0, None)
    assert effective.unknown_models == frozenset()


async def test_the_operators_patterns_are_what_a_server_without_a_list_allows(
        store: Store, provider: Provider) -> None:
    effective = await service(store, provider, allowed_models=("google/*",)).effective(GUILD_ID)

    assert effective.allowed_models == ("google/*",)
    assert "allowed_models" in effective.inherited


async def test_the_servers_own_values_are_not_marked_inherited(store: Store, provider: Provider) -> None:
    settings = service(store, provider, max_jobs_per_user=3)
    await settings.add_model(MODERATOR, GEMINI)
    await settings.add_model(MODERATOR, FLUX)
    await settings.set_default(MODERATOR, FLUX)
    await settings.set_limits(MODERATOR, daily=5, cooldown=30, concurrent=1, max_count=2, max_size="1K")
    await settings.set_budget(MODERATOR, Decimal(20))

    effective = await settings.effective(GUILD_ID)

    assert effective.inherited == frozenset()
    assert (effective.allowed_models, effective.default_model) == ((FLUX, GEMINI), FLUX)
    assert (effective.daily_limit, effective.cooldown_seconds, effective.max_concurrent, effective.max_count,
            effective.max_size, effective.monthly_budget_usd) == (5, 30, 1, 2, "1K", Decimal("20.00"))


async def test_models_the_provider_no_longer_lists_are_flagged(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, GEMINI)
    await settings.add_model(MODERATOR, FLUX)
    await settings.add_model(MODERATOR, GEMINI_PRO)
    await settings.set_default(MODERATOR, GEMINI_PRO)

    provider.drop(FLUX)
    provider.drop(GEMINI_PRO)

    assert (await settings.effective(GUILD_ID)).unknown_models == {FLUX, GEMINI_PRO}


async def test_the_operators_default_a_server_inherits_is_flagged_once_the_provider_no_longer_lists_it(
        store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    assert (await settings.effective(GUILD_ID)).unknown_models == frozenset()

    provider.drop(GEMINI)

    effective = await settings.effective(GUILD_ID)
    assert (effective.default_model, effective.unknown_models) == (GEMINI, {GEMINI})


async def test_every_servers_default_and_allowed_models_are_listed_for_the_check(
        store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, FLUX)
    await settings.set_default(MODERATOR, FLUX)

    assert await settings.configured_models() == [
        GuildModels(guild_id=GUILD_ID, default_model=FLUX, allowed_models=frozenset({FLUX}))]


async def test_nothing_is_flagged_while_the_providers_list_cannot_be_loaded(store: Store, provider: Provider) -> None:
    settings = service(store, provider)
    await settings.add_model(MODERATOR, FLUX)

    provider.models = None

    assert (await settings.effective(GUILD_ID)).unknown_models == frozenset()


# --- several bot processes on one database ----------------------------------------------------------------

async def test_a_change_made_through_another_process_is_seen_at_once_and_not_overwritten(
        store: Store, provider: Provider) -> None:
    clocks = iter(NOW + n for n in range(100))
    this = SettingsService(store.guilds, policy(), provider, clock=lambda: next(clocks))
    other = SettingsService(store.guilds, policy(), provider, clock=lambda: next(clocks))
    await this.set_limits(MODERATOR, daily=5)
    assert (await other.get(GUILD_ID)).daily_limit == 5  # `other` caches this copy now

    await this.set_spoiler(MODERATOR, True)  # the other process's cache is now out of date
    await this.set_role(MODERATOR, ROLE, True)

    seen = await other.get(GUILD_ID)
    assert (seen.daily_limit, seen.spoiler, seen.role_ids) == (5, True, frozenset({ROLE}))
    await other.set_limits(MODERATOR, daily=9)  # builds on what `this` saved instead of its old copy
    final = await saved(store, provider)
    assert (final.daily_limit, final.spoiler, final.role_ids) == (9, True, frozenset({ROLE}))


async def test_two_moderators_changing_different_lists_at_once_both_land(store: Store, provider: Provider) -> None:
    this = SettingsService(store.guilds, policy(), provider, clock=lambda: NOW)
    other = SettingsService(store.guilds, policy(), provider, clock=lambda: NOW)
    await this.set_role(MODERATOR, ROLE, True)
    await other.get(GUILD_ID)  # both processes hold a copy from before the changes

    await asyncio.gather(this.add_word(MODERATOR, "badword"), other.set_channel(MODERATOR, 555, True),
                         this.block_member(MODERATOR, 777, "spam"), other.add_word(MODERATOR, "worse"))

    final = await saved(store, provider)
    assert final.blocked_words == frozenset({"badword", "worse"})
    assert final.channel_ids == frozenset({555})
    assert [member.user_id for member in final.blocked_members] == [777]
    assert final.role_ids == frozenset({ROLE})
