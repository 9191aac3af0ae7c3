"""The buttons on a job's message and the edit modal. Persistent: the job id lives in `custom_id`, so the
buttons keep working after a restart; what a press does is decided by the cog and the service.

Labels, titles and placeholders are in the language of whoever reads them: the job's public language on a
job's message (`speak`, English by default), the member's own in a modal only they see. A `custom_id` never
depends on the language, so a button rebuilt at start-up for routing finds its job whatever its label says."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bot.i18n import Message, Speaker, english, msg
from cogs.audit import NO_MENTIONS
from cogs.imagine.render import error_text
from cogs.language import private_speaker

if TYPE_CHECKING:
    from cogs.imagine.commands import Imagine

log = logging.getLogger(__name__)

EDIT_MODAL_TIMEOUT = 15 * 60
BUTTON_LABEL_LIMIT = 80  # Discord's limits, which a long translation must not break
MODAL_TITLE_LIMIT = 45
FIELD_LABEL_LIMIT = 45
PLACEHOLDER_LIMIT = 100


async def tell_privately(interaction: discord.Interaction, text: str | Message) -> None:
    """Tell only the member who asked or pressed, whatever state the interaction is in; never raises. A
    `Message` is put into the member's own language. A public "thinking…" placeholder is deleted first: a
    followup sent while it shows would fill it, for everyone to see."""
    try:
        if isinstance(text, Message):
            text = private_speaker(interaction)(text)
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
            with contextlib.suppress(discord.NotFound):  # already gone
                await interaction.delete_original_response()
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.warning("could not tell user %s privately: %s %s", interaction.user.id, exc.status, exc.text)


async def run_press(interaction: discord.Interaction, what: str, job_id: int,
                    press: Callable[[], Awaitable[None]]) -> None:
    """Run a persistent button's `press` for job `job_id`: the job is named in any error logged for the
    interaction, and a press that fails is told to the member privately rather than left waiting."""
    interaction.extras["job_id"] = job_id
    try:
        await press()
    except Exception as exc:
        log.error("%s of job %d failed for user %s", what, job_id, interaction.user.id, exc_info=exc)
        await tell_privately(interaction, f"⚠️ {error_text(exc, private_speaker(interaction))}")


def _cog(interaction: discord.Interaction) -> Imagine:
    cog = interaction.client.get_cog("Imagine")  # type: ignore[union-attr]
    if cog is None:
        raise RuntimeError("the Imagine cog is not loaded")
    return cog  # type: ignore[return-value]


class _JobButton:
    """What the job buttons share. Mixed into `DynamicItem` subclasses, which each need a template. The label
    is said by `speak` (English by default: a button rebuilt from its custom_id only routes the press)."""

    action: str
    label: Message
    emoji: str
    style = discord.ButtonStyle.secondary

    def __init__(self, job_id: int, *, label: Message | None = None, speak: Speaker | None = None) -> None:
        speak = speak or english()
        super().__init__(discord.ui.Button(  # type: ignore[call-arg]
            label=speak(label or self.label)[:BUTTON_LABEL_LIMIT], emoji=self.emoji, style=self.style,
            custom_id=f"imagine:{self.action}:{job_id}"))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> Any:
        return cls(int(match["job"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await run_press(interaction, f"{self.action} button", self.job_id,
                        lambda: _cog(interaction).press(interaction, self.action, self.job_id))


def _template(action: str) -> str:
    # any digits: an id out of range is answered by the cog ("no longer known"), not dropped as a crash
    return rf"imagine:{action}:(?P<job>[0-9]{{1,40}})"


class RegenerateButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button], template=_template("regen")):
    action, label, emoji = "regen", msg("Regenerate"), "🔁"


class EditButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button], template=_template("edit")):
    action, label, emoji = "edit", msg("Edit"), "✏️"


class DeleteButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button], template=_template("delete")):
    action, label, emoji = "delete", msg("Delete"), "🗑️"
    style = discord.ButtonStyle.danger


class CancelButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button], template=_template("cancel")):
    action, label, emoji = "cancel", msg("Cancel"), "✖️"


class RemixButton(_JobButton, discord.ui.DynamicItem[discord.ui.Button], template=_template("remix")):
    action, label, emoji = "remix", msg("Remix"), "🎛️"


class _ImageButton:
    """What the per-image buttons share: the job id and the image's number (from 1) live in `custom_id`; the
    label comes already in the reader's language (the custom_id never does)."""

    action: str

    def __init__(self, job_id: int, image: int, *, label: str, emoji: str | None = None) -> None:
        super().__init__(discord.ui.Button(  # type: ignore[call-arg]
            label=label[:BUTTON_LABEL_LIMIT], emoji=emoji, style=discord.ButtonStyle.secondary,
            custom_id=f"imagine:{self.action}:{job_id}:{image}"))
        self.job_id = job_id
        self.image = image

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> Any:
        return cls(int(match["job"]), int(match["image"]), label=item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        await run_press(interaction, f"{self.action} button {self.image}", self.job_id,
                        lambda: _cog(interaction).actions.press_image(interaction, self.action, self.job_id,
                                                                      self.image))


def _image_template(action: str) -> str:
    return rf"imagine:{action}:(?P<job>[0-9]{{1,40}}):(?P<image>[1-9])"


class UpscaleButton(_ImageButton, discord.ui.DynamicItem[discord.ui.Button], template=_image_template("up")):
    action = "up"


class VarySubtleButton(_ImageButton, discord.ui.DynamicItem[discord.ui.Button], template=_image_template("vary")):
    action = "vary"


class VaryStrongButton(_ImageButton, discord.ui.DynamicItem[discord.ui.Button], template=_image_template("varyb")):
    action = "varyb"


DYNAMIC_ITEMS = (RegenerateButton, EditButton, DeleteButton, CancelButton, RemixButton, UpscaleButton,
                 VarySubtleButton, VaryStrongButton)


def running_view(job_id: int, *, speak: Speaker | None = None) -> discord.ui.View:
    """Cancel, in `speak`'s language (the job's public one; English by default)."""
    view = discord.ui.View(timeout=None)
    view.add_item(CancelButton(job_id, speak=speak))
    return view


def result_view(job_id: int, *, images: int = 1, upscale_to: str | None = None,
                speak: Speaker | None = None) -> discord.ui.View:
    """Regenerate, Edit, Remix and Delete; then per image: with several, a row of Upscale (`U1` ...) where a
    larger size exists and a row of strong variations (`V1` ...); with one, Upscale and both variations. Labels
    in `speak`'s language (the job's public one; English by default)."""
    speak = speak or english()
    view = discord.ui.View(timeout=None)
    for button in (RegenerateButton(job_id, speak=speak), EditButton(job_id, speak=speak),
                   RemixButton(job_id, speak=speak), DeleteButton(job_id, speak=speak)):
        view.add_item(button)
    if images == 1:
        if upscale_to is not None:
            upscale = speak(msg("Upscale to {size}", size=upscale_to))
            view.add_item(_row(UpscaleButton(job_id, 1, label=upscale, emoji="🔍"), 1))
        view.add_item(_row(VarySubtleButton(job_id, 1, label=speak(msg("Vary (subtle)")), emoji="🪄"), 1))
        view.add_item(_row(VaryStrongButton(job_id, 1, label=speak(msg("Vary (strong)")), emoji="🌀"), 1))
        return view
    for number in range(1, min(images, 5) + 1):
        if upscale_to is not None:
            view.add_item(_row(UpscaleButton(job_id, number, label=speak(msg("U{number}", number=number))), 1))
        view.add_item(_row(VaryStrongButton(job_id, number, label=speak(msg("V{number}", number=number))), 2))
    return view


def _row(item: discord.ui.DynamicItem[discord.ui.Button], row: int) -> discord.ui.DynamicItem[discord.ui.Button]:
    item.row = row
    return item


def failure_view(job_id: int, retryable: bool, *, speak: Speaker | None = None) -> discord.ui.View:
    """Retry (when it may help) and Delete, in `speak`'s language (the job's public one; English by default)."""
    view = discord.ui.View(timeout=None)
    if retryable:
        view.add_item(RegenerateButton(job_id, label=msg("Retry"), speak=speak))
    view.add_item(DeleteButton(job_id, speak=speak))
    return view


EditSubmitted = Callable[[discord.Interaction, str, int], Awaitable[None]]
RemixSubmitted = Callable[[discord.Interaction, str], Awaitable[None]]


def image_number(typed: str, count: int) -> int | None:
    """The image a member picked in the modal: a whole number from 1 to `count` in ASCII digits (`³` and
    other Unicode digits are not numbers to `int`); None for anything else."""
    typed = typed.strip()
    if not (typed.isascii() and typed.isdigit()) or not 1 <= int(typed) <= count:
        return None
    return int(typed)


class EditPromptModal(discord.ui.Modal):
    """Asks for the new prompt of an edit; the chosen image becomes the input. Only the member who pressed sees
    it: `speak` is their own language (English by default), also for what the form answers them."""

    def __init__(self, *, on_submit_cb: EditSubmitted, image_count: int = 1, default: str = "",
                 speak: Speaker | None = None) -> None:
        self._speak = speak = speak or english()
        super().__init__(title=speak(msg("Edit image"))[:MODAL_TITLE_LIMIT], timeout=EDIT_MODAL_TIMEOUT)
        self._callback = on_submit_cb
        self.image_count = image_count
        self.prompt: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=speak(msg("What should change?"))[:FIELD_LABEL_LIMIT], style=discord.TextStyle.paragraph,
            max_length=1000, placeholder=speak(msg("make the sky purple"))[:PLACEHOLDER_LIMIT], default=default)
        self.add_item(self.prompt)
        self.which: discord.ui.TextInput[Any] | None = None
        if image_count > 1:
            which = speak(msg("Which image (1-{last})", last=image_count))[:FIELD_LABEL_LIMIT]
            self.which = discord.ui.TextInput(label=which, max_length=1, default="1")
            self.add_item(self.which)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        which = 1
        if self.which is not None:
            picked = image_number(self.which.value, self.image_count)
            if picked is None:
                await tell_privately(interaction, "⚠️ " + self._speak(msg(
                    "Type the number of one of the images, from 1 to {last}, then press Edit again.",
                    last=self.image_count)))
                return
            which = picked
        await self._callback(interaction, self.prompt.value, which)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        log.error("edit modal failed for user %s", interaction.user.id, exc_info=error)
        await tell_privately(interaction, f"⚠️ {error_text(error, private_speaker(interaction))}")


class RemixModal(discord.ui.Modal):
    """The result's prompt, prefilled, to edit: the edited prompt is drawn from text with the same options. In
    `speak`'s language: the member's own, who pressed (English by default)."""

    def __init__(self, *, on_submit_cb: RemixSubmitted, prompt: str = "", speak: Speaker | None = None) -> None:
        speak = speak or english()
        super().__init__(title=speak(msg("Remix"))[:MODAL_TITLE_LIMIT], timeout=EDIT_MODAL_TIMEOUT)
        self._callback = on_submit_cb
        self.prompt: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=speak(msg("Prompt"))[:FIELD_LABEL_LIMIT], style=discord.TextStyle.paragraph, max_length=1000,
            default=prompt[:1000] or None, placeholder=speak(msg("a fox in the snow, at night"))[:PLACEHOLDER_LIMIT])
        self.add_item(self.prompt)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await self._callback(interaction, self.prompt.value)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        log.error("remix modal failed for user %s", interaction.user.id, exc_info=error)
        await tell_privately(interaction, f"⚠️ {error_text(error, private_speaker(interaction))}")
