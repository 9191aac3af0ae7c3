"""FakeDiscord: a REST API + gateway on 127.0.0.1 that an unmodified discord.py logs into.

The world starts as one guild (`general`, `nsfw` text channels; users alice, bob, mod, admin, owner), the
bot, DM channels created on demand, and every message / interaction / request the bot produced. Tests drive
it like Discord's client would (`run_command`, `click`, `submit_modal`, ...) and assert on the state.
Tests can grow the world before the bot connects (`add_user`, `add_role`, `add_channel`, `add_guild` for
more guilds with their own members, roles and channels) and show or hide a command as a server admin does
in the Integrations settings (`override_command`). Gateway sessions are sharded like Discord's (`shards.py`):
a guild's events and interactions reach only the sessions on its shard; an interaction no session can
receive is one the user sees fail ("The application did not respond", `FakeInteraction.did_not_respond`).
"""

from __future__ import annotations

import asyncio
import base64
import logging
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from aiohttp import web

from . import commands
from .clock import FakeClock
from .errors import ClientRefused, DiscordError, form_error, too_large
from .gate import RequestGate
from .gateway import GatewayConnection, GatewayServer, GatewaySession
from .guilds import FakeGuild, GuildDirectory, MemberSpec
from .interaction import FakeInteraction
from .model import (
    ADMINISTRATOR,
    APPLICATION_COMMAND,
    APPLICATION_COMMAND_AUTOCOMPLETE,
    CHANNEL_DM,
    DM_APP_PERMISSIONS,
    FLAG_EPHEMERAL,
    FLAG_IS_COMPONENTS_V2,
    FLAG_LOADING,
    FLAG_SUPPRESS_EMBEDS,
    MANAGE_MESSAGES,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    USER_INSTALL_APP_PERMISSIONS,
    FakeAttachment,
    FakeChannel,
    FakeMessage,
    FakeRole,
    FakeUser,
    RecordedRequest,
    SnowflakeFactory,
    attachment_path,
    describe_upload,
    iso,
    iter_components,
)
from .ratelimit import RateLimiter, RateLimitRule
from .rest import API_PREFIX, RestApi, Upload
from .shards import MAX_GUILDS_PER_SHARD, ShardRouter, event_guild_id, shard_of
from .validation import MAX_ATTACHMENTS, resolve_mentions

log = logging.getLogger(__name__)

T = TypeVar("T")

UserRef = str | int | FakeUser
ChannelRef = str | int | FakeChannel
AttachmentSpec = tuple[str, bytes] | tuple[str, bytes, str]


# Observed Discord values: interaction webhooks 5 / 2 s per token, message create/edit 5 / 5 s per channel.
WEBHOOK_RATE_LIMIT = RateLimitRule(5, 2.0)
CHANNEL_MESSAGE_RATE_LIMIT = RateLimitRule(5, 5.0)
_V2_LEGACY_FIELDS = "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2"




class FakeDiscord:
    """Fake Discord REST API + gateway for one bot application."""

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        clock: FakeClock | None = None,
        upload_limit: int = 10 * 1024 * 1024,
        rate_limits: bool = True,
        webhook_rate_limit: RateLimitRule | None = WEBHOOK_RATE_LIMIT,
        channel_message_rate_limit: RateLimitRule | None = CHANNEL_MESSAGE_RATE_LIMIT,
        message_edit_rate_limit: RateLimitRule | None = None,
        global_rate_limit: int | None = 50,
        heartbeat_interval: int = 41250,
        privileged_intents: int = 0,
        dispatch_timeout: float = 30.0,
        recommended_shards: int = 1,
        strict_shard_count: bool = False,
        max_guilds_per_shard: int = MAX_GUILDS_PER_SHARD,
    ) -> None:
        """`webhook_rate_limit`: per (application, interaction token) on webhook message routes;
        `channel_message_rate_limit`: per channel, separately for create / edit / delete;
        `message_edit_rate_limit`: optional unadvertised per-message edit sub-limit (429s despite
        remaining > 0, like Discord's hidden limits); `global_rate_limit`: requests per second on
        bot-token routes (interaction/webhook routes are exempt); `privileged_intents`: intent bits the
        application is allowed (others close the gateway with 4014); `recommended_shards`: what
        `GET /gateway/bot` answers; `strict_shard_count`: refuse (4010) an IDENTIFY whose shard count differs
        from a live session's (Discord accepts it); `max_guilds_per_shard`: more guilds on one shard closes
        IDENTIFY with 4011 "Sharding required"."""
        self.token = token
        self.clock = clock or FakeClock()
        self.upload_limit = upload_limit
        self.webhook_rate_limit = webhook_rate_limit
        self.channel_message_rate_limit = channel_message_rate_limit
        self.message_edit_rate_limit = message_edit_rate_limit
        self.global_rate_limit = global_rate_limit
        self.privileged_intents = privileged_intents
        self.dispatch_timeout = dispatch_timeout
        self.recommended_shards = recommended_shards
        self.limiter = RateLimiter(self.clock.now, enabled=rate_limits)
        self._ids = SnowflakeFactory(self.clock.now)

        self.version = 0  # grows on every change a client could see (requests, gateway events, interactions)
        self.requests: list[RecordedRequest] = []
        self.rate_limited: list[RecordedRequest] = []
        self.server_errors: list[str] = []  # exceptions inside the fake itself (should stay empty)
        self.messages: dict[int, FakeMessage] = {}
        self.attachments: dict[int, FakeAttachment] = {}
        self.interactions: dict[int, FakeInteraction] = {}
        self.interactions_by_token: dict[str, FakeInteraction] = {}
        self.commands: dict[str, dict[str, Any]] = {}  # global commands by name (last bulk overwrite)
        self.guild_commands: dict[int, dict[str, dict[str, Any]]] = {}
        self.sync_count = 0
        # Server Settings → Integrations: per command name, user / role id -> allowed (overrides the default)
        self.command_overwrites: dict[str, dict[int, bool]] = {}
        self._command_ids: dict[tuple[int | None, str, int], int] = {}
        self._gates: list[RequestGate] = []

        now = self.clock.now()
        self.application_id = self._ids.next()
        self.bot_user = FakeUser(self.application_id, "imagine-bot", None, bot=True, roles=["bot"], joined_at=now)
        self.verify_key = secrets.token_hex(32)
        self.users: dict[str, FakeUser] = {}  # every user by name (members of any guild)
        self.channels_by_id: dict[int, FakeChannel] = {}
        self.guilds = GuildDirectory(self)
        guild_id = self._ids.next()
        owner = self._new_user("owner")
        # the default guild: `guild`, `roles`, `channels` and `FakeUser.roles` are its own
        self.guild: FakeGuild = self.guilds.create("Fake Guild", owner, guild_id=guild_id)
        self.guild.members[owner.id] = owner.roles
        self.guild.members[self.bot_user.id] = self.bot_user.roles
        self.roles: dict[str, FakeRole] = self.guild.roles
        self.roles["mod"] = FakeRole(self._ids.next(), "Moderator", MANAGE_MESSAGES, 2)
        self.roles["admin"] = FakeRole(self._ids.next(), "Admin", ADMINISTRATOR, 3)
        self.add_user("alice")
        self.add_user("bob")
        self.add_user("mod", roles=["mod"])
        self.add_user("admin", roles=["admin"])
        self.channels: dict[str, FakeChannel] = self.guild.channels
        self.add_channel("general")
        self.add_channel("nsfw", nsfw=True)
        self._dm_channels: dict[int, FakeChannel] = {}
        self._private_channels: dict[int, FakeChannel] = {}

        self._rest = RestApi(self)
        self.shard_router = ShardRouter(strict_shard_count=strict_shard_count,
                                        max_guilds_per_shard=max_guilds_per_shard)
        self._gateway = GatewayServer(self, heartbeat_interval=heartbeat_interval, router=self.shard_router)
        self._cond = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.api_base_url = ""
        self.gateway_url = ""

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Listen on 127.0.0.1 (free port) and fill in the URLs."""
        app = web.Application(client_max_size=max(64 * 1024 * 1024, self.upload_limit * 12),
                              middlewares=[self._rest.middleware])
        self._rest.add_routes(app)
        app.router.add_get("/gateway", self._gateway.handle)
        app.router.add_get("/gateway/", self._gateway.handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        self.api_base_url = self.base_url + API_PREFIX
        self.gateway_url = f"ws://{host}:{port}/gateway"
        log.debug("fake Discord listening on %s", self.base_url)

    async def close(self) -> None:
        """Close every gateway connection and stop the server."""
        for gate in self._gates:
            gate.release()
        await self._gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------------ waiting

    async def _notify(self) -> None:
        self.version += 1
        async with self._cond:
            self._cond.notify_all()

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 30.0) -> T:
        """Wait until `predicate()` is truthy (re-checked on every request / gateway event); returns it."""
        try:
            async with asyncio.timeout(timeout), self._cond:
                return await self._cond.wait_for(predicate)
        except TimeoutError:
            raise TimeoutError(f"fake Discord: condition not met within {timeout}s") from None

    async def wait_ready(self, timeout: float = 30.0, *, sessions: int | None = None,
                         shards: Iterable[int] | None = None) -> None:
        """Wait until a bot is connected (IDENTIFY received, READY + GUILD_CREATE sent).

        `sessions`: wait until at least this many IDENTIFYs have completed in total (a restarted bot
        is session 2); `shards`: until each of these shard ids has a live session."""
        wanted = set(shards or ())

        def ready() -> bool:
            if wanted - {s.shard[0] for s in self._gateway.live_sessions()}:
                return False
            return self._gateway.current() is not None and self._gateway.ready_count >= (sessions or 1)

        await self.wait_for(ready, timeout=timeout)

    def shard_sessions(self, shard_id: int | None = None) -> list[GatewaySession]:
        """Live gateway sessions (connected and ready), on shard `shard_id` when given."""
        return [s for s in self._gateway.live_sessions() if shard_id is None or s.shard[0] == shard_id]

    @property
    def connections(self) -> list[GatewayConnection]:
        """Every gateway connection so far (open or closed)."""
        return list(self._gateway.connections)

    @property
    def ready_count(self) -> int:
        """How many IDENTIFYs were answered with READY."""
        return self._gateway.ready_count

    async def request_reconnect(self, *, shard_id: int | None = None) -> None:
        """Send op 7 RECONNECT (to the newest session, or one on `shard_id`): discord.py closes and RESUMEs on
        resume_gateway_url."""
        conn = await self._gateway.wait_connection(self.dispatch_timeout, shard_id=shard_id)
        await conn.send({"op": 7, "d": None, "s": None, "t": None})

    async def invalidate_session(self, *, resumable: bool = False, shard_id: int | None = None) -> None:
        """Send op 9 INVALID_SESSION (d = resumable) to the newest session, or one on `shard_id`."""
        conn = await self._gateway.wait_connection(self.dispatch_timeout, shard_id=shard_id)
        if not resumable and conn.session is not None:
            conn.session.invalidated = True
            self._gateway.sessions.pop(conn.session.session_id, None)
        await conn.send({"op": 9, "d": resumable, "s": None, "t": None})

    async def dispatch_event(self, event: str, data: dict[str, Any]) -> int:
        """Send any gateway DISPATCH (e.g. MESSAGE_DELETE) to every session on the shard of its guild (`guild_id`,
        or `id` for GUILD_* events; none: shard 0); returns the first session's sequence. Raises LookupError
        when no session holds that shard."""
        guild_id = event_guild_id(event, data)
        delivered = await self._gateway.route(event, data, guild_id)
        await self._notify()
        if not delivered:
            raise LookupError(f"no gateway session holds the shard of guild {guild_id}")
        return delivered[0][1]

    def refusals(self, since: int = 0) -> list[RecordedRequest]:
        """The bot's requests the fake refused (status >= 400, 429s included), from `requests[since:]`: what
        Discord would have refused, with the error body it answered (`record.error`)."""
        return [r for r in self.requests[since:] if r.status >= 400]

    def hold_requests(self, match: Callable[[RecordedRequest], bool]) -> RequestGate:
        """Hold every request `match` accepts (it sees the method, path, route and content type, not the body)
        until the returned gate is released; `wait_for` wakes as each one is held."""
        gate = RequestGate(match)
        self._gates.append(gate)
        return gate

    async def _pass_gates(self, record: RecordedRequest) -> bool:
        """Wait at every unreleased gate that matches the request; whether any held it."""
        held = False
        for gate in self._gates:
            if not gate.released and gate.match(record):
                held = True
                gate.held.append(record)
                await self._notify()
                await gate.wait()
        return held

    # ------------------------------------------------------------------ world lookups

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

    # ------------------------------------------------------------------ payloads

    def _user_me_payload(self) -> dict[str, Any]:
        return {**self.bot_user.to_payload(), "bot": True, "verified": True, "mfa_enabled": False,
                "locale": "en-US", "email": None, "bio": ""}

    def _application_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id), "name": "imagine-bot", "icon": None, "description": "",
            "summary": "", "type": None, "hook": True, "bot_public": True, "bot_require_code_grant": False,
            "verify_key": self.verify_key, "owner": self.user("owner").to_payload(), "team": None,
            "flags": 1 << 23, "interactions_endpoint_url": None, "role_connections_verification_url": None,
            "redirect_uris": [], "rpc_origins": [], "tags": [], "install_params": None,
            "integration_types_config": {"0": {}, "1": {}}, "approximate_guild_count": len(self.guilds),
            "approximate_user_install_count": 0, "bot": self.bot_user.to_payload(),
        }

    def _ready_payload(self, session: GatewaySession) -> dict[str, Any]:
        guilds = [{"id": str(guild_id), "unavailable": True} for guild_id in session.guild_ids]
        return {
            "v": 10, "user_settings": {}, "user": self._user_me_payload(), "session_type": "normal",
            "session_id": session.session_id, "resume_gateway_url": self.gateway_url, "relationships": [],
            "private_channels": [], "presences": [], "guilds": guilds, "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["us-east"], "auth": {},
            "application": {"id": str(self.application_id), "flags": 1 << 23},
            "shard": session.shard, "_trace": ["fake-discord"],
        }

    def _member_payload(self, user: FakeUser, *, with_user: bool = True, channel: FakeChannel | None = None,
                        guild: FakeGuild | None = None) -> dict[str, Any]:
        where = guild or (self.guilds.of_channel(channel) if channel is not None else None) or self.guild
        return self.guilds.member_payload(where, user, with_user=with_user, channel=channel)

    def _channel_payload(self, channel: FakeChannel, *, viewer: FakeUser | None = None) -> dict[str, Any]:
        last = str(channel.last_message_id) if channel.last_message_id else None
        if channel.is_dm:
            recipient = self.user(channel.recipient_id) if channel.recipient_id else None
            data: dict[str, Any] = {"id": str(channel.id), "type": channel.type, "last_message_id": last,
                                    "flags": 0, "recipients": [recipient.to_payload()] if recipient else []}
        else:
            data = {
                "id": str(channel.id), "type": channel.type, "guild_id": str(channel.guild_id),
                "name": channel.name, "position": channel.position,
                "permission_overwrites": list(channel.permission_overwrites), "nsfw": channel.nsfw,
                "topic": channel.topic, "last_message_id": last, "rate_limit_per_user": 0, "parent_id": None,
                "flags": 0,
            }
        if viewer is not None:
            perms = self.member_permissions(viewer, channel) if channel.guild_id else DM_APP_PERMISSIONS
            data["permissions"] = str(perms)
        return data

    def _guild_create_payload(self, guild_id: int | None = None) -> dict[str, Any]:
        return self.guilds.create_payload(self.guild if guild_id is None else self.guilds.by_id[guild_id])

    def _message_payload(self, message: FakeMessage) -> dict[str, Any]:
        by_name = {a.filename: a for a in message.attachments}
        data: dict[str, Any] = {
            "id": str(message.id), "type": message.type, "content": message.content,
            "channel_id": str(message.channel_id), "author": message.author.to_payload(),
            "attachments": [a.to_payload() for a in message.attachments],
            "embeds": [_resolve_embed(e, by_name) for e in message.embeds],
            "components": list(message.components),
            "mentions": [self.user(u).to_payload() for u in message.mentioned_user_ids],
            "mention_roles": [str(r) for r in message.mentioned_role_ids],
            "mention_everyone": message.mention_everyone, "pinned": False, "tts": message.tts,
            "timestamp": iso(message.created_at),
            "edited_timestamp": iso(message.edited_at) if message.edited_at is not None else None,
            "flags": message.flags,
        }
        if message.guild_id is not None:
            data["guild_id"] = str(message.guild_id)
        if message.webhook_id is not None:
            data["webhook_id"] = str(message.webhook_id)
        if message.application_id is not None:
            data["application_id"] = str(message.application_id)
        if message.interaction_metadata is not None:
            data["interaction_metadata"] = message.interaction_metadata
        if message.nonce is not None:
            data["nonce"] = message.nonce
        if message.message_reference is not None:
            data["message_reference"] = message.message_reference
            ref_id = message.message_reference.get("message_id")
            referenced = self.messages.get(int(ref_id)) if ref_id else None
            if referenced is not None and referenced is not message:
                inner = None if referenced.deleted else self._message_payload(referenced)
                if inner is not None:
                    inner.pop("referenced_message", None)
                data["referenced_message"] = inner
        return data

    # ------------------------------------------------------------------ messages (used by the REST API)

    def _make_attachment(self, filename: str, data: bytes, *, scope: str, scope_id: int,
                         content_type: str | None = None, description: str | None = None,
                         ephemeral: bool = False) -> FakeAttachment:
        attachment_id = self._ids.next()
        ctype, width, height = describe_upload(filename, data, content_type)
        path = attachment_path(scope, scope_id, attachment_id, filename)
        attachment = FakeAttachment(attachment_id, filename, data, ctype, self.base_url + path,
                                    self.base_url + "/media" + path, width, height, description, ephemeral)
        self.attachments[attachment_id] = attachment
        return attachment

    def _check_uploads(self, uploads: list[Upload]) -> None:
        if any(len(u.data) > self.upload_limit for u in uploads):
            raise too_large()

    def _apply_attachments(self, message: FakeMessage, listed: list[dict[str, Any]] | None,
                           uploads: list[Upload], prefix: list[str | int]) -> list[FakeAttachment]:
        """The attachment list after create/edit: listed existing ids kept, `files[n]` added."""
        by_index = {u.index: u for u in uploads}
        used: set[int] = set()
        result: list[FakeAttachment] = []
        existing = {str(a.id): a for a in message.attachments}
        if listed is None:
            result = list(message.attachments)
        else:
            for position, item in enumerate(listed):
                key = str(item.get("id"))
                if key in existing:
                    kept = existing[key]
                    if "description" in item:
                        kept.description = item["description"]
                    result.append(kept)
                    continue
                try:
                    upload = by_index[int(key)]
                except (KeyError, ValueError):
                    raise form_error([*prefix, "attachments", position, "id"], "ATTACHMENT_NOT_FOUND",
                                     "Unknown attachment") from None
                used.add(upload.index)
                result.append(self._make_attachment(item.get("filename") or upload.filename, upload.data,
                                                    scope="attachments", scope_id=message.channel_id,
                                                    description=item.get("description")))
        for upload in uploads:
            if upload.index not in used:
                result.append(self._make_attachment(upload.filename, upload.data, scope="attachments",
                                                    scope_id=message.channel_id))
        if len(result) > MAX_ATTACHMENTS:
            raise form_error([*prefix, "attachments"], "BASE_TYPE_MAX_LENGTH",
                             f"Must be {MAX_ATTACHMENTS} or fewer in length.")
        return result

    def _apply_mentions(self, message: FakeMessage, *, default_parse: list[str]) -> None:
        known_users = {u.id for u in self.users.values()} | {self.bot_user.id}
        known_roles = {r.id for g in self.guilds for r in g.roles.values()}
        users, roles, everyone = resolve_mentions(message.content, message.allowed_mentions,
                                                  default_parse=default_parse, known_user_ids=known_users,
                                                  known_role_ids=known_roles)
        message.mentioned_user_ids, message.mentioned_role_ids, message.mention_everyone = users, roles, everyone

    def _create_message(self, channel: FakeChannel, body: dict[str, Any], uploads: list[Upload], *,
                        author: FakeUser, prefix: list[str | int], message_type: int = 0,
                        interaction: FakeInteraction | None = None, flags_mask: int = 0,
                        default_parse: list[str] | None = None) -> FakeMessage:
        now = self.clock.now()
        message = FakeMessage(
            id=self._ids.next(), channel_id=channel.id, guild_id=channel.guild_id, author=author,
            content=body.get("content") or "", embeds=list(body.get("embeds") or []),
            components=list(body.get("components") or []), flags=int(body.get("flags") or 0) & flags_mask,
            tts=bool(body.get("tts")), type=message_type, allowed_mentions=body.get("allowed_mentions"),
            message_reference=body.get("message_reference"), nonce=body.get("nonce"), created_at=now,
        )
        message.attachments = self._apply_attachments(message, body.get("attachments"), uploads, prefix)
        if interaction is not None:
            message.interaction_id = interaction.id
            message.webhook_id = self.application_id
            message.application_id = self.application_id
            message.interaction_metadata = self._interaction_metadata(interaction)
        self._apply_mentions(message, default_parse=default_parse if default_parse is not None
                             else ["users", "roles", "everyone"])
        message.revisions.append(message.snapshot(now))
        self.messages[message.id] = message
        channel.last_message_id = message.id
        return message

    def _edit_message(self, message: FakeMessage, body: dict[str, Any], uploads: list[Upload], *,
                      prefix: list[str | int], default_parse: list[str]) -> None:
        self.limiter.hidden_hit("message-edit", str(message.id), self.message_edit_rate_limit)
        attachments = self._apply_attachments(message, body.get("attachments"), uploads, prefix)
        now = self.clock.now()
        if "content" in body:
            message.content = body["content"] or ""
        if "embeds" in body:
            message.embeds = list(body["embeds"] or [])
        if "components" in body:
            message.components = list(body["components"] or [])
        keep = message.flags & FLAG_EPHEMERAL  # ephemerality can't change after sending
        if "flags" in body and body["flags"] is not None:
            message.flags = keep | (int(body["flags"]) & (FLAG_SUPPRESS_EMBEDS | FLAG_IS_COMPONENTS_V2))
        else:
            message.flags &= ~FLAG_LOADING
        if message.flags & FLAG_IS_COMPONENTS_V2 and (message.content or message.embeds):
            raise form_error([*prefix, "content"], "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                             _V2_LEGACY_FIELDS)
        if "allowed_mentions" in body:
            message.allowed_mentions = body["allowed_mentions"]
        message.attachments = attachments
        message.edited_at = now
        message.edit_times.append(now)
        self._apply_mentions(message, default_parse=default_parse)
        message.revisions.append(message.snapshot(now))

    def _interaction_metadata(self, it: FakeInteraction) -> dict[str, Any]:
        data: dict[str, Any] = {"id": str(it.id), "type": it.type, "user": it.user.to_payload(),
                                "authorizing_integration_owners": dict(it.authorizing_integration_owners)}
        if it.type == APPLICATION_COMMAND:
            data["name"] = it.name
            data["command_type"] = int((it.payload.get("data") or {}).get("type", 1))
        if it.message_id is not None:
            data["interacted_message_id"] = str(it.message_id)
        if it.original_message_id is not None:
            data["original_response_message_id"] = str(it.original_message_id)
        return data

    # ------------------------------------------------------------------ driving the bot like a user

    async def run_command(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: UserRef = "alice",
        channel: ChannelRef = "general",
        attachments: Mapping[str, AttachmentSpec] | None = None,
        context: int | None = None,
        install: str | None = None,
        locale: str | None = None,
        client_checks: bool = True,
    ) -> FakeInteraction:
        """Invoke a synced slash command (`name` may be "group sub") as `user` in `channel`.

        `channel="dm"` (or `context=1`) is the bot's DM with the user; `context=2` is a private channel
        the bot is not in (user install). Options are typed from the synced definition; attachments are
        uploaded to the fake CDN and referenced from `data.resolved.attachments`. With `client_checks`,
        invocations the Discord client would not offer raise `ClientRefused`."""
        member = self.user(user)
        target, ctx = self._invocation_channel(member, channel, context)
        parts = name.split()
        command = commands.find_command(self, parts[0], 1, target)
        if client_checks:
            commands.check_visible(self, command, member, target, ctx, install)
        resolved: dict[str, dict[str, Any]] = {}
        values = dict(options or {})
        for option_name, spec in (attachments or {}).items():
            values[option_name] = self._upload_option_attachment(spec)
        built = commands.build_options(self, command.get("options") or [], parts[1:], values, resolved, member,
                                            target, focused=None)
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1}
        if built:
            data["options"] = built
        if resolved:
            data["resolved"] = resolved
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self._dispatch(APPLICATION_COMMAND, member, target, ctx, install, data, locale=locale,
                                    name=name)

    async def autocomplete(
        self,
        name: str,
        *,
        focused: str,
        value: Any,
        options: Mapping[str, Any] | None = None,
        user: UserRef = "alice",
        channel: ChannelRef = "general",
        context: int | None = None,
        timeout: float = 10.0,
    ) -> list[dict[str, Any]]:
        """Type `value` into option `focused` of `name`; returns the bot's choices (type 8 callback)."""
        member = self.user(user)
        target, ctx = self._invocation_channel(member, channel, context)
        parts = name.split()
        command = commands.find_command(self, parts[0], 1, target)
        values = dict(options or {})
        values[focused] = value
        built = commands.build_options(self, command.get("options") or [], parts[1:], values, {}, member, target,
                                            focused=focused)
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1, "options": built}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        it = await self._dispatch(APPLICATION_COMMAND_AUTOCOMPLETE, member, target, ctx, None, data, name=name)
        callback = await it.wait_ack(timeout=timeout)
        return list((callback.data or {}).get("choices") or [])

    async def run_message_command(self, name: str, target_message_id: int, *, user: UserRef = "alice",
                                  client_checks: bool = True) -> FakeInteraction:
        """Invoke a message context-menu command (data.type 3) on a message."""
        member = self.user(user)
        message = self._visible_message(target_message_id, member)
        target = self.channel(message.channel_id)
        ctx = 0 if target.guild_id else (1 if target.bot_present else 2)
        command = commands.find_command(self, name, 3, target)
        if client_checks:
            commands.check_visible(self, command, member, target, ctx, None)
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 3,
                                "target_id": str(message.id),
                                "resolved": {"messages": {str(message.id): self._message_payload(message)}}}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self._dispatch(APPLICATION_COMMAND, member, target, ctx, None, data, name=name)

    async def run_user_command(self, name: str, target_user: UserRef, *, user: UserRef = "alice",
                               channel: ChannelRef = "general", client_checks: bool = True) -> FakeInteraction:
        """Invoke a user context-menu command (data.type 2) on a user."""
        member = self.user(user)
        other = self.user(target_user)
        target, ctx = self._invocation_channel(member, channel, None)
        command = commands.find_command(self, name, 2, target)
        if client_checks:
            commands.check_visible(self, command, member, target, ctx, None)
        resolved: dict[str, Any] = {"users": {str(other.id): other.to_payload()}}
        if target.guild_id:
            resolved["members"] = {str(other.id): self._member_payload(other, with_user=False, channel=target)}
        data = {"id": command["id"], "name": command["name"], "type": 2, "target_id": str(other.id),
                "resolved": resolved}
        return await self._dispatch(APPLICATION_COMMAND, member, target, ctx, None, data, name=name)

    async def click(self, message_id: int, custom_id: str, *, user: UserRef = "alice",
                    values: list[str] | None = None, client_checks: bool = True) -> FakeInteraction:
        """Press a button / pick select values on a message (component interaction, type 3).

        Without `client_checks`, a `custom_id` the message does not show is pressed anyway, as a button the
        interaction's copy of the message claims to have (a forged interaction, which a bot must not trust);
        the stored message is unchanged."""
        member = self.user(user)
        message = self._visible_message(message_id, member)
        component = next((c for c in iter_components(message.components) if c.get("custom_id") == custom_id), None)
        forged: list[dict[str, Any]] = []
        if component is None and not client_checks:
            component = {"type": 2, "style": 2, "label": "?", "custom_id": custom_id}
            forged = [{"type": 1, "components": [component]}]
        if component is None:
            raise ClientRefused(f"message {message_id} has no component with custom_id {custom_id!r}")
        if component.get("disabled"):
            raise ClientRefused(f"component {custom_id!r} is disabled")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component["type"]}
        if "id" in component:
            data["id"] = component["id"]
        if component["type"] in (3, 5, 6, 7, 8):
            chosen = list(values or [])
            low, high = component.get("min_values", 1), component.get("max_values", 1)
            if not low <= len(chosen) <= high:
                raise ClientRefused(f"select {custom_id!r} takes {low}..{high} values, got {len(chosen)}")
            if component["type"] == 3:
                allowed = {o.get("value") for o in component.get("options") or []}
                if not set(chosen) <= allowed:
                    raise ClientRefused(f"select {custom_id!r} has no option(s) {sorted(set(chosen) - allowed)}")
            data["values"] = chosen
        target = self.channel(message.channel_id)
        ctx = 0 if target.guild_id else (1 if target.bot_present else 2)
        origin = self.interactions.get(message.interaction_id) if message.interaction_id else None
        install = "user" if origin is not None and origin.user_install_only else None
        return await self._dispatch(MESSAGE_COMPONENT, member, target, ctx, install, data, custom_id=custom_id,
                                    message=message, forged_components=forged)

    async def submit_modal(self, custom_id: str, values: Mapping[str, Any], *, user: UserRef = "alice",
                           message_id: int | None = None) -> FakeInteraction:
        """Submit the modal the bot opened (type 9 callback) with `values` by component custom_id."""
        member = self.user(user)
        source = next((it for it in reversed(self.interactions.values())
                       if it.modal is not None and it.modal.get("custom_id") == custom_id and it.user.id == member.id),
                      None)
        if source is None:
            raise ClientRefused(f"no modal {custom_id!r} was opened for {member.username}")
        components = [commands.modal_submission(c, values) for c in source.modal.get("components") or []]
        data = {"custom_id": custom_id, "components": [c for c in components if c is not None]}
        message = None
        if message_id is not None or source.message_id is not None:
            message = self._visible_message(message_id or source.message_id, member)
        install = "user" if source.user_install_only else None
        return await self._dispatch(MODAL_SUBMIT, member, source.channel, source.context, install, data,
                                    custom_id=custom_id, message=message)

    def post_message(self, user: UserRef, channel: ChannelRef, content: str = "",
                     attachments: list[AttachmentSpec] | None = None) -> FakeMessage:
        """A message posted by a user (e.g. an image to run a message command on). Not dispatched."""
        author = self.user(user)
        target = self.channel(channel)
        message = FakeMessage(id=self._ids.next(), channel_id=target.id, guild_id=target.guild_id, author=author,
                              content=content, created_at=self.clock.now())
        for spec in attachments or []:
            filename, data, *ctype = spec
            message.attachments.append(self._make_attachment(filename, data, scope="attachments",
                                                             scope_id=target.id,
                                                             content_type=ctype[0] if ctype else None))
        self._apply_mentions(message, default_parse=["users", "roles", "everyone"])
        message.revisions.append(message.snapshot(message.created_at))
        self.messages[message.id] = message
        target.last_message_id = message.id
        return message

    # ------------------------------------------------------------------ driver internals

    def _invocation_channel(self, member: FakeUser, channel: ChannelRef, context: int | None
                            ) -> tuple[FakeChannel, int]:
        if context == 2:
            return self.private_channel(member), 2
        if context == 1 or channel == "dm":
            return self.dm_channel(member), 1
        target = self.channel(channel)
        if target.guild_id is None:
            return target, 1 if target.bot_present else 2
        return target, 0

    def upload_attachment(self, filename: str, data: bytes, content_type: str | None = None) -> FakeAttachment:
        """A file uploaded for a command's attachment option, as the client does before invoking it; pass it
        as the option's value (change its `claimed_size` / `cdn_*` fields first to make it misbehave)."""
        return self._upload_option_attachment((filename, data, content_type) if content_type else (filename, data))

    def _upload_option_attachment(self, spec: AttachmentSpec) -> FakeAttachment:
        filename, data, *ctype = spec
        return self._make_attachment(filename, data, scope="ephemeral-attachments", scope_id=self.application_id,
                                     content_type=ctype[0] if ctype else None, ephemeral=True)

    def _visible_message(self, message_id: int, member: FakeUser) -> FakeMessage:
        message = self.messages.get(int(message_id))
        if message is None or message.deleted:
            raise ClientRefused(f"message {message_id} does not exist")
        if message.ephemeral:
            origin = self.interactions.get(message.interaction_id) if message.interaction_id else None
            if origin is None or origin.user.id != member.id:
                raise ClientRefused(f"message {message_id} is ephemeral and not shown to {member.username}")
        return message

    async def _dispatch(self, kind: int, member: FakeUser, channel: FakeChannel, ctx: int, install: str | None,
                        data: dict[str, Any], *, locale: str | None = None, name: str | None = None,
                        custom_id: str | None = None, message: FakeMessage | None = None,
                        forged_components: list[dict[str, Any]] | None = None) -> FakeInteraction:
        guild = self.guilds.of_channel(channel)
        if guild is not None and not self.guilds.is_member(guild, member):
            raise ClientRefused(f"{member.username} is not a member of {guild.name!r}")
        interaction_id = self._ids.next()
        token = _interaction_token(interaction_id)
        owners = {}
        for install_type in sorted(commands.install_types(install, ctx)):
            owner = str(channel.guild_id) if channel.guild_id else "0"
            owners[str(install_type)] = owner if install_type == 0 else str(member.id)
        it = FakeInteraction(self, id=interaction_id, token=token, type=kind, user=member, channel=channel,
                             guild_id=channel.guild_id, context=ctx, owners=owners, created_at=self.clock.now(),
                             name=name, custom_id=custom_id, message_id=message.id if message else None)
        payload: dict[str, Any] = {
            "id": str(interaction_id), "application_id": str(self.application_id), "type": kind, "token": token,
            "version": 1, "data": data, "locale": locale or member.locale, "entitlements": [],
            "authorizing_integration_owners": owners, "context": ctx, "attachment_size_limit": self.upload_limit,
            "app_permissions": str(self.app_permissions(channel)), "channel_id": str(channel.id),
            "channel": self._channel_payload(channel, viewer=member),
        }
        if guild is not None:
            payload["guild_id"] = str(guild.id)
            payload["guild"] = {"id": str(guild.id), "locale": guild.preferred_locale, "features": []}
            payload["guild_locale"] = guild.preferred_locale
            payload["member"] = self._member_payload(member, channel=channel)
        else:
            payload["user"] = member.to_payload()
        if message is not None:
            payload["message"] = self._message_payload(message)
            payload["message"]["components"] += forged_components or []
        it.payload = payload
        self.interactions[interaction_id] = it
        self.interactions_by_token[token] = it
        it.created_at = self.clock.now()
        it.dispatched_at = time.monotonic()
        it.shard = shard_of(channel.guild_id, self._shard_count())
        delivered = await self._gateway.route("INTERACTION_CREATE", payload, channel.guild_id)
        it.routed_to = [session.session_id for session, _ in delivered]
        it.sequence = delivered[0][1] if delivered else None
        if not delivered:
            log.info("interaction %s: no gateway session holds shard %s; the user sees it fail", it.id, it.shard)
        await self._notify()
        return it

    def _shard_count(self) -> int:
        """The shard count of the newest live session (1 when none is connected)."""
        live = self._gateway.live_sessions()
        return live[-1].shard[1] if live else 1



def _interaction_token(interaction_id: int) -> str:
    raw = f"interaction:{interaction_id}:{secrets.token_urlsafe(48)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _resolve_embed(embed: dict[str, Any], attachments: dict[str, FakeAttachment]) -> dict[str, Any]:
    resolved = {"type": "rich", **embed}
    for key in ("image", "thumbnail"):
        media = resolved.get(key)
        if isinstance(media, dict) and str(media.get("url", "")).startswith("attachment://"):
            attachment = attachments.get(media["url"][len("attachment://"):])
            if attachment is not None:
                resolved[key] = {**media, "url": attachment.url, "proxy_url": attachment.proxy_url,
                                 "width": attachment.width, "height": attachment.height,
                                 "content_type": attachment.content_type}
    return resolved


__all__ = ["ClientRefused", "DiscordError", "FakeDiscord", "FakeGuild"]
