"""Which language the bot answers an interaction in (the rules are in `bot.i18n.locales`)."""

from __future__ import annotations

import discord

from bot.i18n import Speaker, private_locale


def private_speaker(interaction: discord.Interaction) -> Speaker:
    """For a reply only the member sees: their own language, as their Discord client reports it."""
    return Speaker.for_locale(private_locale(interaction.locale.value))
