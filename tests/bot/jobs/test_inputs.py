"""`InputFetcher`: the image a member wants edited, fetched from a real HTTP server on 127.0.0.1.

Runs on the package's virtual clock: a download timeout or a slowly streaming server takes no real time.
"""

from __future__ import annotations

import asyncio
import io
import socket
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web
from PIL import Image

from bot.images.errors import CorruptImage, ImageTooLarge, UnsupportedImageType
from bot.images.worker import ImageWorker
from bot.jobs.errors import InputDownloadFailed, InputNotAnImage, InputTooLarge
from bot.jobs.inputs import InputFetcher, RemoteImage, create_download_session, declared_type
from bot.messages import explain
from playground.images import noise_jpeg, noise_png
from tests.bot.images.pictures import png_bomb

CAP = 256 * 1024
PNG = noise_png(40, 30, seed=3)
PIECE = 32 * 1024


def gif_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "GIF")
    return out.getvalue()


class ImageHost:
    """A stand-in for Discord's CDN: serves a few paths and remembers what was asked for."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.streamed = 0  # bytes of the endless body written so far
        self.stream_cut_off = False  # the client hung up before the endless body was complete
        self.stream_ended = asyncio.Event()
        self._never = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/fox.png", self._bytes(PNG, "image/png"))
        app.router.add_get("/fox.jpg", self._bytes(noise_jpeg(40, 30, seed=3), "image/png"))  # mislabelled
        app.router.add_get("/anim.gif", self._bytes(gif_bytes(), "image/png"))
        app.router.add_get("/bomb.png", self._bytes(png_bomb(5000, 5000), "image/png"))  # 25 MP in a few KB
        app.router.add_get("/page.png", self._bytes(b"<html><body>Sign in to continue</body></html>",
                                                    "text/html"))
        app.router.add_get("/gone.png", self._status(404))
        app.router.add_get("/huge.png", self._endless)
        app.router.add_get("/silent.png", self._silent)
        app.router.add_get("/stalls.png", self._stalls)
        # handler_cancellation: a client hanging up cancels the handler, so a cut-off stream is seen
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def close(self) -> None:
        self._never.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def image(self, path: str, **claims: object) -> RemoteImage:
        return RemoteImage(url=self.base_url + path, filename=path.lstrip("/"), **claims)  # type: ignore[arg-type]

    def _bytes(self, body: bytes, content_type: str) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handler(request: web.Request) -> web.StreamResponse:
            self.requests.append(request.path)
            return web.Response(body=body, content_type=content_type)

        return handler

    def _status(self, status: int) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handler(request: web.Request) -> web.StreamResponse:
            self.requests.append(request.path)
            return web.Response(status=status, text="Not Found")

        return handler

    async def _endless(self, request: web.Request) -> web.StreamResponse:
        """Three times the cap, chunked (no length), one piece a second: a slow link."""
        self.requests.append(request.path)
        response = web.StreamResponse(headers={"Content-Type": "image/png"})
        await response.prepare(request)
        body = PNG + bytes(3 * CAP - len(PNG))
        try:
            for start in range(0, len(body), PIECE):
                await response.write(body[start:start + PIECE])
                self.streamed += len(body[start:start + PIECE])
                await asyncio.sleep(1)
            await response.write_eof()
        except (asyncio.CancelledError, ConnectionResetError):
            self.stream_cut_off = True
            raise
        finally:
            self.stream_ended.set()
        return response

    async def _silent(self, request: web.Request) -> web.StreamResponse:
        """Accepts the connection, never answers."""
        self.requests.append(request.path)
        await self._never.wait()
        return web.Response(status=503)

    async def _stalls(self, request: web.Request) -> web.StreamResponse:
        """Headers and half the image, then nothing."""
        self.requests.append(request.path)
        response = web.StreamResponse(headers={"Content-Type": "image/png"})
        response.content_length = len(PNG)
        await response.prepare(request)
        await response.write(PNG[: len(PNG) // 2])
        await self._never.wait()
        return response


@pytest.fixture
async def host() -> AsyncIterator[ImageHost]:
    server = ImageHost()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def fetcher() -> AsyncIterator[InputFetcher]:
    session = create_download_session(max_connections=4)  # as the bot builds it: not the API's session
    images = ImageWorker(max_workers=1)
    yield InputFetcher(session, images, max_bytes=CAP, timeout=30.0)
    await session.close()
    images.close()


# --- what the claims alone refuse --------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/pdf", "image/gif", "text/html; charset=utf-8"])
async def test_a_declared_type_that_is_not_png_jpeg_or_webp_is_refused_without_downloading(
        host: ImageHost, fetcher: InputFetcher, content_type: str) -> None:
    source = host.image("/fox.png", content_type=content_type)

    with pytest.raises(InputNotAnImage) as caught:
        fetcher.check(source)
    with pytest.raises(InputNotAnImage):
        await fetcher.fetch(source)

    assert caught.value.filename == "fox.png"
    assert host.requests == []


async def test_a_claimed_size_over_the_limit_is_refused_without_downloading(
        host: ImageHost, fetcher: InputFetcher) -> None:
    source = host.image("/fox.png", content_type="image/png", size=CAP + 1)

    with pytest.raises(InputTooLarge) as caught:
        await fetcher.fetch(source)

    assert (caught.value.limit, caught.value.size) == (CAP, CAP + 1)
    assert host.requests == []


def test_the_declared_type_is_read_without_parameters_or_case() -> None:
    assert declared_type("Image/PNG; charset=binary") == "image/png"
    assert declared_type(None) == ""


# --- downloading ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("claims", [{"content_type": "image/png", "size": len(PNG)}, {}])
async def test_a_small_png_comes_back_as_it_was_sent(host: ImageHost, fetcher: InputFetcher,
                                                       claims: dict[str, object]) -> None:
    data, mime = await fetcher.fetch(host.image("/fox.png", **claims))

    assert (data, mime) == (PNG, "image/png")
    assert host.requests == ["/fox.png"]


async def test_the_type_is_taken_from_the_bytes_not_from_the_claims(host: ImageHost, fetcher: InputFetcher) -> None:
    _, mime = await fetcher.fetch(host.image("/fox.jpg", content_type="image/png"))

    assert mime == "image/jpeg"


async def test_a_body_bigger_than_claimed_is_cut_off_at_the_limit(host: ImageHost, fetcher: InputFetcher) -> None:
    source = host.image("/huge.png", content_type="image/png", size=len(PNG))  # the claim is a lie

    with pytest.raises(InputTooLarge) as caught:
        await fetcher.fetch(source)
    await host.stream_ended.wait()

    assert caught.value.limit == CAP
    assert host.stream_cut_off  # the fetcher hung up ...
    assert CAP < host.streamed < 3 * CAP  # ... soon after the limit, long before the end of the body


@pytest.mark.parametrize("path", ["/silent.png", "/stalls.png"])
async def test_a_download_that_takes_too_long_fails_as_a_download_error(host: ImageHost, fetcher: InputFetcher,
                                                                        path: str) -> None:
    with pytest.raises(InputDownloadFailed, match="timeout"):
        await fetcher.fetch(host.image(path, content_type="image/png"))

    assert host.requests == [path]


async def test_an_unreachable_host_fails_as_a_download_error(fetcher: InputFetcher) -> None:
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(InputDownloadFailed):
        await fetcher.fetch(RemoteImage(url=f"http://127.0.0.1:{port}/fox.png", filename="fox.png"))


async def test_an_http_error_answer_fails_as_a_download_error(host: ImageHost, fetcher: InputFetcher) -> None:
    with pytest.raises(InputDownloadFailed, match="HTTP 404"):
        await fetcher.fetch(host.image("/gone.png", content_type="image/png"))


async def test_an_image_of_another_type_behind_an_image_claim_is_unsupported(
        host: ImageHost, fetcher: InputFetcher) -> None:
    with pytest.raises(UnsupportedImageType) as caught:
        await fetcher.fetch(host.image("/anim.gif", content_type="image/png"))

    assert caught.value.mime_type == "image/gif"


async def test_a_web_page_behind_an_image_claim_is_refused_as_not_an_image(
        host: ImageHost, fetcher: InputFetcher) -> None:
    with pytest.raises(CorruptImage, match="not an image"):
        await fetcher.fetch(host.image("/page.png", content_type="image/png"))


# --- pixels --------------------------------------------------------------------------------------------


async def test_a_small_file_with_too_many_pixels_is_refused_naming_the_limit(host: ImageHost,
                                                                             fetcher: InputFetcher) -> None:
    with pytest.raises(ImageTooLarge) as caught:
        await fetcher.fetch(host.image("/bomb.png", content_type="image/png"))

    assert explain(caught.value).text == ("The image is 5000×5000 pixels (25 megapixels); this bot takes images of "
                                          "up to 24 megapixels (6000×4000, for example).")
