"""The fake gateway: HELLO / HEARTBEAT / IDENTIFY / RESUME over a real websocket, then dispatches.

discord.py connects with `?v=10&encoding=json&compress=zlib-stream`; it decompresses only BINARY frames
and parses TEXT frames as plain JSON, so the fake answers with uncompressed TEXT frames.
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
    shard: list[int]
    intents: int
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)


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


class GatewayServer:
    """Serves `/gateway`; keeps sessions so discord.py can RESUME and new clients can IDENTIFY later."""

    def __init__(self, fake: FakeDiscord, *, heartbeat_interval: int) -> None:
        self._fake = fake
        self.heartbeat_interval = heartbeat_interval
        self.connections: list[GatewayConnection] = []
        self.sessions: dict[str, GatewaySession] = {}
        self.ready_count = 0

    def current(self) -> GatewayConnection | None:
        """The newest open connection whose session is ready."""
        for conn in reversed(self.connections):
            if conn.ready and not conn.closed and not conn.ws.closed:
                return conn
        return None

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
            conn.closed = True
            conn.close_code = conn.close_code or ws.close_code
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
        shard = list(data.get("shard") or [0, 1])
        if len(shard) != 2 or not 0 <= shard[0] < shard[1]:
            await self._close(conn, 4010, "Invalid shard.")
            return
        conn.identify_payload = data
        session = GatewaySession(secrets.token_hex(16), shard, intents)
        self.sessions[session.session_id] = session
        conn.session = session
        await conn.dispatch("READY", self._fake._ready_payload(session))
        if self._fake._guild_on_shard(shard):
            await conn.dispatch("GUILD_CREATE", self._fake._guild_create_payload())
        conn.ready = True
        self.ready_count += 1
        await self._fake._notify()

    async def _resume(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        if data.get("token") != self._fake.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        session = self.sessions.get(str(data.get("session_id")))
        if session is None:
            await conn.send({"op": OP_INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        for other in self.connections:  # a session lives on one connection at a time
            if other is not conn and other.session is session and not other.closed:
                other.closed = True
                await other.ws.close(code=4009, message=b"Session timed out.")
        conn.session = session
        seq = int(data.get("seq") or 0)
        for event in [e for e in session.events if e["s"] > seq]:
            await conn.send(event)
        await conn.dispatch("RESUMED", {"_trace": []})
        conn.ready = True
        await self._fake._notify()

    async def _members_chunk(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        members = self._fake._guild_members_payload()
        chunk = {"guild_id": str(self._fake.guild_id), "members": members, "chunk_index": 0, "chunk_count": 1,
                 "not_found": [], "presences": []}
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await conn.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    async def wait_connection(self, timeout: float, predicate: Callable[[], bool] | None = None) -> GatewayConnection:
        """The current ready connection, waiting for one if the bot is (re)connecting."""
        def ready() -> GatewayConnection | None:
            if predicate is not None and not predicate():
                return None
            return self.current()

        return await self._fake.wait_for(ready, timeout=timeout)

    async def close_all(self) -> None:
        """Close every open connection (server shutdown)."""
        for conn in self.connections:
            if not conn.ws.closed:
                conn.closed = True
                await conn.ws.close(code=1001, message=b"Server shutting down.")
