"""What the emulated model answers a request with, and what that costs.

The answer depends on the scenario (the model id), the prompt, the requested modalities and, for images, the
request's input images and image options: noise images seeded from all of them, so the same request gives
the same bytes and a test can tell from a result what reached the model.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from playground import images
from playground.openroute.catalog import DESCRIBE_ANSWERS, DESCRIBE_COST, image_dimensions
from playground.openroute.wire import data_url

COST_PER_IMAGE = 0.039
COST_TEXT_ONLY = 0.0001  # prompt tokens are billed even when no image comes back
IMAGE_TOKENS = 1290


@dataclass(frozen=True, slots=True)
class SentImage:
    """One image the emulator put on the wire (decoded bytes, declared MIME type)."""

    data: bytes
    mime_type: str
    model: str
    prompt: str


@dataclass(frozen=True, slots=True)
class Image:
    url: bytes  # the complete `data:` URL as it goes on the wire
    sent: SentImage | None  # None when the payload is not decodable base64


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    images: tuple[Image, ...]
    finish_reason: str
    native_finish_reason: str
    pieces: tuple[str, ...] = ()  # the text as streamed, one delta each (empty: the whole text at once)
    cost: float | None = None  # what it costs, when not the images' or a text answer's usual price

    def usage(self, prompt: str) -> dict[str, Any]:
        prompt_tokens = 8 + len(prompt.split())
        image_tokens = IMAGE_TOKENS * len(self.images)
        completion_tokens = image_tokens + len(self.text.split())
        cost = round(COST_PER_IMAGE * len(self.images), 6) if self.images else COST_TEXT_ONLY
        cost = cost if self.cost is None else self.cost
        return {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "completion_tokens_details": {"reasoning_tokens": 0, "image_tokens": image_tokens},
            "cost": cost,
            "is_byok": False,
        }


@dataclass(slots=True)
class Generation:
    """What `/generation?id=` reports; updated as the answer goes out."""

    id: str
    model: str
    streamed: bool
    created: int
    started: float = field(default_factory=time.monotonic)
    finish_reason: str | None = None
    native_finish_reason: str | None = None
    usage: dict[str, Any] | None = None
    images: int = 0
    cancelled: bool = False
    complete: bool = False  # the last bytes are going out: a disconnect now is not a cancellation
    response: web.StreamResponse | None = None

    def stats(self) -> dict[str, Any]:
        usage = self.usage or {}
        elapsed_ms = int((time.monotonic() - self.started) * 1000)
        return {
            "id": self.id,
            "total_cost": usage.get("cost", 0),
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.created)),
            "model": self.model,
            "origin": "",
            "usage": usage.get("cost", 0),
            "is_byok": False,
            "provider_name": "Google",
            "streamed": self.streamed,
            "cancelled": self.cancelled,
            "latency": elapsed_ms,
            "generation_time": elapsed_ms,
            "finish_reason": self.finish_reason,
            "native_finish_reason": self.native_finish_reason,
            "tokens_prompt": usage.get("prompt_tokens", 0),
            "tokens_completion": usage.get("completion_tokens", 0),
            "native_tokens_prompt": usage.get("prompt_tokens", 0),
            "native_tokens_completion": usage.get("completion_tokens", 0),
            "native_tokens_completion_images": IMAGE_TOKENS * self.images,
            "num_media_prompt": 0,
            "num_media_completion": self.images,
            "num_search_results": 0,
        }


def prompt_of(messages: list[Any]) -> str:
    """The text of the last user message (string content or the text parts of a parts array)."""
    for message in reversed(messages):
        if not isinstance(message, dict) or message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return " ".join(
                str(part.get("text", "")) for part in content
                if isinstance(part, dict) and part.get("type") == "text"
            )
    return ""


def image_seed(model: str, prompt: str, index: int, variant: str = "") -> int:
    """Seed of the noise image number `index` for (model, prompt, `variant`): same request, same bytes."""
    digest = hashlib.sha256(f"{model}\0{prompt}\0{index}\0{variant}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def request_variant(body: dict[str, Any]) -> str:
    """What else a request's pixels depend on besides model and prompt: its input images (in order) and its
    image options, so a test can tell which images and sizes reached the model from the result alone."""
    inputs = hashlib.sha256()
    for message in body.get("messages") or ():
        content = message.get("content") if isinstance(message, dict) else None
        for part in content if isinstance(content, list) else ():
            if isinstance(part, dict) and part.get("type") == "image_url":
                inputs.update(str((part.get("image_url") or {}).get("url", "")).encode())
                inputs.update(b"\0")
    return f"{inputs.hexdigest()}\0{json.dumps(body.get('image_config'), sort_keys=True)}"


async def generate(scenario: str, model: str, prompt: str, body: dict[str, Any]) -> Answer:
    """What the model "generates" for this request (images are encoded in a worker thread)."""
    if scenario in DESCRIBE_ANSWERS:  # a model that reads images answers in text, line by line
        text = DESCRIBE_ANSWERS[scenario]
        return Answer(text, (), "stop", "STOP", pieces=tuple(text.splitlines(keepends=True)),
                      cost=DESCRIBE_COST)
    modalities = body.get("modalities")
    if isinstance(modalities, list) and "image" not in modalities:
        # Real models asked for text only answer in text.
        return Answer("A picture of that would show " + prompt, (), "stop", "STOP")
    if scenario == "emu/no-image":
        text = "I can't draw that, but here is a poem instead:\nRoses are noise,\nPixels are too."
        return Answer(text, (), "stop", "STOP")
    if scenario == "emu/refusal":
        return Answer("I'm sorry, but I can't create that image.", (), "content_filter", "IMAGE_SAFETY")

    def image(mime_type: str, data: bytes) -> Image:
        return Image(data_url(mime_type, data), SentImage(data, mime_type, model, prompt))

    variant = request_variant(body)
    seed = image_seed(model, prompt, 0, variant)
    if scenario == "emu/two-images":
        width, height = image_dimensions(body.get("image_config"))
        first, second = await asyncio.gather(
            asyncio.to_thread(images.noise_png, width, height, seed),
            asyncio.to_thread(images.noise_png, width, height, image_seed(model, prompt, 1, variant)),
        )
        pictures = (image("image/png", first), image("image/png", second))
        return Answer("Here are two takes on it.", pictures, "stop", "STOP")
    if scenario == "emu/bad-base64":
        picture = Image(b"data:image/png;base64,iVBORw0KGgo!!this*is#not%base64~~", None)
    elif scenario == "emu/not-an-image":
        picture = image("image/png", b"This is plainly not an image, whatever the label says. " * 64)
    elif scenario == "emu/jpeg-4k":
        picture = image("image/jpeg", await asyncio.to_thread(images.noise_jpeg, 4096, 4096, seed))
    elif scenario == "emu/webp":
        picture = image("image/webp", await asyncio.to_thread(images.noise_webp, 256, 256, seed))
    elif scenario == "emu/bomb":
        picture = image("image/png", await asyncio.to_thread(images.bomb_png))
    else:
        width, height = image_dimensions(body.get("image_config"))
        picture = image("image/png", await asyncio.to_thread(images.noise_png, width, height, seed))
    return Answer("Here is your image.", (picture,), "stop", "STOP")
