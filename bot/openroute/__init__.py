"""OpenRoute (OpenRouter-compatible) image API client."""

from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.failures import parse_retry_after
from bot.openroute.models import parse_image_models
from bot.openroute.request import build_request_body
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
