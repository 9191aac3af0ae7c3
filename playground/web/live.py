"""The page's live feed: one WebSocket per open page, told what changed as the bot changes it.

A page says which channel it watches as which persona (`{"watch": {"persona", "channel"}}`); it then gets the
channel's messages as that member sees them (`reset`), and after every change of the stand-in only the
differences (`upsert`, `remove`), the modals the bot opened for that member, interactions that failed, the
requests Discord refused and the spend. One task waits on the stand-in's change counter (its Condition,
no polling) and refreshes every page.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from playground.web.payloads import can_see, message_json, refusal_json

if TYPE_CHECKING:
    from playground.discord import FakeDiscord, FakeInteraction
    from playground.web.app import Persona

log = logging.getLogger(__name__)

MAX_MESSAGES = 100  # a channel shows its newest messages, as Discord's first page does
IDLE_WAKE = 30.0  # the waiting task wakes this often with nothing changed (to notice it was closed)


@dataclass
class Failure:
    """An interaction Discord's client shows as failed (no acknowledgement within 3 s)."""

    interaction: FakeInteraction
    text: str  # "The application did not respond" under a command; "This interaction failed" for a press


@dataclass(eq=False)  # one per socket, kept in a set by identity
class _Page:
    ws: web.WebSocketResponse
    persona: Persona | None = None
    channel_id: int | None = None
    sent: dict[str, str] = field(default_factory=dict)  # message id -> its JSON as last sent
    modals: set[int] = field(default_factory=set)  # interaction ids whose modal was sent
    refusals: int = 0  # index into the stand-in's requests up to which refusals were sent
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def send(self, kind: str, **data: Any) -> None:
        if not self.ws.closed:
            await self.ws.send_json({"type": kind, **data})


class LiveFeed:
    """Every open page, refreshed on each change of the stand-in."""

    def __init__(self, fake: FakeDiscord, personas: dict[str, Persona], *,
                 spend: Callable[[], Awaitable[dict[str, Any] | None]] | None = None) -> None:
        self._fake = fake
        self._personas = personas
        self._spend = spend
        self._last_spend: dict[str, Any] | None = None
        self._pages: set[_Page] = set()
        self._task: asyncio.Task[None] | None = None
        self.failures: list[Failure] = []
        self.dispatched: list[FakeInteraction] = []  # interactions started from the page (their modals, failures)
        self.refusals_since = len(fake.requests)  # refusals before the page existed are not the visitor's

    def start(self) -> None:
        """Start following the stand-in."""
        self._task = asyncio.create_task(self._follow(), name="playground-live-feed")

    async def close(self) -> None:
        """Stop following and close every page's socket."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for page in list(self._pages):
            await page.ws.close()

    async def changed(self) -> None:
        """Refresh every page now (a change the stand-in does not count, e.g. a member's posted message)."""
        await self._refresh_all()

    async def _follow(self) -> None:
        seen = self._fake.version
        while True:
            try:
                await self._fake.wait_for(lambda seen=seen: self._fake.version != seen, timeout=IDLE_WAKE)
            except TimeoutError:
                continue
            seen = self._fake.version
            try:
                await self._refresh_all()
            except Exception:  # one bad refresh must not stop the feed
                log.exception("playground: refreshing the pages failed")

    async def _refresh_all(self) -> None:
        spend = await self._current_spend()
        for page in list(self._pages):
            try:
                await self._refresh(page, spend=spend)
            except (ConnectionResetError, RuntimeError):
                self._pages.discard(page)

    async def _current_spend(self) -> dict[str, Any] | None:
        if self._spend is None:
            return None
        try:
            spend = await self._spend()
        except Exception:
            log.exception("playground: reading the spend failed")
            return self._last_spend
        self._last_spend = spend
        return spend

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """GET /api/live: the WebSocket of one page."""
        ws = web.WebSocketResponse(heartbeat=20.0, compress=False)  # loopback: nothing to save
        await ws.prepare(request)
        page = _Page(ws, refusals=self.refusals_since)
        self._pages.add(page)
        try:
            spend = await self._current_spend()
            async with page.lock:  # one writer at a time on a socket
                await page.send("spend", spend=spend)
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                    watch = data["watch"]
                    persona = self._personas[str(watch["persona"])]
                    channel = self._fake.channel(int(watch["channel"]))
                except (ValueError, KeyError, TypeError):
                    await page.send("error", message="unknown persona or channel")
                    continue
                async with page.lock:
                    page.persona, page.channel_id = persona, channel.id
                    page.sent.clear()
                    await page.send("reset", channel=str(channel.id), persona=persona.key)
                await self._refresh(page, spend=None)
        finally:
            self._pages.discard(page)
        return ws

    async def _refresh(self, page: _Page, *, spend: dict[str, Any] | None) -> None:
        async with page.lock:
            if page.persona is not None and page.channel_id is not None:
                await self._send_messages(page)
                await self._send_modals(page)
            await self._send_refusals(page)
            if spend is not None:
                await page.send("spend", spend=spend)

    async def _send_messages(self, page: _Page) -> None:
        fake = self._fake
        assert page.persona is not None
        user = fake.user(page.persona.user)
        shown = [m for m in fake.channel_messages(page.channel_id) if can_see(fake, m, user)][-MAX_MESSAGES:]
        items = {str(m.id): message_json(fake, m) for m in shown}
        for failure in self.failures:
            it = failure.interaction
            if it.channel.id == page.channel_id and it.user.id == user.id:
                items[f"failed-{it.id}"] = _failure_json(failure)
        current = {key: json.dumps(item, sort_keys=True) for key, item in items.items()}
        changed = [items[key] for key, text in current.items() if page.sent.get(key) != text]
        removed = [key for key in page.sent if key not in current]
        page.sent = current
        if changed:
            await page.send("upsert", messages=changed)
        if removed:
            await page.send("remove", ids=removed)

    async def _send_modals(self, page: _Page) -> None:
        assert page.persona is not None
        user = self._fake.user(page.persona.user)
        for it in self.dispatched:
            if it.modal is not None and it.user.id == user.id and it.id not in page.modals:
                page.modals.add(it.id)
                await page.send("modal", interaction=str(it.id), modal=it.modal,
                                message_id=str(it.message_id) if it.message_id else None)

    async def _send_refusals(self, page: _Page) -> None:
        records = self._fake.refusals(page.refusals)
        page.refusals = len(self._fake.requests)  # no await in between: nothing is missed or sent twice
        refused = [refusal_json(r) for r in records]
        if refused:
            await page.send("refusals", refusals=refused)


def _failure_json(failure: Failure) -> dict[str, Any]:
    it = failure.interaction
    command = None
    if it.name:
        command = {"user": it.user.global_name or it.user.username, "name": it.name, "command_type": 1}
    return {"id": f"failed-{it.id}", "channel_id": str(it.channel.id), "time": it.created_at, "failure": failure.text,
            "interaction": command, "message_id": str(it.message_id) if it.message_id else None}
