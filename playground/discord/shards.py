"""Shard routing as Discord does it: which gateway sessions get an event, and which IDENTIFYs are refused.

Each session IDENTIFYs with `shard: [shard_id, shard_count]` and receives the events of every guild with
`(guild_id >> 22) % shard_count == shard_id`; events without a guild (DMs) go to shard 0. Discord computes
this for each session on its own: two live sessions on the same shard both receive every event of it (the
first to answer an interaction wins; the other gets 40060 "already acknowledged"), and sessions with different
shard counts (a re-shard in progress) may both get, or both miss, a guild. `strict_shard_count` makes the fake
refuse the second case instead (close 4010), for tests that want such a misconfiguration to fail loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gateway import GatewaySession

# A session may hold at most this many guilds (Discord: 2500); more closes IDENTIFY with 4011.
MAX_GUILDS_PER_SHARD = 2500
CLOSE_INVALID_SHARD = 4010
CLOSE_SHARDING_REQUIRED = 4011


def shard_of(guild_id: int | None, shard_count: int) -> int:
    """The shard that receives a guild's events (DMs, `guild_id` None: shard 0)."""
    return 0 if guild_id is None else (guild_id >> 22) % shard_count


def event_guild_id(event: str, data: dict[str, Any]) -> int | None:
    """The guild a dispatch belongs to: `guild_id`, or `id` for the guild's own events; None otherwise."""
    if data.get("guild_id") is not None:
        return int(data["guild_id"])
    if event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE") and data.get("id") is not None:
        return int(data["id"])
    return None


@dataclass(frozen=True)
class Refusal:
    """Why an IDENTIFY is refused: the close code and reason Discord sends."""

    code: int
    reason: str


def parse_shard(raw: Any) -> list[int] | None:
    """IDENTIFY's `shard` as [shard_id, shard_count], or None when it is not a valid pair."""
    if raw is None:
        return [0, 1]
    if not isinstance(raw, list | tuple) or len(raw) != 2:
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in raw):
        return None
    shard_id, count = raw
    return [shard_id, count] if 0 <= shard_id < count else None


class ShardRouter:
    """Decides delivery; knows nothing about sockets (the gateway sends)."""

    def __init__(self, *, strict_shard_count: bool = False, max_guilds_per_shard: int = MAX_GUILDS_PER_SHARD) -> None:
        self.strict_shard_count = strict_shard_count
        self.max_guilds_per_shard = max_guilds_per_shard

    def check_identify(self, raw_shard: Any, live: list[GatewaySession], guild_ids: list[int]) -> Refusal | None:
        """None when an IDENTIFY with `raw_shard` is accepted, given the `live` sessions and every guild."""
        shard = parse_shard(raw_shard)
        if shard is None:
            return Refusal(CLOSE_INVALID_SHARD, "Invalid shard.")
        if self.strict_shard_count and any(s.shard[1] != shard[1] for s in live):
            return Refusal(CLOSE_INVALID_SHARD, "Invalid shard.")
        if len(self.guilds_on(shard, guild_ids)) > self.max_guilds_per_shard:
            return Refusal(CLOSE_SHARDING_REQUIRED, "Sharding required.")
        return None

    @staticmethod
    def guilds_on(shard: list[int], guild_ids: list[int]) -> list[int]:
        """The guilds a session on `shard` receives."""
        return [g for g in guild_ids if shard_of(g, shard[1]) == shard[0]]

    @staticmethod
    def receives(session: GatewaySession, guild_id: int | None) -> bool:
        """Whether Discord sends `session` the events of `guild_id` (None: DMs and other guild-less events)."""
        return shard_of(guild_id, session.shard[1]) == session.shard[0]

    def targets(self, sessions: list[GatewaySession], guild_id: int | None) -> list[GatewaySession]:
        """The sessions an event of `guild_id` goes to: connected or resumable, and on the guild's shard."""
        return [s for s in sessions if not s.invalidated and self.receives(s, guild_id)]
