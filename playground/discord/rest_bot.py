"""REST routes about the bot itself: its user and application, the gateway URL, members, users, DMs and
the application commands it syncs."""

from __future__ import annotations

from aiohttp import web

from . import commands
from .errors import missing_access, unknown
from .rest_base import Routes, json_response
from .validation import validate_commands


class BotRoutes(Routes):
    """`/users`, `/applications`, `/gateway`, `/guilds/{id}/members` and the command routes."""

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
