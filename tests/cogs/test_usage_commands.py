"""/usage, /models and /privacy forget at unit level: every answer ephemeral and without pings, the chart
attached for moderators, refusals in words, long model lists in several messages, and a history deleted only
after its owner pressed the confirm button."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
import pytest
from PIL import Image

from bot.images.chart import usage_chart
from bot.jobs.usage import MemberUsage, ServerUsage, UsageService
from bot.openroute.types import ImageModel, ModelPricing
from bot.policy import Actor, PolicyRefusal
from bot.policy.settings import SettingsService
from bot.records.guild import GuildSettings
from bot.records.usage import Forgotten, UsageTotals
from cogs.imagine.render import MESSAGE_LIMIT
from cogs.usage import render
from cogs.usage.commands import ConfirmForget, Usage

MEMBER = 2
STRANGER = 3
GUILD_ID = 10
DEFAULT = "emu/png"


def fake_interaction(*, user_id: int = MEMBER, guild_id: int | None = GUILD_ID, manage_guild: bool = False,
                     nsfw: bool = False) -> MagicMock:
    it = MagicMock()
    it.user.id = user_id
    it.user.roles = []
    it.guild_id = guild_id
    it.channel_id = 20
    it.channel.is_nsfw.return_value = nsfw
    it.is_user_integration.return_value = False
    it.is_guild_integration.return_value = True
    it.permissions.manage_guild = manage_guild
    it.permissions.administrator = False
    it.permissions.manage_messages = False
    for name in ("defer", "send_message", "edit_message"):
        setattr(it.response, name, AsyncMock())
    it.edit_original_response = AsyncMock()
    it.followup.send = AsyncMock()
    return it


class FakeCatalog:
    """The provider's model list; `models` None: it can't be had."""

    def __init__(self, models: list[ImageModel] | None) -> None:
        self.models = models

    async def known(self) -> list[ImageModel] | None:
        return self.models


class FakeImagine:
    """The model queries /models asks the imagine service; `models` None: the provider's list can't be had."""

    def __init__(self, models: list[ImageModel] | None) -> None:
        self.models = models
        self.catalog = FakeCatalog(models)
        self.asked: list[Actor] = []

    async def models_for(self, actor: Actor) -> list[ImageModel]:
        self.asked.append(actor)
        return self.models or []

    async def default_model_for(self, actor: Actor) -> str:
        return DEFAULT

    async def sizes_of(self, actor: Actor, models: list[str]) -> dict[str, tuple[str, ...]]:
        return {model: ("1K",) if model == DEFAULT else ("1K", "2K", "4K") for model in models}


def image_model(model_id: str) -> ImageModel:
    return ImageModel(id=model_id, name=model_id, pricing=ModelPricing(image_output=Decimal("0.04")))


@pytest.fixture
def usage_service() -> Any:
    service = create_autospec(UsageService, instance=True, spec_set=True)
    service.member.return_value = MemberUsage(
        in_dm=False, images_today=12, cost_today=Decimal("0.47"), images_month=80, cost_month=Decimal("3.10"),
        daily_limit=20, remaining_today=8, cooldown_left=0.0)
    service.server.return_value = ServerUsage(
        guild_id=GUILD_ID, today=UsageTotals(jobs=3, images=5, cost=Decimal("0.2")),
        month=UsageTotals(jobs=9, images=20, cost=Decimal(1)),
        top_members=((MEMBER, UsageTotals(jobs=9, images=20, cost=Decimal(1))),),
        monthly_budget=Decimal(5), budget_left=Decimal(4),
        days=tuple((1_747_267_200.0 + 86_400 * n, UsageTotals(images=n % 4)) for n in range(30)))
    service.forget.return_value = Forgotten(jobs=7, unfinished=0)
    service.chart.side_effect = usage_chart  # the real drawing, here in the test's thread
    return service


@pytest.fixture
def guild_settings() -> Any:
    settings = create_autospec(SettingsService, instance=True, spec_set=True)
    settings.get.return_value = GuildSettings(guild_id=GUILD_ID, age_restricted_models=frozenset({"x/nsfw"}))
    return settings


def make_cog(usage_service: Any, guild_settings: Any, models: list[ImageModel] | None = None) -> Usage:
    bot = MagicMock()
    bot.services.usage = usage_service
    bot.services.guild_settings = guild_settings
    bot.services.imagine = FakeImagine(models)
    bot.services.settings.owner_ids = frozenset()
    return Usage(bot)


@pytest.fixture
def cog(usage_service: Any, guild_settings: Any) -> Usage:
    return make_cog(usage_service, guild_settings)


def edited(it: MagicMock) -> dict[str, Any]:
    return it.edit_original_response.await_args.kwargs


def assert_private_and_silent(it: MagicMock) -> None:
    assert it.response.defer.await_args.kwargs["ephemeral"] is True
    mentions = edited(it)["allowed_mentions"]
    assert mentions.to_dict() == discord.AllowedMentions.none().to_dict()


# --- /usage ----------------------------------------------------------------------------------------------

async def test_usage_shows_the_members_numbers_privately(cog):
    it = fake_interaction()
    await cog.usage.callback(cog, it)
    assert_private_and_silent(it)
    assert "**12 images** · $0.47" in edited(it)["content"]
    assert "attachments" not in edited(it)
    actor = cog.usage_service.member.await_args.args[0]
    assert (actor.user_id, actor.guild_id, actor.is_dm) == (MEMBER, GUILD_ID, False)


async def test_server_usage_for_a_moderator_comes_with_the_chart_and_mentions_that_do_not_ping(cog):
    it = fake_interaction(manage_guild=True)
    await cog.usage.callback(cog, it, server=True)
    assert_private_and_silent(it)
    assert f"1. <@{MEMBER}>" in edited(it)["content"]
    [chart] = edited(it)["attachments"]
    assert chart.filename == render.CHART_NAME == "usage.png"
    assert Image.open(io.BytesIO(chart.fp.read())).size == (800, 300)
    assert cog.usage_service.server.await_args.args[0].manages_guild


async def test_the_chart_speaks_the_moderator_s_language(cog):
    it = fake_interaction(manage_guild=True)
    it.locale = discord.Locale.japanese
    await cog.usage.callback(cog, it, server=True)
    series, text = cog.usage_service.chart.await_args.args
    assert series[-1] == ("6月13日", 1.0)  # the last of the 30 days from 15 May 2025
    assert text.language == "ja"
    assert text.peak_axis == "3"


async def test_server_usage_refused_by_the_core_is_answered_in_its_words_without_a_chart(cog):
    cog.usage_service.server.side_effect = PolicyRefusal("Only members with the Manage Server permission can see.")
    it = fake_interaction()
    await cog.usage.callback(cog, it, server=True)
    assert edited(it)["content"] == "🚫 Only members with the Manage Server permission can see."
    assert "attachments" not in edited(it)


def test_the_commands_work_in_servers_dms_and_user_installed_contexts(cog):
    for command in (cog.usage, cog.models, cog.privacy):
        contexts, installs = command.allowed_contexts, command.allowed_installs
        assert (contexts.guild, contexts.dm_channel, contexts.private_channel) == (True, True, True), command.name
        assert (installs.guild, installs.user) == (True, True), command.name
    assert [c.name for c in cog.privacy.commands] == ["forget"]


# --- /models ---------------------------------------------------------------------------------------------

async def test_models_lists_what_is_allowed_here_with_the_default_and_age_restricted_marked(usage_service,
                                                                                          guild_settings):
    cog = make_cog(usage_service, guild_settings, [image_model(DEFAULT), image_model("x/nsfw")])
    it = fake_interaction(nsfw=True)
    await cog.models.callback(cog, it)
    assert_private_and_silent(it)
    text = edited(it)["content"]
    assert f"`{DEFAULT}` · $0.04/image · 1K only · **default**" in text
    assert "`x/nsfw` · $0.04/image · 1K–4K · 🔞" in text
    assert cog.imagine_service.asked[0].nsfw_channel
    it.followup.send.assert_not_awaited()


async def test_a_long_model_list_arrives_in_several_private_messages_within_the_limit(usage_service,
                                                                                     guild_settings):
    models = [image_model(f"vendor-{n:03d}/" + "m" * 90) for n in range(80)]
    cog = make_cog(usage_service, guild_settings, models)
    it = fake_interaction(guild_id=None)
    await cog.models.callback(cog, it)
    pages = [edited(it)["content"]] + [call.args[0] for call in it.followup.send.await_args_list]
    assert len(pages) > 1
    assert all(len(page) <= MESSAGE_LIMIT for page in pages)
    assert all(call.kwargs["ephemeral"] for call in it.followup.send.await_args_list)
    assert sum(page.count("vendor-") for page in pages) == len(models)
    guild_settings.get.assert_not_awaited()  # no server settings in direct messages


async def test_models_says_the_list_cannot_be_loaded_rather_than_that_none_are_allowed(usage_service,
                                                                                      guild_settings):
    cog = make_cog(usage_service, guild_settings, None)
    it = fake_interaction()
    await cog.models.callback(cog, it)
    assert "can't be loaded" in edited(it)["content"]
    assert cog.imagine_service.asked == []


# --- /privacy forget -------------------------------------------------------------------------------------

async def ask_to_forget(cog: Usage, it: MagicMock) -> ConfirmForget:
    forget = cog.privacy.get_command("forget")
    assert forget is not None
    await forget.callback(cog, it)
    kwargs = it.response.send_message.await_args.kwargs
    assert kwargs["ephemeral"] is True
    assert it.response.send_message.await_args.args[0] == str(render.FORGET_PROMPT)
    return kwargs["view"]


async def test_forget_asks_first_and_deletes_nothing_until_the_button_is_pressed(cog):
    view = await ask_to_forget(cog, fake_interaction())
    assert isinstance(view, ConfirmForget)
    assert view.timeout is not None
    assert view.timeout > 0
    cog.usage_service.forget.assert_not_awaited()


async def test_only_the_member_who_asked_can_press_the_buttons(cog):
    view = await ask_to_forget(cog, fake_interaction())
    stranger = fake_interaction(user_id=STRANGER)
    assert await view.interaction_check(stranger) is False
    assert stranger.response.send_message.await_args.args[0] == str(render.NOT_YOUR_BUTTON)
    assert stranger.response.send_message.await_args.kwargs["ephemeral"] is True
    assert await view.interaction_check(fake_interaction()) is True
    cog.usage_service.forget.assert_not_awaited()


async def test_confirming_deletes_the_callers_history_once_and_says_how_many_jobs(cog):
    view = await ask_to_forget(cog, fake_interaction())
    press = fake_interaction()
    await view.confirm.callback(press)
    assert press.response.edit_message.await_args.kwargs == {"content": str(render.FORGETTING), "view": None}
    assert edited(press)["content"] == render.forgotten_content(Forgotten(jobs=7, unfinished=0))
    cog.usage_service.forget.assert_awaited_once()
    assert cog.usage_service.forget.await_args.args[0].user_id == MEMBER
    await view.confirm.callback(fake_interaction())  # a second press that raced the first
    cog.usage_service.forget.assert_awaited_once()
    assert view.is_finished()


async def test_a_failure_while_deleting_is_told_in_place_of_the_progress_message(cog):
    cog.usage_service.forget.side_effect = RuntimeError("disk I/O error")
    view = await ask_to_forget(cog, fake_interaction())
    press = fake_interaction()
    await view.confirm.callback(press)
    assert edited(press)["content"].startswith("⚠️")
    assert "disk I/O error" not in edited(press)["content"]


async def test_keeping_it_deletes_nothing(cog):
    view = await ask_to_forget(cog, fake_interaction())
    press = fake_interaction()
    await view.keep.callback(press)
    assert press.response.edit_message.await_args.kwargs == {"content": str(render.FORGET_KEPT), "view": None}
    await view.confirm.callback(fake_interaction())
    cog.usage_service.forget.assert_not_awaited()


async def test_when_the_question_times_out_nothing_is_deleted_and_the_question_is_closed(cog):
    asked = fake_interaction()
    view = await ask_to_forget(cog, asked)
    await view.on_timeout()
    assert edited(asked) == {"content": str(render.FORGET_TIMED_OUT), "view": None}
    cog.usage_service.forget.assert_not_awaited()


async def test_a_timeout_after_an_answer_leaves_the_answer_alone(cog):
    asked = fake_interaction()
    view = await ask_to_forget(cog, asked)
    await view.confirm.callback(fake_interaction())
    await view.on_timeout()
    asked.edit_original_response.assert_not_awaited()
