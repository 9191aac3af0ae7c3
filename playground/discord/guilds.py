"""The fake Discord's guilds: each with its own roles, channels and members, and the JSON Discord sends for them.

Users are global (`FakeDiscord.users`, by name); a guild lists its members as user id -> role keys (keys of
that guild's `roles`). The default guild keeps each member's `FakeUser.roles` list itself, so a test that
appends to `fake.users["bob"].roles` changes bob's roles there, as before several guilds existed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    BOT_ROLE_PERMISSIONS,
    EVERYONE_PERMISSIONS,
    VIEW_CHANNEL,
    FakeChannel,
    FakeRole,
    FakeUser,
    iso,
)
from .shards import shard_of

if TYPE_CHECKING:
    from .server import FakeDiscord

MemberSpec = Mapping[str, Iterable[str]] | Iterable[str]


@dataclass
class FakeGuild:
    """A guild the bot is in."""

    id: int
    name: str
    owner_id: int
    preferred_locale: str = "en-US"
    joined_at: float = 0.0
    roles: dict[str, FakeRole] = field(default_factory=dict)  # by key; "everyone" (id = guild id) and "bot"
    channels: dict[str, FakeChannel] = field(default_factory=dict)  # by name
    members: dict[int, list[str]] = field(default_factory=dict)  # user id -> role keys

    def channel(self, name: str) -> FakeChannel:
        """One of its channels by name."""
        try:
            return self.channels[name]
        except KeyError:
            raise KeyError(f"guild {self.name!r} has no channel {name!r}") from None

    def shard(self, shard_count: int) -> int:
        """The shard Discord delivers this guild's events on, for `shard_count` shards."""
        return shard_of(self.id, shard_count)


class GuildDirectory:
    """Every guild of the fake, membership and permissions, and the payloads that describe them."""

    def __init__(self, fake: FakeDiscord) -> None:
        self._fake = fake
        self.by_id: dict[int, FakeGuild] = {}

    def __iter__(self) -> Any:
        return iter(list(self.by_id.values()))

    def __len__(self) -> int:
        return len(self.by_id)

    def create(self, name: str, owner: FakeUser, *, guild_id: int, locale: str = "en-US") -> FakeGuild:
        """A guild with its @everyone and bot roles, the owner and the bot as members, no channels."""
        fake = self._fake
        guild = FakeGuild(guild_id, name, owner.id, preferred_locale=locale, joined_at=fake.clock.now())
        guild.roles["everyone"] = FakeRole(guild_id, "@everyone", EVERYONE_PERMISSIONS, 0)
        guild.roles["bot"] = FakeRole(fake._ids.next(), fake.bot_user.username, BOT_ROLE_PERMISSIONS, 1,
                                      managed=True, bot_id=fake.application_id)
        guild.members[owner.id] = []
        self.by_id[guild.id] = guild
        return guild

    def add_role(self, guild: FakeGuild, key: str, name: str | None = None, *, permissions: int = 0) -> FakeRole:
        """A role in `guild`, referred to by `key`."""
        role = FakeRole(self._fake._ids.next(), name or key, permissions, position=len(guild.roles))
        guild.roles[key] = role
        return role

    def add_channel(self, guild: FakeGuild, name: str, *, nsfw: bool = False, topic: str | None = None
                    ) -> FakeChannel:
        """A text channel in `guild`."""
        channel = FakeChannel(self._fake._ids.next(), name, guild_id=guild.id, position=len(guild.channels),
                              nsfw=nsfw, topic=topic)
        guild.channels[name] = channel
        self._fake.channels_by_id[channel.id] = channel
        return channel

    def add_members(self, guild: FakeGuild, members: MemberSpec) -> None:
        """Members by user name (created when new): a list of names (no roles) or name -> role keys."""
        fake = self._fake
        specs = members.items() if isinstance(members, Mapping) else ((name, ()) for name in members)
        for name, role_keys in specs:
            keys = list(role_keys)
            unknown = [key for key in keys if key not in guild.roles]
            if unknown:
                raise KeyError(f"guild {guild.name!r} has no role(s) {unknown}")
            user = fake.users.get(name) or fake._new_user(name)
            guild.members[user.id] = keys

    # ------------------------------------------------------------------ lookups

    def of_channel(self, channel: FakeChannel) -> FakeGuild | None:
        """The guild a channel belongs to (None for DMs)."""
        return None if channel.guild_id is None else self.by_id[channel.guild_id]

    def get(self, guild_id: int | str) -> FakeGuild | None:
        """A guild by id, or None when the bot is not in it."""
        try:
            return self.by_id.get(int(guild_id))
        except ValueError:
            return None

    def is_member(self, guild: FakeGuild, user: FakeUser) -> bool:
        """Whether `user` is in `guild`."""
        return user.id in guild.members

    def role_keys(self, guild: FakeGuild, user: FakeUser) -> list[str]:
        """The keys of a member's roles in `guild` (empty for non-members)."""
        return [key for key in guild.members.get(user.id, []) if key in guild.roles]

    def permissions(self, guild: FakeGuild, user: FakeUser, channel: FakeChannel | None = None) -> int:
        """A member's permissions in `guild` (roles, administrator, owner), in `channel` with its overwrites."""
        if user.id == guild.owner_id:
            return ALL_PERMISSIONS
        keys = self.role_keys(guild, user)
        roles = [guild.roles["everyone"], *(guild.roles[key] for key in keys)]
        perms = 0
        for role in roles:
            perms |= role.permissions
        if perms & ADMINISTRATOR:
            return ALL_PERMISSIONS
        if channel is None or channel.guild_id != guild.id:
            return perms
        overwrites = {str(o["id"]): o for o in channel.permission_overwrites}
        everyone = overwrites.get(str(guild.id))
        if everyone:
            perms = (perms & ~int(everyone.get("deny", 0))) | int(everyone.get("allow", 0))
        allow = deny = 0
        for role in roles[1:]:
            if str(role.id) in overwrites:
                allow |= int(overwrites[str(role.id)].get("allow", 0))
                deny |= int(overwrites[str(role.id)].get("deny", 0))
        perms = (perms & ~deny) | allow
        own = overwrites.get(str(user.id))
        if own:
            perms = (perms & ~int(own.get("deny", 0))) | int(own.get("allow", 0))
        return perms if perms & VIEW_CHANNEL else 0

    # ------------------------------------------------------------------ payloads

    def member_payload(self, guild: FakeGuild, user: FakeUser, *, with_user: bool = True,
                       channel: FakeChannel | None = None) -> dict[str, Any]:
        """The guild member object."""
        data: dict[str, Any] = {
            "roles": [str(guild.roles[key].id) for key in self.role_keys(guild, user)],
            "joined_at": iso(user.joined_at or guild.joined_at), "deaf": False, "mute": False,
            "flags": 0, "pending": False, "nick": None, "avatar": None, "banner": None,
            "premium_since": None, "communication_disabled_until": None, "unusual_dm_activity_until": None,
        }
        if with_user:
            data["user"] = user.to_payload()
        if channel is not None:
            data["permissions"] = str(self.permissions(guild, user, channel))
        return data

    def members_payload(self, guild: FakeGuild) -> list[dict[str, Any]]:
        """Every member (the bot included)."""
        return [self.member_payload(guild, self._fake.user(user_id)) for user_id in guild.members]

    def create_payload(self, guild: FakeGuild) -> dict[str, Any]:
        """GUILD_CREATE's `d`."""
        general = guild.channels.get("general")
        return {
            "id": str(guild.id), "name": guild.name, "icon": None, "splash": None,
            "discovery_splash": None, "owner_id": str(guild.owner_id), "afk_channel_id": None,
            "afk_timeout": 300, "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "roles": [r.to_payload() for r in guild.roles.values()],
            "emojis": [], "features": [], "mfa_level": 0, "application_id": None,
            "system_channel_id": str(general.id) if general else None, "system_channel_flags": 0,
            "rules_channel_id": None, "max_members": 500000, "vanity_url_code": None, "description": None,
            "banner": None, "premium_tier": 0, "premium_subscription_count": 0,
            "preferred_locale": guild.preferred_locale, "public_updates_channel_id": None, "nsfw_level": 0,
            "stickers": [], "premium_progress_bar_enabled": False, "safety_alerts_channel_id": None,
            "joined_at": iso(guild.joined_at), "large": False, "unavailable": False,
            "member_count": len(guild.members), "voice_states": [], "members": self.members_payload(guild),
            "channels": [self._fake._channel_payload(c) for c in guild.channels.values()], "threads": [],
            "presences": [], "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
            "lazy": True,
        }
