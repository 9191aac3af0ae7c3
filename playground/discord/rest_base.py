"""What every REST route shares: the request record, body parsing (JSON or multipart with `files[n]`),
authentication, rate limits, JSON answers and the lookups of channels and messages the bot may see."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from .errors import DiscordError, form_error, missing_access, unauthorized, unknown
from .model import VIEW_CHANNEL, FakeChannel, FakeMessage, RecordedRequest
from .ratelimit import RateLimitRule

if TYPE_CHECKING:
    from .server import FakeDiscord

API_PREFIX = "/api/v10"
RECORD = web.RequestKey("record", RecordedRequest)
RATELIMIT_HEADERS = web.RequestKey("ratelimit_headers", dict)
_FILES_PART = re.compile(r"files\[(\d+)\]")


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


def snowflake(value: str) -> int:
    """A path segment as a snowflake id; not a number is a form error, as on Discord."""
    try:
        return int(value)
    except ValueError:
        raise form_error([], "NUMBER_TYPE_COERCE", f"Value \"{value}\" is not snowflake.") from None


def loads(text: str) -> Any:
    """A request body's JSON; invalid JSON is Discord's 50109."""
    try:
        return json.loads(text)
    except ValueError:
        raise DiscordError(400, 50109, "The request body contains invalid JSON.") from None


class Routes:
    """Base of the route groups; all state lives on the `FakeDiscord`."""

    def __init__(self, fake: FakeDiscord) -> None:
        self._fake = fake

    async def _body(self, request: web.Request) -> tuple[Any, list[Upload]]:
        uploads: list[Upload] = []
        payload: Any = None
        if request.content_type == "multipart/form-data":
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if not isinstance(part, BodyPartReader):
                    continue
                if part.name == "payload_json":
                    payload = loads(await part.text())
                elif part.filename is not None:
                    data = bytes(await part.read())
                    match = _FILES_PART.fullmatch(part.name or "")
                    index = int(match.group(1)) if match else len(uploads)
                    uploads.append(Upload(index, part.filename, data, part.headers.get("Content-Type")))
        else:
            raw = await request.read()
            payload = loads(raw.decode()) if raw else None
        record: RecordedRequest = request[RECORD]
        record.json = payload
        record.files = [(u.filename, u.data) for u in uploads]
        return payload, uploads

    def _auth(self, request: web.Request) -> None:
        if request.headers.get("Authorization") != f"Bot {self._fake.token}":
            raise unauthorized()

    def _global(self, request: web.Request) -> None:
        self._fake.limiter.global_hit(self._fake.global_rate_limit)

    def _rate(self, request: web.Request, bucket: str, major: str, rule: RateLimitRule | None) -> None:
        request[RATELIMIT_HEADERS] = self._fake.limiter.hit(bucket, major, rule)

    def _bot_channel(self, channel_id: str) -> FakeChannel:
        channel = self._fake.channels_by_id.get(snowflake(channel_id))
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
        message = self._fake.messages.get(snowflake(message_id))
        if message is None or message.deleted or message.channel_id != channel.id or message.ephemeral:
            raise unknown("Message", 10008)
        return message
