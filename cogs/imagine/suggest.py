"""What /imagine and /blend suggest while a member types: models (with their price), the sizes of the model
picked, and the styles that apply where the member is. Suggestions cannot be deferred, so every look-up
behind them gives up after `FIRST_ANSWER_LOOKUP` seconds and suggests nothing rather than nothing in time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable

import discord
from discord import app_commands

from bot.i18n import Speaker, english, msg
from bot.openroute.types import ImageModel
from bot.records.guild import Style

log = logging.getLogger(__name__)

# What may be looked up before an answer that cannot be deferred (a modal, suggestions): Discord wants the
# answer within 3 s of the interaction, which also has to reach the bot and the answer Discord.
FIRST_ANSWER_LOOKUP = 2.0
MAX_CHOICES = 25  # Discord shows at most 25 suggestions
CHOICE_LIMIT = 100  # characters of a suggestion's name and of its value

Choices = list[app_commands.Choice[str]]


async def within_first_answer(interaction: discord.Interaction, what: str,
                              lookup: Callable[[], Awaitable[Choices]]) -> Choices:
    """`lookup`'s suggestions, or none when it takes over `FIRST_ANSWER_LOOKUP` seconds or fails (logged)."""
    try:
        async with asyncio.timeout(FIRST_ANSWER_LOOKUP):
            return await lookup()
    except TimeoutError:
        log.warning("%s suggestions for user %s gave up after %.0f s: the database is slow", what,
                    interaction.user.id, FIRST_ANSWER_LOOKUP)
    except Exception:
        log.exception("%s suggestions for user %s failed", what, interaction.user.id)
    return []


def _matches(current: str, *texts: str) -> bool:
    needle = current.lower().strip()
    return not needle or any(needle in text.lower() for text in texts)


def model_label(model: ImageModel, speak: Speaker | None = None) -> str:
    """`id — $0.04/image` in the reader's language (the id as it is); a token-billed model shows its id alone
    rather than "$0"."""
    speak = speak or english()
    price = model.image_price
    if price is None:
        return model.id
    each = speak(msg("{price}/image", price=speak.money(price)))  # as /models says it
    return f"{model.id} — {each}"


def model_choices(models: Iterable[ImageModel], current: str, speak: Speaker | None = None) -> Choices:
    """Up to 25 of `models` whose id or name contains what was typed, each with its per-image price, in the
    language of the member typing (`speak`; English by default). The value is the model id, never translated."""
    return [app_commands.Choice(name=model_label(m, speak)[:CHOICE_LIMIT], value=m.id[:CHOICE_LIMIT])
            for m in models if _matches(current, m.id, m.name)][:MAX_CHOICES]


def takes_images(model: ImageModel) -> bool:
    """Whether `model` reads images (one whose listing says nothing about its inputs is given the benefit)."""
    return not model.input_modalities or "image" in model.input_modalities


def size_choices(sizes: Iterable[str], current: str) -> Choices:
    """The sizes offered (smallest first) that contain what was typed."""
    return [app_commands.Choice(name=size, value=size) for size in sizes if _matches(current, size)]


def style_choices(styles: Iterable[Style], current: str) -> Choices:
    """Up to 25 styles whose name or text contains what was typed, each shown with the start of its text."""
    choices = []
    for style in styles:
        if _matches(current, style.name, style.text):
            shown = f"{style.name} — {style.text}"
            if len(shown) > CHOICE_LIMIT:
                shown = shown[:CHOICE_LIMIT - 1] + "…"
            choices.append(app_commands.Choice(name=shown, value=style.name[:CHOICE_LIMIT]))
    return choices[:MAX_CHOICES]
