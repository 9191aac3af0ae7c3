"""/settings language end to end, through `imagine-bot run` and the fake Discord: a moderator chooses the language
of the server's public messages, it is confirmed, audited, kept across a restart and shown in /settings show, and
leaving the option out goes back to the server's language as Discord reports it."""

from __future__ import annotations

import pytest

from bot.i18n import Speaker, msg
from playground.discord.model import iter_components
from tests.e2e.harness import wait_final
from tests.e2e.moderation import answer, saved, settings, start

pytestmark = pytest.mark.e2e


async def language(fake, options=None, *, locale: str = "en-US") -> str:
    """`/settings language` as the moderator sam, whose Discord is in `locale`; the reply only they see."""
    it = await fake.run_command("settings language", options, user="sam", locale=locale)
    reply = await answer(fake, it)
    assert reply.ephemeral, reply.content
    return reply.content


async def test_a_moderator_chooses_the_language_of_public_messages_and_resets_it(runner, discord_fake):
    discord_fake.guild.preferred_locale = "fr"  # a Community server Discord says is French
    bot = await start(runner)
    guild_id = discord_fake.guild.id
    await saved(discord_fake, "log-channel", {"channel": "audit"})

    assert await language(discord_fake, {"language": "ja"}) == \
        "✅ Public messages on this server are now written in 日本語."
    assert (await bot.services.guild_settings.get(guild_id)).language == "ja"
    audit = discord_fake.channel("audit")
    line = await discord_fake.wait_for(lambda: next(
        (m for m in discord_fake.channel_messages(audit) if "**/settings language**" in m.content), None))
    japanese = Speaker.for_locale("ja")  # the audit channel is public: the server's language, now Japanese
    assert line.content == "⚙️ " + japanese(msg("{moderator} used **{command}**:",
                                                moderator=f"<@{discord_fake.user('sam').id}>",
                                                command="/settings language")) + " " + japanese(
        msg("Public messages on this server are now written in {language}.", language="日本語"))

    # a moderator whose Discord is in German reads the confirmation in German
    german = await language(discord_fake, {"language": "pt-BR"}, locale="de")
    assert german == "✅ " + Speaker.for_locale("de")(msg("Public messages on this server are now written in "
                                                          "{language}.", language="Português (Brasil)"))

    await runner.stop()
    bot = await start(runner)
    assert (await bot.services.guild_settings.get(guild_id)).language == "pt-BR"  # kept across a restart
    # a member whose Discord is in English gets a result everyone reads in the server's chosen language
    it = await discord_fake.run_command("imagine", {"prompt": "um farol"}, user="alice", locale="en-US")
    final = await wait_final(discord_fake, it)
    portuguese = Speaker.for_locale("pt-BR")
    credit = portuguese(msg("by {member}", member=f"<@{discord_fake.user('alice').id}>"))
    assert credit in final.content
    assert not credit.startswith("by ")
    labels = {component.get("label") for component in iter_components(final.components)}
    assert portuguese(msg("Regenerate")) in labels
    it = await discord_fake.run_command("settings show", user="sam")
    fields = {field["name"]: field["value"] for field in (await answer(discord_fake, it)).embeds[0]["fields"]}
    assert fields["Language of public messages"] == "Português (Brasil)"

    reset = await language(discord_fake)  # no option: the server's own language again
    assert reset == ("✅ Public messages on this server now follow the server's language as Discord reports it "
                     "(Français).")
    assert (await bot.services.guild_settings.get(guild_id)).language is None
    it = await discord_fake.run_command("settings show", user="sam")
    fields = {field["name"]: field["value"] for field in (await answer(discord_fake, it)).embeds[0]["fields"]}
    assert fields["Language of public messages"] == "Français · *the server's language, as Discord reports it*"

    again = await settings(discord_fake, "language")
    assert again == "Nothing changed: **/settings language** asked for what was already set."


async def test_members_cannot_choose_the_language(runner, discord_fake):
    bot = await start(runner)
    discord_fake.override_command("settings", users=["alice"])  # a server admin shows /settings to alice
    refused = await settings(discord_fake, "language", {"language": "de"}, user="alice")
    assert refused == "🚫 Only members with the Manage Server permission can change these settings."
    assert (await bot.services.guild_settings.get(discord_fake.guild.id)).language is None
