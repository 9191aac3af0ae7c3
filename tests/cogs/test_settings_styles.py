"""/settings styles and /settings describe-model at unit level: what the moderator is told and what reaches the
audit channel (member text inert), the listing split within Discord's limits, the suggestions (moderators only),
and how /settings show reads them. The settings service is the real one over an in-memory repository."""

from __future__ import annotations

import re

import discord

from bot.policy.settings import Effective
from bot.policy.styles import StyleListing
from bot.records.guild import GuildSettings, Style
from cogs.settings.render import describe_model_text, styles_pages, styles_summary
from tests.cogs.test_settings_commands import (
    GUILD,
    LOG_CHANNEL,
    MEMBER,
    MODERATOR,
    audit_channel,
    interaction,
    make_cog,
    run,
    said,
    stored,
)
from tests.cogs.test_settings_render import effective

NOIR = Style(name="Noir", text="film noir, high contrast")
DEFAULTS = (Style(name="noir", text="the operator's noir"), Style(name="Pastel", text="soft pastel"))
DESCRIBERS = ("vision/one", "vision/two")
HOSTILE_TEXT = "`@everyone` <@1> **bold** [link](https://evil.example)"


def member() -> object:
    """An interaction of a member without any permission."""
    return interaction(permissions=discord.Permissions.none(), user_id=MEMBER)


def outside_code_spans(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


# --- /settings styles add, remove --------------------------------------------------------------------------

async def test_adding_a_style_is_confirmed_in_one_sentence_and_logged_with_who_added_it():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    it = interaction()

    await run(cog, "styles add", it, name="Noir", text="film noir,\n high contrast")

    assert said(it) == "✅ Added the style `Noir`: `film noir, high contrast` (1 style in all)."
    assert (await stored(cog)).styles == (NOIR,)
    assert audit_channel(cog).send.await_args.args[0] == (
        f"⚙️ <@{MODERATOR}> used **/settings styles add**: Added the style `Noir`: `film noir, high contrast` "
        "(1 style in all).")


async def test_a_styles_text_is_shown_inert_in_the_confirmation_and_the_audit_line():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    it = interaction()

    await run(cog, "styles add", it, name="Loud", text=HOSTILE_TEXT)

    for text in (said(it), audit_channel(cog).send.await_args.args[0]):
        assert "`ˋ@everyoneˋ <@1> **bold** [link](https://evil.example)`" in text  # one code span, unbroken
        assert "@everyone" not in outside_code_spans(text)
        assert "evil" not in outside_code_spans(text)
    assert audit_channel(cog).send.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}


async def test_a_style_with_a_blocked_term_is_refused_privately_and_not_saved():
    cog = make_cog(GuildSettings(guild_id=GUILD, blocked_words=frozenset({"gore"}), log_channel_id=LOG_CHANNEL))
    it = interaction()

    await run(cog, "styles add", it, name="Dark", text="moody, g o r e")

    assert said(it) == ("🚫 The style's text contains `gore`, which is blocked on this server. Take it out, or "
                        "unblock it with /settings words remove.")
    assert (await stored(cog)).styles == ()
    audit_channel(cog).send.assert_not_awaited()


async def test_removing_a_style_says_what_it_added_and_how_many_are_left():
    cog = make_cog(GuildSettings(guild_id=GUILD, styles=(Style(name="Ink", text="sumi-e"), NOIR)))
    it = interaction()

    await run(cog, "styles remove", it, name="noir")

    assert said(it) == "✅ Removed the style `Noir`: `film noir, high contrast` (1 left)."
    it = interaction()
    await run(cog, "styles remove", it, name="INK")
    assert said(it) == ("✅ Removed the style `Ink`: `sumi-e` (none left: only the bot's default styles are "
                        "offered).")


async def test_the_styles_a_moderator_may_remove_are_suggested_by_what_was_typed_and_to_moderators_only():
    cog = make_cog(GuildSettings(guild_id=GUILD, styles=(Style(name="Ink", text="sumi-e"), NOIR)))

    choices = await cog._suggest_style(interaction(), "NO")

    assert [(c.name, c.value) for c in choices] == [("Noir — film noir, high contrast", "Noir")]
    assert len(await cog._suggest_style(interaction(), "")) == 2
    assert await cog._suggest_style(member(), "") == []


# --- /settings styles list ---------------------------------------------------------------------------------

async def test_the_list_shows_the_servers_styles_and_the_bots_defaults_privately():
    cog = make_cog(GuildSettings(guild_id=GUILD, styles=(NOIR,)), styles=DEFAULTS)
    it = interaction()

    await run(cog, "styles list", it)

    assert it.response.defer.await_args.kwargs["ephemeral"] is True
    shown = it.edit_original_response.await_args.kwargs["content"]
    assert shown.split("\n")[:-1] == [
        "**Styles of this server** · 1 of 25",
        "- `Noir` — `film noir, high contrast`",
        "**The bot's default styles**",
        "- `noir` — `the operator's noir` · replaced here by this server's style of that name",
        "- `Pastel` — `soft pastel`",
    ]
    assert shown.split("\n")[-1].startswith("-# Members add a style to their prompt with the `style` option")


def test_a_full_listing_is_split_into_messages_each_within_discords_limit_naming_every_style():
    server = tuple(Style(name=f"{n:02d}" + "n" * 98, text="t" * 300) for n in range(25))
    defaults = tuple(Style(name=f"d{n:02d}" + "d" * 97, text="`" * 300) for n in range(25))

    pages = styles_pages(StyleListing(server=server, defaults=defaults, refused=frozenset()))

    assert all(len(page) <= 2000 for page in pages)
    joined = "\n".join(pages)
    assert all(style.name in joined for style in (*server, *defaults))
    assert len(pages) == 13  # four styles of 400-odd characters to a message


def test_a_style_holding_a_term_blocked_since_is_marked_not_offered():
    listing = StyleListing(server=(NOIR,), defaults=DEFAULTS[1:], refused=frozenset({"noir", "pastel"}))

    lines = styles_pages(listing)[0].split("\n")

    assert "- `Noir` — `film noir, high contrast` · ⚠️ holds a term blocked here, so it is not offered" in lines
    assert "- `Pastel` — `soft pastel` · ⚠️ holds a term blocked here, so it is not offered" in lines


def test_a_server_without_styles_is_told_how_to_add_one():
    assert styles_pages(StyleListing(server=(), defaults=(), refused=frozenset()))[0].split("\n")[0] == (
        "This server has no styles of its own yet: add one with /settings styles add.")


# --- /settings describe-model ------------------------------------------------------------------------------

async def test_the_describe_model_is_set_from_the_operators_list_and_reset_without_a_model():
    cog = make_cog(GuildSettings(guild_id=GUILD), describe_models=DESCRIBERS)
    it = interaction()

    await run(cog, "describe-model", it, model="vision/two")

    assert said(it) == "✅ /describe now uses `vision/two` here (was the operator's default)."
    it = interaction()
    await run(cog, "describe-model", it)
    assert said(it) == "✅ /describe uses the operator's default again (was `vision/two`)."
    assert (await stored(cog)).describe_model is None


async def test_a_describe_model_the_operator_does_not_offer_is_refused_inert():
    cog = make_cog(GuildSettings(guild_id=GUILD), describe_models=DESCRIBERS)
    unknown, broken = interaction(), interaction()

    await run(cog, "describe-model", unknown, model="vision/three")
    await run(cog, "describe-model", broken, model="x`@everyone`")

    assert said(unknown) == ("🚫 `vision/three` is not one of the models this bot describes images with. Pick one "
                             "from the list.")
    assert said(broken) == "🚫 `xˋ@everyoneˋ` is not a model id. Pick one from the list."
    assert (await stored(cog)).describe_model is None


async def test_the_describe_models_are_suggested_to_moderators_only():
    cog = make_cog(describe_models=DESCRIBERS)

    assert [c.value for c in await cog._suggest_describe_model(interaction(), "TWO")] == ["vision/two"]
    assert [c.value for c in await cog._suggest_describe_model(interaction(), "")] == list(DESCRIBERS)
    assert await cog._suggest_describe_model(member(), "") == []


# --- /settings show ----------------------------------------------------------------------------------------

def shown(value: Effective) -> tuple[str, str]:
    return styles_summary(value), describe_model_text(value)


def test_show_names_the_servers_styles_the_defaults_offered_here_and_the_describe_model():
    settings = GuildSettings(guild_id=GUILD, styles=(Style(name="Ink", text="x"), NOIR), describe_model="vision/two")

    summary, model = shown(effective(settings, operator_styles=DEFAULTS[1:], describe_model="vision/two"))

    assert summary == "2 of 25: `Ink`, `Noir`\nand the bot's default `Pastel`\n(/settings styles list)"
    assert model == "`vision/two`"


def test_show_says_where_the_describe_model_comes_from():
    inherited = effective(describe_model="vision/one", inherited=frozenset({"describe_model"}))
    stale = effective(GuildSettings(guild_id=GUILD, describe_model="vision/gone"), describe_model="vision/one",
                      inherited=frozenset({"describe_model"}))

    assert shown(inherited) == ("none of its own\n(/settings styles list)",
                                "`vision/one` · *inherited from the bot's operator*")
    assert shown(stale)[1] == ("`vision/one` · *inherited from the bot's operator* (this server chose "
                               "`vision/gone`, which the operator no longer offers)")
    assert shown(effective())[1] == "none: the bot's operator set no models to describe images with"


async def test_show_has_a_styles_and_a_describe_model_field():
    cog = make_cog(GuildSettings(guild_id=GUILD, styles=(NOIR,)), describe_models=DESCRIBERS)
    it = interaction()

    await run(cog, "show", it)

    fields = {f.name: f.value for f in it.edit_original_response.await_args.kwargs["embed"].fields}
    assert fields["Styles"] == "1 of 25: `Noir`\n(/settings styles list)"
    assert fields["Describe model"] == "`vision/one` · *inherited from the bot's operator*"
