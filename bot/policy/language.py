"""Which language the messages everyone sees are written in, for one request (rules in `bot.i18n.locales`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.i18n.locales import public_locale

if TYPE_CHECKING:
    from bot.policy.rules import Actor
    from bot.records.guild import GuildSettings


def public_language(actor: Actor, guild: GuildSettings | None) -> str:
    """The language of a request's public messages (progress, result, its buttons, audit lines): the one a
    moderator set with /settings language, else the server's own locale, else English; in DMs, the member's."""
    return public_locale(server_language=guild.language if guild is not None else None,
                         guild_locale=actor.guild_locale, member_locale=actor.locale,
                         in_guild=not actor.is_dm and actor.guild_id is not None)
