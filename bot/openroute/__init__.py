"""OpenRoute (OpenRouter-compatible) image API client."""

from bot.openroute.client import (
    OpenRouteClient,
    build_request_body,
    create_session,
    parse_image_models,
    parse_retry_after,
)
from bot.openroute.sse import SSEComment, SSEEvent, SSEParser

__all__ = [
    "OpenRouteClient",
    "SSEComment",
    "SSEEvent",
    "SSEParser",
    "build_request_body",
    "create_session",
    "parse_image_models",
    "parse_retry_after",
]
