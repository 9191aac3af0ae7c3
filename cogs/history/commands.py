"""/history and its Previous / Next buttons. Thin: who is asking (`actor_of`), the page from `HistoryService`
(which decides whose results may be seen where), then the embed and the buttons. Every answer is ephemeral:
a member's history is their own business."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import Speaker
from bot.policy import Actor, PolicyRefusal
from bot.records.history import HistoryCursor, HistoryPage
from cogs.audit import NO_MENTIONS
from cogs.history import render
from cogs.history.views import DYNAMIC_ITEMS, page_view
from cogs.imagine.commands import actor_of
from cogs.imagine.render import refusal
from cogs.language import private_speaker, refusal_text

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot

log = logging.getLogger(__name__)


class History(commands.Cog):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.service = bot.services.history
        self.owner_ids = bot.services.settings.owner_ids

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)  # pages shown before a restart keep turning

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)

    @app_commands.command(name="history", description="Your recent results here, newest first")
    @app_commands.describe(member="Another member's results on this server (needs Manage Server)")
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def history(self, interaction: discord.Interaction, member: discord.User | None = None) -> None:
        actor = actor_of(interaction, self.owner_ids)
        try:
            subject = self.service.subject(actor, member.id if member is not None else None)
        except PolicyRefusal as exc:
            log.info("user %s refused /history of user %s: %s", actor.user_id, member.id if member else None,
                     exc.reason)
            await interaction.response.send_message(refusal(refusal_text(interaction, exc)), ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        page = await self.service.page(actor, subject)
        await interaction.edit_original_response(**self.shown(page, actor, subject, private_speaker(interaction)),
                                                 allowed_mentions=NO_MENTIONS)

    async def turn(self, interaction: discord.Interaction, way: Literal["newer", "older"], *, viewer: int,
                   member: int, cursor: HistoryCursor) -> None:
        """Previous / Next: the page just newer or older than `cursor`, in place of the one shown; only for the
        member who ran the command (a moderator's right to look is checked again)."""
        if interaction.user.id != viewer:
            await interaction.response.send_message(private_speaker(interaction)(render.NOT_YOURS), ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return
        await interaction.response.defer()  # acknowledged at once; the page is read, then shown in place
        actor = actor_of(interaction, self.owner_ids)
        try:
            if way == "newer":
                page = await self.service.page(actor, member, newer_than=cursor)
            else:
                page = await self.service.page(actor, member, older_than=cursor)
        except PolicyRefusal as exc:
            await interaction.followup.send(refusal(refusal_text(interaction, exc)), ephemeral=True,
                                            allowed_mentions=NO_MENTIONS)
            return
        await interaction.edit_original_response(**self.shown(page, actor, member, private_speaker(interaction)),
                                                 allowed_mentions=NO_MENTIONS)

    @staticmethod
    def shown(page: HistoryPage, actor: Actor, subject: int, speak: Speaker) -> dict[str, Any]:
        """The message of a page in the reader's language: its embed and buttons, or a sentence when there is
        nothing to show."""
        own = subject == actor.user_id
        if not page.entries:
            return {"content": render.empty(subject, own=own, in_dm=actor.is_dm, speak=speak), "embed": None,
                    "view": None}
        return {"content": None, "embed": render.page_embed(page, subject, own=own, in_dm=actor.is_dm, speak=speak),
                "view": page_view(page, viewer=actor.user_id, member=subject, speak=speak)}
