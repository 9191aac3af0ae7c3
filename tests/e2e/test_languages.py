"""Languages, end to end: the commands the bot registers carry their names and descriptions in every language of
the catalogue, a changed translation is registered at the next start, and replies only a member sees come in
the language of that member's Discord."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from babel.messages.pofile import write_po

import bot.discord_bot as discord_bot
from bot.i18n import CATALOG_DIR, TRANSLATED_LOCALES, Catalog, Speaker, msg, msgs, po_path, read_catalog
from cogs.usage.render import FORGET_CONFIRM, FORGET_KEEP, FORGET_PROMPT
from playground.discord.model import iter_components
from tests.e2e.harness import shown_reply, wait_final

pytestmark = pytest.mark.e2e


def localised(commands: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any], tuple[str, ...]]]:
    """(where, item, which localisation fields it must carry) for every command, option and choice."""
    for command in commands:
        if int(command.get("type", 1)) != 1:
            yield command["name"], command, ("name_localizations",)
            continue
        yield f"/{command['name']}", command, ("name_localizations", "description_localizations")
        yield from _options(command.get("options") or [], f"/{command['name']}")


def _options(options: list[dict[str, Any]], parent: str) -> Iterator[tuple[str, dict[str, Any], tuple[str, ...]]]:
    for option in options:
        where = f"{parent} {option['name']}"
        yield where, option, ("name_localizations", "description_localizations")
        for choice in option.get("choices") or []:
            yield f"{where} = {choice['value']}", choice, ("name_localizations",)
        yield from _options(option.get("options") or [], where)


async def test_every_registered_name_and_description_is_in_every_language(bot, discord_fake):
    commands = list(discord_fake.commands.values())
    assert {c["name"] for c in commands} >= {"imagine", "blend", "describe", "settings", "usage", "history"}
    missing = {}
    for where, item, fields in localised(commands):
        for field in fields:
            lacking = set(TRANSLATED_LOCALES) - set(item.get(field) or {})
            if lacking:
                missing[f"{where} {field}"] = sorted(lacking)
    assert missing == {}
    imagine = discord_fake.commands["imagine"]
    assert imagine["name_localizations"]["ja"] != "imagine"  # Japanese members see a Japanese command
    assert imagine["description_localizations"]["de"] != imagine["description"]


async def test_a_changed_translation_is_registered_at_the_next_start(runner, discord_fake, monkeypatch, tmp_path):
    await runner.start()
    await runner.stop()
    synced = discord_fake.sync_count
    await runner.start()  # nothing changed: the sync is skipped
    await runner.stop()
    assert discord_fake.sync_count == synced

    # a translator changes the German description of /imagine in de.po
    folder = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, folder)
    german = read_catalog(po_path("de", folder), "de")
    german.get(discord_fake.commands["imagine"]["description"], context="command description").string = "Neu übersetzt"
    with po_path("de", folder).open("wb") as handle:
        write_po(handle, german)
    changed = Catalog.load(folder)
    monkeypatch.setattr(discord_bot, "default_catalog", lambda: changed)
    await runner.start()
    assert discord_fake.sync_count == synced + 1
    assert discord_fake.commands["imagine"]["description_localizations"]["de"] == "Neu übersetzt"


async def usage_reply(fake, *, user: str, locale: str) -> str:
    it = await fake.run_command("usage", user=user, locale=locale)
    reply = await fake.wait_for(lambda: it.original if it.original and not it.original.loading else None)
    assert reply.flags & 64  # only the member sees it
    return reply.content


async def test_usage_answers_each_member_in_the_language_of_their_discord(bot, discord_fake):
    for user, locale in (("alice", "ja"), ("bob", "de"), ("mod", "en-US")):
        content = await usage_reply(discord_fake, user=user, locale=locale)
        speak = Speaker.for_locale(locale)
        title = speak(msg("**Your usage on this server**"))
        assert content.startswith(title)
        assert speak(msg("This month: {totals}", totals=msg("**{images}** · {cost}", images=msgs(
            "{count} image", "{count} images", 0), cost=speak.money(Decimal(0), total=True)))) in content
        if locale != "en-US":
            assert title != "**Your usage on this server**"  # it really is translated
    german = await usage_reply(discord_fake, user="bob", locale="de")
    assert "0,00\u00a0$" in german  # money written the German way (a no-break space before the sign)
    english = await usage_reply(discord_fake, user="mod", locale="en-GB")
    assert english.startswith("**Your usage on this server**")
    unknown = await usage_reply(discord_fake, user="mod", locale="it")  # no Italian catalogue: English
    assert unknown.startswith("**Your usage on this server**")


async def test_a_refusal_is_explained_in_the_language_of_the_member_who_asked(bot, discord_fake):
    refused = msg("{model} is not an image model this bot can use. Pick one from the list.", model="`no/such-model`")
    for user, locale in (("alice", "ja"), ("bob", "pl"), ("mod", "en-US")):
        it = await discord_fake.run_command("imagine", {"prompt": "a castle", "model": "no/such-model"}, user=user,
                                            locale=locale)
        reply = await discord_fake.wait_for(lambda it=it: shown_reply(it))
        assert reply.flags & 64  # only the member who asked sees it
        sentence = Speaker.for_locale(locale)(refused)
        assert sentence in reply.content
        if locale != "en-US":
            assert sentence != str(refused)


async def test_models_are_listed_in_the_language_of_the_member_who_asked(bot, discord_fake):
    it = await discord_fake.run_command("models", user="alice", locale="ko")
    reply = await discord_fake.wait_for(lambda: it.original if it.original and not it.original.loading else None)
    speak = Speaker.for_locale("ko")
    count = int(reply.content.split("· ", 1)[1].split("\n", 1)[0])
    title = speak(msgs("**Image models you can use here** · {count}", "**Image models you can use here** · {count}",
                       count))
    assert reply.content.startswith(title)
    assert title != f"**Image models you can use here** · {count}"
    assert speak(msg("{price}/image", price=speak.money(Decimal("0.039")))) in reply.content


async def test_history_and_privacy_speak_the_members_language_buttons_included(bot, discord_fake):
    it = await discord_fake.run_command("history", user="alice", locale="ru")
    reply = await discord_fake.wait_for(lambda: it.original if it.original and not it.original.loading else None)
    empty = msg("You have no results on this server yet. Make one with /imagine.")
    assert reply.content == Speaker.for_locale("ru")(empty) != str(empty)

    it = await discord_fake.run_command("privacy forget", user="bob", locale="fr")
    callback = await it.wait_ack()
    french = Speaker.for_locale("fr")
    assert callback.data["content"] == french(FORGET_PROMPT) != str(FORGET_PROMPT)
    labels = [c["label"] for row in callback.data["components"] for c in row["components"]]
    assert labels == [french(FORGET_CONFIRM), french(FORGET_KEEP)]
    assert labels != ["Delete my history", "Keep it"]


async def test_a_japanese_server_sees_public_messages_in_japanese_and_each_member_their_own_replies(
        bot, discord_fake):
    """The issue's acceptance: in a server whose locale is `ja`, a `ja` member sees /imagine's progress and result,
    a refusal and /usage in Japanese; a `de` member sees their own replies in German and the public result in
    Japanese; an `en-US` member's own replies stay English. The prompt is never translated."""
    discord_fake.guild.preferred_locale = "ja"
    japanese, german, english = (Speaker.for_locale(code) for code in ("ja", "de", "en-US"))
    for user, locale in (("alice", "ja"), ("bob", "de")):
        it = await discord_fake.run_command("imagine", {"prompt": f"a fox in the snow for {user}"}, user=user,
                                            locale=locale)
        final = await wait_final(discord_fake, it)
        member = f"<@{discord_fake.user(user).id}>"
        assert f"a fox in the snow for {user}" in final.content  # the member's own words, untranslated
        assert japanese(msg("by {member}", member=member)) in final.content
        assert japanese(msg("by {member}", member=member)) != f"by {member}"
        progress = [revision.content for revision in final.revisions]
        shown = {japanese(msg("**Waiting for the model…**")), japanese(msg("**Queued**"))}
        assert any(title in text for text in progress for title in shown), progress
        labels = {component.get("label") for component in iter_components(final.components)}
        assert japanese(msg("Regenerate")) in labels
        assert "Regenerate" not in labels

    # their own replies: each in the language of their Discord
    for user, locale, speak in (("alice", "ja", japanese), ("bob", "de", german), ("mod", "en-US", english)):
        content = await usage_reply(discord_fake, user=user, locale=locale)
        assert content.startswith(speak(msg("**Your usage on this server**")))
        it = await discord_fake.run_command("imagine", {"prompt": "a castle", "model": "no/such-model"}, user=user,
                                            locale=locale)
        reply = await discord_fake.wait_for(lambda it=it: shown_reply(it))
        assert reply.flags & 64
        assert speak(msg("{model} is not an image model this bot can use. Pick one from the list.",
                         model="`no/such-model`")) in reply.content
    assert german(msg("**Your usage on this server**")) != "**Your usage on this server**"
