"""/imagine, its model autocomplete, the "Edit image" context menu and what the job buttons do.
Thin: turn the interaction into core values, call the service, hand the job to the presenter."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import Message, Speaker, msg
from bot.images.errors import ImageError
from bot.jobs.errors import EngineClosed, InputImageError, QueueFull, TooManyJobs
from bot.jobs.ownership import HEARTBEAT_INTERVAL
from bot.jobs.service import CancelOutcome, Submitted
from bot.messages import explain
from bot.openroute.types import ASPECT_RATIOS
from bot.policy import Actor, PolicyRefusal
from bot.policy.rules import BlockedPrompt
from bot.records.job import JobRecord
from bot.records.spec import ResponseHandle
from cogs.audit import post_audit
from cogs.imagine import render, suggest
from cogs.imagine.actions import ResultActions
from cogs.imagine.attachments import editable_images, remote_image
from cogs.imagine.presenter import Presenter, Target
from cogs.imagine.views import DYNAMIC_ITEMS, EditPromptModal, tell_privately
from cogs.language import private_speaker, refusal_text

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot

log = logging.getLogger(__name__)

PENDING_EDIT_TTL = 15 * 60
MODEL_ID_LIMIT = 100  # Discord's limit for a suggested value; no image model's id is longer

Submit = Callable[[ResponseHandle], Awaitable[Submitted]]


def impossible_model(model: str | None) -> bool:
    """A `model` option that no image model's id could be: longer than any, or with spaces, backticks or
    invisible characters. Refused before anything else, without a look-up."""
    if model is None:
        return False
    model = model.strip()
    return len(model) > MODEL_ID_LIMIT or "`" in model or not model.isprintable() or any(c.isspace() for c in model)


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
                 role_ids=frozenset(role.id for role in roles), nsfw_channel=nsfw,
                 locale=interaction.locale.value,
                 guild_locale=interaction.guild_locale.value if interaction.guild_locale else None)


class Imagine(commands.Cog):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.service = bot.services.imagine
        self.owner_ids = bot.services.settings.owner_ids
        self.presenter = Presenter(bot, self.service, bot.services.edits)
        self.actions = ResultActions(self)
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
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("background work of the /imagine cog failed", exc_info=error)

    async def _keep_heartbeat(self) -> None:
        """Show sibling processes this one is alive; tell the requesters of a stopped sibling's jobs. A
        failing beat never ends the loop, and the members are told in the background, so a slow round of
        notices never delays the next beat."""
        while True:
            try:
                reaped = await self.service.heartbeat()
            except Exception as exc:  # the database may be briefly unreachable; the next beat tries again
                log.warning("job heartbeat failed: %s", explain(exc).text)
            else:
                if reaped:
                    self._background(self.presenter.tell_interrupted(reaped))
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
        aspect_ratio="Shape of the image", size="Resolution (the sizes the model renders here)",
        count="How many images (1-4)", image="An image to edit (PNG, JPEG or WebP)",
        style="A style of this server (or the bot's) added to your prompt",
    )
    @app_commands.choices(aspect_ratio=[app_commands.Choice(name=r, value=r) for r in ASPECT_RATIOS])
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def imagine(self, interaction: discord.Interaction, prompt: app_commands.Range[str, 1, 1000],
                      model: str | None = None, aspect_ratio: str | None = None, size: str | None = None,
                      count: app_commands.Range[int, 1, 4] = 1, image: discord.Attachment | None = None,
                      style: str | None = None) -> None:
        received = time.monotonic()
        if impossible_model(model):
            log.info("user %s named a model that cannot be an id; refused", interaction.user.id)
            await tell_privately(interaction, render.unknown_model(model or "", private_speaker(interaction)))
            return
        await interaction.response.defer(thinking=True)  # public: the result is; a refusal is told privately
        spec = self.service.new_spec(prompt=prompt, model=model, aspect_ratio=aspect_ratio,
                                     image_size=size.strip().upper() if size else None, count=count)
        actor = self.actor(interaction)
        attachment = remote_image(image) if image is not None else None

        async def submit(handle: ResponseHandle) -> Submitted:
            styled = await self.service.toolkit.styled(actor, spec, style) if style else spec
            return await self.service.submit(actor, styled, attachment=attachment, handle=handle)

        await self.start_job(interaction, received, submit)

    @imagine.autocomplete("model")
    async def model_autocomplete(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        return await self.suggest_models(interaction, current)

    async def suggest_models(self, interaction: discord.Interaction, current: str, *,
                             images_only: bool = False) -> suggest.Choices:
        """The models the member may pick (`images_only`: those that read images), with their prices."""
        actor = self.actor(interaction)

        async def lookup() -> suggest.Choices:
            if self.service.catalog.cached() is None:
                # answer now (3 s rule) and fill the cache for the next keystroke
                self._background(self._warm_model_cache())
                default = await self.service.default_model_for(actor)
                return [app_commands.Choice(name=default[:100], value=default[:100])]
            models = await self.service.models_for(actor)
            return suggest.model_choices((m for m in models if not images_only or suggest.takes_images(m)), current,
                                         private_speaker(interaction))

        return await suggest.within_first_answer(interaction, "model", lookup)

    @imagine.autocomplete("size")
    async def size_autocomplete(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        return await self.suggest_sizes(interaction, current)

    async def suggest_sizes(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        """The sizes of the model already picked (else the default one) that the member may ask for here."""
        actor = self.actor(interaction)
        model = getattr(interaction.namespace, "model", None)
        model = model.strip() if isinstance(model, str) and not impossible_model(model) else None

        async def lookup() -> suggest.Choices:
            return suggest.size_choices(await self.service.sizes_for(actor, model or None), current)

        return await suggest.within_first_answer(interaction, "size", lookup)

    @imagine.autocomplete("style")
    async def style_autocomplete(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        return await self.suggest_styles(interaction, current)

    async def suggest_styles(self, interaction: discord.Interaction, current: str) -> suggest.Choices:
        """The styles that apply where the member is: the server's, then the bot's defaults."""
        actor = self.actor(interaction)

        async def lookup() -> suggest.Choices:
            return suggest.style_choices(await self.bot.services.guild_settings.styles_for(actor), current)

        return await suggest.within_first_answer(interaction, "style", lookup)

    async def edit_image_menu(self, interaction: discord.Interaction, message: discord.Message) -> None:
        attachment = next(iter(editable_images(message)), None)
        if attachment is None:
            await interaction.response.send_message(
                private_speaker(interaction)(msg("That message has no PNG, JPEG or WebP image to edit.")),
                ephemeral=True)
            return
        self._expire_pending_edits()
        nonce = secrets.token_hex(8)
        self._pending_edits[nonce] = (time.monotonic(), message.id, attachment)

        async def submitted(modal_interaction: discord.Interaction, new_prompt: str, _which: int) -> None:
            entry = self._pending_edits.pop(nonce, None)
            received = time.monotonic()
            if entry is None:
                await tell_privately(modal_interaction, msg("This edit expired. Try again."))
                return
            await modal_interaction.response.defer(thinking=True)
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

        await interaction.response.send_modal(EditPromptModal(on_submit_cb=submitted,
                                                              speak=private_speaker(interaction)))

    def _expire_pending_edits(self) -> None:
        cutoff = time.monotonic() - PENDING_EDIT_TTL
        for key in [k for k, (at, _, _) in self._pending_edits.items() if at < cutoff]:
            del self._pending_edits[key]

    # --- job lifecycle ---

    def actor(self, interaction: discord.Interaction) -> Actor:
        return actor_of(interaction, self.owner_ids)

    async def start_job(self, interaction: discord.Interaction, received: float, submit: Submit, *,
                        source_url: str | None = None) -> None:
        """Submit through `submit` and follow the job to the end in the original response (already deferred).
        `source_url`: the result message an Upscale, Vary or Remix came from (its result links to it)."""
        handle = ResponseHandle(application_id=interaction.application_id, interaction_token=interaction.token,
                                interaction_created_at=time.time() - (time.monotonic() - received))
        try:
            submitted = await submit(handle)
        except PolicyRefusal as exc:
            await tell_privately(interaction, render.refusal(refusal_text(interaction, exc)))
            if isinstance(exc, BlockedPrompt):
                log.info("prompt of user %s refused: a blocked term", interaction.user.id)
                if exc.audit_channel_id is not None and exc.prompt is not None:
                    await post_audit(self.bot, exc.audit_channel_id,
                                     render.blocked_prompt_audit(interaction.user.id, exc.prompt, exc.term,
                                                                 Speaker.for_locale(exc.audit_locale)))
            return
        except (InputImageError, ImageError) as exc:
            log.info("input image refused for user %s: %s", interaction.user.id, type(exc).__name__)
            await tell_privately(interaction, render.input_refusal(exc, private_speaker(interaction)))
            return
        except (TooManyJobs, QueueFull, EngineClosed) as exc:
            log.info("request refused for user %s: %s", interaction.user.id, type(exc).__name__)
            await tell_privately(interaction, f"⚠️ {render.error_text(exc, private_speaker(interaction))}")
            return
        except Exception as exc:  # shutting down, storage trouble, a bug
            log.exception("could not queue a job for user %s", interaction.user.id)
            await tell_privately(interaction, f"⚠️ {render.error_text(exc, private_speaker(interaction))}")
            return
        interaction.extras["job_id"] = submitted.record.id
        await self.presenter.follow(Target(interaction=interaction, received_at=received, source_url=source_url),
                                    submitted)

    # --- buttons ---

    async def press(self, interaction: discord.Interaction, action: str, job_id: int) -> None:
        """A job button was pressed. It acts only on the message that shows that job. Every press is
        acknowledged before the job is looked up (the database may be slow; Discord waits 3 s), except Edit,
        whose first answer must be its form."""
        if action == "edit":
            await self.actions.open_edit(interaction, job_id)
            return
        if action == "remix":
            await self.actions.open_remix(interaction, job_id)
            return
        received = time.monotonic()
        # Regenerate answers with a new message (public, as its result will be); the others with none
        await interaction.response.defer(thinking=action == "regen")
        record = await self._job_shown_here(interaction, action, job_id)
        if record is None:
            return
        if action == "regen":
            actor = self.actor(interaction)
            await self.start_job(interaction, received,
                                 lambda handle: self.service.rerun(actor, record, handle=handle))
        elif action == "delete":
            await self.delete(interaction, record)
        else:
            await self.cancel(interaction, record)

    async def _job_shown_here(self, interaction: discord.Interaction, action: str, job_id: int) -> JobRecord | None:
        """The job, when the pressed button's message shows it; else the member is told why not."""
        return await self._shown_here(interaction, action, job_id, await self.service.job(job_id))

    async def _shown_here(self, interaction: discord.Interaction, action: str, job_id: int,
                          record: JobRecord | None) -> JobRecord | None:
        """`record`, when it is the job of `job_id` and the pressed button's message shows it; else the
        member is told why not."""
        if record is None:
            await tell_privately(interaction, await self._gone(job_id))
            return None
        if interaction.message is None or record.result_message_id != interaction.message.id:
            log.info("job %d: %s pressed on message %s, which does not show that job; ignored", job_id, action,
                     interaction.message.id if interaction.message else "?")
            await tell_privately(interaction, msg("That button does not belong to this message."))
            return None
        return record

    async def _gone(self, job_id: int) -> Message:
        """Why a job's buttons no longer work: its requester deleted its history, or it is unknown."""
        try:
            async with asyncio.timeout(suggest.FIRST_ANSWER_LOOKUP):
                if await self.service.forgotten(job_id):
                    return msg("The requester deleted this result's history, so its buttons no longer work.")
        except TimeoutError:
            pass
        return msg("That job is no longer known to the bot.")

    async def delete(self, interaction: discord.Interaction, record: JobRecord) -> None:
        """Delete the result (the press was acknowledged without a message, so the original response is the
        result's message)."""
        if not self.service.may_delete(self.actor(interaction), record):
            await tell_privately(interaction, msg("Only the person who asked for this image, or a moderator who can "
                                                 "manage messages, can delete it."))
            return
        try:
            await interaction.delete_original_response()
        except discord.HTTPException as exc:
            log.warning("job %d: delete failed: %s", record.id, exc)
            await tell_privately(interaction, msg("Could not delete that message."))
            return
        log.info("job %d: result deleted by user %s", record.id, interaction.user.id)

    async def cancel(self, interaction: discord.Interaction, record: JobRecord) -> None:
        outcome = self.service.cancel(self.actor(interaction), record)
        if outcome is CancelOutcome.NOT_ALLOWED:
            await tell_privately(interaction, msg("Only the person who asked for this image can cancel it."))
        elif outcome is CancelOutcome.ENDED:
            await tell_privately(interaction, msg("This job has already finished."))
        elif outcome is CancelOutcome.ALREADY_PAID:
            await tell_privately(interaction, msg("Too late to cancel: the images are already made and paid for. "
                                                 "They are on their way."))
        # else the presenter renders the cancelled state
