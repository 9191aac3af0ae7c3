"""The page's JSON API: what a member does in Discord's client, done to the stand-in.

Commands, autocomplete, button presses and select picks, modal submits, message-menu commands and plain
messages go to the stand-in's driving methods as the persona the page has chosen. What the real client would
not allow (`ClientRefused`) is answered 400 with the reason, which the page shows in the composer.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from aiohttp import web

from playground.discord import ACK_DEADLINE, DID_NOT_RESPOND, ClientRefused
from playground.web.live import Failure, LiveFeed
from playground.web.payloads import channel_json, commands_json, user_json

if TYPE_CHECKING:
    from playground.discord import FakeChannel, FakeDiscord, FakeInteraction, FakeUser
    from playground.web.app import Persona

log = logging.getLogger(__name__)

ACK_CHECK_AFTER = ACK_DEADLINE + 0.1  # Discord's client gives up on an interaction 3 s after sending it
AUTOCOMPLETE_TIMEOUT = 3.5
MAX_UPLOADS_KEPT = 40  # files chosen for attachment options, waiting for their command
INTERACTION_FAILED = "This interaction failed"


class BadRequest(Exception):
    """A request the page should not have sent (unknown persona, channel, upload...)."""


class PlaygroundApi:
    """The routes under /api/ (except the live feed)."""

    def __init__(self, fake: FakeDiscord, personas: dict[str, Persona], live: LiveFeed, *, emulated: bool,
                 spend: bool) -> None:
        self._fake = fake
        self._personas = personas
        self._live = live
        self._emulated = emulated
        self._spend = spend
        self._uploads: OrderedDict[str, tuple[str, bytes, str]] = OrderedDict()
        self._upload_ids = itertools.count(1)
        self._timers: set[asyncio.TimerHandle] = set()

    def add_routes(self, app: web.Application) -> None:
        """Register the routes."""
        r = app.router
        r.add_get("/api/world", self.world)
        r.add_get("/api/commands", self.commands)
        r.add_post("/api/command", self.command)
        r.add_post("/api/autocomplete", self.autocomplete)
        r.add_post("/api/click", self.click)
        r.add_post("/api/modal", self.modal)
        r.add_post("/api/message-command", self.message_command)
        r.add_post("/api/message", self.message)
        r.add_post("/api/uploads", self.upload)

    def close(self) -> None:
        """Forget pending acknowledgement checks."""
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()

    # ------------------------------------------------------------------ reading

    async def world(self, request: web.Request) -> web.Response:
        """GET /api/world: the server, its channels, the DMs, the personas and the bot."""
        fake = self._fake
        guild = fake.guild
        return web.json_response({
            "guild": {"id": str(guild.id), "name": guild.name},
            "channels": [channel_json(c) for c in sorted(guild.channels.values(), key=lambda c: c.position)],
            "dms": {p.key: str(fake.dm_channel(p.user).id) for p in self._personas.values()},
            "personas": [{"key": p.key, "label": p.label, "user": user_json(fake.user(p.user))}
                         for p in self._personas.values()],
            "bot": user_json(fake.bot_user),
            "members": [user_json(fake.user(uid)) for uid in guild.members],
            "roles": [{"key": key, "name": role.name, "id": str(role.id)} for key, role in guild.roles.items()
                      if key != "everyone" and not role.managed],
            "emulated": self._emulated, "spend": self._spend, "upload_limit": fake.upload_limit,
        })

    async def commands(self, request: web.Request) -> web.Response:
        """GET /api/commands?persona=&channel=: the commands the bot registered that the member is offered."""
        user, channel = self._where(request.query)
        return web.json_response({"commands": commands_json(self._fake, user, channel)})

    # ------------------------------------------------------------------ doing

    async def command(self, request: web.Request) -> web.Response:
        """POST /api/command {persona, channel, name, options, attachments: {option: upload id}}."""
        body = await _json(request)
        user, channel = self._where(body)
        files = {str(name): self._take_upload(str(upload)) for name, upload in (body.get("attachments") or {}).items()}
        it = await self._fake.run_command(str(body["name"]), dict(body.get("options") or {}), user=user.username,
                                          channel=channel, attachments=files or None)
        return self._started(it, DID_NOT_RESPOND)

    async def autocomplete(self, request: web.Request) -> web.Response:
        """POST /api/autocomplete {persona, channel, name, focused, value, options}: the bot's choices."""
        body = await _json(request)
        user, channel = self._where(body)
        try:
            choices = await self._fake.autocomplete(str(body["name"]), focused=str(body["focused"]),
                                                    value=body.get("value", ""),
                                                    options=dict(body.get("options") or {}), user=user.username,
                                                    channel=channel, timeout=AUTOCOMPLETE_TIMEOUT)
        except TimeoutError:
            return web.json_response({"choices": [], "error": "Loading options failed"})
        return web.json_response({"choices": choices})

    async def click(self, request: web.Request) -> web.Response:
        """POST /api/click {persona, message_id, custom_id, values?}: a button press or a select pick."""
        body = await _json(request)
        user = self._persona_user(body)
        values = body.get("values")
        it = await self._fake.click(int(body["message_id"]), str(body["custom_id"]), user=user.username,
                                    values=[str(v) for v in values] if values is not None else None)
        return self._started(it, INTERACTION_FAILED)

    async def modal(self, request: web.Request) -> web.Response:
        """POST /api/modal {persona, custom_id, values}: submit the modal the bot opened for the member."""
        body = await _json(request)
        user = self._persona_user(body)
        values = body.get("values") or {}
        if not isinstance(values, dict):
            raise BadRequest("values must be an object")
        it = await self._fake.submit_modal(str(body["custom_id"]), values, user=user.username)
        return self._started(it, INTERACTION_FAILED)

    async def message_command(self, request: web.Request) -> web.Response:
        """POST /api/message-command {persona, name, message_id}: a command from a message's Apps menu."""
        body = await _json(request)
        user = self._persona_user(body)
        it = await self._fake.run_message_command(str(body["name"]), int(body["message_id"]), user=user.username)
        return self._started(it, DID_NOT_RESPOND)

    async def message(self, request: web.Request) -> web.Response:
        """POST /api/message {persona, channel, content, uploads: [upload ids]}: the member posts a message."""
        body = await _json(request)
        user, channel = self._where(body)
        content = str(body.get("content") or "")
        if len(content) > 2000:
            raise ClientRefused("a message holds at most 2000 characters")
        files = [self._take_upload(str(u)) for u in body.get("uploads") or []]
        if len(files) > 10:
            raise ClientRefused("a message holds at most 10 files")
        if not content.strip() and not files:
            raise ClientRefused("an empty message cannot be sent")
        message = self._fake.post_message(user.username, channel, content, attachments=files)
        await self._live.changed()  # posting is not a change the stand-in counts
        return web.json_response({"message": str(message.id)})

    async def upload(self, request: web.Request) -> web.Response:
        """POST /api/uploads (multipart, one part "file"): keep a file for a command or message."""
        reader = await request.multipart()
        part = await reader.next()
        if part is None or getattr(part, "name", None) != "file":
            raise BadRequest("send one multipart part named 'file'")
        filename = (part.filename or "file").replace("/", "_").replace("\\", "_")[:200]
        ctype = part.headers.get("Content-Type", "application/octet-stream")
        data = bytearray()
        limit = self._fake.upload_limit
        while chunk := await part.read_chunk(65536):
            data.extend(chunk)
            if len(data) > limit:
                raise ClientRefused(f"{filename} is over the upload limit ({limit // (1024 * 1024)} MiB)")
        upload_id = str(next(self._upload_ids))
        self._uploads[upload_id] = (filename, bytes(data), ctype)
        while len(self._uploads) > MAX_UPLOADS_KEPT:
            self._uploads.popitem(last=False)
        return web.json_response({"id": upload_id, "filename": filename, "size": len(data), "content_type": ctype})

    # ------------------------------------------------------------------ helpers

    def _started(self, it: FakeInteraction, failure_text: str) -> web.Response:
        """Remember an interaction the page started, and look ~3 s later whether the bot acknowledged it."""
        self._live.dispatched.append(it)
        loop = asyncio.get_running_loop()
        self._timers = {t for t in self._timers if t.when() > loop.time()}
        self._timers.add(loop.call_later(ACK_CHECK_AFTER, self._check_ack, it, failure_text))
        return web.json_response({"interaction": str(it.id)})

    def _check_ack(self, it: FakeInteraction, failure_text: str) -> None:
        if it.did_not_respond:
            log.info("playground: interaction %s (%s) was not acknowledged in time", it.id, it.name or it.custom_id)
            self._live.failures.append(Failure(it, failure_text))
            task = asyncio.get_running_loop().create_task(self._live.changed())
            task.add_done_callback(_log_failure)

    def _persona_user(self, data: Any) -> FakeUser:
        try:
            persona = self._personas[str(data["persona"])]
        except (KeyError, TypeError):
            raise BadRequest("unknown persona") from None
        return self._fake.user(persona.user)

    def _where(self, data: Any) -> tuple[FakeUser, FakeChannel]:
        user = self._persona_user(data)
        try:
            channel = self._fake.channel(int(data["channel"]))
        except (KeyError, TypeError, ValueError):
            raise BadRequest("unknown channel") from None
        if channel.is_dm and channel.recipient_id != user.id:
            raise BadRequest("that DM is not this member's")
        return user, channel

    def _take_upload(self, upload_id: str) -> tuple[str, bytes, str]:
        try:
            return self._uploads.pop(upload_id)
        except KeyError:
            raise BadRequest("that file is no longer here: choose it again") from None


async def _json(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise BadRequest("the body is not JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("the body is not a JSON object")
    return body


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("playground: refreshing the pages failed", exc_info=task.exception())


@web.middleware
async def errors_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    """ClientRefused and bad requests become `{"error": ...}` (400) the page shows; anything else is logged and
    answered 500 without details."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except ClientRefused as exc:
        return web.json_response({"error": str(exc), "refused_by": "client"}, status=400)
    except (BadRequest, KeyError, ValueError, TypeError) as exc:
        text = str(exc) if isinstance(exc, BadRequest) else f"bad request: {exc.__class__.__name__} {exc}"
        return web.json_response({"error": text}, status=400)
    except Exception:
        log.exception("playground: %s %s failed", request.method, request.path)
        return web.json_response({"error": "the playground failed on this request (see its log)"}, status=500)
