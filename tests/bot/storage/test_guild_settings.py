"""`GuildSettingsRepository`: defaults, a whole-settings round trip (styles and the describe model included), atomic
replacement and read-change-write, style names unique whatever their case, persistence."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from bot.records.guild import BlockedMember, GuildModels, GuildSettings, Style
from bot.storage import SqlStore, open_store
from tests.bot.storage.factories import INTEGRITY_ERRORS

GUILD = 2002

EVERYTHING = GuildSettings(
    guild_id=GUILD,
    allowed_models=frozenset({"google/gemini-2.5-flash-image-preview", "openai/gpt-image-1"}),
    age_restricted_models=frozenset({"openai/gpt-image-1", "black-forest-labs/flux-1.1-pro"}),
    default_model="google/gemini-2.5-flash-image-preview",
    channel_ids=frozenset({3003, 1_234_567_890_123_456_789}),
    role_ids=frozenset({4004}),
    daily_limit=12,
    cooldown_seconds=30,
    max_concurrent=2,
    max_count=3,
    max_size="2K",
    monthly_budget_usd=Decimal("12.3450"),
    log_channel_id=5005,
    spoiler=True,
    blocked_words=frozenset({"forbidden", "bad word", "prefix*"}),
    blocked_members=(BlockedMember(user_id=7007, reason="spam", blocked_by=8008, blocked_at=123.5),
                     BlockedMember(user_id=9_999_999_999_999_999, reason="", blocked_by=8008, blocked_at=124.0)),
    styles=(Style(name="noir", text="film noir, high contrast, 1940s"),  # sorted as names compare (folded)
            Style(name="Ukiyo-e 浮世絵", text="woodblock print, flat colours"),
            Style(name="Ärger im Aquarell", text="watercolour, wet on wet, soft light")),
    describe_model="google/gemini-2.5-flash",
)


async def _rows(store: SqlStore, table: str) -> int:
    rows = list(await store.database.fetch(f"SELECT COUNT(*) FROM {table}"))
    return int(rows[0][0])


async def test_a_server_that_never_saved_settings_gets_the_defaults(store: SqlStore) -> None:
    settings = await store.guilds.get(GUILD)

    assert settings == GuildSettings(guild_id=GUILD)
    assert settings.updated_at is None


async def test_saved_settings_read_back_whole_with_their_time(store: SqlStore) -> None:
    saved = await store.guilds.save(EVERYTHING, now=1_700_000_000.5)
    read = await store.guilds.get(GUILD)

    assert saved == read == EVERYTHING
    assert saved.updated_at == read.updated_at == 1_700_000_000.5
    assert str(read.monthly_budget_usd) == "12.3450"  # exact text, not a float round-trip
    assert read.spoiler is True


async def test_saving_replaces_every_setting_and_set(store: SqlStore) -> None:
    await store.guilds.save(EVERYTHING, now=1.0)
    narrower = GuildSettings(guild_id=GUILD, allowed_models=frozenset({"openai/gpt-image-1"}),
                             channel_ids=frozenset({3003}))

    await store.guilds.save(narrower, now=2.0)
    read = await store.guilds.get(GUILD)

    assert read == narrower
    assert read.updated_at == 2.0
    assert (await _rows(store, "guild_models"), await _rows(store, "guild_channels"),
            await _rows(store, "guild_roles")) == (1, 1, 0)


async def test_a_model_can_be_age_restricted_without_being_in_the_allowed_set(store: SqlStore) -> None:
    only_restricted = GuildSettings(guild_id=GUILD, age_restricted_models=frozenset({"some/model"}))

    await store.guilds.save(only_restricted, now=1.0)

    read = await store.guilds.get(GUILD)
    assert (read.allowed_models, read.age_restricted_models) == (frozenset(), frozenset({"some/model"}))


async def test_each_server_keeps_its_own_settings(store: SqlStore) -> None:
    await store.guilds.save(EVERYTHING, now=1.0)
    other = GuildSettings(guild_id=9009, role_ids=frozenset({1}), spoiler=False)

    await store.guilds.save(other, now=2.0)

    assert await store.guilds.get(GUILD) == EVERYTHING
    assert await store.guilds.get(9009) == other


async def test_the_models_every_server_named_are_listed_by_server(store: SqlStore) -> None:
    await store.guilds.save(EVERYTHING, now=1.0)
    await store.guilds.save(GuildSettings(guild_id=1001, default_model="openai/gpt-5-image-mini"), now=1.0)
    await store.guilds.save(GuildSettings(guild_id=3003, allowed_models=frozenset({"emu/png"})), now=1.0)
    await store.guilds.save(GuildSettings(guild_id=4004, age_restricted_models=frozenset({"emu/png"}),
                                          daily_limit=3), now=1.0)  # names no default and allows nothing

    assert await store.guilds.configured_models() == [
        GuildModels(guild_id=1001, default_model="openai/gpt-5-image-mini"),
        GuildModels(guild_id=GUILD, default_model="google/gemini-2.5-flash-image-preview",
                    allowed_models=EVERYTHING.allowed_models),
        GuildModels(guild_id=3003, allowed_models=frozenset({"emu/png"})),
    ]


async def test_concurrent_saves_leave_one_of_them_whole_never_a_mix(store: SqlStore) -> None:
    variants = [EVERYTHING.replace(role_ids=frozenset({n}), channel_ids=frozenset({n, n + 1}),
                                   allowed_models=frozenset({f"m/{n}"}), daily_limit=n) for n in range(10)]

    await asyncio.gather(*(store.guilds.save(variant, now=float(n)) for n, variant in enumerate(variants)))

    assert await store.guilds.get(GUILD) in variants
    assert (await _rows(store, "guild_models"), await _rows(store, "guild_channels")) == (3, 2)


async def test_a_budget_that_is_not_an_exact_decimal_is_refused_and_nothing_is_saved(store: SqlStore) -> None:
    with pytest.raises(ValueError, match="Decimal"):
        await store.guilds.save(EVERYTHING.replace(monthly_budget_usd=12.5), now=1.0)

    assert await store.guilds.get(GUILD) == GuildSettings(guild_id=GUILD)


async def test_settings_survive_closing_and_reopening_the_store(database_url: str) -> None:
    async with await open_store(database_url) as store:
        await store.guilds.save(EVERYTHING, now=7.0)

    async with await open_store(database_url) as store:
        read = await store.guilds.get(GUILD)

    assert read == EVERYTHING
    assert read.updated_at == 7.0


# --- styles ---------------------------------------------------------------------------------------------

async def test_styles_read_back_sorted_by_name_whatever_the_case_with_their_text_exactly(store: SqlStore) -> None:
    styles = (Style(name="zebra", text="stripes"), Style(name="Apple", text="red, shiny"),
              Style(name="banana", text="yellow `code` <@1> **bold**"))

    await store.guilds.save(GuildSettings(guild_id=GUILD, styles=styles), now=1.0)

    assert (await store.guilds.get(GUILD)).styles == (styles[1], styles[2], styles[0])


async def test_two_styles_whose_names_differ_only_in_case_are_refused_and_nothing_changes(store: SqlStore) -> None:
    await store.guilds.save(EVERYTHING, now=1.0)
    twins = EVERYTHING.replace(styles=(Style(name="Noir", text="a"), Style(name="NOIR", text="b")), daily_limit=99)

    with pytest.raises(INTEGRITY_ERRORS):
        await store.guilds.save(twins, now=2.0)

    assert await store.guilds.get(GUILD) == EVERYTHING


async def test_a_style_taken_off_is_gone_and_another_server_keeps_its_own(store: SqlStore) -> None:
    await store.guilds.save(EVERYTHING, now=1.0)
    other = GuildSettings(guild_id=9009, styles=(Style(name="noir", text="the other server's noir"),))
    await store.guilds.save(other, now=1.0)

    await store.guilds.save(EVERYTHING.replace(styles=EVERYTHING.styles[:1], describe_model=None), now=2.0)

    read = await store.guilds.get(GUILD)
    assert (read.styles, read.describe_model) == (EVERYTHING.styles[:1], None)
    assert await store.guilds.get(9009) == other


async def test_styles_added_by_concurrent_updates_all_land(store: SqlStore) -> None:
    """Each update reads the settings as stored and adds its style: none overwrites another's."""
    def adding(n: int):
        return lambda s: s.replace(styles=tuple(sorted((*s.styles, Style(name=f"style {n:02d}", text=f"text {n}")),
                                                       key=lambda style: style.key)))

    await asyncio.gather(*(store.guilds.update(GUILD, adding(n), now=float(n)) for n in range(10)))

    assert [s.name for s in (await store.guilds.get(GUILD)).styles] == [f"style {n:02d}" for n in range(10)]
