"""The world of the fake: users, roles, channels and guilds, and looking them up by name, id or object.

Mixed into `FakeDiscord`, whose `__init__` holds the state (`users`, `guild`, `guilds`, `channels_by_id`, ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .guilds import FakeGuild, MemberSpec
from .model import (
    CHANNEL_DM,
    DM_APP_PERMISSIONS,
    USER_INSTALL_APP_PERMISSIONS,
    FakeChannel,
    FakeMessage,
    FakeRole,
    FakeUser,
)

UserRef = str | int | FakeUser
ChannelRef = str | int | FakeChannel


class World:
    """Growing the world (`add_user`, `add_guild`, ...) and finding things in it (`user`, `channel`, ...)."""

    def _new_user(self, name: str, *, roles: list[str] | None = None, global_name: str | None = None,
                  locale: str = "en-US") -> FakeUser:
        user = FakeUser(self._ids.next(), name, global_name or name.capitalize(), roles=list(roles or []),
                        locale=locale, joined_at=self.clock.now())
        self.users[name] = user
        return user

    def add_user(self, name: str, *, roles: list[str] | None = None, global_name: str | None = None,
                 locale: str = "en-US") -> FakeUser:
        """Add a member of the default guild (roles are keys of `roles`); other guilds: `add_guild(members=)`."""
        user = self._new_user(name, roles=roles, global_name=global_name, locale=locale)
        self.guild.members[user.id] = user.roles
        return user

    def add_role(self, key: str, name: str | None = None, *, permissions: int = 0,
                 guild: FakeGuild | None = None) -> FakeRole:
        """Add a role to the default guild, or `guild` (`key` is how users and options refer to it). Add it
        before the bot connects, so GUILD_CREATE carries it (discord.py only knows roles of its guild cache)."""
        return self.guilds.add_role(guild or self.guild, key, name, permissions=permissions)

    def add_channel(self, name: str, *, nsfw: bool = False, topic: str | None = None,
                    guild: FakeGuild | None = None) -> FakeChannel:
        """Add a text channel to the default guild, or `guild`. Add it before the bot connects, so GUILD_CREATE
        carries it (a channel option resolves only to channels in discord.py's guild cache). Channels of other
        guilds are referred to by object or id (`guild.channel(name)`): names are only unique per guild."""
        return self.guilds.add_channel(guild or self.guild, name, nsfw=nsfw, topic=topic)

    def add_guild(self, name: str, *, members: MemberSpec = ("alice", "bob"), roles: Mapping[str, int] | None = None,
                  channels: Iterable[str] = ("general",), nsfw_channels: Iterable[str] = (),
                  owner: str | None = None, locale: str = "en-US", shard: tuple[int, int] | None = None
                  ) -> FakeGuild:
        """Another guild the bot is in. `members`: user names (new names become new users) or name -> role keys
        of `roles` (key -> permission bits); `owner` (default: a new user "<name>-owner") is a member too.
        `shard=(shard_id, shard_count)` picks an id that lands on that shard. Add it before the bot connects
        (or `announce_guild` it after: the bot joined)."""
        owner_user = self.users.get(owner) if owner else None
        owner_user = owner_user or self._new_user(owner or f"{name.lower().replace(' ', '-')}-owner")
        guild_id = self._ids.next_on_shard(*shard) if shard else self._ids.next()
        guild = self.guilds.create(name, owner_user, guild_id=guild_id, locale=locale)
        guild.members[self.bot_user.id] = ["bot"]
        for key, permissions in (roles or {}).items():
            self.guilds.add_role(guild, key, permissions=permissions)
        for channel_name in channels:
            self.guilds.add_channel(guild, channel_name)
        for channel_name in nsfw_channels:
            self.guilds.add_channel(guild, channel_name, nsfw=True)
        self.guilds.add_members(guild, members)
        return guild

    async def announce_guild(self, guild: FakeGuild) -> int:
        """The bot joined `guild` while connected: GUILD_CREATE to the sessions on its shard (how many got it)."""
        payload = self.guilds.create_payload(guild)
        del payload["unavailable"]  # a join, not an outage ending (`unavailable: false`)
        delivered = await self._gateway.route("GUILD_CREATE", payload, guild.id)
        for session, _ in delivered:
            session.guild_ids.append(guild.id)
        await self._notify()
        return len(delivered)

    def override_command(self, name: str, *, users: Iterable[UserRef] = (), roles: Iterable[str] = (),
                         allow: bool = True, guild: FakeGuild | None = None) -> None:
        """What a server admin sets in Server Settings → Integrations: `/name` is shown to (or, with
        `allow=False`, hidden from) these members and roles (keys in `guild`, default the default guild),
        whatever its default_member_permissions say. A user's own entry wins over their roles'; among roles,
        one allowing wins."""
        where = guild or self.guild
        entries = self.command_overwrites.setdefault(name, {})
        for ref in users:
            entries[self.user(ref).id] = allow
        for key in roles:
            entries[where.roles[key].id] = allow

    def user(self, ref: UserRef) -> FakeUser:
        """A user by name, id or object (the bot included)."""
        if isinstance(ref, FakeUser):
            return ref
        if isinstance(ref, str) and ref in self.users:
            return self.users[ref]
        for user in [*self.users.values(), self.bot_user]:
            if str(user.id) == str(ref):
                return user
        raise KeyError(f"no such fake user: {ref!r}")

    def channel(self, ref: ChannelRef) -> FakeChannel:
        """A channel by name, id or object."""
        if isinstance(ref, FakeChannel):
            return ref
        if isinstance(ref, str) and ref in self.channels:
            return self.channels[ref]
        try:
            return self.channels_by_id[int(ref)]
        except (KeyError, ValueError):
            raise KeyError(f"no such fake channel: {ref!r}") from None

    def dm_channel(self, user: UserRef) -> FakeChannel:
        """The bot's DM channel with `user` (created on first use, like POST /users/@me/channels)."""
        member = self.user(user)
        channel = self._dm_channels.get(member.id)
        if channel is None:
            channel = FakeChannel(self._ids.next(), None, type=CHANNEL_DM, recipient_id=member.id)
            self._dm_channels[member.id] = channel
            self.channels_by_id[channel.id] = channel
        return channel

    def private_channel(self, user: UserRef) -> FakeChannel:
        """A DM between `user` and another person; the bot is not in it (user-installed app usage)."""
        member = self.user(user)
        channel = self._private_channels.get(member.id)
        if channel is None:
            other = self.users["bob"] if member.username != "bob" else self.users["alice"]
            channel = FakeChannel(self._ids.next(), None, type=CHANNEL_DM, recipient_id=other.id,
                                  bot_present=False)
            self._private_channels[member.id] = channel
            self.channels_by_id[channel.id] = channel
        return channel

    def channel_messages(self, channel: ChannelRef, *, include_deleted: bool = False) -> list[FakeMessage]:
        """Messages in a channel, oldest first (ephemeral ones included)."""
        target = self.channel(channel)
        return [m for m in self.messages.values() if m.channel_id == target.id and (include_deleted or not m.deleted)]

    @property
    def guild_id(self) -> int:
        """The guild's id."""
        return self.guild.id

    def member_permissions(self, user: UserRef, channel: ChannelRef | None = None) -> int:
        """A member's permissions in a guild channel (roles, administrator, owner, overwrites); without a guild
        channel, their permissions in the default guild."""
        target = self.channel(channel) if channel is not None else None
        guild = self.guilds.of_channel(target) if target is not None else None
        if guild is None:
            return self.guilds.permissions(self.guild, self.user(user))
        return self.guilds.permissions(guild, self.user(user), target)

    def app_permissions(self, channel: ChannelRef) -> int:
        """What Discord puts in `app_permissions` for an interaction in `channel`."""
        target = self.channel(channel)
        if target.guild_id is not None:
            return self.member_permissions(self.bot_user, target)
        return DM_APP_PERMISSIONS if target.bot_present else USER_INSTALL_APP_PERMISSIONS
