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
import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from aiohttp import web

from .clock import FakeClock
from .driving import Driving
from .errors import ClientRefused, DiscordError
from .gate import RequestGate
from .gateway import GatewayConnection, GatewayServer, GatewaySession
from .guilds import FakeGuild, GuildDirectory
from .interaction import FakeInteraction
from .messages import Messages
from .model import (
    ADMINISTRATOR,
    MANAGE_MESSAGES,
    FakeAttachment,
    FakeChannel,
    FakeMessage,
    FakeRole,
    FakeUser,
    RecordedRequest,
    SnowflakeFactory,
)
from .payloads import Payloads
from .ratelimit import RateLimiter, RateLimitRule
from .rest import API_PREFIX, RestApi
from .shards import MAX_GUILDS_PER_SHARD, ShardRouter, event_guild_id
from .world import World

log = logging.getLogger(__name__)

T = TypeVar("T")


# Observed Discord values: interaction webhooks 5 / 2 s per token, message create/edit 5 / 5 s per channel.
WEBHOOK_RATE_LIMIT = RateLimitRule(5, 2.0)
CHANNEL_MESSAGE_RATE_LIMIT = RateLimitRule(5, 5.0)


class FakeDiscord(World, Payloads, Messages, Driving):
    """Fake Discord REST API + gateway for one bot application.

    This module holds its state, lifecycle and waiting; the rest is mixed in: the world and its lookups
    (`world.py`), the JSON Discord sends (`payloads.py`), messages the bot creates and edits (`messages.py`),
    and the user's side of the client (`driving.py`)."""

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

    def _shard_count(self) -> int:
        """The shard count of the newest live session (1 when none is connected)."""
        live = self._gateway.live_sessions()
        return live[-1].shard[1] if live else 1


__all__ = ["ClientRefused", "DiscordError", "FakeDiscord", "FakeGuild"]
