"""PlaygroundWeb: the page's server (aiohttp) on a loopback address, one origin for the page, its API, its live
feed and the files the bot and the members uploaded."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import web

from playground.web.api import PlaygroundApi, errors_middleware
from playground.web.live import LiveFeed

if TYPE_CHECKING:
    from playground.discord import FakeDiscord

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
_INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
_CSP = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

Spend = Callable[[], Awaitable[dict[str, Any] | None]]


@dataclass(frozen=True)
class Persona:
    """A member the visitor can act as: `key` names it on the page, `user` is the stand-in's user name."""

    key: str
    user: str
    label: str


class PlaygroundWeb:
    """The web page of the playground, rendered from what the bot sent to the stand-in."""

    def __init__(self, fake: FakeDiscord, *, personas: Sequence[Persona], emulated: bool = True,
                 spend: Spend | None = None) -> None:
        """`personas`: the members the page can switch between (the first is the default); `emulated`: the pictures
        come from the built-in emulator (the page says so); `spend`: an async callable giving
        `{"total": "$0.078", "budget": "$1"}` when a real key is used (the page shows it), else None."""
        if not personas:
            raise ValueError("the playground needs at least one persona")
        self._fake = fake
        self._personas = {p.key: p for p in personas}
        for persona in personas:
            fake.user(persona.user)  # fail now, not on the first click, when a persona's user does not exist
        self.live = LiveFeed(fake, self._personas, spend=spend)
        self._api = PlaygroundApi(fake, self._personas, self.live, emulated=emulated, spend=spend is not None)
        self._runner: web.AppRunner | None = None
        self._allowed_hosts: set[str] = set()
        self.url = ""

    async def start(self, host: str = "127.0.0.1", port: int = 8080) -> str:
        """Serve the page on `host` (a loopback address) and `port` (0: any free port); returns its URL."""
        if not _is_loopback(host):
            raise ValueError(f"the playground only listens on a loopback address, not {host!r}")
        app = web.Application(client_max_size=self._fake.upload_limit + 1024 * 1024,
                              middlewares=[self._same_origin, errors_middleware])
        app.router.add_get("/", self._index)
        app.router.add_get("/files/{attachment_id}/{filename}", self._file)
        app.router.add_get("/api/live", self.live.handle)
        self._api.add_routes(app)
        app.router.add_static("/static/", STATIC, append_version=False)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_host, bound_port = self._runner.addresses[0][:2]
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        self._allowed_hosts = {f"{name}:{bound_port}" for name in (shown, "localhost", "127.0.0.1", "[::1]")}
        self.live.start()
        self.url = f"http://{shown}:{bound_port}/"
        log.info("playground page on %s", self.url)
        return self.url

    async def close(self) -> None:
        """Stop serving (open pages lose their live feed)."""
        self._api.close()
        await self.live.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------------ routes

    async def _index(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    async def _file(self, request: web.Request) -> web.Response:
        """GET /files/{id}/{name}: an attachment's bytes as the stand-in holds them (images inline, other files
        as downloads, never rendered as a page of this origin)."""
        try:
            attachment = self._fake.attachments[int(request.match_info["attachment_id"])]
        except (KeyError, ValueError):
            raise web.HTTPNotFound() from None
        ctype = (attachment.content_type or "").split(";")[0].strip().lower()
        headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600"}
        if ctype not in _INLINE_TYPES:
            ctype = "application/octet-stream"
            headers["Content-Disposition"] = "attachment"
        return web.Response(body=attachment.data, content_type=ctype, headers=headers)

    @web.middleware
    async def _same_origin(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Only this page, on this address, may use the API: a page of another site (or a DNS name rebound to
        127.0.0.1) is refused. Every answer forbids framing and outside scripts."""
        if request.host not in self._allowed_hosts:
            raise web.HTTPForbidden(text="unknown host")
        origin = request.headers.get("Origin")
        if origin is not None and origin.removeprefix("http://") not in self._allowed_hosts:
            raise web.HTTPForbidden(text="cross-origin request refused")
        response = await handler(request)
        if response.prepared:  # the live feed's WebSocket: its headers are long sent
            return response
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
