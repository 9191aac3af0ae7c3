"""The member's toolkit on a result: Upscale and Vary one of its images, Remix its prompt, and Blend images.

Each is a new job of the member who asks, built from an earlier job's request (or the member's own images) and
submitted like any other: checked by the same policy and limits, reserved before any API call, counted in the
ledger. The result's image an action works on is downloaded from the result message, like Edit's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.i18n import msg
from bot.jobs.inputs import RemoteImage
from bot.policy import Actor, Policy, PolicyRefusal
from bot.records.job import JobRecord
from bot.records.spec import MAX_INPUTS, JobKind, JobSpec, ResponseHandle

if TYPE_CHECKING:
    from bot.jobs.outcomes import Submitted
    from bot.jobs.service import ImagineService
    from bot.policy.settings import SettingsService

MIN_BLEND = 2


class Toolkit:
    """Upscale, Vary, Remix and Blend over the /imagine service, and the styles a request may name."""

    def __init__(self, service: ImagineService, policy: Policy, guilds: SettingsService) -> None:
        self._service = service
        self._policy = policy
        self._guilds = guilds

    async def styled(self, actor: Actor, spec: JobSpec, name: str | None) -> JobSpec:
        """`spec` with the style of this name where `actor` is (the server's, else the operator's default): its
        name shown with the result, its text added to the prompt the model reads. A `PolicyRefusal` when no
        style has that name there."""
        if name is None or not name.strip():
            return spec
        style = await self._guilds.style(actor, name)
        if style is None:
            raise PolicyRefusal(msg("There is no style of that name here. Pick one from the list."))
        return dataclasses.replace(spec, style=style.name, style_text=style.text)

    async def upscale(self, actor: Actor, record: JobRecord, *, image: int, attachment: RemoteImage,
                      handle: ResponseHandle | None = None) -> Submitted:
        """Image `image` (from 1) of `record`'s result, rendered again one size larger by its model (or
        UPSCALE_MODEL), as `actor`'s job. A refusal when no larger size can be rendered there."""
        target = self._policy.upscale_target(record.spec, await self._service.guild_for(actor))
        if target is None:
            size = record.spec.image_size or "1K"
            raise PolicyRefusal(msg("This image can't be upscaled here: {size} is the largest size its model "
                                    "renders on this server.", size=size))
        model, size = target
        return await self._service.submit(actor, self._from_image(record, JobKind.UPSCALE, image, model=model,
                                                                  image_size=size),
                                          attachment=attachment, handle=handle)

    async def vary(self, actor: Actor, record: JobRecord, *, image: int, strong: bool, attachment: RemoteImage,
                   handle: ResponseHandle | None = None) -> Submitted:
        """A subtle or bold variation of image `image` of `record`'s result, with its prompt and options."""
        kind = JobKind.VARY_STRONG if strong else JobKind.VARY_SUBTLE
        return await self._service.submit(actor, self._from_image(record, kind, image), attachment=attachment,
                                          handle=handle)

    async def remix(self, actor: Actor, record: JobRecord, *, prompt: str,
                    handle: ResponseHandle | None = None) -> Submitted:
        """`record`'s request with an edited prompt, drawn from text (its options unchanged), as `actor`'s job."""
        spec = record.spec.rerun(parent_job_id=record.id, kind=JobKind.REMIX, prompt=prompt, inputs=(),
                                 source_image=None)
        return await self._service.submit(actor, spec, handle=handle)

    async def blend(self, actor: Actor, spec: JobSpec, attachments: Sequence[RemoteImage], *,
                    handle: ResponseHandle | None = None) -> Submitted:
        """Two to four of the member's images, sent in order as the inputs of one request (`spec.prompt`, which
        may be empty, says how to combine them)."""
        if not MIN_BLEND <= len(attachments) <= MAX_INPUTS:
            raise PolicyRefusal(msg("A blend takes {least} to {most} images.", least=MIN_BLEND, most=MAX_INPUTS))
        return await self._service.submit(actor, dataclasses.replace(spec, kind=JobKind.BLEND),
                                          attachments=attachments, handle=handle)

    @staticmethod
    def _from_image(record: JobRecord, kind: JobKind, image: int, **changes: object) -> JobSpec:
        """A one-image job on image `image` of `record`'s result (downloaded from the result: not stored yet)."""
        return record.spec.rerun(parent_job_id=record.id, kind=kind, source_image=image, inputs=(), count=1,
                                 **changes)
