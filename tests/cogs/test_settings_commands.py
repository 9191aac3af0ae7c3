"""/settings at unit level: the command tree Discord is given, who may change anything (checked in code, not
only by Discord's default permissions), what the moderator is told, what reaches the audit channel, and the
model suggestions. The settings service is the real one over an in-memory repository."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace
from typing import Any
from unittest.mock import MagicMock, create_autospec

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.jobs.catalog import ModelCatalog
from bot.jobs.service import ImagineService
from bot.openroute.types import ImageModel, ModelPricing
from bot.policy import Policy, PolicySettings
from bot.policy.settings import SettingsService
from bot.records.guild import GuildSettings, Style
from cogs.audit import post_audit
from cogs.settings import ServerSettings

GUILD = 2002
CHANNEL = 3003
MODERATOR = 4004
MEMBER = 4005
LOG_CHANNEL = 7007
MODELS = [
    ImageModel(id="emu/png", name="Emu PNG", pricing=ModelPricing(image_output=Decimal("0.04"))),
    ImageModel(id="emu/tok", name="Emu Tokens", pricing=ModelPricing(prompt=Decimal("0.000001"))),
    ImageModel(id="kiwi/art", name="Kiwi Art", pricing=ModelPricing(request=Decimal("0.01"))),
]
MANAGE_SERVER = discord.Permissions(manage_guild=True)
OTHER_MODERATOR_BITS = discord.Permissions(manage_messages=True, kick_members=True, ban_members=True,
                                           manage_channels=True, manage_roles=True)


class MemoryGuildSettings:
    """The settings repository, in memory."""

    def __init__(self, *saved: GuildSettings) -> None:
        self.saved = {s.guild_id: s for s in saved}

    async def get(self, guild_id: int) -> GuildSettings:
        return self.saved.get(guild_id, GuildSettings(guild_id=guild_id))

    async def save(self, settings: GuildSettings, *, now: float) -> GuildSettings:
        self.saved[settings.guild_id] = settings.replace(updated_at=now)
        return self.saved[settings.guild_id]

    async def update(self, guild_id: int, change: Callable[[GuildSettings], GuildSettings], *,
                     now: float) -> tuple[GuildSettings, GuildSettings]:
        before = await self.get(guild_id)
        return before, await self.save(change(before), now=now)

    async def updated_at(self, guild_id: int) -> float | None:
        saved = self.saved.get(guild_id)
        return saved.updated_at if saved else None


def make_cog(*saved: GuildSettings, operator_models: tuple[str, ...] = (),
             cached: list[ImageModel] | None = MODELS, styles: tuple[Style, ...] = (),
             describe_models: tuple[str, ...] = ()) -> ServerSettings:
    async def models() -> list[ImageModel]:
        return MODELS

    policy = Policy(PolicySettings(default_model="emu/png", allowed_models=operator_models))
    imagine = create_autospec(ImagineService, instance=True)
    imagine.catalog = create_autospec(ModelCatalog, instance=True, spec_set=True)
    imagine.catalog.cached.return_value = cached
    bot = create_autospec(commands.Bot, instance=True)
    bot.services = SimpleNamespace(
        guild_settings=SettingsService(MemoryGuildSettings(*saved), policy, models, styles=styles,
                                       describe_models=describe_models, clock=lambda: 1000.0),
        imagine=imagine, settings=SimpleNamespace(owner_ids=frozenset(), allowed_models=operator_models))
    bot.get_partial_messageable.return_value = create_autospec(discord.PartialMessageable, instance=True,
                                                               spec_set=True)
    return ServerSettings(bot)


def interaction(*, permissions: discord.Permissions = MANAGE_SERVER, user_id: int = MODERATOR,
                guild_id: int | None = GUILD, user_install_only: bool = False) -> Any:
    it = create_autospec(discord.Interaction, instance=True)
    it.response = create_autospec(discord.InteractionResponse, instance=True, spec_set=True)
    it.user = create_autospec(discord.Member, instance=True)
    it.user.id = user_id
    it.user.roles = []
    it.channel = create_autospec(discord.TextChannel, instance=True)
    it.channel.is_nsfw.return_value = False
    it.guild_id = guild_id
    it.channel_id = CHANNEL
    it.permissions = permissions
    it.is_user_integration.return_value = user_install_only
    it.is_guild_integration.return_value = not user_install_only
    return it


def picked(kind: type, object_id: int) -> Any:
    """A channel or role option as discord.py resolves it."""
    found = create_autospec(kind, instance=True)
    found.id = object_id
    return found


async def run(cog: ServerSettings, name: str, it: Any, /, **options: Any) -> None:
    """Invoke a subcommand's callback the way the command tree does once Discord allowed the call."""
    command = next(c for c in cog.walk_app_commands() if c.qualified_name == f"settings {name}")
    assert isinstance(command, app_commands.Command)
    await command.callback(cog, it, **options)  # type: ignore[arg-type]


def said(it: Any) -> str:
    """The one ephemeral thing the member was told: an immediate reply or the edit of a deferred one."""
    if it.response.send_message.await_count:
        assert it.response.send_message.await_args.kwargs["ephemeral"] is True
        return it.response.send_message.await_args.args[0]
    assert it.response.defer.await_args.kwargs["ephemeral"] is True
    return it.edit_original_response.await_args.kwargs["content"]


def audit_channel(cog: ServerSettings) -> MagicMock:
    return cog.bot.get_partial_messageable.return_value


async def stored(cog: ServerSettings) -> GuildSettings:
    return await cog.service.get(GUILD)


# --- the command tree ------------------------------------------------------------------------------------

async def test_settings_is_one_server_only_group_hidden_from_members_without_manage_server():
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.none())
    bot.services = make_cog().bot.services  # type: ignore[attr-defined]
    await bot.load_extension("cogs.settings")
    payload = bot.tree.get_command("settings").to_dict(bot.tree)  # type: ignore[union-attr]

    assert (payload["default_member_permissions"], payload["contexts"], payload["integration_types"],
            payload["dm_permission"]) == (discord.Permissions(manage_guild=True).value, [0], [0], False)
    tree = {o["name"]: sorted(x["name"] for x in o.get("options", [])) for o in payload["options"]}
    assert tree == {
        "show": [], "models": ["add", "age-restricted", "default", "remove"], "channels": ["add", "remove"],
        "roles": ["add", "remove"], "limits": ["concurrent", "cooldown", "daily", "max_count", "max_size"],
        "budget": ["monthly_usd"], "log-channel": ["channel"], "spoiler": ["enabled"],
        "words": ["add", "list", "remove"], "members": ["block", "unblock"], "styles": ["add", "list", "remove"],
        "describe-model": ["model"], "language": ["language"],
    }
    language = next(o for o in payload["options"] if o["name"] == "language")
    assert language["options"][0]["required"] is False
    assert {c["value"]: c["name"] for c in language["options"][0]["choices"]} == {
        "en-US": "English", "de": "Deutsch", "fr": "Français", "es-ES": "Español (España)",
        "es-419": "Español (Latinoamérica)", "pt-BR": "Português (Brasil)", "ja": "日本語", "zh-CN": "简体中文",
        "ko": "한국어", "ru": "Русский", "pl": "Polski"}
    limits = next(o for o in payload["options"] if o["name"] == "limits")
    assert not any(option["required"] for option in limits["options"])
    assert [c["value"] for c in limits["options"][-1]["choices"]] == ["1K", "2K", "4K"]
    log_channel = next(o for o in payload["options"] if o["name"] == "log-channel")
    assert log_channel["options"][0]["required"] is False


# --- who may change anything -----------------------------------------------------------------------------

CHANNEL_30, LOG_77, ROLE_40 = picked(discord.TextChannel, 30), picked(discord.TextChannel, 77), picked(discord.Role, 40)
EVERY_SUBCOMMAND = [
    ("show", {}), ("models add", {"model": "emu/png"}), ("models remove", {"model": "emu/png"}),
    ("models default", {"model": "emu/png"}), ("models age-restricted", {"model": "emu/png", "enabled": True}),
    ("channels add", {"channel": CHANNEL_30}), ("channels remove", {"channel": CHANNEL_30}),
    ("roles add", {"role": ROLE_40}), ("roles remove", {"role": ROLE_40}), ("limits", {"daily": 1}),
    ("budget", {"monthly_usd": 5.0}), ("log-channel", {"channel": LOG_77}), ("spoiler", {"enabled": True}),
    ("styles add", {"name": "Noir", "text": "film noir"}), ("styles remove", {"name": "Ink"}), ("styles list", {}),
    ("describe-model", {"model": "vision/one"}), ("language", {"language": "ja"}),
]


@pytest.mark.parametrize(("name", "options"), EVERY_SUBCOMMAND, ids=[n for n, _ in EVERY_SUBCOMMAND])
@pytest.mark.parametrize("permissions", [discord.Permissions.none(), OTHER_MODERATOR_BITS],
                         ids=["member", "other-moderator-bits"])
async def test_a_member_without_manage_server_is_refused_even_when_discord_let_the_command_through(
        name, options, permissions):
    before = GuildSettings(guild_id=GUILD, allowed_models=frozenset({"emu/png"}), channel_ids=frozenset({30}),
                           role_ids=frozenset({40}), log_channel_id=LOG_CHANNEL,
                           styles=(Style(name="Ink", text="ink"),))
    cog = make_cog(before, describe_models=("vision/one",))
    it = interaction(permissions=permissions, user_id=MEMBER)

    await run(cog, name, it, **options)

    assert "Manage Server" in said(it)
    it.response.defer.assert_not_awaited()
    it.edit_original_response.assert_not_awaited()
    assert await stored(cog) == before
    audit_channel(cog).send.assert_not_awaited()


async def test_administrators_may_change_settings_without_the_manage_server_bit():
    cog = make_cog()
    it = interaction(permissions=discord.Permissions(administrator=True))

    await run(cog, "spoiler", it, enabled=True)

    assert said(it).startswith("✅")
    assert (await stored(cog)).spoiler is True


async def test_settings_used_through_a_user_install_outside_the_server_are_refused():
    cog = make_cog()
    it = interaction(user_install_only=True)

    await run(cog, "spoiler", it, enabled=True)

    assert "server" in said(it)
    assert (await stored(cog)).spoiler is False


# --- changes: the confirmation and the audit channel -----------------------------------------------------

async def test_a_change_is_confirmed_to_the_moderator_alone_with_before_and_after():
    cog = make_cog()
    it = interaction()

    await run(cog, "limits", it, daily=5, cooldown=30)

    assert said(it).split("\n") == [
        "✅ Saved **/settings limits**:",
        "- Changed the daily limit from the operator's default to 5 images per member per 24 h.",
        "- Changed the cooldown between a member's requests from none to 30 s."]
    assert it.edit_original_response.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert ((await stored(cog)).daily_limit, (await stored(cog)).cooldown_seconds) == (5, 30)


async def test_a_change_is_written_to_the_audit_channel_when_one_is_set():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))

    await run(cog, "models add", interaction(), model="emu/png")

    cog.bot.get_partial_messageable.assert_called_once_with(LOG_CHANNEL)
    sent = audit_channel(cog).send.await_args
    assert sent.args[0] == (f"⚙️ <@{MODERATOR}> used **/settings models add**: Allowed `emu/png` on this server "
                            "(1 model in all; before, every model the operator allows).")
    assert sent.kwargs["allowed_mentions"].to_dict() == {"parse": []}


async def test_without_an_audit_channel_nothing_is_posted():
    cog = make_cog()

    await run(cog, "models add", interaction(), model="emu/png")

    assert (await stored(cog)).allowed_models == {"emu/png"}
    cog.bot.get_partial_messageable.assert_not_called()


async def test_turning_the_audit_log_off_is_recorded_in_the_channel_it_was():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    it = interaction()

    await run(cog, "log-channel", it)

    assert (await stored(cog)).log_channel_id is None
    cog.bot.get_partial_messageable.assert_called_once_with(LOG_CHANNEL)
    assert f"Turned the audit log off (it was <#{LOG_CHANNEL}>)." in audit_channel(cog).send.await_args.args[0]


async def test_a_change_that_changes_nothing_is_said_and_not_logged():
    cog = make_cog(GuildSettings(guild_id=GUILD, spoiler=True, log_channel_id=LOG_CHANNEL))
    it = interaction()

    await run(cog, "spoiler", it, enabled=True)

    assert said(it).startswith("Nothing changed")
    audit_channel(cog).send.assert_not_awaited()


async def test_the_budget_is_kept_as_the_amount_typed():
    cog = make_cog()
    it = interaction()

    await run(cog, "budget", it, monthly_usd=12.1)

    assert (await stored(cog)).monthly_budget_usd == Decimal("12.10")
    assert said(it) == "✅ Set the monthly budget to $12.10 (UTC calendar month; before, none)."


async def test_channels_and_roles_are_added_and_removed_by_id():
    cog = make_cog(GuildSettings(guild_id=GUILD, role_ids=frozenset({40})))

    await run(cog, "channels add", interaction(), channel=CHANNEL_30)
    await run(cog, "roles remove", interaction(), role=ROLE_40)

    assert ((await stored(cog)).channel_ids, (await stored(cog)).role_ids) == ({30}, frozenset())


# --- refusals --------------------------------------------------------------------------------------------

async def test_a_refused_change_tells_the_moderator_why_privately():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    it = interaction()

    await run(cog, "models remove", it, model="kiwi/art")

    assert said(it) == "🚫 `kiwi/art` is not on this server's list."
    audit_channel(cog).send.assert_not_awaited()


async def test_a_typed_model_that_could_break_its_code_span_is_refused_unbroken():
    cog = make_cog()
    it = interaction()

    await run(cog, "models add", it, model="x`@everyone`")

    assert said(it) == "🚫 `xˋ@everyoneˋ` is not a model id. Pick one from the list."
    assert (await stored(cog)).allowed_models == frozenset()


async def test_a_model_id_longer_than_any_suggestion_is_refused_in_one_short_message():
    cog = make_cog()
    it = interaction()

    await run(cog, "models add", it, model="x" * 2000)

    assert said(it) == f"🚫 `{'x' * 99}…` is not a model id. Pick one from the list."
    assert (await stored(cog)).allowed_models == frozenset()


# --- /settings show --------------------------------------------------------------------------------------

async def test_show_answers_the_moderator_privately_with_the_configuration():
    cog = make_cog(GuildSettings(guild_id=GUILD, allowed_models=frozenset({"emu/png", "gone/model"})))
    it = interaction()

    await run(cog, "show", it)

    assert it.response.defer.await_args.kwargs["ephemeral"] is True
    embed = it.edit_original_response.await_args.kwargs["embed"]
    assert "`gone/model` · ⚠️ no longer listed by the provider" in embed.description


# --- model suggestions -----------------------------------------------------------------------------------

def names(choices: list[app_commands.Choice[str]]) -> list[str]:
    return [c.name for c in choices]


async def test_suggestions_to_add_list_the_image_models_with_their_price_per_image():
    cog = make_cog()

    choices = await cog.suggest(interaction(), "", "add")

    assert names(choices) == ["emu/png — $0.04/image", "emu/tok", "kiwi/art — $0.01/image"]
    assert [c.value for c in choices] == ["emu/png", "emu/tok", "kiwi/art"]


async def test_suggestions_to_add_leave_out_models_already_allowed_or_not_allowed_by_the_operator():
    cog = make_cog(GuildSettings(guild_id=GUILD, allowed_models=frozenset({"emu/png"})), operator_models=("emu/*",))
    assert names(await cog.suggest(interaction(), "", "add")) == ["emu/tok"]


async def test_suggestions_match_the_typed_text_against_id_and_name():
    cog = make_cog()
    assert names(await cog.suggest(interaction(), "ART", "add")) == ["kiwi/art — $0.01/image"]
    assert names(await cog.suggest(interaction(), "tokens", "add")) == ["emu/tok"]


async def test_suggestions_to_remove_list_the_servers_models_and_flag_vanished_ones_to_moderators_only():
    cog = make_cog(GuildSettings(guild_id=GUILD, allowed_models=frozenset({"kiwi/art", "gone/model"})))

    assert names(await cog.suggest(interaction(), "", "server")) == [
        "gone/model — no longer listed by the provider", "kiwi/art — $0.01/image"]
    assert await cog.suggest(interaction(permissions=OTHER_MODERATOR_BITS), "", "server") == []


async def test_suggestions_for_the_default_are_the_servers_list_or_else_every_allowed_model():
    narrowed = make_cog(GuildSettings(guild_id=GUILD, allowed_models=frozenset({"kiwi/art"})))
    open_server = make_cog()
    assert names(await narrowed.suggest(interaction(), "", "pick")) == ["kiwi/art — $0.01/image"]
    assert len(await open_server.suggest(interaction(), "", "pick")) == len(MODELS)


async def test_suggestions_answer_at_once_when_the_model_list_is_not_loaded_yet():
    cog = make_cog(GuildSettings(guild_id=GUILD, allowed_models=frozenset({"kiwi/art"})), cached=None)

    assert await cog.suggest(interaction(), "", "add") == []
    assert names(await cog.suggest(interaction(), "", "server")) == ["kiwi/art"]
    cog.imagine.catalog.known.assert_not_called()


async def test_suggestions_give_up_in_time_when_the_database_hangs(monkeypatch):
    import asyncio

    import cogs.imagine.suggest as suggest

    monkeypatch.setattr(suggest, "FIRST_ANSWER_LOOKUP", 0.05)
    cog = make_cog()

    async def hang(guild_id: int) -> GuildSettings:
        await asyncio.Event().wait()
        raise AssertionError("never answers")

    cog.service.get = hang  # type: ignore[method-assign]

    assert await cog.suggest(interaction(), "", "add") == []


# --- the audit helper ------------------------------------------------------------------------------------

def refusal(kind: type[discord.HTTPException], status: int) -> discord.HTTPException:
    response = MagicMock(status=status, reason="refused")
    return kind(response, {"code": 50001, "message": "Missing Access"})


async def test_an_audit_line_is_sent_with_no_mentions_allowed():
    bot = make_cog().bot
    await post_audit(bot, LOG_CHANNEL, "⚙️ <@1> changed **/settings spoiler** @everyone")
    bot.get_partial_messageable.assert_called_once_with(LOG_CHANNEL)
    sent = bot.get_partial_messageable.return_value.send.await_args
    assert sent.args == ("⚙️ <@1> changed **/settings spoiler** @everyone",)
    assert sent.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    await post_audit(bot, None, "no audit channel: nothing is sent")
    bot.get_partial_messageable.assert_called_once()


@pytest.mark.parametrize(("kind", "status"), [(discord.Forbidden, 403), (discord.NotFound, 404),
                                              (discord.HTTPException, 400)])
async def test_an_audit_channel_the_bot_cannot_use_costs_a_warning_not_the_command(kind, status, caplog):
    bot = make_cog().bot
    bot.get_partial_messageable.return_value.send.side_effect = refusal(kind, status)

    with caplog.at_level(logging.WARNING, logger="cogs.audit"):
        await post_audit(bot, LOG_CHANNEL, "a change")

    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(LOG_CHANNEL) in caplog.records[0].getMessage()


async def test_the_change_is_confirmed_even_when_the_audit_channel_is_gone():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    audit_channel(cog).send.side_effect = refusal(discord.NotFound, 404)
    it = interaction()

    await run(cog, "spoiler", it, enabled=True)

    assert said(it).startswith("✅")
    assert (await stored(cog)).spoiler is True


async def test_a_long_audit_line_is_clipped_to_one_message():
    bot = make_cog().bot
    await post_audit(bot, LOG_CHANNEL, "x" * 2500)
    assert len(bot.get_partial_messageable.return_value.send.await_args.args[0]) == 2000
