"""Which language the bot answers an interaction in (the rules are in `bot.i18n.locales`)."""

from __future__ import annotations

import discord

from bot.i18n import Speaker, private_locale
from bot.policy import PolicyRefusal
from bot.records.spec import JobSpec


def private_speaker(interaction: discord.Interaction) -> Speaker:
    """For a reply only the member sees: their own language, as their Discord client reports it."""
    return Speaker.for_locale(private_locale(interaction.locale.value))


def public_speaker(spec: JobSpec) -> Speaker:
    """For a job's messages everyone sees (progress, result, buttons, audit lines): the public language decided
    when it was submitted, kept with the job so a restart speaks it too."""
    return Speaker.for_locale(spec.locale)


def refusal_text(interaction: discord.Interaction, refused: PolicyRefusal) -> str:
    """Why a request was refused, in the language of the member who asked (only they see it)."""
    return private_speaker(interaction)(refused.message)
