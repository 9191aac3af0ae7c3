"""Fetching the images a member sends (to edit, to blend): a capped, timed download, then validation and
normalisation, and storing them (by hash) while their request is recorded.

The chat layer describes the attachment as a `RemoteImage`; nothing here knows where it came from.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass

import aiohttp

from bot.formats import SUPPORTED_MIME_TYPES
from bot.images.decode import DEFAULT_INPUT_MAX_PIXELS
from bot.images.worker import ImageWorker
from bot.jobs.errors import InputDownloadFailed, InputNotAnImage, InputTooLarge
from bot.records.quota import QuotaExceeded
from bot.records.spec import InputRef
from bot.storage.base import InputImageRepository

log = logging.getLogger(__name__)

CHUNK = 256 * 1024


@dataclass(frozen=True, slots=True)
class RemoteImage:
    """An image to download: where it is and what its host claims about it (the claims are not trusted)."""

    url: str
    filename: str
    content_type: str | None = None
    size: int | None = None


def declared_type(content_type: str | None) -> str:
    """`image/png; charset=...` -> `image/png`; '' when nothing was declared."""
    return (content_type or "").split(";")[0].strip().lower()


def create_download_session(*, max_connections: int) -> aiohttp.ClientSession:
    """The HTTP session of input image downloads: a connection pool of its own (at most `max_connections`),
    so a download never waits for one of the API's connections, all busy with long image streams, nor takes
    one from them. No session-wide timeout: `InputFetcher` bounds each download."""
    connector = aiohttp.TCPConnector(limit=max_connections)
    return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=None))


class InputFetcher:
    """Downloads input images over the downloads' own HTTP session (`create_download_session`), stopping at
    `max_bytes` whatever size was claimed, within `timeout` seconds, then validates them (at most `max_pixels`,
    read from the header before any decoding) and normalises them in the image worker."""

    def __init__(self, session: aiohttp.ClientSession, images: ImageWorker, *, max_bytes: int,
                 timeout: float, max_pixels: int = DEFAULT_INPUT_MAX_PIXELS) -> None:
        self._session = session
        self._images = images
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels  # checked from the image's header, before any decoding
        self._timeout = timeout

    def check(self, source: RemoteImage) -> None:
        """Refuse what can be refused from the claims alone (type, size), before any download."""
        mime = declared_type(source.content_type)
        if mime and mime not in SUPPORTED_MIME_TYPES:
            raise InputNotAnImage(source.filename)
        if source.size is not None and source.size > self.max_bytes:
            raise InputTooLarge(self.max_bytes, source.size, source.filename)

    async def fetch(self, source: RemoteImage) -> tuple[bytes, str]:
        """The image as (bytes, mime type), ready to send. Raises `InputImageError` subclasses or
        `bot.images.errors.ImageError` for bytes that are not a usable image."""
        self.check(source)
        raw = await self._download(source)
        return await self._images.prepare_input(raw, max_bytes=self.max_bytes, max_pixels=self.max_pixels)

    async def _download(self, source: RemoteImage) -> bytes:
        try:
            async with asyncio.timeout(self._timeout), self._session.get(source.url) as response:
                if response.status >= 400:
                    log.warning("input image download answered HTTP %d", response.status)
                    raise InputDownloadFailed(f"HTTP {response.status}")
                data = bytearray()
                async for chunk in response.content.iter_chunked(CHUNK):
                    data += chunk
                    if len(data) > self.max_bytes:
                        # stop reading: the claim was wrong
                        raise InputTooLarge(self.max_bytes, filename=source.filename)
                return bytes(data)
        except TimeoutError:
            log.warning("input image download timed out after %.0fs", self._timeout)
            raise InputDownloadFailed("timeout") from None
        except (aiohttp.ClientError, OSError) as exc:
            log.warning("input image download failed: %s", type(exc).__name__)
            raise InputDownloadFailed(type(exc).__name__) from None


class StoredInputs:
    """Members' images downloaded and stored for requests still being recorded. A request refused at the last
    moment (a limit another request took meanwhile) deletes its images again, unless another request in flight
    holds the same bytes: a refused request keeps no trace."""

    def __init__(self, fetcher: InputFetcher, images: InputImageRepository, *,
                 clock: Callable[[], float] = time.time) -> None:
        self._fetcher = fetcher
        self._images = images
        self._clock = clock
        self._in_flight: Counter[str] = Counter()

    @contextlib.asynccontextmanager
    async def stored(self, attachments: Sequence[RemoteImage]) -> AsyncIterator[tuple[InputRef, ...]]:
        """Download, check and store each attachment in order; yield their references while the request is
        recorded. A `QuotaExceeded` raised inside deletes the images only this request holds, then goes on."""
        refs: list[InputRef] = []
        try:
            for attachment in attachments:
                data, mime = await self._fetcher.fetch(attachment)
                refs.append(await self._images.put(data, mime, now=self._clock()))
                self._in_flight[refs[-1].sha256] += 1
            yield tuple(refs)
        except QuotaExceeded:
            for ref in refs:
                if self._in_flight[ref.sha256] == 1:
                    await self._images.discard(ref.sha256)
            raise
        finally:
            self._in_flight -= Counter(ref.sha256 for ref in refs)  # the hashes no request holds go
