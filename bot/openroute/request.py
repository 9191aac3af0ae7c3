"""What the client sends: the JSON body of one generation, its bytes, and the headers of every request."""

from __future__ import annotations

import json
from typing import Any

from bot.config import OpenRouteSettings
from bot.openroute.dataurl import encode_data_url
from bot.openroute.types import GenerationRequest

DEFAULT_MODALITIES = ("image", "text")


def build_request_body(request: GenerationRequest, modalities: list[str] | tuple[str, ...] | None = None,
                       *, stream: bool = True) -> dict[str, Any]:
    """The JSON body of `POST /chat/completions` for one generation."""
    content: str | list[dict[str, Any]]
    if request.input_images:
        content = [{"type": "text", "text": request.prompt}]
        content.extend({"type": "image_url",
                        "image_url": {"url": encode_data_url(image.data, image.mime_type)}}
                       for image in request.input_images)
    else:
        content = request.prompt
    body: dict[str, Any] = {
        "model": request.model,
        "messages": [{"role": "user", "content": content}],
        "modalities": list(modalities or DEFAULT_MODALITIES),
    }
    image_config = {key: value for key, value in (("aspect_ratio", request.aspect_ratio),
                                                   ("image_size", request.image_size)) if value}
    if image_config:
        body["image_config"] = image_config
    body["stream"] = stream
    if request.user:
        body["user"] = request.user
    return body


def encode_request_body(request: GenerationRequest, modalities: list[str] | None, stream: bool) -> bytes:
    """`build_request_body` as UTF-8 JSON: base64 + JSON of the input images, worth a thread when they are big."""
    return json.dumps(build_request_body(request, modalities, stream=stream), ensure_ascii=False).encode("utf-8")


def request_headers(settings: OpenRouteSettings, *, json_body: bool) -> dict[str, str]:
    """The headers of a request: the key, the app's name (and URL) for OpenRoute's rankings, the body's type."""
    headers = {"Authorization": f"Bearer {settings.api_key.get()}",
               "X-OpenRouter-Title": settings.app_name,
               "X-Title": settings.app_name}
    if settings.app_url:
        headers["HTTP-Referer"] = settings.app_url
    if json_body:
        headers["Content-Type"] = "application/json"
    return headers
