"""The fake REST API under /api/v10 and the fake CDN.

JSON answers carry `Content-Type: application/json` exactly (discord.py's `json_or_text` compares the
header for equality). Every request is recorded; rate-limited routes carry X-RateLimit-* headers.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from .errors import DiscordError
from .model import RecordedRequest
from .rest_base import API_PREFIX, RATELIMIT_HEADERS, RECORD, Upload, json_response
from .rest_bot import BotRoutes
from .rest_channels import ChannelRoutes
from .rest_interactions import InteractionRoutes

log = logging.getLogger(__name__)


class RestApi(BotRoutes, InteractionRoutes, ChannelRoutes):
    """Route table and middleware; the handlers are in `rest_bot.py`, `rest_interactions.py` and
    `rest_channels.py`, what they share in `rest_base.py`. All state lives on the `FakeDiscord`."""

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
        request[RECORD] = record
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
        for key, value in request.get(RATELIMIT_HEADERS, {}).items():
            if key not in response.headers:
                response.headers[key] = value
        record.status = response.status
        fake.requests.append(record)
        if response.status == 429:
            fake.rate_limited.append(record)
            log.debug("429 for %s (retry after %s)", record.route_key, record.retry_after)
        await fake._notify()
        return response


__all__ = ["API_PREFIX", "RestApi", "Upload", "json_response"]
