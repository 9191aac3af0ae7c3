"""/usage, /models and /privacy forget. Thin: describe the member to the core, ask the services, render.
Every answer is ephemeral: usage and history are the member's own business."""

from __future__ import annotations

import io
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import send_notice
from bot.i18n import Speaker, english
from bot.messages import explain
from bot.policy import Actor, PolicyRefusal
from bot.records.usage import Forgotten
from cogs.imagine.commands import actor_of
from cogs.language import private_speaker, refusal_text
from cogs.usage import render

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
CONFIRM_TIMEOUT = 120.0
EVERY_INSTALL = app_commands.AppInstallationType(guild=True, user=True)
EVERY_CONTEXT = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True)


class ConfirmForget(discord.ui.View):
    """"Delete my history?" with two buttons. Only `owner_id` may press them; nothing is deleted before the
    confirm press, and at most once. When it times out, the question is replaced by "nothing was deleted"."""

    def __init__(self, *, owner_id: int, forget: Callable[[], Awaitable[Forgotten]], speak: Speaker | None = None,
                 timeout: float = CONFIRM_TIMEOUT) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self._forget = forget
        self.speak = speak or english()  # the language of the member who asked: only they see it
        self.confirm.label = self.speak(render.FORGET_CONFIRM)
        self.keep.label = self.speak(render.FORGET_KEEP)
        self.origin: discord.Interaction | None = None  # the command's interaction, to edit on timeout
        self.answered = False

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(private_speaker(interaction)(render.NOT_YOUR_BUTTON), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)
        return False

    @discord.ui.button(label="Delete my history", style=discord.ButtonStyle.danger, emoji="🗑️")
    async def confirm(self, interaction: discord.Interaction, _button: discord.ui.Button[Any]) -> None:
        if self.answered:  # a second press that raced the first
            await interaction.response.defer()
            return
        self.answered = True
        self.stop()
        await interaction.response.edit_message(content=self.speak(render.FORGETTING), view=None)
        try:
            forgotten = await self._forget()
        except Exception as exc:  # storage trouble: say so in place of "Deleting…"
            log.exception("forgetting the history of user %s failed", self.owner_id)
            await interaction.edit_original_response(content=f"⚠️ {self.speak(explain(exc).message)}", view=None)
            return
        await interaction.edit_original_response(content=render.forgotten_content(forgotten, self.speak), view=None)

    @discord.ui.button(label="Keep it", style=discord.ButtonStyle.secondary)
    async def keep(self, interaction: discord.Interaction, _button: discord.ui.Button[Any]) -> None:
        if self.answered:
            await interaction.response.defer()
            return
        self.answered = True
        self.stop()
        await interaction.response.edit_message(content=self.speak(render.FORGET_KEPT), view=None)

    async def on_timeout(self) -> None:
        if self.answered or self.origin is None:
            return
        self.answered = True
        try:
            await self.origin.edit_original_response(content=self.speak(render.FORGET_TIMED_OUT), view=None)
        except discord.HTTPException as exc:  # the message was dismissed, or the token expired
            log.info("could not close the forget confirmation of user %s: %s", self.owner_id, exc)

    async def on_error(self, interaction: discord.Interaction, error: Exception,
                       _item: discord.ui.Item[Any]) -> None:
        log.error("the forget confirmation failed for user %s", interaction.user.id, exc_info=error)
        await send_notice(interaction, self.speak(explain(error).message))


class Usage(commands.Cog):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.usage_service = bot.services.usage
        self.imagine_service = bot.services.imagine
        self.guild_settings = bot.services.guild_settings
        self.owner_ids = bot.services.settings.owner_ids

    def actor(self, interaction: discord.Interaction) -> Actor:
        return actor_of(interaction, self.owner_ids)

    # --- /usage ---

    @app_commands.command(name="usage", description="How many images you made and how many you have left")
    @app_commands.describe(server="Show the whole server's usage, budget and chart (Manage Server)")
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def usage(self, interaction: discord.Interaction, server: bool = False) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        actor = self.actor(interaction)
        speak = private_speaker(interaction)  # only the member sees the answer: their language
        if not server:
            mine = await self.usage_service.member(actor)
            await interaction.edit_original_response(content=render.member_content(mine, speak),
                                                     allowed_mentions=NO_MENTIONS)
            return
        try:
            numbers = await self.usage_service.server(actor)
        except PolicyRefusal as exc:
            await interaction.edit_original_response(content=f"🚫 {refusal_text(interaction, exc)}",
                                                     allowed_mentions=NO_MENTIONS)
            return
        series = render.chart_series(numbers.days, speak)
        chart = await self.usage_service.chart(series, render.chart_text(series, speak))
        await interaction.edit_original_response(
            content=render.server_content(numbers, speak), allowed_mentions=NO_MENTIONS,
            attachments=[discord.File(io.BytesIO(chart), filename=render.CHART_NAME)])

    # --- /models ---

    @app_commands.command(name="models", description="The image models you can use here, with their prices")
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def models(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        actor = self.actor(interaction)
        speak = private_speaker(interaction)
        # loads the provider's list if needed, so "none allowed here" is never said of a list not yet known
        if await self.imagine_service.catalog.known() is None:
            pages = render.models_pages(None, default="", in_dm=actor.is_dm, speak=speak)
        else:
            allowed = await self.imagine_service.models_for(actor)
            default = await self.imagine_service.default_model_for(actor)
            restricted: frozenset[str] = frozenset()
            if not actor.is_dm and actor.guild_id is not None:
                restricted = (await self.guild_settings.get(actor.guild_id)).age_restricted_models
            sizes = await self.imagine_service.sizes_of(actor, [model.id for model in allowed])
            pages = render.models_pages(allowed, default=default, in_dm=actor.is_dm, age_restricted=restricted,
                                        sizes=sizes, speak=speak)
        await interaction.edit_original_response(content=pages[0], allowed_mentions=NO_MENTIONS)
        for page in pages[1:]:
            await interaction.followup.send(page, ephemeral=True, allowed_mentions=NO_MENTIONS)

    # --- /privacy forget ---

    privacy = app_commands.Group(name="privacy", description="What the bot keeps about you",
                                 allowed_installs=EVERY_INSTALL, allowed_contexts=EVERY_CONTEXT)

    @privacy.command(name="forget", description="Delete your image history and the images stored for it")
    async def forget(self, interaction: discord.Interaction) -> None:
        actor = self.actor(interaction)

        async def forget_now() -> Forgotten:
            return await self.usage_service.forget(actor)

        speak = private_speaker(interaction)
        view = ConfirmForget(owner_id=actor.user_id, forget=forget_now, speak=speak)
        await interaction.response.send_message(speak(render.FORGET_PROMPT), view=view, ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)
        view.origin = interaction
