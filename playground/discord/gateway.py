"""The fake gateway: HELLO / HEARTBEAT / IDENTIFY / RESUME over a real websocket, then dispatches.

discord.py connects with `?v=10&encoding=json&compress=zlib-stream`; it decompresses only BINARY frames
and parses TEXT frames as plain JSON, so the fake answers with uncompressed TEXT frames.

Sessions are sharded (see `shards.py`): a dispatch goes to every session on its guild's shard; a session whose
connection dropped keeps its events for a RESUME; closing with 1000/1001 ends the session, as on Discord.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from .shards import ShardRouter

if TYPE_CHECKING:
    from .server import FakeDiscord

log = logging.getLogger(__name__)

OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_PRESENCE_UPDATE = 3
OP_VOICE_STATE_UPDATE = 4
OP_RESUME = 6
OP_RECONNECT = 7
OP_REQUEST_GUILD_MEMBERS = 8
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11

# GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)
_EVENT_BUFFER = 1000


@dataclass
class GatewaySession:
    """A gateway session (survives reconnects through RESUME)."""

    session_id: str
    shard: list[int]  # [shard_id, shard_count]
    intents: int
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    connection: GatewayConnection | None = None  # the connection carrying it now (or last)
    invalidated: bool = False  # ended: closed with 1000/1001 or invalidated; it cannot RESUME
    guild_ids: list[int] = field(default_factory=list)  # the guilds its READY listed

    @property
    def live(self) -> bool:
        """Connected and ready: dispatches reach the bot now (else they wait for a RESUME)."""
        conn = self.connection
        return (not self.invalidated and conn is not None and conn.ready and not conn.closed
                and not conn.ws.closed)

    def buffer(self, event: str, data: dict[str, Any]) -> int:
        """Keep a dispatch for a RESUME (the session has no open connection); returns its sequence."""
        self.seq += 1
        self.events.append({"op": OP_DISPATCH, "t": event, "s": self.seq, "d": data})
        del self.events[:-_EVENT_BUFFER]
        return self.seq


class GatewayConnection:
    """One websocket connection from the bot."""

    def __init__(self, ws: web.WebSocketResponse, query: dict[str, str], number: int) -> None:
        self.ws = ws
        self.query = query
        self.number = number
        self.session: GatewaySession | None = None
        self.ready = False  # READY (+ GUILD_CREATE) or RESUMED was sent
        self.closed = False
        self.close_code: int | None = None
        self.heartbeats = 0
        self.identify_payload: dict[str, Any] | None = None
        self._send_lock = asyncio.Lock()

    async def send(self, payload: dict[str, Any]) -> None:
        """Send one TEXT frame."""
        async with self._send_lock:
            if not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH with the session's next sequence number; returns the sequence."""
        async with self._send_lock:
            assert self.session is not None
            self.session.seq += 1
            payload = {"op": OP_DISPATCH, "t": event, "s": self.session.seq, "d": data}
            self.session.events.append(payload)
            del self.session.events[:-_EVENT_BUFFER]
            if not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))
            return self.session.seq

    async def replay(self, after: int) -> None:
        """Send the session's kept events newer than `after` (RESUME), before any new dispatch."""
        async with self._send_lock:
            assert self.session is not None
            for event in [e for e in self.session.events if e["s"] > after]:
                if not self.ws.closed:
                    await self.ws.send_str(json.dumps(event))


class GatewayServer:
    """Serves `/gateway`; keeps sessions so discord.py can RESUME and new clients can IDENTIFY later."""

    def __init__(self, fake: FakeDiscord, *, heartbeat_interval: int, router: ShardRouter) -> None:
        self._fake = fake
        self.heartbeat_interval = heartbeat_interval
        self.router = router
        self.connections: list[GatewayConnection] = []
        self.sessions: dict[str, GatewaySession] = {}
        self.ready_count = 0

    def current(self, shard_id: int | None = None) -> GatewayConnection | None:
        """The newest open connection whose session is ready (on shard `shard_id` when given)."""
        for conn in reversed(self.connections):
            open_ = conn.ready and not conn.closed and not conn.ws.closed
            if open_ and (shard_id is None or (conn.session is not None and conn.session.shard[0] == shard_id)):
                return conn
        return None

    def live_sessions(self) -> list[GatewaySession]:
        """Sessions connected and ready now."""
        return [s for s in self.sessions.values() if s.live]

    async def route(self, event: str, data: dict[str, Any], guild_id: int | None) -> list[tuple[GatewaySession, int]]:
        """Dispatch to every session on the shard of `guild_id` (None: shard 0): sent now when connected, kept for
        a RESUME otherwise. Returns (session, sequence) for each; empty when no session holds that shard."""
        delivered = []
        for session in self.router.targets(list(self.sessions.values()), guild_id):
            conn = session.connection
            if conn is not None and not conn.closed and not conn.ws.closed:
                delivered.append((session, await conn.dispatch(event, data)))
            else:
                delivered.append((session, session.buffer(event, data)))
        return delivered

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """The websocket endpoint."""
        ws = web.WebSocketResponse(autoclose=True, max_msg_size=0)
        await ws.prepare(request)
        conn = GatewayConnection(ws, dict(request.query), len(self.connections) + 1)
        self.connections.append(conn)
        await self._fake._notify()
        try:
            if request.query.get("v", "10") != "10":
                await self._close(conn, 4012, "Invalid API version.")
                return ws
            if request.query.get("encoding", "json") != "json":
                await self._close(conn, 4002, "Error while decoding payload.")
                return ws
            await conn.send({"op": OP_HELLO, "d": {"heartbeat_interval": self.heartbeat_interval, "_trace": []},
                             "s": None, "t": None})
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_message(conn, msg.data)
                elif msg.type is WSMsgType.BINARY:
                    await self._close(conn, 4002, "Error while decoding payload.")
                elif msg.type is WSMsgType.ERROR:
                    break
                if ws.closed:
                    break
        finally:
            by_client = conn.close_code is None
            conn.closed = True
            conn.close_code = conn.close_code or ws.close_code
            if by_client and conn.close_code in (1000, 1001) and conn.session is not None:
                conn.session.invalidated = True  # Discord ends a session closed with 1000/1001: no RESUME
            await self._fake._notify()
        return ws

    async def _close(self, conn: GatewayConnection, code: int, reason: str) -> None:
        conn.close_code = code
        conn.closed = True
        await conn.ws.close(code=code, message=reason.encode())

    async def _on_message(self, conn: GatewayConnection, raw: str) -> None:
        try:
            payload = json.loads(raw)
            op = payload["op"]
        except (ValueError, KeyError, TypeError):
            await self._close(conn, 4002, "Error while decoding payload.")
            return
        data = payload.get("d")
        if op == OP_HEARTBEAT:
            conn.heartbeats += 1
            await conn.send({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == OP_IDENTIFY:
            await self._identify(conn, data or {})
        elif op == OP_RESUME:
            await self._resume(conn, data or {})
        elif op in (OP_PRESENCE_UPDATE, OP_VOICE_STATE_UPDATE, OP_REQUEST_GUILD_MEMBERS):
            if conn.session is None:
                await self._close(conn, 4003, "Not authenticated.")
            elif op == OP_REQUEST_GUILD_MEMBERS:
                await self._members_chunk(conn, data or {})
        else:
            await self._close(conn, 4001, "Unknown opcode.")

    async def _identify(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        if conn.session is not None:
            await self._close(conn, 4005, "Already authenticated.")
            return
        if data.get("token") != self._fake.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        intents = int(data.get("intents") or 0)
        if intents & PRIVILEGED_INTENTS & ~self._fake.privileged_intents:
            await self._close(conn, 4014, "Disallowed intent(s).")
            return
        refusal = self.router.check_identify(data.get("shard"), self.live_sessions(),
                                             [g.id for g in self._fake.guilds])
        if refusal is not None:
            await self._close(conn, refusal.code, refusal.reason)
            return
        shard = list(data.get("shard") or [0, 1])
        conn.identify_payload = data
        session = GatewaySession(secrets.token_hex(16), shard, intents)
        session.guild_ids = self.router.guilds_on(shard, [g.id for g in self._fake.guilds])
        conn.session = session
        await conn.dispatch("READY", self._fake._ready_payload(session))
        for guild_id in session.guild_ids:
            await conn.dispatch("GUILD_CREATE", self._fake._guild_create_payload(guild_id))
        # routed to only once READY and its GUILD_CREATEs are out, as Discord's client expects
        session.connection = conn
        self.sessions[session.session_id] = session
        conn.ready = True
        self.ready_count += 1
        await self._fake._notify()

    async def _resume(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        if data.get("token") != self._fake.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or session.invalidated:
            await conn.send({"op": OP_INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        for other in self.connections:  # a session lives on one connection at a time
            if other is not conn and other.session is session and not other.closed:
                other.closed = True
                await other.ws.close(code=4009, message=b"Session timed out.")
        conn.session = session
        session.connection = conn  # new dispatches queue behind the replay
        await conn.replay(int(data.get("seq") or 0))
        await conn.dispatch("RESUMED", {"_trace": []})
        conn.ready = True
        await self._fake._notify()

    async def _members_chunk(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        requested = data.get("guild_id")
        for raw in requested if isinstance(requested, list) else [requested]:
            guild = self._fake.guilds.get(raw) if raw is not None else None
            if guild is None or conn.session is None or not self.router.receives(conn.session, guild.id):
                continue  # Discord answers only for guilds on the session's shard
            chunk = {"guild_id": str(guild.id), "members": self._fake.guilds.members_payload(guild),
                     "chunk_index": 0, "chunk_count": 1, "not_found": [], "presences": []}
            if data.get("nonce") is not None:
                chunk["nonce"] = data["nonce"]
            await conn.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    async def wait_connection(self, timeout: float, predicate: Callable[[], bool] | None = None, *,
                              shard_id: int | None = None) -> GatewayConnection:
        """The current ready connection (on `shard_id` when given), waiting for one if the bot is (re)connecting."""
        def ready() -> GatewayConnection | None:
            if predicate is not None and not predicate():
                return None
            return self.current(shard_id)

        return await self._fake.wait_for(ready, timeout=timeout)

    async def close_all(self) -> None:
        """Close every open connection (server shutdown)."""
        for conn in self.connections:
            if not conn.ws.closed:
                conn.closed = True
                await conn.ws.close(code=1001, message=b"Server shutting down.")
