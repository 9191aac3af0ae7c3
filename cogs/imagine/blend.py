"""/blend: two to four of the member's images combined into new ones by a model that reads images. Thin: the
attachments in order become the job's inputs (the service's toolkit checks and sends them); the job is followed
like any /imagine (`Imagine.start_job`)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.openroute.types import ASPECT_RATIOS
from bot.records.spec import ResponseHandle
from cogs.imagine import render, suggest
from cogs.imagine.attachments import remote_image
from cogs.imagine.commands import Imagine, impossible_model
from cogs.imagine.views import tell_privately
from cogs.language import private_speaker

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot
    from bot.jobs.outcomes import Submitted


class Blend(commands.Cog):
    """/blend, over the Imagine cog (its service, presenter and suggestions)."""

    def __init__(self, bot: ImagineBot, imagine: Imagine) -> None:
        self.bot = bot
        self.imagine = imagine

    @app_commands.command(name="blend", description="Blend two to four of your images into a new one")
    @app_commands.describe(
        image1="The first image (PNG, JPEG or WebP)", image2="The second image",
        image3="A third image (optional)", image4="A fourth image (optional)",
        prompt="How to combine them (optional: the model blends them as it sees fit)",
        model="An image model that reads images (default: the bot's default model)",
        aspect_ratio="Shape of the image", size="Resolution (the sizes the model renders here)",
        count="How many images (1-4)", style="A style of this server (or the bot's) added to your prompt",
    )
    @app_commands.choices(aspect_ratio=[app_commands.Choice(name=r, value=r) for r in ASPECT_RATIOS])
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def blend(self, interaction: discord.Interaction, image1: discord.Attachment, image2: discord.Attachment,
                    image3: discord.Attachment | None = None, image4: discord.Attachment | None = None,
                    prompt: app_commands.Range[str, 0, 1000] = "", model: str | None = None,
                    aspect_ratio: str | None = None, size: str | None = None,
                    count: app_commands.Range[int, 1, 4] = 1, style: str | None = None) -> None:
        received = time.monotonic()
        if impossible_model(model):
            await tell_privately(interaction, render.unknown_model(model or "", private_speaker(interaction)))
            return
        await interaction.response.defer(thinking=True)  # public, like /imagine's; refusals are private
        service = self.imagine.service
        spec = service.new_spec(prompt=prompt.strip(), model=model, aspect_ratio=aspect_ratio,
                                image_size=size.strip().upper() if size else None, count=count)
        images = [remote_image(image) for image in (image1, image2, image3, image4) if image is not None]
        actor = self.imagine.actor(interaction)

        async def submit(handle: ResponseHandle) -> Submitted:
            styled = await service.toolkit.styled(actor, spec, style) if style else spec
            return await service.toolkit.blend(actor, styled, images, handle=handle)

        await self.imagine.start_job(interaction, received, submit)

    @blend.autocomplete("model")
    async def model_autocomplete(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        return await self.imagine.suggest_models(interaction, current, images_only=True)

    @blend.autocomplete("size")
    async def size_autocomplete(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        return await self.imagine.suggest_sizes(interaction, current)

    @blend.autocomplete("style")
    async def style_autocomplete(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        return await self.imagine.suggest_styles(interaction, current)
