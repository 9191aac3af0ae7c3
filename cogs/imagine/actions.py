"""The toolkit's buttons on a result: Upscale and Vary one image, and Remix the prompt. Thin: find the image on
the result message, ask the service's toolkit, follow the new job like any other (`Imagine.start_job`)."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

import discord

from bot.records.job import JobRecord
from cogs.imagine.attachments import editable_images, remote_image
from cogs.imagine.views import RemixModal, tell_privately

if TYPE_CHECKING:
    from cogs.imagine.commands import Imagine

log = logging.getLogger(__name__)

FIRST_ANSWER_LOOKUP = 2.0  # seconds a modal's job look-up may take: the modal must be the first answer (3 s)


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
            await tell_privately(interaction, f"Image {image} is no longer on this message.")
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

    async def open_remix(self, interaction: discord.Interaction, job_id: int) -> None:
        """Remix: the form first, prefilled with the result's prompt when the job can be read in time (else
        empty; the job is then checked once the form is sent)."""
        cog = self._cog
        checked: JobRecord | None = None
        try:
            async with asyncio.timeout(FIRST_ANSWER_LOOKUP):
                found = await cog.service.job(job_id)
        except TimeoutError:
            log.warning("job %d: the database took over %.0f s; the remix form opens empty", job_id,
                        FIRST_ANSWER_LOOKUP)
        else:
            checked = await cog._shown_here(interaction, "remix", job_id, found)
            if checked is None:
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
                                                         prompt=checked.spec.prompt if checked else ""))
