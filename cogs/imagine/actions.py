"""The buttons on a result that start a new job from it: Edit and Remix (a form first), Upscale and Vary one
image. Thin: find the image on the result message, ask the service (its toolkit), follow the new job like any
other (`Imagine.start_job`)."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

import discord

from bot.i18n import msg
from bot.records.job import JobRecord
from cogs.imagine import suggest
from cogs.imagine.attachments import editable_images, remote_image
from cogs.imagine.views import EditPromptModal, RemixModal, tell_privately
from cogs.language import private_speaker

if TYPE_CHECKING:
    from cogs.imagine.commands import Imagine

log = logging.getLogger(__name__)


class ResultActions:
    """What the per-image buttons and Remix do, for the Imagine cog."""

    def __init__(self, cog: Imagine) -> None:
        self._cog = cog

    async def press_image(self, interaction: discord.Interaction, action: str, job_id: int, image: int) -> None:
        """U`n`, V`n`, Upscale, Vary (subtle / strong): a new job of the presser on image `image` of the result.
        Acknowledged first (publicly: the new result will be), then the job is looked up."""
        received = time.monotonic()
        cog = self._cog
        await interaction.response.defer(thinking=True)
        record = await cog._job_shown_here(interaction, action, job_id)
        if record is None:
            return
        images = editable_images(interaction.message)
        if not 1 <= image <= len(images):
            await tell_privately(interaction, msg("Image {image} is no longer on this message.", image=image))
            return
        attachment = remote_image(images[image - 1])
        actor = cog.actor(interaction)
        toolkit = cog.service.toolkit
        source = interaction.message.jump_url if interaction.message is not None else None
        if action == "up":
            await cog.start_job(interaction, received, lambda handle: toolkit.upscale(
                actor, record, image=image, attachment=attachment, handle=handle), source_url=source)
        else:
            await cog.start_job(interaction, received, lambda handle: toolkit.vary(
                actor, record, image=image, strong=action == "varyb", attachment=attachment, handle=handle),
                source_url=source)

    async def _looked_up_in_time(self, interaction: discord.Interaction, action: str,
                                 job_id: int) -> tuple[bool, JobRecord | None]:
        """Before a form (which must be the first answer): the job, looked up for at most
        `FIRST_ANSWER_LOOKUP` seconds. (False, None) when the member was told it cannot be acted on here;
        (True, None) when the database was slower: the form opens anyway and the job is checked once it is
        submitted."""
        try:
            async with asyncio.timeout(suggest.FIRST_ANSWER_LOOKUP):
                found = await self._cog.service.job(job_id)
        except TimeoutError:
            log.warning("job %d: the database took over %.0f s; the %s form opens before the job is checked",
                        job_id, suggest.FIRST_ANSWER_LOOKUP, action)
            return True, None
        checked = await self._cog._shown_here(interaction, action, job_id, found)
        return checked is not None, checked

    async def open_edit(self, interaction: discord.Interaction, job_id: int) -> None:
        """Edit: the form (new prompt, which image) first; the chosen image becomes the new job's input."""
        cog = self._cog
        images = editable_images(interaction.message)
        if not images:
            await tell_privately(interaction, msg("This message has no image left to edit."))
            return
        may, checked = await self._looked_up_in_time(interaction, "edit", job_id)
        if not may:
            return

        async def submitted(modal_interaction: discord.Interaction, new_prompt: str, which: int) -> None:
            received = time.monotonic()
            await modal_interaction.response.defer(thinking=True)
            job = checked or await cog._job_shown_here(modal_interaction, "edit", job_id)
            if job is None:
                return
            chosen = remote_image(images[which - 1])
            actor = cog.actor(modal_interaction)
            await cog.start_job(modal_interaction, received, lambda handle: cog.service.rerun(
                actor, job, prompt=new_prompt, attachment=chosen, handle=handle))

        await interaction.response.send_modal(EditPromptModal(on_submit_cb=submitted, image_count=len(images),
                                                              speak=private_speaker(interaction)))

    async def open_remix(self, interaction: discord.Interaction, job_id: int) -> None:
        """Remix: the form first, prefilled with the result's prompt when the job could be read in time."""
        cog = self._cog
        may, checked = await self._looked_up_in_time(interaction, "remix", job_id)
        if not may:
            return
        source = interaction.message.jump_url if interaction.message is not None else None

        async def submitted(modal_interaction: discord.Interaction, prompt: str) -> None:
            received = time.monotonic()
            await modal_interaction.response.defer(thinking=True)
            job = checked or await cog._job_shown_here(modal_interaction, "remix", job_id)
            if job is None:
                return
            actor = cog.actor(modal_interaction)
            await cog.start_job(modal_interaction, received, lambda handle: cog.service.toolkit.remix(
                actor, job, prompt=prompt, handle=handle), source_url=source)

        await interaction.response.send_modal(RemixModal(on_submit_cb=submitted,
                                                         prompt=checked.spec.prompt if checked else "",
                                                         speak=private_speaker(interaction)))
