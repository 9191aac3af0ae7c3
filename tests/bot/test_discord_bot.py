"""The Bot subclass at unit level: how it tells a member about a failure, when it syncs commands, and
the health file it leaves for Docker."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands

from bot.config import Secret, Settings, replace, settings_from_env
from bot.discord_bot import ImagineBot, ImagineTree, Services, command_tree_hash, send_notice
from bot.i18n import Speaker, msg
from bot.openroute.errors import ProviderUnavailable, RateLimited
from bot.storage import open_store


def interaction(*, done: bool = False, deferred_thinking: bool = False,
                locale: discord.Locale = discord.Locale.american_english) -> MagicMock:
    it = MagicMock(spec_set=["response", "edit_original_response", "followup", "user", "extras", "command", "locale"])
    it.locale = locale
    it.response = MagicMock(spec_set=["is_done", "send_message", "type"])
    it.response.is_done.return_value = done
    it.response.send_message = AsyncMock()
    it.response.type = discord.InteractionResponseType.deferred_channel_message if deferred_thinking else (
        discord.InteractionResponseType.deferred_message_update)
    it.edit_original_response = AsyncMock()
    it.followup = MagicMock(spec_set=["send"])
    it.followup.send = AsyncMock()
    it.user = MagicMock(spec_set=["id"], id=1234)
    it.extras = {"job_id": 77}
    it.command = None
    return it


async def test_a_notice_before_any_answer_is_an_ephemeral_message_that_mentions_nobody():
    it = interaction()
    await send_notice(it, "@everyone look")
    it.response.send_message.assert_awaited_once()
    kwargs = it.response.send_message.await_args.kwargs
    assert kwargs["ephemeral"] is True
    assert kwargs["allowed_mentions"].everyone is False
    assert kwargs["allowed_mentions"].users is False


async def test_a_notice_after_thinking_replaces_the_thinking_message_instead_of_leaving_it_spinning():
    it = interaction(done=True, deferred_thinking=True)
    await send_notice(it, "it broke")
    it.edit_original_response.assert_awaited_once()
    assert it.edit_original_response.await_args.kwargs["content"] == "it broke"
    it.followup.send.assert_not_awaited()


async def test_a_notice_after_another_answer_is_an_ephemeral_followup():
    it = interaction(done=True)
    await send_notice(it, "it broke")
    assert it.followup.send.await_args.kwargs["ephemeral"] is True


async def test_a_notice_that_discord_refuses_is_logged_not_raised(caplog):
    it = interaction()
    it.response.send_message.side_effect = discord.HTTPException(MagicMock(status=500, reason="x"), "boom")
    with caplog.at_level(logging.WARNING):
        await send_notice(it, "hello")
    assert "could not tell user 1234" in caplog.text


async def test_an_unexpected_command_failure_is_explained_to_the_member_and_logged_with_the_job_id(caplog):
    tree = ImagineTree(discord.Client(intents=discord.Intents(guilds=True)))
    it = interaction()
    error = app_commands.CommandInvokeError(MagicMock(), RateLimited("slow down", retry_after=7))
    with caplog.at_level(logging.ERROR):
        await tree.on_error(it, error)
    assert "rate limited" in it.response.send_message.await_args.args[0]
    assert "job 77" in caplog.text


async def test_a_failed_check_says_the_command_cannot_be_used_here_without_an_error_log(caplog):
    tree = ImagineTree(discord.Client(intents=discord.Intents(guilds=True)))
    it = interaction()
    with caplog.at_level(logging.ERROR):
        await tree.on_error(it, app_commands.CheckFailure())
    assert it.response.send_message.await_args.args[0] == "You can't use this command here."
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_a_command_failure_is_told_in_the_members_language():
    tree = ImagineTree(discord.Client(intents=discord.Intents(guilds=True)))
    it = interaction(locale=discord.Locale.german)
    await tree.on_error(it, app_commands.CheckFailure())
    german = Speaker.for_locale("de")(msg("You can't use this command here."))
    assert it.response.send_message.await_args.args[0] == german
    assert german != "You can't use this command here."


def test_the_command_tree_hash_ignores_key_order_and_sees_changes():
    one = [{"name": "imagine", "options": [{"name": "prompt", "type": 3}]}]
    same = [{"options": [{"type": 3, "name": "prompt"}], "name": "imagine"}]
    other = [{"name": "imagine", "options": [{"name": "prompt", "type": 3, "required": True}]}]
    assert command_tree_hash(one) == command_tree_hash(same)
    assert command_tree_hash(one) != command_tree_hash(other)


def settings(tmp_path: Path, **changes) -> Settings:
    base = settings_from_env({"DISCORD_TOKEN": "t" * 30, "OPENROUTE_API_KEY": "k" * 30,
                              "HEALTH_FILE": str(tmp_path / "health")})
    return replace(base, **changes)


@pytest.fixture
async def store():
    store = await open_store("sqlite:///:memory:")
    yield store
    await store.close()


def make_bot(settings: Settings, store) -> ImagineBot:
    services = Services(settings=settings, store=store, imagine=MagicMock(), edits=MagicMock(),
                        guild_settings=MagicMock(), usage=MagicMock(), describe=MagicMock(),
                        history=MagicMock())
    bot = ImagineBot(services=services)
    bot._connection.application_id = 4242

    @bot.tree.command(name="ping", description="ping")
    async def ping(interaction: discord.Interaction) -> None:  # pragma: no cover - never invoked
        pass

    return bot


async def test_commands_are_synced_once_and_again_only_when_they_change(tmp_path, store):
    bot = make_bot(settings(tmp_path), store)
    bot.tree.sync = AsyncMock(return_value=[])
    assert await bot.sync_commands() is True
    assert await bot.sync_commands() is False  # same tree: Discord is not asked again
    assert bot.tree.sync.await_count == 1

    @bot.tree.command(name="pong", description="pong")
    async def pong(interaction: discord.Interaction) -> None:  # pragma: no cover - never invoked
        pass

    assert await bot.sync_commands() is True
    assert bot.tree.sync.await_count == 2


async def test_a_dev_guild_gets_its_own_sync(tmp_path, store):
    bot = make_bot(settings(tmp_path, dev_guild_id=999), store)
    bot.tree.sync = AsyncMock(return_value=[])
    await bot.sync_commands()
    assert bot.tree.sync.await_args.kwargs["guild"].id == 999


def test_a_health_file_left_by_the_last_run_is_removed_before_this_one_connects(tmp_path, store):
    health = tmp_path / "health"
    health.write_text(f"{time.time():.0f}\n")
    bot = make_bot(settings(tmp_path), store)
    bot._remove_stale_health_file()
    assert not health.exists()  # `imagine-bot health` now fails until the bot is connected


async def test_a_model_list_that_cannot_be_loaded_at_start_up_is_one_warning_and_the_bot_goes_on(
        tmp_path, store, caplog):
    bot = make_bot(settings(tmp_path), store)
    bot.services.imagine.catalog.refresh = AsyncMock(side_effect=ProviderUnavailable("down", status=503))
    await bot._load_models()
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "could not load the image model list: The model's provider is down or overloaded. Try again in a moment."]


def test_the_invite_url_asks_for_the_bot_and_commands_scopes(tmp_path, store):
    url = make_bot(settings(tmp_path), store).invite_url()
    assert "client_id=4242" in url
    assert "applications.commands" in url


def test_the_bot_is_given_its_secrets_only_through_settings(tmp_path):
    assert isinstance(settings(tmp_path).discord_token, Secret)
    assert "t" * 30 not in repr(settings(tmp_path))
