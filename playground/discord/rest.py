"""The fake REST API under /api/v10 and the fake CDN.

JSON answers carry `Content-Type: application/json` exactly (discord.py's `json_or_text` compares the
header for equality). Every request is recorded; rate-limited routes carry X-RateLimit-* headers.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from . import commands
from .errors import (
    DiscordError,
    form_error,
    invalid_webhook_token,
    missing_access,
    missing_permissions,
    unauthorized,
    unknown,
)
from .interaction import USER_INSTALL_FOLLOWUP_CAP, FakeInteraction
from .model import (
    APPLICATION_COMMAND,
    ATTACH_FILES,
    FLAG_EPHEMERAL,
    FLAG_IS_COMPONENTS_V2,
    FLAG_LOADING,
    FLAG_SUPPRESS_EMBEDS,
    FLAG_SUPPRESS_NOTIFICATIONS,
    MANAGE_MESSAGES,
    MESSAGE_CHAT_INPUT_COMMAND,
    MESSAGE_COMPONENT,
    MESSAGE_CONTEXT_MENU_COMMAND,
    MESSAGE_DEFAULT,
    MESSAGE_REPLY,
    MODAL_SUBMIT,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    FakeChannel,
    FakeMessage,
    InteractionCallback,
    RecordedRequest,
)
from .ratelimit import RateLimitRule
from .validation import validate_commands, validate_message_body

if TYPE_CHECKING:
    from .server import FakeDiscord

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
_RECORD = web.RequestKey("record", RecordedRequest)
_RATELIMIT_HEADERS = web.RequestKey("ratelimit_headers", dict)
_FILES_PART = re.compile(r"files\[(\d+)\]")
_CDN_PIECE = 64 * 1024
_RESPONSE_FLAGS = FLAG_EPHEMERAL | FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_IS_COMPONENTS_V2
_CHANNEL_FLAGS = FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_IS_COMPONENTS_V2
_WEBHOOK_PARSE = ["users"]  # interaction/webhook default allowed_mentions
_CHANNEL_PARSE = ["users", "roles", "everyone"]  # regular messages parse everything by default
_ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {4, 5, 9},
    MESSAGE_COMPONENT: {4, 5, 6, 7, 9},
    4: {8},
    MODAL_SUBMIT: {4, 5},
}


@dataclass
class Upload:
    """A `files[n]` part of a multipart request."""

    index: int
    filename: str
    data: bytes
    content_type: str | None


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON answer with exactly `application/json` (no charset)."""
    return web.Response(body=json.dumps(data).encode(), status=status, headers=headers,
                        content_type="application/json")


def _snowflake(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise form_error([], "NUMBER_TYPE_COERCE", f"Value \"{value}\" is not snowflake.") from None


class RestApi:
    """Route handlers; all state lives on the `FakeDiscord`."""

    def __init__(self, fake: FakeDiscord) -> None:
        self._fake = fake

    def add_routes(self, app: web.Application) -> None:
        """Register every route."""
        r, p = app.router, API_PREFIX
        r.add_get(p + "/users/@me", self._get_me)
        r.add_post(p + "/users/@me/channels", self._open_dm)
        r.add_get(p + "/users/{user_id}", self._get_user)
        r.add_get(p + "/oauth2/applications/@me", self._get_application)
        r.add_get(p + "/applications/@me", self._get_application)
        r.add_get(p + "/gateway", self._get_gateway)
        r.add_get(p + "/gateway/bot", self._get_gateway_bot)
        for path in ("/applications/{application_id}/commands",
                     "/applications/{application_id}/guilds/{guild_id}/commands"):
            r.add_get(p + path, self._get_commands)
            r.add_put(p + path, self._put_commands)
        r.add_post(p + "/interactions/{interaction_id}/{token}/callback", self._interaction_callback)
        r.add_post(p + "/webhooks/{application_id}/{token}", self._webhook_execute)
        for path in ("/webhooks/{application_id}/{token}/messages/@original",
                     "/webhooks/{application_id}/{token}/messages/{message_id}"):
            for method in ("GET", "PATCH", "DELETE"):
                r.add_route(method, p + path, self._webhook_message)
        r.add_get(p + "/guilds/{guild_id}/members/{user_id}", self._get_member)
        r.add_get(p + "/channels/{channel_id}", self._get_channel)
        r.add_post(p + "/channels/{channel_id}/messages", self._create_message)
        r.add_post(p + "/channels/{channel_id}/typing", self._typing)
        for method, handler in (("GET", self._get_message), ("PATCH", self._edit_message),
                                ("DELETE", self._delete_message)):
            r.add_route(method, p + "/channels/{channel_id}/messages/{message_id}", handler)
        for prefix in ("", "/media"):
            for kind in ("attachments", "ephemeral-attachments"):
                r.add_get(prefix + "/" + kind + "/{scope_id}/{attachment_id}/{filename}", self._cdn)

    # ------------------------------------------------------------------ plumbing

    @web.middleware
    async def middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Record the request, turn `DiscordError`s into JSON answers, add rate-limit headers."""
        fake = self._fake
        resource = request.match_info.route.resource
        canonical = resource.canonical if resource is not None else request.path
        record = RecordedRequest(request.method, request.path.removeprefix(API_PREFIX),
                                 f"{request.method} {canonical.removeprefix(API_PREFIX)}", 0, fake.clock.now(),
                                 dict(request.query), content_type=request.content_type if request.body_exists else "")
        request[_RECORD] = record
        if await fake._pass_gates(record) and request.transport is None:
            # the client hung up while a test held its request: it is never handled (status stays 0)
            fake.requests.append(record)
            await fake._notify()
            return web.Response(status=499)
        try:
            response = await handler(request)
        except DiscordError as exc:
            response = json_response(exc.body(), exc.status, exc.headers)
            record.error = exc.body()
            if exc.status == 429:
                record.retry_after = exc.extra.get("retry_after")
        except web.HTTPException as exc:  # router 404/405
            record.error = {"message": f"{exc.status}: {exc.reason}", "code": 0}
            response = json_response(record.error, exc.status)
        except Exception as exc:  # a bug in the fake: make it loud, not a silent retry loop
            log.exception("fake Discord failed on %s %s", request.method, record.route_key)
            fake.server_errors.append(f"{record.route_key}: {exc!r}")
            response = json_response({"message": "500: Internal Server Error (fake)", "code": 0}, 500)
        for key, value in request.get(_RATELIMIT_HEADERS, {}).items():
            if key not in response.headers:
                response.headers[key] = value
        record.status = response.status
        fake.requests.append(record)
        if response.status == 429:
            fake.rate_limited.append(record)
            log.debug("429 for %s (retry after %s)", record.route_key, record.retry_after)
        await fake._notify()
        return response

    async def _body(self, request: web.Request) -> tuple[Any, list[Upload]]:
        uploads: list[Upload] = []
        payload: Any = None
        if request.content_type == "multipart/form-data":
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if not isinstance(part, BodyPartReader):
                    continue
                if part.name == "payload_json":
                    payload = _loads(await part.text())
                elif part.filename is not None:
                    data = bytes(await part.read())
                    match = _FILES_PART.fullmatch(part.name or "")
                    index = int(match.group(1)) if match else len(uploads)
                    uploads.append(Upload(index, part.filename, data, part.headers.get("Content-Type")))
        else:
            raw = await request.read()
            payload = _loads(raw.decode()) if raw else None
        record: RecordedRequest = request[_RECORD]
        record.json = payload
        record.files = [(u.filename, u.data) for u in uploads]
        return payload, uploads

    def _auth(self, request: web.Request) -> None:
        if request.headers.get("Authorization") != f"Bot {self._fake.token}":
            raise unauthorized()

    def _global(self, request: web.Request) -> None:
        self._fake.limiter.global_hit(self._fake.global_rate_limit)

    def _rate(self, request: web.Request, bucket: str, major: str, rule: RateLimitRule | None) -> None:
        request[_RATELIMIT_HEADERS] = self._fake.limiter.hit(bucket, major, rule)

    def _bot_channel(self, channel_id: str) -> FakeChannel:
        channel = self._fake.channels_by_id.get(_snowflake(channel_id))
        if channel is None:
            raise unknown("Channel", 10003)
        if not channel.bot_present:
            raise missing_access()
        if channel.guild_id is not None and not self._perms(channel) & VIEW_CHANNEL:
            raise missing_access()
        return channel

    def _perms(self, channel: FakeChannel) -> int:
        return self._fake.app_permissions(channel)

    def _channel_message(self, channel: FakeChannel, message_id: str) -> FakeMessage:
        message = self._fake.messages.get(_snowflake(message_id))
        if message is None or message.deleted or message.channel_id != channel.id or message.ephemeral:
            raise unknown("Message", 10008)
        return message

    # ------------------------------------------------------------------ users, application, gateway

    async def _get_me(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        return json_response(self._fake._user_me_payload())

    async def _get_user(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        try:
            user = self._fake.user(request.match_info["user_id"])
        except KeyError:
            raise unknown("User", 10013) from None
        return json_response(user.to_payload())

    async def _open_dm(self, request: web.Request) -> web.Response:
        payload, _ = await self._body(request)
        self._auth(request)
        self._global(request)
        try:
            user = self._fake.user(str((payload or {}).get("recipient_id")))
        except KeyError:
            raise unknown("User", 10013) from None
        return json_response(self._fake._channel_payload(self._fake.dm_channel(user)))

    async def _get_application(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        return json_response(self._fake._application_payload())

    async def _get_gateway(self, request: web.Request) -> web.Response:
        return json_response({"url": self._fake.gateway_url})

    async def _get_gateway_bot(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        return json_response({"url": self._fake.gateway_url, "shards": self._fake.recommended_shards,
                              "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 86_400_000,
                                                      "max_concurrency": 1}})

    async def _get_member(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        guild = self._fake.guilds.get(request.match_info["guild_id"])
        if guild is None:
            raise unknown("Guild", 10004)
        try:
            user = self._fake.user(request.match_info["user_id"])
        except KeyError:
            raise unknown("Member", 10007) from None
        if not self._fake.guilds.is_member(guild, user):
            raise unknown("Member", 10007)
        return json_response(self._fake._member_payload(user, guild=guild))

    # ------------------------------------------------------------------ application commands

    def _command_scope(self, request: web.Request) -> int | None:
        if request.match_info["application_id"] != str(self._fake.application_id):
            raise missing_access()
        guild = request.match_info.get("guild_id")
        if guild is not None and self._fake.guilds.get(guild) is None:
            raise missing_access()
        return None if guild is None else int(guild)

    async def _get_commands(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        guild_id = self._command_scope(request)
        pool = self._fake.commands if guild_id is None else self._fake.guild_commands.get(guild_id, {})
        return json_response(list(pool.values()))

    async def _put_commands(self, request: web.Request) -> web.Response:
        payload, _ = await self._body(request)
        self._auth(request)
        self._global(request)
        guild_id = self._command_scope(request)
        validate_commands(payload)
        return json_response(commands.sync(self._fake, guild_id, payload))

    # ------------------------------------------------------------------ interactions

    async def _interaction_callback(self, request: web.Request) -> web.Response:
        payload, uploads = await self._body(request)
        it = self._fake.interactions.get(_snowflake(request.match_info["interaction_id"]))
        if it is None or it.token != request.match_info["token"]:
            raise unknown("interaction", 10062)
        try:
            body = self._callback(it, payload or {}, uploads)
        except DiscordError as exc:
            it.callback_statuses.append(exc.status)
            raise
        it.callback_statuses.append(200)
        return json_response(body)

    def _callback(self, it: FakeInteraction, payload: dict[str, Any], uploads: list[Any]) -> dict[str, Any]:
        fake = self._fake
        now = fake.clock.now()
        if it.callback is not None:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if it.ack_expired(now):
            raise unknown("interaction", 10062)
        kind = payload.get("type")
        data = payload.get("data") or {}
        allowed = set(_ALLOWED_CALLBACKS[it.type])
        if it.type == MODAL_SUBMIT and it.message_id is not None:
            allowed |= {6, 7}
        if kind not in allowed:
            raise form_error(["type"], "BASE_TYPE_CHOICES", f"Value must be one of {sorted(allowed)}.")
        fake._check_uploads(uploads)
        message: FakeMessage | None = None
        if kind == 4:
            validate_message_body(data, prefix=["data"], creating=True, has_files=bool(uploads))
            message = fake._create_message(it.channel, data, uploads, author=fake.bot_user, prefix=["data"],
                                           message_type=_response_type(it), interaction=it,
                                           flags_mask=_RESPONSE_FLAGS, default_parse=_WEBHOOK_PARSE)
        elif kind == 5:
            flags = (int(data.get("flags") or 0) & FLAG_EPHEMERAL) | FLAG_LOADING
            message = fake._create_message(it.channel, {"flags": flags}, [], author=fake.bot_user, prefix=["data"],
                                           message_type=_response_type(it), interaction=it,
                                           flags_mask=FLAG_EPHEMERAL | FLAG_LOADING, default_parse=_WEBHOOK_PARSE)
        elif kind in (6, 7):
            message = fake.messages[it.message_id]  # type: ignore[index]
            if kind == 7:
                validate_message_body(data, prefix=["data"], creating=False, has_files=bool(uploads))
                fake._edit_message(message, data, uploads, prefix=["data"], default_parse=_WEBHOOK_PARSE)
        elif kind == 8:
            _validate_choices(data.get("choices"))
        elif kind == 9:
            _validate_modal(data)
            it.modal = data
        if message is not None:
            it.original_message_id = message.id
        it.callback = InteractionCallback(kind, payload.get("data"), [(u.filename, u.data) for u in uploads], now,
                                          it.real_elapsed())
        body: dict[str, Any] = {"interaction": {"id": str(it.id), "type": it.type}}
        if message is not None:
            body["interaction"].update(response_message_id=str(message.id), response_message_loading=kind == 5,
                                       response_message_ephemeral=message.ephemeral)
        if kind in (4, 7):
            body["resource"] = {"type": kind, "message": fake._message_payload(message)}  # type: ignore[arg-type]
        elif kind in (5, 6):
            body["resource"] = {"type": kind}
        return body

    def _webhook(self, request: web.Request) -> FakeInteraction:
        fake = self._fake
        app_id, token = request.match_info["application_id"], request.match_info["token"]
        if app_id != str(fake.application_id):
            raise unknown("Webhook", 10015)
        it = fake.interactions_by_token.get(token)
        if it is None or it.token_expired(fake.clock.now()):
            raise invalid_webhook_token()
        self._rate(request, "webhook", f"{app_id}+{token}", fake.webhook_rate_limit)
        return it

    async def _webhook_execute(self, request: web.Request) -> web.StreamResponse:
        fake = self._fake
        payload, uploads = await self._body(request)
        payload = payload or {}
        it = self._webhook(request)
        fake._check_uploads(uploads)
        if not it.acknowledged:
            raise unknown("Webhook", 10015)
        validate_message_body(payload, prefix=[], creating=True, has_files=bool(uploads))
        original = it.original
        if original is not None and original.loading:
            # deprecated Discord behaviour: the first followup after a defer fills the "thinking" message
            fake._edit_message(original, payload, uploads, prefix=[], default_parse=_WEBHOOK_PARSE)
            message = original
        else:
            if it.user_install_only and len(it.followup_ids) >= USER_INSTALL_FOLLOWUP_CAP:
                raise DiscordError(400, 40094, "This interaction has hit the maximum number of follow up messages")
            message = fake._create_message(it.channel, payload, uploads, author=fake.bot_user, prefix=[],
                                           message_type=_response_type(it), interaction=it,
                                           flags_mask=_RESPONSE_FLAGS, default_parse=_WEBHOOK_PARSE)
            it.followup_ids.append(message.id)
        if request.query.get("wait", "").lower() in ("1", "true"):
            return json_response(fake._message_payload(message))
        return web.Response(status=204)

    async def _webhook_message(self, request: web.Request) -> web.StreamResponse:
        fake = self._fake
        payload, uploads = await self._body(request)
        it = self._webhook(request)
        message_ref = request.match_info.get("message_id", "@original")
        if message_ref == "@original":
            message = it.original
        else:
            message = fake.messages.get(_snowflake(message_ref))
            if message is not None and message.id != it.original_message_id and message.id not in it.followup_ids:
                message = None
        if message is None or message.deleted:
            raise unknown("Message", 10008)
        if request.method == "GET":
            return json_response(fake._message_payload(message))
        if request.method == "DELETE":
            message.deleted = True
            message.deleted_at = fake.clock.now()
            return web.Response(status=204)
        payload = payload or {}
        fake._check_uploads(uploads)
        validate_message_body(payload, prefix=[], creating=False, has_files=bool(uploads))
        fake._edit_message(message, payload, uploads, prefix=[], default_parse=_WEBHOOK_PARSE)
        return json_response(fake._message_payload(message))

    # ------------------------------------------------------------------ channels

    async def _get_channel(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        channel = self._bot_channel(request.match_info["channel_id"])
        return json_response(self._fake._channel_payload(channel))

    async def _typing(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        self._bot_channel(request.match_info["channel_id"])
        return web.Response(status=204)

    async def _create_message(self, request: web.Request) -> web.Response:
        fake = self._fake
        payload, uploads = await self._body(request)
        payload = dict(payload or {})
        self._auth(request)
        self._global(request)
        channel = self._bot_channel(request.match_info["channel_id"])
        self._rate(request, "channel-message-create", str(channel.id), fake.channel_message_rate_limit)
        fake._check_uploads(uploads)
        if channel.guild_id is not None:
            perms = self._perms(channel)
            if not perms & SEND_MESSAGES or (uploads and not perms & ATTACH_FILES):
                raise missing_permissions()
        elif channel.recipient_id is not None and not fake.user(channel.recipient_id).dms_open:
            raise DiscordError(403, 50007, "Cannot send messages to this user")
        validate_message_body(payload, prefix=[], creating=True, has_files=bool(uploads))
        reference = self._reference(channel, payload.get("message_reference"))
        payload["message_reference"] = reference
        message = fake._create_message(channel, payload, uploads, author=fake.bot_user, prefix=[],
                                       message_type=MESSAGE_REPLY if reference else MESSAGE_DEFAULT,
                                       flags_mask=_CHANNEL_FLAGS, default_parse=_CHANNEL_PARSE)
        return json_response(fake._message_payload(message))

    def _reference(self, channel: FakeChannel, reference: Any) -> dict[str, Any] | None:
        if not reference or not reference.get("message_id"):
            return None
        target = self._fake.messages.get(_snowflake(str(reference["message_id"])))
        if target is None or target.deleted or target.channel_id != channel.id or target.ephemeral:
            if reference.get("fail_if_not_exists", True):
                raise form_error(["message_reference"], "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
            return None
        normalized = {"type": 0, "channel_id": str(channel.id), "message_id": str(target.id)}
        if channel.guild_id is not None:
            normalized["guild_id"] = str(channel.guild_id)
        return normalized

    async def _get_message(self, request: web.Request) -> web.Response:
        self._auth(request)
        self._global(request)
        channel = self._bot_channel(request.match_info["channel_id"])
        if channel.guild_id is not None and not self._perms(channel) & READ_MESSAGE_HISTORY:
            raise missing_access()
        message = self._channel_message(channel, request.match_info["message_id"])
        return json_response(self._fake._message_payload(message))

    async def _edit_message(self, request: web.Request) -> web.Response:
        fake = self._fake
        payload, uploads = await self._body(request)
        payload = payload or {}
        self._auth(request)
        self._global(request)
        channel = self._bot_channel(request.match_info["channel_id"])
        self._rate(request, "channel-message-edit", str(channel.id), fake.channel_message_rate_limit)
        message = self._channel_message(channel, request.match_info["message_id"])
        if message.author.id != fake.bot_user.id:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        fake._check_uploads(uploads)
        validate_message_body(payload, prefix=[], creating=False, has_files=bool(uploads))
        fake._edit_message(message, payload, uploads, prefix=[], default_parse=_CHANNEL_PARSE)
        return json_response(fake._message_payload(message))

    async def _delete_message(self, request: web.Request) -> web.Response:
        fake = self._fake
        self._auth(request)
        self._global(request)
        channel = self._bot_channel(request.match_info["channel_id"])
        self._rate(request, "channel-message-delete", str(channel.id), fake.channel_message_rate_limit)
        message = self._channel_message(channel, request.match_info["message_id"])
        if message.author.id != fake.bot_user.id and not self._perms(channel) & MANAGE_MESSAGES:
            raise missing_permissions()
        message.deleted = True
        message.deleted_at = fake.clock.now()
        return web.Response(status=204)

    # ------------------------------------------------------------------ CDN

    async def _cdn(self, request: web.Request) -> web.StreamResponse:
        attachment = self._fake.attachments.get(int(request.match_info["attachment_id"]))
        if attachment is None:
            return web.Response(status=404, text="Not Found")
        if attachment.cdn_status != 200:
            return web.Response(status=attachment.cdn_status, text=f"{attachment.cdn_status} (fake CDN)")
        data = memoryview(attachment.data)
        response = web.StreamResponse()
        response.content_type = attachment.content_type or "application/octet-stream"
        response.content_length = len(data)
        end = len(data) if attachment.cdn_cut_at is None else min(attachment.cdn_cut_at, len(data))
        sent = 0
        try:
            await response.prepare(request)
            # in pieces, waiting for the client to take each: `cdn_sent` shows where a client stopped reading
            while sent < end:
                piece = data[sent:min(end, sent + _CDN_PIECE)]
                await response.write(piece)
                sent += len(piece)
        except ConnectionError:  # the client hung up: aiohttp finishes the broken response quietly
            pass
        finally:
            attachment.cdn_sent.append(sent)
        if end < len(data) and request.transport is not None:
            request.transport.close()  # the connection breaks in the middle of the file
        return response


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise DiscordError(400, 50109, "The request body contains invalid JSON.") from None


def _response_type(it: FakeInteraction) -> int:
    if it.type == APPLICATION_COMMAND:
        command_type = int((it.payload.get("data") or {}).get("type", 1))
        return MESSAGE_CHAT_INPUT_COMMAND if command_type == 1 else MESSAGE_CONTEXT_MENU_COMMAND
    return MESSAGE_DEFAULT


def _validate_choices(choices: Any) -> None:
    if not isinstance(choices, list):
        raise form_error(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required")
    if len(choices) > 25:
        raise form_error(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for index, choice in enumerate(choices):
        name = choice.get("name") or ""
        if not 1 <= len(name) <= 100:
            raise form_error(["data", "choices", index, "name"], "BASE_TYPE_BAD_LENGTH",
                             "Must be between 1 and 100 in length.")
        if isinstance(choice.get("value"), str) and len(choice["value"]) > 100:
            raise form_error(["data", "choices", index, "value"], "BASE_TYPE_MAX_LENGTH",
                             "Must be 100 or fewer in length.")


def _validate_modal(data: dict[str, Any]) -> None:
    if not 1 <= len(data.get("title") or "") <= 45:
        raise form_error(["data", "title"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.")
    if not 1 <= len(data.get("custom_id") or "") <= 100:
        raise form_error(["data", "custom_id"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    if not 1 <= len(data.get("components") or []) <= 5:
        raise form_error(["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
