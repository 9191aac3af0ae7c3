"""A server's audit log: one line in the channel its moderators chose with /settings log-channel.

Shared by /settings (who changed what) and /imagine (who generated what). Posting is best effort: a
channel the bot cannot see or write to costs a warning in the log, never the command that was being served.
"""

from __future__ import annotations

import logging

import discord

log = logging.getLogger(__name__)

AUDIT_MESSAGE_LIMIT = 2000
NO_MENTIONS = discord.AllowedMentions.none()


def clip(content: str, limit: int = AUDIT_MESSAGE_LIMIT) -> str:
    """At most `limit` characters, ending in `…` when cut."""
    return content if len(content) <= limit else content[: limit - 1] + "…"


async def post_audit(bot: discord.Client, channel_id: int | None, content: str) -> None:
    """Post `content` to the audit channel (nothing when `channel_id` is None). Mentions render but never
    notify anyone. Never raises for Discord refusing the message."""
    if channel_id is None:
        return
    try:
        await bot.get_partial_messageable(channel_id).send(clip(content), allowed_mentions=NO_MENTIONS)
    except (discord.Forbidden, discord.NotFound) as exc:
        log.warning("cannot post to audit channel %d (%s); check the bot's access or pick another channel "
                    "with /settings log-channel", channel_id, type(exc).__name__)
    except discord.HTTPException as exc:
        log.warning("audit channel %d: posting failed: %s %s", channel_id, exc.status, exc.text)
