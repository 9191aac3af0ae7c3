"""Who may act on an existing job through its buttons.

Regenerate and Edit are open to anyone who can see the result: they start a new job of the presser's own,
under the presser's own limits. Cancel belongs to the requester; Delete to the requester or to a moderator
who can manage messages in that server.
"""

from __future__ import annotations

from bot.policy.rules import Actor
from bot.records.job import JobRecord


def may_cancel(actor: Actor, record: JobRecord) -> bool:
    """Only the person who asked for the images can stop them."""
    return actor.user_id == record.spec.requester_id


def may_delete(actor: Actor, record: JobRecord) -> bool:
    """The requester, or someone who manages messages in the server the result was posted in."""
    return actor.user_id == record.spec.requester_id or (actor.guild_id is not None and actor.manages_messages)
