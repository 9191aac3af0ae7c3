"""/imagine, its model autocomplete, the "Edit image" context menu and what the job buttons do.
Thin: turn the interaction into core values, call the service, hand the job to the presenter."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.formats import SUPPORTED_MIME_TYPES
from bot.images.errors import ImageError
from bot.jobs.errors import EngineClosed, InputImageError, QueueFull, TooManyJobs
from bot.jobs.inputs import RemoteImage, declared_type
from bot.jobs.ownership import HEARTBEAT_INTERVAL
from bot.jobs.service import Submitted
from bot.messages import explain
from bot.openroute.types import ASPECT_RATIOS, IMAGE_SIZES, ImageModel
from bot.policy import Actor, PolicyRefusal
from bot.policy.rules import BlockedPrompt
from bot.records.job import JobRecord
from bot.records.spec import ResponseHandle
from cogs.audit import post_audit
from cogs.imagine import render
from cogs.imagine.presenter import NO_MENTIONS, Presenter, Target
from cogs.imagine.views import DYNAMIC_ITEMS, EditPromptModal

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot

log = logging.getLogger(__name__)

PENDING_EDIT_TTL = 15 * 60
GRID_NAME = "grid.png"

Submit = Callable[[ResponseHandle], Awaitable[Submitted]]


def remote_image(attachment: discord.Attachment) -> RemoteImage:
    return RemoteImage(url=attachment.url, filename=attachment.filename, content_type=attachment.content_type,
                       size=attachment.size)


def editable_images(message: discord.Message | None) -> list[discord.Attachment]:
    """The attachments of a message that can be edited: PNG, JPEG or WebP (or untyped), never our grid."""
    return [a for a in (message.attachments if message else [])
            if a.filename != GRID_NAME and declared_type(a.content_type) in (*SUPPORTED_MIME_TYPES, "")]


def model_choices(models: Iterable[ImageModel], current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 of `models` whose id or name contains what was typed, each with its per-image price (token-billed
    models show none rather than "$0")."""
    needle = current.lower().strip()
    choices = []
    for m in models:
        if needle and needle not in m.id.lower() and needle not in m.name.lower():
            continue
        choices.append(app_commands.Choice(name=render.model_label(m)[:100], value=m.id[:100]))
        if len(choices) == 25:
            break
    return choices


def actor_of(interaction: discord.Interaction, owner_ids: frozenset[int]) -> Actor:
    # DM policy covers bot DMs and every user-installed context the server did not install the bot in
    in_dm = interaction.guild_id is None or (interaction.is_user_integration()
                                             and not interaction.is_guild_integration())
    in_server = interaction.guild_id is not None
    permissions = interaction.permissions
    roles = getattr(interaction.user, "roles", None) or ()
    channel = interaction.channel
    nsfw = bool(channel is not None and getattr(channel, "is_nsfw", None) and channel.is_nsfw())
    return Actor(user_id=interaction.user.id, guild_id=interaction.guild_id, channel_id=interaction.channel_id,
                 is_dm=in_dm, is_owner=interaction.user.id in owner_ids,
                 manages_messages=in_server and permissions.manage_messages,
                 manages_guild=in_server and (permissions.manage_guild or permissions.administrator),
                 role_ids=frozenset(role.id for role in roles), nsfw_channel=nsfw)


class Imagine(commands.Cog):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.service = bot.services.imagine
        self.owner_ids = bot.services.settings.owner_ids
        self.presenter = Presenter(bot, self.service, bot.services.edits)
        self._pending_edits: dict[str, tuple[float, int, discord.Attachment]] = {}
        self._tasks: set[asyncio.Task[None]] = set()  # background work, referenced until it ends
        self.edit_menu = app_commands.ContextMenu(name="Edit image", callback=self.edit_image_menu)
        app_commands.allowed_installs(guilds=True, users=True)(self.edit_menu)
        app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(self.edit_menu)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.edit_menu)
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)  # the model list is loaded by the bot's setup_hook
        interrupted = await self.service.recover_interrupted()
        if interrupted:
            self._background(self.presenter.tell_interrupted(interrupted))
        self._background(self._keep_heartbeat())

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.edit_menu.name, type=self.edit_menu.type)
        for task in list(self._tasks):
            task.cancel()

    def _background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _keep_heartbeat(self) -> None:
        """Show sibling processes this one is alive; tell the requesters of a stopped sibling's jobs."""
        while True:
            try:
                reaped = await self.service.heartbeat()
            except Exception as exc:  # the database may be briefly unreachable; the next beat tries again
                log.warning("job heartbeat failed: %s", explain(exc).text)
            else:
                if reaped:
                    await self.presenter.tell_interrupted(reaped)
            await asyncio.sleep(HEARTBEAT_INTERVAL)

    async def _warm_model_cache(self) -> None:
        try:
            models = await self.service.catalog.load()
            log.info("%d image models available", len(models))
        except Exception as exc:
            log.warning("could not load the image model list: %s", explain(exc).text)

    # --- /imagine ---

    @app_commands.command(name="imagine", description="Generate an image from a prompt")
    @app_commands.describe(
        prompt="What to draw", model="Image model (default: the bot's default model)",
        aspect_ratio="Shape of the image", size="Resolution", count="How many images (1-4)",
        image="An image to edit (PNG, JPEG or WebP)",
    )
    @app_commands.choices(
        aspect_ratio=[app_commands.Choice(name=r, value=r) for r in ASPECT_RATIOS],
        size=[app_commands.Choice(name=s, value=s) for s in IMAGE_SIZES],
    )
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def imagine(self, interaction: discord.Interaction, prompt: app_commands.Range[str, 1, 1000],
                      model: str | None = None, aspect_ratio: str | None = None, size: str | None = None,
                      count: app_commands.Range[int, 1, 4] = 1, image: discord.Attachment | None = None) -> None:
        received = time.monotonic()
        await interaction.response.defer(thinking=True)
        spec = self.service.new_spec(prompt=prompt, model=model, aspect_ratio=aspect_ratio, image_size=size,
                                     count=count)
        actor = self.actor(interaction)
        attachment = remote_image(image) if image is not None else None
        await self.start_job(interaction, received,
                             lambda handle: self.service.submit(actor, spec, attachment=attachment, handle=handle))

    @imagine.autocomplete("model")
    async def model_autocomplete(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
        actor = self.actor(interaction)
        if self.service.catalog.cached() is None:
            # answer now (3 s rule) and fill the cache for the next keystroke
            self._background(self._warm_model_cache())
            default = await self.service.default_model_for(actor)
            return [app_commands.Choice(name=default[:100], value=default[:100])]
        return model_choices(await self.service.models_for(actor), current)

    async def edit_image_menu(self, interaction: discord.Interaction, message: discord.Message) -> None:
        attachment = next(iter(editable_images(message)), None)
        if attachment is None:
            await interaction.response.send_message("That message has no PNG, JPEG or WebP image to edit.",
                                                    ephemeral=True)
            return
        self._expire_pending_edits()
        nonce = secrets.token_hex(8)
        self._pending_edits[nonce] = (time.monotonic(), message.id, attachment)

        async def submitted(modal_interaction: discord.Interaction, new_prompt: str, _which: int) -> None:
            entry = self._pending_edits.pop(nonce, None)
            received = time.monotonic()
            await modal_interaction.response.defer(thinking=True)
            if entry is None:
                await modal_interaction.edit_original_response(content="This edit expired. Try again.")
                return
            _, message_id, image = entry
            actor = self.actor(modal_interaction)
            source = remote_image(image)
            # one of the bot's results is edited with its job's model, as its Edit button does
            record = await self.service.job_shown_in(message_id)
            if record is not None:
                await self.start_job(modal_interaction, received, lambda handle: self.service.rerun(
                    actor, record, prompt=new_prompt, attachment=source, handle=handle))
                return
            spec = self.service.new_spec(prompt=new_prompt)
            await self.start_job(modal_interaction, received,
                                 lambda handle: self.service.submit(actor, spec, attachment=source, handle=handle))

        await interaction.response.send_modal(EditPromptModal(on_submit_cb=submitted))

    def _expire_pending_edits(self) -> None:
        cutoff = time.monotonic() - PENDING_EDIT_TTL
        for key in [k for k, (at, _, _) in self._pending_edits.items() if at < cutoff]:
            del self._pending_edits[key]

    # --- job lifecycle ---

    def actor(self, interaction: discord.Interaction) -> Actor:
        return actor_of(interaction, self.owner_ids)

    async def start_job(self, interaction: discord.Interaction, received: float, submit: Submit) -> None:
        """Submit through `submit` and follow the job to the end in the original response (already deferred)."""
        handle = ResponseHandle(application_id=interaction.application_id, interaction_token=interaction.token,
                                interaction_created_at=time.time() - (time.monotonic() - received))
        try:
            submitted = await submit(handle)
        except PolicyRefusal as exc:
            await self._answer(interaction, f"🚫 {exc.reason}")
            if isinstance(exc, BlockedPrompt):
                log.info("prompt of user %s refused: a blocked term", interaction.user.id)
                if exc.audit_channel_id is not None and exc.prompt is not None:
                    await post_audit(self.bot, exc.audit_channel_id,
                                     render.blocked_prompt_audit(interaction.user.id, exc.prompt, exc.term))
            return
        except (InputImageError, ImageError) as exc:
            log.info("input image refused for user %s: %s", interaction.user.id, type(exc).__name__)
            await self._answer(interaction, render.input_refusal(exc))
            return
        except (TooManyJobs, QueueFull, EngineClosed) as exc:
            log.info("request refused for user %s: %s", interaction.user.id, type(exc).__name__)
            await self._answer(interaction, f"⚠️ {explain(exc).text}")
            return
        except Exception as exc:  # shutting down, storage trouble, a bug
            log.exception("could not queue a job for user %s", interaction.user.id)
            await self._answer(interaction, f"⚠️ {explain(exc).text}")
            return
        interaction.extras["job_id"] = submitted.record.id
        await self.presenter.follow(Target(interaction=interaction, received_at=received), submitted)

    @staticmethod
    async def _answer(interaction: discord.Interaction, text: str) -> None:
        await interaction.edit_original_response(content=text, allowed_mentions=NO_MENTIONS)

    # --- buttons ---

    async def press(self, interaction: discord.Interaction, action: str, job_id: int) -> None:
        """A job button was pressed. It acts only on the message that shows that job."""
        record = await self.service.job(job_id)
        if record is None:
            await interaction.response.send_message("That job is no longer known to the bot.", ephemeral=True)
            return
        if interaction.message is None or record.result_message_id != interaction.message.id:
            log.info("job %d: %s pressed on message %s, which does not show that job; ignored", job_id, action,
                     interaction.message.id if interaction.message else "?")
            await interaction.response.send_message("That button does not belong to this message.", ephemeral=True)
            return
        actions = {"regen": self.regenerate, "edit": self.open_edit_modal, "delete": self.delete,
                   "cancel": self.cancel}
        await actions[action](interaction, record)

    async def regenerate(self, interaction: discord.Interaction, record: JobRecord) -> None:
        received = time.monotonic()
        await interaction.response.defer(thinking=True)
        actor = self.actor(interaction)
        await self.start_job(interaction, received, lambda handle: self.service.rerun(actor, record, handle=handle))

    async def open_edit_modal(self, interaction: discord.Interaction, record: JobRecord) -> None:
        images = editable_images(interaction.message)
        if not images:
            await interaction.response.send_message("This message has no image left to edit.", ephemeral=True)
            return

        async def submitted(modal_interaction: discord.Interaction, new_prompt: str, which: int) -> None:
            received = time.monotonic()
            await modal_interaction.response.defer(thinking=True)
            chosen = remote_image(images[min(max(which, 1), len(images)) - 1])
            actor = self.actor(modal_interaction)
            await self.start_job(modal_interaction, received, lambda handle: self.service.rerun(
                actor, record, prompt=new_prompt, attachment=chosen, handle=handle))

        await interaction.response.send_modal(EditPromptModal(on_submit_cb=submitted, image_count=len(images)))

    async def delete(self, interaction: discord.Interaction, record: JobRecord) -> None:
        if not self.service.may_delete(self.actor(interaction), record):
            await interaction.response.send_message(
                "Only the person who asked for this image, or a moderator who can manage messages, can delete it.",
                ephemeral=True)
            return
        await interaction.response.defer()
        try:
            await interaction.delete_original_response()
        except discord.HTTPException as exc:
            log.warning("job %d: delete failed: %s", record.id, exc)
            await interaction.followup.send("Could not delete that message.", ephemeral=True)
            return
        log.info("job %d: result deleted by user %s", record.id, interaction.user.id)

    async def cancel(self, interaction: discord.Interaction, record: JobRecord) -> None:
        cancelled = self.service.cancel(self.actor(interaction), record)
        if cancelled is None:
            await interaction.response.send_message("Only the person who asked for this image can cancel it.",
                                                    ephemeral=True)
        elif not cancelled:
            await interaction.response.send_message("This job has already finished.", ephemeral=True)
        else:
            await interaction.response.defer()  # the presenter renders the cancelled state
