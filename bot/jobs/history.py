"""/history: a member's recent results where they are, a page at a time. Discord-free: the cog describes the
person with `Actor` and renders the `HistoryPage`.

Where a member is decides whose results count: in a server, the member's jobs asked there; in DMs (and in
contexts whose server did not install the bot), their DM jobs, wherever asked. A moderator (Manage Server)
may look at another member's results on their server; nobody else may, and nobody in DMs.
"""

from __future__ import annotations

from bot.i18n import msg
from bot.policy.rules import Actor, PolicyRefusal
from bot.records.history import HistoryCursor, HistoryPage
from bot.storage.base import JobRepository

PAGE_SIZE = 10


class HistoryService:
    """Pages of members' results, read from the jobs they asked for."""

    def __init__(self, jobs: JobRepository, *, page_size: int = PAGE_SIZE) -> None:
        self._jobs = jobs
        self.page_size = page_size

    @staticmethod
    def subject(actor: Actor, member_id: int | None = None) -> int:
        """Whose results `actor` may see: their own (`member_id` None or theirs), or, for a moderator on their
        server, another member's; a `PolicyRefusal` otherwise."""
        if member_id is None or member_id == actor.user_id:
            return actor.user_id
        if actor.is_dm or actor.guild_id is None:
            raise PolicyRefusal(msg("Another member's history can only be looked at by the moderators of a "
                                    "server, there."))
        if not actor.manages_guild:
            raise PolicyRefusal(msg("Only members with the Manage Server permission can look at another "
                                    "member's history."))
        return member_id

    async def page(self, actor: Actor, member_id: int | None = None, *, older_than: HistoryCursor | None = None,
                   newer_than: HistoryCursor | None = None) -> HistoryPage:
        """A page of the results of `member_id` (default: the actor) where the actor is: the newest, or the one
        just older or just newer than a result's cursor. Refused as `subject` says."""
        subject = self.subject(actor, member_id)
        guild_id = None if actor.is_dm or actor.guild_id is None else actor.guild_id
        return await self._jobs.results(subject, guild_id=guild_id, limit=self.page_size, older_than=older_than,
                                        newer_than=newer_than)
