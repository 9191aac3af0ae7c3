"""/describe, its model autocomplete, the "Describe image" menu and what the prompt buttons do. Thin: turn the
interaction into core values, call the describe service, show the model's text as it streams and then the
prompts; a prompt button starts the presser's own /imagine job through the Imagine cog."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import msg
from bot.images.errors import ImageError
from bot.jobs.describe import DescribeGone, DescribeSubmitted, NoPrompts
from bot.jobs.errors import EngineClosed, InputImageError, JobCancelled, QueueFull, TooManyJobs
from bot.jobs.inputs import RemoteImage
from bot.policy import PolicyRefusal
from bot.records.spec import ResponseHandle
from cogs.describe import render
from cogs.describe.views import PromptButton, prompts_view
from cogs.imagine.commands import actor_of, editable_images, remote_image
from cogs.imagine.render import error_text, input_refusal, refusal
from cogs.imagine.views import tell_privately
from cogs.language import private_speaker, public_speaker, refusal_text

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot
    from cogs.imagine.commands import Imagine

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


class Describe(commands.Cog):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.service = bot.services.describe
        self.edits = bot.services.edits
        self.owner_ids = bot.services.settings.owner_ids
        self.menu = app_commands.ContextMenu(name="Describe image", callback=self.describe_menu)
        app_commands.allowed_installs(guilds=True, users=True)(self.menu)
        app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(self.menu)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)
        self.bot.add_dynamic_items(PromptButton)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)
        self.bot.remove_dynamic_items(PromptButton)

    # --- /describe and the menu ---

    @app_commands.command(name="describe", description="Turn an image into four prompts you can imagine")
    @app_commands.describe(image="The image to describe (PNG, JPEG or WebP)",
                           model="The model that reads it (default: this server's describe model)")
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def describe(self, interaction: discord.Interaction, image: discord.Attachment,
                       model: str | None = None) -> None:
        await self.start(interaction, remote_image(image), model)

    @describe.autocomplete("model")
    async def model_autocomplete(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=model, value=model) for model in self.service.model_choices(current)]

    async def describe_menu(self, interaction: discord.Interaction, message: discord.Message) -> None:
        attachment = next(iter(editable_images(message)), None)
        if attachment is None:
            await tell_privately(interaction, render.no_image(private_speaker(interaction)))
            return
        await self.start(interaction, remote_image(attachment), None)

    async def start(self, interaction: discord.Interaction, source: RemoteImage, model: str | None) -> None:
        """Refuse at once what needs no look-up (privately); else answer publicly, describe and show it."""
        received = time.monotonic()
        try:
            self.service.check(source, model)
        except PolicyRefusal as exc:
            log.info("describe of user %s refused at once: %s", interaction.user.id, exc.reason)
            await tell_privately(interaction, refusal(refusal_text(interaction, exc)))
            return
        except InputImageError as exc:
            log.info("image to describe refused for user %s: %s", interaction.user.id, type(exc).__name__)
            await tell_privately(interaction, input_refusal(exc, private_speaker(interaction)))
            return
        await interaction.response.defer(thinking=True)  # public: the prompts are; a refusal is told privately
        handle = ResponseHandle(application_id=interaction.application_id, interaction_token=interaction.token,
                                interaction_created_at=time.time() - (time.monotonic() - received))
        actor = actor_of(interaction, self.owner_ids)
        try:
            submitted = await self.service.submit(actor, source, model=model, handle=handle)
        except PolicyRefusal as exc:
            await tell_privately(interaction, refusal(refusal_text(interaction, exc)))
            return
        except (InputImageError, ImageError) as exc:
            log.info("image to describe refused for user %s: %s", interaction.user.id, type(exc).__name__)
            await tell_privately(interaction, input_refusal(exc, private_speaker(interaction)))
            return
        except (TooManyJobs, QueueFull, EngineClosed) as exc:
            log.info("describe refused for user %s: %s", interaction.user.id, type(exc).__name__)
            await tell_privately(interaction, f"⚠️ {error_text(exc, private_speaker(interaction))}")
            return
        except Exception as exc:  # storage trouble, a bug
            log.exception("could not queue a describe for user %s", interaction.user.id)
            await tell_privately(interaction, f"⚠️ {error_text(exc, private_speaker(interaction))}")
            return
        interaction.extras["job_id"] = submitted.record.id
        await self.follow(interaction, submitted)

    async def follow(self, interaction: discord.Interaction, submitted: DescribeSubmitted) -> None:
        """Show the model's text as it streams (edits throttled by the bot's EditScheduler), then the prompts
        with their buttons; a failure is told privately in place of the reply (in the member's language)."""
        record, job = submitted.record, submitted.job
        speak = public_speaker(record.spec)  # the progress and the prompts are public
        recorded = False

        async def send(payload: dict[str, Any]) -> None:
            nonlocal recorded
            message = await interaction.edit_original_response(allowed_mentions=NO_MENTIONS, **payload)
            self.bot.services.metrics.progress_edit()
            if not recorded:  # the buttons act only on this message
                await self.service.record_message(record.id, channel_id=message.channel.id, message_id=message.id)
                recorded = True

        stream = self.edits.stream(("interaction", interaction.id), send)
        try:
            shown = ""
            async for snapshot in job.changes():
                if snapshot.done:
                    break
                content = render.progress_content(record.spec, snapshot.progress, speak)
                if content != shown:  # an identical edit would only spend rate limit
                    shown = content
                    stream.update({"content": content})
            try:
                description = await job.wait()
            except JobCancelled as exc:
                if exc.by_shutdown:
                    return  # the next start-up tells the member
                raise
            await stream.finish({"content": render.prompts_content(record.spec, description, speak),
                                 "view": prompts_view(record.id, len(description.prompts))})
        except NoPrompts as exc:
            log.info("job %d: the model gave no prompt", record.id)
            await stream.aclose()
            await tell_privately(interaction, render.no_prompts(exc, private_speaker(interaction)))
        except Exception as exc:
            if not isinstance(exc, discord.HTTPException):
                log.info("job %d: describe failed: %s", record.id, type(exc).__name__)
            else:
                log.warning("job %d: Discord refused the describe's reply (%s %s)", record.id, exc.status, exc.code)
            await stream.aclose()
            await tell_privately(interaction, render.failure(exc, private_speaker(interaction)))
        finally:
            await stream.aclose()

    # --- the prompt buttons ---

    async def press(self, interaction: discord.Interaction, job_id: int, number: int) -> None:
        """Prompt `number` of a describe: a new /imagine job of whoever pressed, with the default model that
        applies there. Acknowledged (publicly, as the result will be) before the prompt is looked up."""
        received = time.monotonic()
        await interaction.response.defer(thinking=True)
        try:
            prompt = await self.service.prompt(job_id, number, message_id=interaction.message.id
                                               if interaction.message is not None else None)
        except DescribeGone as exc:
            await tell_privately(interaction, refusal(refusal_text(interaction, exc)))
            return
        imagine = cast("Imagine | None", self.bot.get_cog("Imagine"))
        if imagine is None:
            await tell_privately(interaction, "⚠️ " + private_speaker(interaction)(
                msg("Image generation is not available right now. Try again later.")))
            return
        actor = imagine.actor(interaction)
        spec = imagine.service.new_spec(prompt=prompt)
        log.info("job %d: prompt %d pressed by user %s", job_id, number, interaction.user.id)
        await imagine.start_job(interaction, received,
                                lambda handle: imagine.service.submit(actor, spec, handle=handle))
