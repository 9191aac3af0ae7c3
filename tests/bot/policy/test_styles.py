"""A server's styles and its describe model through `SettingsService`, over a real store (SQLite and PostgreSQL):
who may change them, what is refused and why, and what a member gets where they are (`styles_for`, `style`,
`describe_model_for`) — the server's own, then the operator's."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.policy.settings import SettingsService
from bot.records.guild import Style
from bot.storage import Store, open_store

NOW = 1_800_000_000.0
GUILD_ID = 10
MODERATOR = Actor(user_id=1, guild_id=GUILD_ID, channel_id=100, is_dm=False, manages_guild=True)
MEMBER = Actor(user_id=2, guild_id=GUILD_ID, channel_id=100, is_dm=False)
IN_DM = Actor(user_id=2, guild_id=None, channel_id=5, is_dm=True)
ELSEWHERE = dataclasses.replace(MEMBER, guild_id=GUILD_ID + 1)
MANAGE_SERVER = "Only members with the Manage Server permission can change these settings."
OPERATOR_STYLES = (Style(name="Noir", text="film noir, high contrast"), Style(name="Pastel", text="soft pastel"))
DESCRIBERS = ("google/gemini-2.5-flash", "openai/gpt-4o-mini")


async def no_models() -> list[ImageModel]:
    return []


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = await open_store(database_url)
    yield opened
    await opened.close()


def service(store: Store, *, blocked: tuple[str, ...] = (), styles: tuple[Style, ...] = OPERATOR_STYLES,
            describe_models: tuple[str, ...] = DESCRIBERS) -> SettingsService:
    policy = Policy(PolicySettings(blocked_words=blocked), clock=lambda: NOW)
    return SettingsService(store.guilds, policy, no_models, styles=styles, describe_models=describe_models,
                           clock=lambda: NOW)


async def refused(call: Any) -> str:
    with pytest.raises(PolicyRefusal) as caught:
        await call
    return caught.value.reason


async def stored_styles(store: Store) -> list[Style]:
    """What the next start of the bot reads."""
    return list((await store.guilds.get(GUILD_ID)).styles)


# --- adding and removing -----------------------------------------------------------------------------------

async def test_a_moderator_adds_a_style_kept_on_one_line_and_saved_for_the_next_start(store: Store) -> None:
    change = await service(store).add_style(MODERATOR, "  Ink   wash ", "sumi-e,\n  black ink,   rice paper")

    assert change.after.styles == (Style(name="Ink wash", text="sumi-e, black ink, rice paper"),)
    assert [name for name, _, _ in change.changes] == ["styles"]
    assert await stored_styles(store) == [Style(name="Ink wash", text="sumi-e, black ink, rice paper")]


@pytest.mark.parametrize("call", [
    pytest.param(lambda s, a: s.add_style(a, "Ink", "sumi-e"), id="styles add"),
    pytest.param(lambda s, a: s.remove_style(a, "Ink"), id="styles remove"),
    pytest.param(lambda s, a: s.styles(a), id="styles list"),
    pytest.param(lambda s, a: s.set_describe_model(a, DESCRIBERS[1]), id="describe-model"),
])
async def test_only_members_who_manage_the_server_can_see_or_change_styles_and_the_describe_model(
        store: Store, call: Any) -> None:
    settings = service(store)
    await settings.add_style(MODERATOR, "Ink", "sumi-e")

    assert await refused(call(settings, MEMBER)) == MANAGE_SERVER
    assert await refused(call(settings, dataclasses.replace(MEMBER, manages_messages=True))) == MANAGE_SERVER
    assert await stored_styles(store) == [Style(name="Ink", text="sumi-e")]
    assert (await store.guilds.get(GUILD_ID)).describe_model is None


async def test_a_name_taken_in_any_case_or_unicode_form_is_refused_and_the_first_style_kept(store: Store) -> None:
    settings = service(store)
    await settings.add_style(MODERATOR, "Noir", "film noir")

    for twin in ("NOIR", "noir", "ｎｏｉｒ"):
        assert await refused(settings.add_style(MODERATOR, twin, "other")) == (
            "This server already has a style named `Noir`. Remove it first, or pick another name.")

    assert await stored_styles(store) == [Style(name="Noir", text="film noir")]


async def test_a_server_keeps_at_most_25_styles(store: Store) -> None:
    settings = service(store)
    for n in range(25):
        await settings.add_style(MODERATOR, f"style {n:02d}", f"text {n}")

    assert await refused(settings.add_style(MODERATOR, "one more", "text")) == (
        "A server can have at most 25 styles. Remove one first.")
    assert len(await stored_styles(store)) == 25


@pytest.mark.parametrize(("name", "text", "reason"), [
    pytest.param("", "soft", "Give the style a name.", id="no name"),
    pytest.param("x" * 101, "soft", "A style's name has at most 100 characters; this one has 101.", id="long name"),
    pytest.param("a`b", "soft", "A style's name cannot contain backticks or invisible characters.", id="backtick"),
    pytest.param("in\u200bvisible", "soft", "A style's name cannot contain backticks or invisible characters.",
                 id="zero-width space in the name"),
    pytest.param("Soft", "  \n ", "Give the style's text: what it adds to a prompt, e.g. `watercolour, soft light`.",
                 id="no text"),
    pytest.param("Soft", "x" * 301, "A style's text has at most 300 characters; this one has 301.", id="long text"),
])
async def test_a_name_or_text_that_cannot_be_used_is_refused_with_what_is_wrong(
        store: Store, name: str, text: str, reason: str) -> None:
    assert await refused(service(store).add_style(MODERATOR, name, text)) == reason
    assert await stored_styles(store) == []


async def test_a_style_with_a_term_blocked_on_the_server_is_refused_naming_the_term(store: Store) -> None:
    settings = service(store)
    await settings.add_word(MODERATOR, "gore")

    for text in ("dark, gore, moody", "dark, G-O-R-E", "dark, ｇｏｒｅ"):  # disguised as members would
        assert await refused(settings.add_style(MODERATOR, "Dark", text)) == (
            "The style's text contains `gore`, which is blocked on this server. Take it out, or unblock it with "
            "/settings words remove.")
    assert await refused(settings.add_style(MODERATOR, "Gore deluxe", "dark")) == (
        "The style's name contains `gore`, which is blocked on this server. Take it out, or unblock it with "
        "/settings words remove.")
    assert await stored_styles(store) == []


async def test_a_style_with_an_operator_blocked_term_is_refused_without_naming_it(store: Store) -> None:
    reason = await refused(service(store, blocked=("secretterm",)).add_style(MODERATOR, "Dark", "a secretterm look"))

    assert reason == "The style's text contains a term the bot's operator blocked. Take it out."
    assert await stored_styles(store) == []


async def test_a_style_is_removed_by_its_name_in_any_case_and_an_unknown_name_is_refused(store: Store) -> None:
    settings = service(store)
    await settings.add_style(MODERATOR, "Noir", "film noir")
    await settings.add_style(MODERATOR, "Ink", "sumi-e")

    change = await settings.remove_style(MODERATOR, " noir ")

    assert change.after.styles == (Style(name="Ink", text="sumi-e"),)
    assert await stored_styles(store) == [Style(name="Ink", text="sumi-e")]
    assert await refused(settings.remove_style(MODERATOR, "Noir")) == (
        "This server has no style of that name (/settings styles list shows them).")


async def test_two_moderators_adding_styles_through_two_processes_at_once_both_land(store: Store) -> None:
    this, other = service(store), service(store)
    await asyncio.gather(*(this.add_style(MODERATOR, f"this {n}", "a") for n in range(3)),
                         *(other.add_style(MODERATOR, f"other {n}", "b") for n in range(3)))

    assert [s.name for s in await stored_styles(store)] == [
        "other 0", "other 1", "other 2", "this 0", "this 1", "this 2"]


async def test_two_moderators_adding_one_name_at_once_keep_one_and_the_other_is_told(store: Store) -> None:
    results = await asyncio.gather(service(store).add_style(MODERATOR, "Noir", "first"),
                                   service(store).add_style(MODERATOR, "NOIR", "second"), return_exceptions=True)

    assert sum(isinstance(result, PolicyRefusal) for result in results) == 1
    assert len(await stored_styles(store)) == 1


# --- what a member gets where they are ---------------------------------------------------------------------

async def test_a_member_gets_the_servers_styles_then_the_operators_not_shadowed(store: Store) -> None:
    settings = service(store)
    await settings.add_style(MODERATOR, "noir", "the server's noir")
    await settings.add_style(MODERATOR, "Ink", "sumi-e")

    assert await settings.styles_for(MEMBER) == [Style(name="Ink", text="sumi-e"),
                                                 Style(name="noir", text="the server's noir"),
                                                 Style(name="Pastel", text="soft pastel")]
    assert await settings.style(MEMBER, "NOIR") == Style(name="noir", text="the server's noir")
    assert await settings.style(MEMBER, "pastel") == Style(name="Pastel", text="soft pastel")
    assert await settings.style(MEMBER, "nothing") is None


@pytest.mark.parametrize("where", [IN_DM, ELSEWHERE], ids=["in a DM", "on another server"])
async def test_a_servers_styles_stay_on_that_server(store: Store, where: Actor) -> None:
    settings = service(store)
    await settings.add_style(MODERATOR, "Ink", "sumi-e")
    await settings.add_style(MODERATOR, "Noir", "the server's noir")

    assert await settings.styles_for(where) == list(OPERATOR_STYLES)
    assert await settings.style(where, "ink") is None
    assert await settings.style(where, "noir") == OPERATOR_STYLES[0]


async def test_a_style_holding_a_term_blocked_since_is_no_longer_offered(store: Store) -> None:
    settings = service(store)
    await settings.add_style(MODERATOR, "Moody", "dark, gritty")
    await settings.add_word(MODERATOR, "gritty")
    await settings.add_word(MODERATOR, "pastel")  # blocks the operator's Pastel here, not elsewhere

    assert await settings.styles_for(MEMBER) == [OPERATOR_STYLES[0]]
    assert await settings.style(MEMBER, "moody") == Style(name="Moody", text="dark, gritty")  # refused by policy
    listing = await settings.styles(MODERATOR)
    assert listing.refused == {"moody", "pastel"}
    assert await settings.styles_for(ELSEWHERE) == list(OPERATOR_STYLES)


# --- the describe model -------------------------------------------------------------------------------------

async def test_the_describe_model_is_the_servers_choice_else_the_operators_first(store: Store) -> None:
    settings = service(store)
    assert await settings.describe_model_for(MEMBER) == DESCRIBERS[0]

    change = await settings.set_describe_model(MODERATOR, f" {DESCRIBERS[1]} ")

    assert change.after.describe_model == DESCRIBERS[1]
    assert await settings.describe_model_for(MEMBER) == DESCRIBERS[1]
    assert await service(store).describe_model_for(MEMBER) == DESCRIBERS[1]  # kept for the next start
    assert await settings.describe_model_for(IN_DM) == DESCRIBERS[0]
    assert await settings.describe_model_for(ELSEWHERE) == DESCRIBERS[0]
    await settings.set_describe_model(MODERATOR, None)
    assert await settings.describe_model_for(MEMBER) == DESCRIBERS[0]


async def test_a_model_the_operator_does_not_offer_is_refused_and_nothing_changes(store: Store) -> None:
    settings = service(store)

    assert await refused(settings.set_describe_model(MODERATOR, "some/other-model")) == (
        "`some/other-model` is not one of the models this bot describes images with. Pick one from the list.")
    assert await refused(service(store, describe_models=()).set_describe_model(MODERATOR, DESCRIBERS[0])) == (
        "This bot has no models to describe images with: its operator has not set DESCRIBE_MODELS.")
    assert (await store.guilds.get(GUILD_ID)).describe_model is None


async def test_a_choice_the_operator_stopped_offering_falls_back_to_the_operators_first(store: Store) -> None:
    await service(store).set_describe_model(MODERATOR, DESCRIBERS[1])

    narrowed = service(store, describe_models=(DESCRIBERS[0],))

    assert await narrowed.describe_model_for(MEMBER) == DESCRIBERS[0]
    effective = await narrowed.effective(GUILD_ID)
    assert (effective.describe_model, effective.settings.describe_model) == (DESCRIBERS[0], DESCRIBERS[1])
    assert "describe_model" in effective.inherited
    assert await service(store, describe_models=()).describe_model_for(MEMBER) is None


async def test_show_has_the_describe_model_and_the_operators_styles_not_shadowed(store: Store) -> None:
    settings = service(store)
    await settings.add_style(MODERATOR, "NOIR", "the server's noir")
    await settings.set_describe_model(MODERATOR, DESCRIBERS[1])

    effective = await settings.effective(GUILD_ID)

    assert effective.describe_model == DESCRIBERS[1]
    assert "describe_model" not in effective.inherited
    assert effective.operator_styles == (OPERATOR_STYLES[1],)
