"""/settings language, and every /settings reply in the moderator's language while the audit channel's line is in
the server's: run through the cog and the real settings service, with a small catalogue of test translations."""

from __future__ import annotations

from typing import Any

import discord
import pytest

import bot.i18n.speaker as speaker_module
from bot.i18n import Catalog, Speaker, msg
from bot.records.guild import GuildSettings
from cogs.settings import render
from tests.cogs.test_settings_commands import GUILD, LOG_CHANNEL, interaction, make_cog, run, said, stored
from tests.cogs.test_settings_sentences import audited

JAPANESE = "✅ Public messages on this server are now written in 日本語."


def speaking(it: Any, locale: str | None, guild_locale: str | None = None) -> Any:
    """The interaction of a member whose Discord is in `locale`, on a server Discord says is in `guild_locale`."""
    it.locale = discord.Locale(locale or "en-US")
    it.guild_locale = discord.Locale(guild_locale) if guild_locale else None
    return it


@pytest.fixture
def translations(monkeypatch: pytest.MonkeyPatch) -> None:
    """German and Japanese for a few /settings texts (the real catalogue is translated separately)."""
    catalog = Catalog({
        "de": {(None, "Public messages on this server are now written in {language}."):
               "Öffentliche Nachrichten auf diesem Server sind jetzt auf {language}.",
               (None, "Settings of this server"): "Einstellungen dieses Servers",
               (None, "That member is not blocked."): "Dieses Mitglied ist nicht gesperrt."},
        "ja": {(None, "{moderator} used **{command}**:"): "{moderator} が **{command}** を使いました:",
               (None, "Public messages on this server are now written in {language}."):
               "このサーバーの公開メッセージは{language}で書かれます。"},
    })
    monkeypatch.setattr(speaker_module, "default_catalog", lambda: catalog)


async def test_a_moderator_chooses_the_language_and_the_change_is_confirmed_and_audited():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    it = speaking(interaction(), "en-US")

    await run(cog, "language", it, language="ja")

    assert said(it) == JAPANESE
    assert (await stored(cog)).language == "ja"
    japanese = Speaker.for_locale("ja")  # the audit channel is public: the server's language, now Japanese
    assert audited(cog) == "⚙️ " + japanese(msg("{moderator} used **{command}**:", moderator="<@4004>",
                                                command="/settings language")) + " " + japanese(
        msg("Public messages on this server are now written in {language}.", language="日本語"))


@pytest.mark.parametrize(("guild_locale", "sentence"), [
    ("fr", "✅ Public messages on this server now follow the server's language as Discord reports it (Français)."),
    ("en-GB", "✅ Public messages on this server now follow the server's language as Discord reports it (English)."),
    (None, "✅ Public messages on this server now follow the server's language as Discord reports it; it reports "
           "none the bot speaks, so they are written in English."),
    ("it", "✅ Public messages on this server now follow the server's language as Discord reports it; it reports "
           "none the bot speaks, so they are written in English."),
])
async def test_without_a_language_public_messages_follow_the_servers_own(guild_locale, sentence):
    cog = make_cog(GuildSettings(guild_id=GUILD, language="de"))
    it = speaking(interaction(), "en-US", guild_locale)

    await run(cog, "language", it)

    assert said(it) == sentence
    assert (await stored(cog)).language is None


async def test_the_moderator_reads_their_language_and_the_audit_channel_the_servers(translations):
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    it = speaking(interaction(), "de", guild_locale="fr")

    await run(cog, "language", it, language="ja")

    assert said(it) == "✅ Öffentliche Nachrichten auf diesem Server sind jetzt auf 日本語."
    assert audited(cog) == ("⚙️ <@4004> が **/settings language** を使いました: "
                            "このサーバーの公開メッセージは日本語で書かれます。")


async def test_a_refusal_and_the_settings_are_in_the_moderators_language(translations):
    cog = make_cog(GuildSettings(guild_id=GUILD, language="ja"))
    it = speaking(interaction(), "de")
    await run(cog, "members unblock", it, member=discord.Object(id=42))
    assert said(it) == "🚫 Dieses Mitglied ist nicht gesperrt."

    shown = speaking(interaction(), "de", guild_locale="fr")
    await run(cog, "show", shown)
    embed = shown.edit_original_response.await_args.kwargs["embed"]
    assert embed.title == "Einstellungen dieses Servers"
    assert any(field.value == "日本語" for field in embed.fields)


def test_settings_show_says_where_the_language_comes_from():
    from tests.cogs.test_settings_render import effective

    chosen = render.settings_embed(effective(GuildSettings(guild_id=GUILD, language="pt-BR")), guild_locale="fr")
    reported = render.settings_embed(effective(GuildSettings(guild_id=GUILD)), guild_locale="fr")
    none = render.settings_embed(effective(GuildSettings(guild_id=GUILD)))

    def language(embed: discord.Embed) -> str:
        return next(field.value or "" for field in embed.fields if field.name == "Language of public messages")

    assert language(chosen) == "Português (Brasil)"
    assert language(reported) == "Français · *the server's language, as Discord reports it*"
    assert language(none) == "English · *Discord reports no language of the server that the bot speaks*"
