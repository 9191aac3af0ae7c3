"""When the provider's model list changes: a retired default model, a server's default that vanished, a model
the provider just added. The emulator's list is changed while the bot runs, as the provider's would be."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.discord_bot import ImagineBot
from playground.discord import FakeDiscord, FakeInteraction
from playground.discord.model import iter_components
from playground.openroute import OpenRouteEmulator, default_models
from tests.e2e.harness import BotRunner, png_files, wait_final
from tests.e2e.moderation import answer, chat_models, generated, imagine, refused, saved, start

pytestmark = pytest.mark.e2e

RETIRED = "google/gemini-2.5-flash-image-preview"  # the old DEFAULT_MODEL
RELEASED = "google/gemini-2.5-flash-image"  # what the provider lists instead
GEMINI_PRO = "google/gemini-3-pro-image-preview"
TEXT_INPUT = 4
PICK_ONE = "Pick a model with the `model` option of /imagine: its suggestions list the ones you can use here."
BOTS_DEFAULT_GONE = f"🚫 The bot's default model `{RETIRED}` is unavailable right now. {PICK_ONE}"


def catalog(*gone: str, added: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The emulator's model list without `gone`, plus image models with the `added` ids."""
    models = [m for m in default_models() if m["id"] not in gone]
    template = next(m for m in models if m["id"] == RELEASED)
    return models + [{**template, "id": model, "canonical_slug": model, "name": model} for model in added]


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


async def start_with_the_default_retired(runner: BotRunner, emulator: OpenRouteEmulator) -> ImagineBot:
    """The bot configured with the old default id, against a provider that lists only its successor."""
    emulator.set_models(catalog(RETIRED))
    return await start(runner, DEFAULT_MODEL=RETIRED)


async def edit_with_the_menu(fake: FakeDiscord, message_id: int, prompt: str) -> FakeInteraction:
    """"Edit image" on a message, then the prompt typed into the modal the bot opens."""
    opener = await fake.run_message_command("Edit image", message_id, user="alice")
    assert (await opener.wait_ack()).type == 9, "a modal should open"
    assert opener.modal is not None
    (field,) = [c for c in iter_components(opener.modal["components"]) if c.get("type") == TEXT_INPUT]
    return await fake.submit_modal(opener.modal["custom_id"], {field["custom_id"]: prompt}, user="alice")


async def test_a_retired_default_model_is_a_startup_warning_naming_the_id_that_replaced_it(
        runner, discord_fake, emulator, caplog):
    await start_with_the_default_retired(runner, emulator)

    (warning,) = [w for w in warnings(caplog) if RETIRED in w]
    assert warning.startswith(f"model {RETIRED} (DEFAULT_MODEL) is not an image model the provider lists")
    assert f"closest listed: {RELEASED}" in warning


async def test_without_a_model_option_the_member_is_told_the_default_is_unavailable_and_can_pick_one(
        runner, discord_fake, emulator, caplog):
    await start_with_the_default_retired(runner, emulator)
    caplog.clear()

    assert await refused(discord_fake, "a lighthouse") == BOTS_DEFAULT_GONE
    assert chat_models(emulator) == []
    assert any(f"default model {RETIRED} (DEFAULT_MODEL)" in w and RELEASED in w for w in warnings(caplog))

    suggested = await discord_fake.autocomplete("imagine", focused="model", value="flash", options={"prompt": "x"})
    assert RELEASED in {choice["value"] for choice in suggested}
    assert RETIRED not in {choice["value"] for choice in suggested}
    await generated(discord_fake, "a lighthouse", model=RELEASED)
    assert chat_models(emulator) == [RELEASED]


async def test_a_model_the_member_named_that_the_provider_does_not_list_keeps_its_own_message(
        runner, discord_fake, emulator):
    await start_with_the_default_retired(runner, emulator)

    refusal = await refused(discord_fake, "a lighthouse", model=RETIRED)
    assert refusal == f"🚫 `{RETIRED}` is not an image model this bot can use. Pick one from the list."


async def test_edit_image_on_a_result_uses_that_jobs_model_and_on_another_message_the_default(
        runner, discord_fake, emulator):
    await start_with_the_default_retired(runner, emulator)
    result = await generated(discord_fake, "a lighthouse", model=GEMINI_PRO)

    edited = await wait_final(discord_fake, await edit_with_the_menu(discord_fake, result.id, "at night"))
    assert len(png_files(edited)) == 1, edited.content
    assert chat_models(emulator) == [GEMINI_PRO, GEMINI_PRO]

    ((_, picture),) = png_files(result)
    posted = discord_fake.post_message("alice", "general", "my picture", attachments=[("mine.png", picture)])
    reply = await answer(discord_fake, await edit_with_the_menu(discord_fake, posted.id, "at dawn"))
    assert reply.content == BOTS_DEFAULT_GONE
    assert chat_models(emulator) == [GEMINI_PRO, GEMINI_PRO]


async def test_once_the_provider_lists_the_default_again_the_next_refresh_lets_requests_without_a_model_through(
        runner, discord_fake, emulator, caplog):
    bot = await start_with_the_default_retired(runner, emulator)
    assert await refused(discord_fake, "a lighthouse") == BOTS_DEFAULT_GONE

    emulator.set_models(default_models())
    caplog.clear()
    await bot.services.imagine.catalog.refresh()  # what the MODELS_REFRESH_MINUTES schedule runs

    assert [w for w in warnings(caplog) if RETIRED in w] == []
    await generated(discord_fake, "a lighthouse")
    assert chat_models(emulator) == [RETIRED]


async def test_a_model_the_provider_just_added_works_at_once_when_a_member_names_it(runner, discord_fake, emulator):
    await start(runner)
    emulator.set_models(catalog(added=("google/gemini-3.5-flash-image",)))

    await generated(discord_fake, "a lighthouse", model="google/gemini-3.5-flash-image")  # the list is fetched again
    assert chat_models(emulator) == ["google/gemini-3.5-flash-image"]


async def test_a_servers_default_that_vanished_is_warned_about_shown_in_settings_and_explained_to_members(
        runner, discord_fake, emulator, caplog):
    bot = await start(runner)
    await saved(discord_fake, "models default", {"model": GEMINI_PRO})
    guild_id = discord_fake.guild_id

    emulator.set_models(catalog(GEMINI_PRO))
    caplog.clear()
    await bot.services.imagine.catalog.refresh()

    (warning,) = [w for w in warnings(caplog) if GEMINI_PRO in w]
    assert warning.startswith(f"model {GEMINI_PRO} (default of server {guild_id}) is not an image model the "
                              "provider lists; closest listed: ")
    shown = await answer(discord_fake, await discord_fake.run_command("settings show", user="sam"))
    (embed,) = shown.embeds
    assert f"**Default model:** `{GEMINI_PRO}` · ⚠️ no longer listed by the provider" in embed["description"]

    reply = await answer(discord_fake, await imagine(discord_fake, "a lighthouse"))
    assert reply.content == (f"🚫 This server's default model `{GEMINI_PRO}` is unavailable right now. {PICK_ONE} "
                             "A moderator can choose another default with /settings models default.")
    assert chat_models(emulator) == []
