"""Moderators in control, end to end: /settings (who may change it, models, channels, roles, age restriction,
the audit channel, a restart), /models, /privacy forget and the operator's ALLOWED_MODELS."""

from __future__ import annotations

import pytest

from playground.discord import ClientRefused
from tests.e2e.harness import png_files
from tests.e2e.moderation import (
    answer,
    chat_models,
    generated,
    refused,
    saved,
    settings,
    start,
    usage,
)

pytestmark = pytest.mark.e2e

NOT_A_MANAGER = "Only members with the Manage Server permission can change these settings."


def model_lines(content: str) -> list[str]:
    """The model entries of a /models answer."""
    return [line for line in content.splitlines() if line.startswith("• ")]


# --- models --------------------------------------------------------------------------------------------

async def test_a_moderator_allows_a_model_and_makes_it_the_default_and_other_models_are_refused_before_any_call(
        runner, discord_fake, emulator):
    await start(runner)
    reply = await saved(discord_fake, "models add", {"model": "emu/webp"})
    assert "`emu/webp`" in reply
    await saved(discord_fake, "models add", {"model": "emu/crlf"})
    await saved(discord_fake, "models default", {"model": "emu/webp"})  # not the first of the list

    refusal = await refused(discord_fake, "a fox", model="emu/png")
    assert "`emu/png` is not allowed on this server" in refusal
    assert chat_models(emulator) == []  # refused before the image service was asked anything

    await generated(discord_fake, "a fox")
    assert chat_models(emulator) == ["emu/webp"]  # no model chosen: the server's default


async def test_models_lists_what_is_allowed_here_with_the_default_marked(runner, discord_fake, emulator):
    await start(runner, MODEL_IMAGE_SIZES="emu/png=1K")
    await saved(discord_fake, "models add", {"model": "emu/png"})
    await saved(discord_fake, "models add", {"model": "emu/webp"})
    await saved(discord_fake, "models default", {"model": "emu/webp"})

    it = await discord_fake.run_command("models", user="alice")
    reply = await answer(discord_fake, it)
    assert reply.ephemeral
    lines = model_lines(reply.content)
    assert len(lines) == 2, reply.content
    png, webp = sorted(lines, key=lambda line: "emu/webp" in line)
    assert png.startswith("• `emu/png`")
    assert "default" not in png
    assert webp.startswith("• `emu/webp`")
    assert "**default**" in webp
    assert "$0.039/image · 1K only" in png  # the sizes each model renders (MODEL_IMAGE_SIZES; others: all)
    assert "$0.039/image · 1K–4K" in webp


# --- who may change the settings -----------------------------------------------------------------------

async def test_only_members_who_manage_the_server_can_change_settings_even_when_the_command_is_shown_to_others(
        runner, discord_fake, emulator):
    await start(runner)
    with pytest.raises(ClientRefused):  # hidden by default from members without Manage Server
        await discord_fake.run_command("settings models add", {"model": "emu/webp"}, user="alice")

    # a server admin shows /settings to alice and to the moderator who can only manage messages
    discord_fake.override_command("settings", users=["alice", "mod"])
    for member in ("alice", "mod"):
        assert await settings(discord_fake, "models add", {"model": "emu/webp"}, user=member) == f"🚫 {NOT_A_MANAGER}"
        assert await settings(discord_fake, "show", user=member) == f"🚫 {NOT_A_MANAGER}"
        assert await settings(discord_fake, "limits", {"daily": 1}, user=member) == f"🚫 {NOT_A_MANAGER}"
        assert await discord_fake.autocomplete("settings models add", focused="model", value="emu", user=member) == []
    await generated(discord_fake, "nothing changed", model="emu/png")
    await generated(discord_fake, "still nothing changed", model="emu/png")  # no daily limit of 1 either

    choices = await discord_fake.autocomplete("settings models add", focused="model", value="emu/web", user="admin")
    assert "emu/webp" in {c["value"] for c in choices}
    await saved(discord_fake, "models add", {"model": "emu/webp"}, user="admin")  # Administrator
    assert "is not allowed on this server" in await refused(discord_fake, "now it changed", model="emu/png")
    assert chat_models(emulator) == ["emu/png", "emu/png"]


# --- where and who -------------------------------------------------------------------------------------

async def test_a_channel_restriction_refuses_elsewhere_with_its_own_message(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "channels add", {"channel": "art"})
    await saved(discord_fake, "models add", {"model": "emu/png"})

    elsewhere = await refused(discord_fake, "a fox", model="emu/png")
    assert "not enabled in this channel" in elsewhere
    # the channel is checked before the model
    assert await refused(discord_fake, "a fox", model="emu/webp") == elsewhere
    assert "is not allowed on this server" in await refused(discord_fake, "a fox", model="emu/webp", channel="art")
    assert chat_models(emulator) == []

    final = await generated(discord_fake, "a fox in the gallery", model="emu/png", channel="art")
    assert final.channel_id == discord_fake.channel("art").id


async def test_a_role_restriction_refuses_members_without_the_role_with_its_own_message(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "roles add", {"role": "artist"})

    refusal = await refused(discord_fake, "a fox", model="emu/png", user="alice")
    assert "limited to certain roles" in refusal
    assert "channel" not in refusal
    assert chat_models(emulator) == []
    await generated(discord_fake, "a fox", model="emu/png", user="bob")  # bob is an artist
    assert chat_models(emulator) == ["emu/png"]


async def test_an_age_restricted_model_works_only_in_an_age_restricted_channel(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "models age-restricted", {"model": "emu/webp", "enabled": True})

    refusal = await refused(discord_fake, "a fox", model="emu/webp")
    assert "`emu/webp` can only be used in age-restricted channels" in refusal
    assert chat_models(emulator) == []

    final = await generated(discord_fake, "a fox", model="emu/webp", channel="nsfw")
    assert final.channel_id == discord_fake.channel("nsfw").id
    await generated(discord_fake, "a fox", model="emu/png")  # the others still work everywhere
    assert chat_models(emulator) == ["emu/webp", "emu/png"]

    general = model_lines((await answer(discord_fake, await discord_fake.run_command("models"))).content)
    nsfw = model_lines((await answer(discord_fake, await discord_fake.run_command("models", channel="nsfw"))).content)
    assert not any("`emu/webp`" in line for line in general)
    assert any(line.startswith("• `emu/webp`") and "age-restricted" in line for line in nsfw)


# --- persistence and the audit channel -----------------------------------------------------------------

async def test_settings_and_usage_survive_a_restart(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "models add", {"model": "emu/webp"})
    await saved(discord_fake, "models default", {"model": "emu/webp"})
    await saved(discord_fake, "limits", {"daily": 1})
    await generated(discord_fake, "before the restart")

    await runner.stop()
    await start(runner)

    assert "daily limit of 1 image" in await refused(discord_fake, "after the restart")
    assert "is not allowed on this server" in await refused(discord_fake, "after", model="emu/png", user="bob")
    await generated(discord_fake, "after the restart", user="bob")
    assert chat_models(emulator) == ["emu/webp", "emu/webp"]
    assert "Today (last 24 h): **1 image**" in (await usage(discord_fake)).content


async def test_the_audit_channel_records_settings_changes_and_generations(runner, discord_fake, emulator):
    await start(runner)
    audit = discord_fake.channel("audit")
    sam = discord_fake.user("sam")
    await saved(discord_fake, "log-channel", {"channel": "audit"})
    await saved(discord_fake, "limits", {"daily": 5})

    # a model whose listed price ($0.134) is not what the image service charges ($0.039)
    final = await generated(discord_fake, "a heron at dawn", model="google/gemini-3-pro-image-preview")
    lines = await discord_fake.wait_for(
        lambda: messages if len(messages := discord_fake.channel_messages(audit)) >= 3 else None)

    changes, generation = lines[:2], lines[2]
    assert all(m.author.id == discord_fake.bot_user.id for m in lines)
    assert changes[0].content.startswith(f"⚙️ <@{sam.id}> used **/settings log-channel**: The audit log now goes to")
    assert f"<#{audit.id}>" in changes[0].content
    assert changes[1].content.startswith(f"⚙️ <@{sam.id}> used **/settings limits**: Changed the daily limit")
    assert "5 images" in changes[1].content
    assert f"<@{discord_fake.user('alice').id}>" in generation.content
    assert "a heron at dawn" in generation.content
    assert "`google/gemini-3-pro-image-preview`" in generation.content
    assert "$0.039" in generation.content  # what the image service reported, not the estimate
    assert str(final.id) in generation.content  # a link to the result
    assert all(m.mentioned_user_ids == [] and m.mentioned_role_ids == [] for m in lines)  # nobody pinged


# --- a member's own history ----------------------------------------------------------------------------

async def test_privacy_forget_after_confirming_deletes_the_members_history_but_not_their_spend(
        runner, discord_fake, emulator):
    bot = await start(runner)
    mine = await generated(discord_fake, "remember me", model="emu/png")
    await generated(discord_fake, "bob's fox", model="emu/png", user="bob")
    assert "Today (last 24 h): **1 image**" in (await usage(discord_fake)).content

    it = await discord_fake.run_command("privacy forget", user="alice")
    question = await answer(discord_fake, it)
    assert question.ephemeral
    assert "32 days" in question.content  # what is kept, and for how long, before anything is deleted
    delete = next(c["custom_id"] for row in question.components for c in row.get("components", [])
                  if c.get("label") == "Delete my history")
    await discord_fake.click(question.id, delete, user="alice")
    done = await discord_fake.wait_for(
        lambda: it.original if it.original and it.original.content.startswith("Deleted") else None)
    assert "Deleted 1 request" in done.content
    assert done.components == []

    job_id = int(next(cid for cid in mine.custom_ids() if cid.startswith("imagine:regen:")).split(":")[2])
    assert await bot.services.imagine.job(job_id) is None  # the prompt and the history are gone
    usage_now = (await usage(discord_fake)).content  # what was spent still counts toward limits and budgets
    assert "Today (last 24 h): **1 image** · $0.04" in usage_now
    assert "Today (last 24 h): **1 image**" in (await usage(discord_fake, user="bob")).content


# --- the operator's allowlist --------------------------------------------------------------------------

async def test_allowed_models_patterns_refuse_other_models_and_only_allowed_ones_are_suggested(
        runner, discord_fake, emulator):
    bot = await start(runner, ALLOWED_MODELS="google/gemini-2.5-*, emu/png")
    await bot.services.imagine.catalog.load()

    refusal = await refused(discord_fake, "a fox", model="google/gemini-3-pro-image-preview")
    assert "`google/gemini-3-pro-image-preview` is not allowed" in refusal
    assert "is not allowed" in await refused(discord_fake, "a fox", model="emu/webp")
    assert chat_models(emulator) == []
    final = await generated(discord_fake, "a fox", model="google/gemini-2.5-flash-image")
    assert png_files(final)
    assert chat_models(emulator) == ["google/gemini-2.5-flash-image"]

    everything = await discord_fake.autocomplete("imagine", focused="model", value="", options={"prompt": "x"})
    assert {c["value"] for c in everything} == {
        "google/gemini-2.5-flash-image", "google/gemini-2.5-flash-image-preview", "emu/png"}
    gemini = await discord_fake.autocomplete("imagine", focused="model", value="gem", options={"prompt": "x"})
    assert {c["value"] for c in gemini} == {"google/gemini-2.5-flash-image", "google/gemini-2.5-flash-image-preview"}

    # a server can narrow the operator's list, never widen it
    reply = await settings(discord_fake, "models add", {"model": "emu/webp"})
    assert reply.startswith("🚫")
    assert "not allowed by the bot's operator" in reply
