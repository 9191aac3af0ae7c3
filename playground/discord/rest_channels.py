"""REST routes of channels: reading channels, typing, creating / reading / editing / deleting the bot's
messages (permissions, replies, DMs a user closed), and the CDN serving attachments."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .errors import DiscordError, form_error, missing_access, missing_permissions
from .model import (
    ATTACH_FILES,
    FLAG_IS_COMPONENTS_V2,
    FLAG_SUPPRESS_EMBEDS,
    FLAG_SUPPRESS_NOTIFICATIONS,
    MANAGE_MESSAGES,
    MESSAGE_DEFAULT,
    MESSAGE_REPLY,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    FakeChannel,
)
from .rest_base import Routes, json_response, snowflake
from .validation import validate_message_body

_CDN_PIECE = 64 * 1024
_CHANNEL_FLAGS = FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_IS_COMPONENTS_V2
_CHANNEL_PARSE = ["users", "roles", "everyone"]  # regular messages parse everything by default


class ChannelRoutes(Routes):
    """`/channels/{id}`, its messages and typing, and the CDN (`/attachments/...`, `/media/...`)."""

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
        target = self._fake.messages.get(snowflake(str(reference["message_id"])))
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
