"""/imagine, its buttons, the "Edit image" context menu. Thin: parse, hand to the service, render."""

from __future__ import annotations

import asyncio
import io
import logging
import re
import secrets
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import send_notice
from bot.generation import GenerationOutput
from bot.images.errors import ImageError
from bot.jobs.engine import Job, JobState
from bot.jobs.errors import JobCancelled, JobError
from bot.jobs.progress import render_progress
from bot.messages import explain
from bot.openroute.errors import OpenRouteError
from bot.openroute.types import ASPECT_RATIOS, IMAGE_SIZES, InputImage
from bot.policy import Actor, PolicyRefusal
from bot.service import ImagineOptions, ResponseHandle
from bot.storage import JobRecord

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
INPUT_TYPES = ("image/png", "image/jpeg", "image/webp")
MAX_INPUT_BYTES = 20 * 1024 * 1024
PROMPT_ECHO_LIMIT = 1200
PROGRESS_TICK = 5.0  # seconds between progress refreshes when nothing else changed
TOKEN_LIFETIME = 15 * 60
TOKEN_SAFETY = 30  # stop editing through the token a little before Discord invalidates it
PENDING_EDIT_TTL = 15 * 60
# Discord error codes meaning "the original response can no longer be edited"
GONE_CODES = {10008, 10015, 10062, 50027}


# --- rendering -------------------------------------------------------------------------------------------

def echo_prompt(prompt: str, limit: int = PROMPT_ECHO_LIMIT) -> str:
    """The prompt as shown back: markdown escaped, one paragraph, trimmed."""
    text = " ".join(prompt.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # mentions are disabled on every message anyway; escaping keeps the echo from even looking like one
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def describe_options(record: JobRecord) -> str:
    parts = [f"`{record.model}`"]
    if record.aspect_ratio:
        parts.append(record.aspect_ratio)
    if record.image_size:
        parts.append(record.image_size)
    if record.count > 1:
        parts.append(f"×{record.count}")
    if record.has_input:
        parts.append("edit")
    return " · ".join(parts)


def format_cost(cost: Decimal | None) -> str | None:
    if cost is None:
        return None
    return f"${cost:.4f}".rstrip("0").rstrip(".") if cost else "$0"


def format_elapsed(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds}s" if seconds < 60 else f"{seconds // 60}m {seconds % 60:02d}s"


def progress_content(record: JobRecord, job: Job[Any], now: float) -> str:
    body = render_progress(job.progress, now=now, created_at=job.created_at or now)
    return f"**{echo_prompt(record.prompt, 300)}**\n-# {describe_options(record)}\n{body}"


def final_content(record: JobRecord, output: GenerationOutput, notes: list[str]) -> str:
    meta = [describe_options(record), format_elapsed(output.elapsed)]
    cost = format_cost(output.cost)
    if cost:
        meta.append(cost)
    meta.append(f"by <@{record.requester_id}>")
    lines = [f"**{echo_prompt(record.prompt)}**", "-# " + " · ".join(meta)]
    if output.failures:
        lines.append(f"-# {len(output.failures)} of {output.requested} images failed: "
                     f"{explain(output.failures[0]).text}")
    lines.extend(f"-# {note}" for note in notes)
    return "\n".join(lines)[:2000]


def failure_content(record: JobRecord, error: BaseException) -> str:
    text = explain(error).text
    return f"**{echo_prompt(record.prompt, 300)}**\n-# {describe_options(record)}\n⚠️ {text}"[:2000]


# --- buttons (persistent: the job id lives in custom_id, parameters come from the store) -----------------

def _cog(interaction: discord.Interaction) -> Imagine:
    cog = interaction.client.get_cog("Imagine")  # type: ignore[union-attr]
    assert isinstance(cog, Imagine)
    return cog


async def _guarded(interaction: discord.Interaction, action: str, job_id: int, work: Any) -> None:
    """Run a button's work; an unexpected failure is logged with the job id and told to the presser."""
    interaction.extras["job_id"] = job_id
    try:
        await work
    except Exception as exc:
        log.error("%s button of job %d failed for user %s", action, job_id, interaction.user.id, exc_info=exc)
        await send_notice(interaction, explain(exc).text)


class _JobButton:
    """What the four result buttons share: the job id lives in `custom_id` (so they survive restarts) and
    the press is handled by the cog. Mixed into `DynamicItem` subclasses, which each need a template."""

    action: str
    label: str
    emoji: str
    style = discord.ButtonStyle.secondary

    def __init__(self, job_id: int, *, label: str | None = None) -> None:
        super().__init__(discord.ui.Button(  # type: ignore[call-arg]
            label=label or self.label, emoji=self.emoji, style=self.style,
            custom_id=f"imagine:{self.action}:{job_id}"))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> Any:
        return cls(int(match["job"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await _guarded(interaction, self.action, self.job_id, self.press(_cog(interaction), interaction))

    def press(self, cog: Imagine, interaction: discord.Interaction) -> Any:
        raise NotImplementedError


class RegenerateButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button],
                       template=r"imagine:regen:(?P<job>[0-9]+)"):
    action, label, emoji = "regen", "Regenerate", "🔁"

    def press(self, cog: Imagine, interaction: discord.Interaction) -> Any:
        return cog.regenerate(interaction, self.job_id)


class EditButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button], template=r"imagine:edit:(?P<job>[0-9]+)"):
    action, label, emoji = "edit", "Edit", "✏️"

    def press(self, cog: Imagine, interaction: discord.Interaction) -> Any:
        return cog.open_edit_modal(interaction, self.job_id)


class DeleteButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button],
                   template=r"imagine:delete:(?P<job>[0-9]+)"):
    action, label, emoji = "delete", "Delete", "🗑️"
    style = discord.ButtonStyle.danger

    def press(self, cog: Imagine, interaction: discord.Interaction) -> Any:
        return cog.delete(interaction, self.job_id)


class CancelButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button],
                   template=r"imagine:cancel:(?P<job>[0-9]+)"):
    action, label, emoji = "cancel", "Cancel", "✖️"

    def press(self, cog: Imagine, interaction: discord.Interaction) -> Any:
        return cog.cancel(interaction, self.job_id)


DYNAMIC_ITEMS = (RegenerateButton, EditButton, DeleteButton, CancelButton)


def running_view(job_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(CancelButton(job_id))
    return view


def result_view(job_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(RegenerateButton(job_id))
    view.add_item(EditButton(job_id))
    view.add_item(DeleteButton(job_id))
    return view


def failure_view(job_id: int, retryable: bool) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    if retryable:
        view.add_item(RegenerateButton(job_id, label="Retry"))
    view.add_item(DeleteButton(job_id))
    return view


class EditPromptModal(discord.ui.Modal):
    """Asks for the new prompt of an edit; the chosen image becomes the input."""

    def __init__(self, *, title: str, on_submit_cb: Any, image_count: int = 1, default: str = "") -> None:
        super().__init__(title=title, timeout=PENDING_EDIT_TTL)
        self._callback = on_submit_cb
        self.prompt = discord.ui.TextInput(label="What should change?", style=discord.TextStyle.paragraph,
                                           max_length=1000, placeholder="make the sky purple", default=default)
        self.add_item(self.prompt)
        self.which: discord.ui.TextInput[Any] | None = None
        if image_count > 1:
            self.which = discord.ui.TextInput(label=f"Which image (1-{image_count})", max_length=1, default="1")
            self.add_item(self.which)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        which = 1
        if self.which is not None and self.which.value.strip().isdigit():
            which = int(self.which.value.strip())
        await self._callback(interaction, self.prompt.value, which)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        log.error("edit modal failed for user %s", interaction.user.id, exc_info=error)
        await send_notice(interaction, explain(error).text)


# --- delivery ---------------------------------------------------------------------------------------------

@dataclass
class Target:
    """Where a job talks: the interaction's original response, until that is gone (token expired, message
    deleted); then the final result goes to a channel message that mentions the requester."""

    interaction: discord.Interaction
    received_at: float
    message: discord.Message | None = None
    via_channel: bool = False

    def token_usable(self) -> bool:
        return time.monotonic() - self.received_at < TOKEN_LIFETIME - TOKEN_SAFETY


@dataclass(frozen=True, slots=True)
class Delivery:
    payload: dict[str, Any]
    final: bool = False


def _is_gone(exc: discord.HTTPException) -> bool:
    return isinstance(exc, discord.NotFound) or exc.code in GONE_CODES or exc.status == 401


class Imagine(commands.Cog):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.services = bot.services
        self.service = bot.services.imagine
        self._pending_edits: dict[str, tuple[float, discord.Attachment]] = {}
        self._tasks: set[asyncio.Task[None]] = set()  # background work, referenced until it ends
        self.edit_menu = app_commands.ContextMenu(name="Edit image", callback=self.edit_image_menu)
        app_commands.allowed_installs(guilds=True, users=True)(self.edit_menu)
        app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(self.edit_menu)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.edit_menu)
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        self._background(self._warm_model_cache())
        await self._announce_interrupted()

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.edit_menu.name, type=self.edit_menu.type)
        for task in list(self._tasks):
            task.cancel()

    def _background(self, work: Any) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _warm_model_cache(self) -> None:
        try:
            models = await self.service.client.list_image_models()
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
        input_image = None
        if image is not None:
            input_image = await self._read_attachment(interaction, image)
            if input_image is None:
                return
        options = ImagineOptions(prompt=prompt, model=(model or self.service.default_model).strip(),
                                 aspect_ratio=aspect_ratio, image_size=size, count=count, input_image=input_image)
        await self.start_job(interaction, options, received)

    @imagine.autocomplete("model")
    async def model_autocomplete(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
        models = self.service.client.cached_image_models()
        if models is None:
            # answer now (3 s rule) and fill the cache for the next keystroke
            self._background(self._warm_model_cache())
            return [app_commands.Choice(name=self.service.default_model, value=self.service.default_model)]
        needle = current.lower().strip()
        choices = []
        for m in models:
            if needle and needle not in m.id.lower() and needle not in m.name.lower():
                continue
            # per-image price when the model has one; token-billed models show none rather than "$0"
            price = m.pricing.image_output if m.pricing.image_output is not None else (m.pricing.request or None)
            label = m.id if price is None else f"{m.id} — {format_cost(price)}/image"
            choices.append(app_commands.Choice(name=label[:100], value=m.id[:100]))
            if len(choices) == 25:
                break
        return choices

    async def edit_image_menu(self, interaction: discord.Interaction, message: discord.Message) -> None:
        attachment = next((a for a in message.attachments if (a.content_type or "").split(";")[0] in INPUT_TYPES
                           and a.filename != "grid.png"), None)
        if attachment is None:
            await interaction.response.send_message("That message has no PNG, JPEG or WebP image to edit.",
                                                    ephemeral=True)
            return
        self._expire_pending_edits()
        nonce = secrets.token_hex(8)
        self._pending_edits[nonce] = (time.monotonic(), attachment)

        async def submitted(modal_interaction: discord.Interaction, new_prompt: str, _which: int) -> None:
            entry = self._pending_edits.pop(nonce, None)
            received = time.monotonic()
            await modal_interaction.response.defer(thinking=True)
            if entry is None:
                await modal_interaction.edit_original_response(content="This edit expired. Try again.")
                return
            await self._edit_with(modal_interaction, entry[1], received, prompt=new_prompt,
                                  model=self.service.default_model)

        await interaction.response.send_modal(EditPromptModal(title="Edit image", on_submit_cb=submitted))

    async def _edit_with(self, interaction: discord.Interaction, attachment: discord.Attachment, received: float,
                         **options: Any) -> None:
        """Start an edit job with `attachment` as the input image (the interaction is deferred)."""
        input_image = await self._read_attachment(interaction, attachment)
        if input_image is not None:
            await self.start_job(interaction, ImagineOptions(input_image=input_image, **options), received)

    def _expire_pending_edits(self) -> None:
        cutoff = time.monotonic() - PENDING_EDIT_TTL
        for key in [k for k, (at, _) in self._pending_edits.items() if at < cutoff]:
            del self._pending_edits[key]

    async def _read_attachment(self, interaction: discord.Interaction,
                               attachment: discord.Attachment) -> InputImage | None:
        """Fetch and validate the interaction's own attachment; on failure tell the user and return None."""
        mime = (attachment.content_type or "").split(";")[0].strip().lower()
        if mime and mime not in INPUT_TYPES:
            await interaction.edit_original_response(
                content=f"`{discord.utils.escape_markdown(attachment.filename)}` is not a PNG, JPEG or WebP image.",
                allowed_mentions=NO_MENTIONS)
            return None
        if attachment.size > MAX_INPUT_BYTES:
            await interaction.edit_original_response(
                content=f"The image is too large ({attachment.size / 1e6:.1f} MB; the limit is "
                        f"{MAX_INPUT_BYTES // 1_000_000} MB).", allowed_mentions=NO_MENTIONS)
            return None
        try:
            raw = await attachment.read()
            data, mime = await self.services.images.prepare_input(raw, max_bytes=MAX_INPUT_BYTES)
        except ImageError as exc:
            await interaction.edit_original_response(content=f"That image can't be used: {explain(exc).text}",
                                                     allowed_mentions=NO_MENTIONS)
            return None
        except discord.HTTPException as exc:
            log.warning("could not download attachment %s: %s", attachment.id, exc)
            await interaction.edit_original_response(content="Could not download the image from Discord. "
                                                             "Try again.", allowed_mentions=NO_MENTIONS)
            return None
        return InputImage(data=data, mime_type=mime)

    # --- job lifecycle ---

    def actor_of(self, interaction: discord.Interaction) -> Actor:
        # DM policy covers bot DMs and every user-installed context the server did not install the bot in
        return Actor(user_id=interaction.user.id, guild_id=interaction.guild_id, channel_id=interaction.channel_id,
                     is_dm=interaction.guild_id is None or (interaction.is_user_integration()
                                                            and not interaction.is_guild_integration()),
                     is_owner=interaction.user.id in self.services.settings.owner_ids)

    async def start_job(self, interaction: discord.Interaction, options: ImagineOptions, received: float) -> None:
        """Queue the job and follow it to the end in the original response. The interaction is deferred."""
        try:
            record, job = await self.service.submit(
                self.actor_of(interaction), options,
                ResponseHandle(application_id=interaction.application_id, interaction_token=interaction.token,
                               interaction_created_at=time.time() - (time.monotonic() - received)))
        except PolicyRefusal as exc:
            await interaction.edit_original_response(content=f"🚫 {exc.reason}", allowed_mentions=NO_MENTIONS)
            return
        except Exception as exc:  # queue full, too many jobs, storage trouble
            explanation = explain(exc)
            if not explanation.retryable or type(exc).__name__ in ("TooManyJobs", "QueueFull"):
                log.info("request refused for user %s: %s", interaction.user.id, type(exc).__name__)
            else:
                log.exception("could not queue a job for user %s", interaction.user.id)
            await interaction.edit_original_response(content=f"⚠️ {explanation.text}", allowed_mentions=NO_MENTIONS)
            return
        interaction.extras["job_id"] = record.id
        target = Target(interaction=interaction, received_at=received)
        await self.follow(target, record, job)

    async def follow(self, target: Target, record: JobRecord, job: Job[GenerationOutput]) -> None:
        """Render progress with throttled edits, then deliver the result (or the error) exactly once."""

        async def send(delivery: Delivery) -> None:
            await self._deliver(target, record, delivery)

        stream = self.services.edits.stream(("interaction", target.interaction.id), send)

        shown = ""

        def show_progress() -> None:
            nonlocal shown
            content = progress_content(record, job, time.monotonic())
            if content != shown:  # an identical edit would only spend rate limit
                shown = content
                stream.update(Delivery({"content": content, "view": running_view(record.id)}))

        async def tick() -> None:
            # the elapsed time keeps moving while the model thinks, even when nothing else changes
            while not job.done:
                await asyncio.sleep(PROGRESS_TICK)
                if not job.done:
                    show_progress()

        ticker = asyncio.create_task(tick(), name=f"progress-tick-{record.id}")
        try:
            async for snapshot in job.changes():
                if snapshot.done:
                    break
                show_progress()
            ticker.cancel()
            if isinstance(job.error, JobCancelled) and job.error.by_shutdown:
                return  # the bot is stopping; the next start-up tells the user
            try:
                final = await self._final_payload(target, record, job, stream)
            except Exception as exc:  # e.g. an image that cannot be re-encoded for upload
                log.exception("job %d: preparing the result failed", record.id)
                final = self._failure_payload(record, exc)
            try:
                await stream.finish(Delivery(final, final=True))
            except discord.HTTPException as exc:
                # Discord refused the result itself: say so in place of the progress rather than go silent
                log.warning("job %d: Discord refused the result (%s %s)", record.id, exc.status, exc.code)
                await self._deliver(target, record, Delivery(self._failure_payload(record, exc), final=True))
        except Exception:
            log.exception("job %d: could not deliver the result", record.id)
        finally:
            ticker.cancel()
            await stream.aclose()
        if target.message is not None:
            await self.service.record_result_message(record.id, channel_id=target.message.channel.id,
                                                     message_id=target.message.id)

    async def _final_payload(self, target: Target, record: JobRecord, job: Job[GenerationOutput],
                             stream: Any) -> dict[str, Any]:
        if job.state is JobState.SUCCEEDED and job.result is not None:
            output = job.result
            stream.update(Delivery({"content": f"**{echo_prompt(record.prompt, 300)}**\n"
                                               f"-# {describe_options(record)}\n**Uploading…**",
                                    "view": running_view(record.id)}))
            limit = target.interaction.filesize_limit
            fitted = await self.services.images.fit_for_upload(
                [image.png for image in output.images], limit, max_files=9 if len(output.images) > 1 else 10,
                original=[image.original for image in output.images], basename=f"imagine-{record.id}")
            files = [discord.File(io.BytesIO(image.data), filename=image.filename) for image in fitted.images]
            embeds = []
            if len(fitted.images) > 1:
                grid = await self.services.images.make_grid([image.data for image in fitted.images])
                if len(grid) <= limit:
                    files.append(discord.File(io.BytesIO(grid), filename="grid.png"))
                    embed = discord.Embed(colour=discord.Colour.blurple())
                    embed.set_image(url="attachment://grid.png")
                    embeds.append(embed)
            return {"content": final_content(record, output, fitted.describe()), "attachments": files,
                    "embeds": embeds, "view": result_view(record.id)}
        if job.state is JobState.CANCELLED:
            content = f"**{echo_prompt(record.prompt, 300)}**\n-# {describe_options(record)}\n✖️ Cancelled."
            return {"content": content, "view": failure_view(record.id, retryable=True)}
        error = job.error if job.error is not None else RuntimeError("job ended without a result")
        if not isinstance(error, OpenRouteError | ImageError | JobError):
            log.error("job %d failed unexpectedly", record.id, exc_info=error)
        return self._failure_payload(record, error)

    @staticmethod
    def _failure_payload(record: JobRecord, error: BaseException) -> dict[str, Any]:
        return {"content": failure_content(record, error), "attachments": [], "embeds": [],
                "view": failure_view(record.id, retryable=explain(error).retryable)}

    async def _deliver(self, target: Target, record: JobRecord, delivery: Delivery) -> None:
        """Edit the original response; when it is gone, post the final result as a channel message."""
        if not target.via_channel:
            if target.token_usable():
                try:
                    target.message = await target.interaction.edit_original_response(
                        allowed_mentions=NO_MENTIONS, **delivery.payload)
                    return
                except discord.HTTPException as exc:
                    if not _is_gone(exc):
                        raise
                    log.info("job %d: original response unavailable (%s); using a channel message", record.id,
                             exc.code or exc.status)
            target.via_channel = True
            target.message = None
        if not delivery.final:
            return  # progress alone is not worth a new message
        content = f"<@{record.requester_id}> {delivery.payload.get('content', '')}"[:2000]
        mentions = discord.AllowedMentions(users=[discord.Object(record.requester_id)], roles=False,
                                           everyone=False, replied_user=False)
        files = delivery.payload.get("attachments") or []
        for file in files:
            file.reset()
        target.message = await self._post(record, content=content, files=files,
                                          embeds=delivery.payload.get("embeds", []),
                                          view=delivery.payload.get("view"), allowed_mentions=mentions)

    async def _post(self, record: JobRecord, **message: Any) -> discord.Message:
        """A normal bot message in the job's channel; in the requester's DMs when the bot can't post there
        (a DM job, or a user-installed app in a server the bot is not in)."""
        if record.channel_id is not None and not record.is_dm:
            try:
                return await self.bot.get_partial_messageable(record.channel_id).send(**message)
            except discord.Forbidden:
                log.info("job %d: cannot post in channel %d; sending to the requester's DMs", record.id,
                         record.channel_id)
                for file in message.get("files") or []:
                    file.reset()
        user = self.bot.get_user(record.requester_id) or await self.bot.fetch_user(record.requester_id)
        return await (await user.create_dm()).send(**message)

    # --- buttons ---

    async def regenerate(self, interaction: discord.Interaction, job_id: int) -> None:
        received = time.monotonic()
        await interaction.response.defer(thinking=True)
        options = await self.service.options_for_rerun(job_id)
        if options is None:
            await interaction.edit_original_response(content="That job is no longer known to the bot.")
            return
        await self.start_job(interaction, options, received)

    async def open_edit_modal(self, interaction: discord.Interaction, job_id: int) -> None:
        images = [a for a in (interaction.message.attachments if interaction.message else [])
                  if a.filename != "grid.png" and (a.content_type or "image/png").startswith("image/")]
        if not images:
            await interaction.response.send_message("This message has no image left to edit.", ephemeral=True)
            return
        record = await self.service.store.jobs.get(job_id)

        async def submitted(modal_interaction: discord.Interaction, new_prompt: str, which: int) -> None:
            received = time.monotonic()
            await modal_interaction.response.defer(thinking=True)
            chosen = images[min(max(which, 1), len(images)) - 1]
            await self._edit_with(modal_interaction, chosen, received, prompt=new_prompt,
                                  model=record.model if record else self.service.default_model,
                                  aspect_ratio=record.aspect_ratio if record else None,
                                  image_size=record.image_size if record else None, parent_job_id=job_id)

        await interaction.response.send_modal(EditPromptModal(title="Edit image", on_submit_cb=submitted,
                                                              image_count=len(images)))

    async def delete(self, interaction: discord.Interaction, job_id: int) -> None:
        record = await self.service.store.jobs.get(job_id)
        allowed = (record is not None and record.requester_id == interaction.user.id) or (
            interaction.guild_id is not None and interaction.permissions.manage_messages)
        if not allowed:
            await interaction.response.send_message(
                "Only the person who asked for this image, or a moderator who can manage messages, can delete it.",
                ephemeral=True)
            return
        await interaction.response.defer()
        try:
            await interaction.delete_original_response()
        except discord.HTTPException as exc:
            log.warning("job %d: delete failed: %s", job_id, exc)
            await interaction.followup.send("Could not delete that message.", ephemeral=True)
            return
        log.info("job %d: result deleted by user %s", job_id, interaction.user.id)

    async def cancel(self, interaction: discord.Interaction, job_id: int) -> None:
        record = await self.service.store.jobs.get(job_id)
        if record is None or record.requester_id != interaction.user.id:
            await interaction.response.send_message("Only the person who asked for this image can cancel it.",
                                                    ephemeral=True)
            return
        if not self.service.cancel(job_id):
            await interaction.response.send_message("This job has already finished.", ephemeral=True)
            return
        await interaction.response.defer()  # the follower renders the cancelled state
        log.info("job %d cancelled by its requester", job_id)

    # --- start-up ---

    async def _announce_interrupted(self) -> None:
        interrupted = await self.service.store.jobs.interrupt_unfinished(now=time.time())
        if interrupted:
            self._background(self._tell_interrupted(interrupted))

    async def _tell_interrupted(self, records: list[JobRecord]) -> None:
        await self.bot.wait_until_ready()
        for record in records:
            content = (f"<@{record.requester_id}> your image for **{echo_prompt(record.prompt, 200)}** was "
                       "interrupted because the bot restarted. Press Retry to run it again.")
            view = failure_view(record.id, retryable=True)
            mentions = discord.AllowedMentions(users=[discord.Object(record.requester_id)], roles=False,
                                               everyone=False)
            try:
                issued = record.interaction_created_at or record.created_at
                if record.interaction_token and record.application_id and \
                        time.time() - issued < TOKEN_LIFETIME - TOKEN_SAFETY:
                    webhook = discord.Webhook.partial(record.application_id, record.interaction_token,
                                                      client=self.bot)
                    await webhook.edit_message("@original", content=content[len(f"<@{record.requester_id}> "):],
                                               view=view, allowed_mentions=NO_MENTIONS, attachments=[])
                else:
                    await self._post(record, content=content, view=view, allowed_mentions=mentions)
                log.info("job %d: told user %d it was interrupted", record.id, record.requester_id)
            except (discord.HTTPException, discord.ClientException) as exc:
                log.warning("job %d: could not tell user %d about the interruption: %s", record.id,
                            record.requester_id, exc)


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(Imagine(bot))
