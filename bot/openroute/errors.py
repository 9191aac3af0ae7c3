"""Typed errors of the OpenRoute client. Each carries the facts a message needs; `bot.messages.explain`
turns them into the sentence a person reads."""

from __future__ import annotations

from decimal import Decimal


class OpenRouteError(Exception):
    """Base class. `status` is the HTTP status when there was one; `retryable` says whether trying the
    same request again later can succeed; `cost` is what the provider reported charging for the failed
    request (a model that answered without an image still bills its tokens), None when it said nothing."""

    retryable: bool = False
    cost: Decimal | None = None

    def __init__(self, message: str, *, status: int | None = None, error_type: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.error_type = error_type


# --- before the stream (non-2xx answers, connection problems) -----------------------------------------

class BadRequest(OpenRouteError):
    """400/413/422: the request itself was refused (bad parameters, input image problems, prompt policy)."""


class AuthenticationFailed(OpenRouteError):
    """401: the API key is invalid or disabled. An operator problem, never retried."""


class InsufficientCredits(OpenRouteError):
    """402: the account or key has no credits left."""


class ContentRefused(OpenRouteError):
    """403: moderation or a guardrail blocked the request."""

    def __init__(self, message: str, *, reasons: list[str] | None = None, flagged_input: str | None = None,
                 status: int | None = 403, error_type: str | None = None) -> None:
        super().__init__(message, status=status, error_type=error_type)
        self.reasons = list(reasons or [])
        self.flagged_input = flagged_input


class ModelNotFound(OpenRouteError):
    """404: the model is unknown, deprecated or has no endpoints."""


class RequestTimedOut(OpenRouteError):
    """408 from the server, or one of our own timeouts (`phase` says which)."""

    retryable = True

    def __init__(self, message: str, *, phase: str = "server", status: int | None = None,
                 error_type: str | None = None) -> None:
        super().__init__(message, status=status, error_type=error_type)
        self.phase = phase  # "server" | "connect" | "first_byte" | "idle" | "total"


class RateLimited(OpenRouteError):
    """429: too many requests. `retry_after` is in seconds when the server said."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, status: int | None = 429,
                 error_type: str | None = None) -> None:
        super().__init__(message, status=status, error_type=error_type)
        self.retry_after = retry_after


class ProviderUnavailable(OpenRouteError):
    """500/502/503/524/529: the provider is down or overloaded."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, status: int | None = None,
                 error_type: str | None = None) -> None:
        super().__init__(message, status=status, error_type=error_type)
        self.retry_after = retry_after


class ConnectionFailed(OpenRouteError):
    """The API could not be reached (DNS, refused, reset before any answer)."""

    retryable = True


class UnexpectedResponse(OpenRouteError):
    """The server answered with something that is not the API's format (HTML error page, bad JSON...)."""

    retryable = True


# --- during the stream --------------------------------------------------------------------------------

class StreamError(OpenRouteError):
    """An `error` object arrived inside a 200 stream (`finish_reason: "error"`)."""

    retryable = True

    def __init__(self, message: str, *, code: int | str | None = None, status: int | None = None,
                 error_type: str | None = None) -> None:
        super().__init__(message, status=status, error_type=error_type)
        self.code = code


class StreamTruncated(OpenRouteError):
    """The stream ended (EOF) without `[DONE]` or a finish reason."""

    retryable = True


class EventTooLarge(OpenRouteError):
    """One SSE event grew beyond the configured maximum; the connection was dropped to bound memory."""

    def __init__(self, message: str, *, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


class InvalidImageData(OpenRouteError):
    """The model sent an image that is not valid base64 PNG/JPEG/WebP data (or an unsupported type).
    The model's fault: the next generation is a new image, so trying again can help."""

    retryable = True

    def __init__(self, message: str, *, mime_type: str | None = None, not_an_image: bool = False) -> None:
        super().__init__(message)
        self.mime_type = mime_type  # the declared type, when the data URL had one
        self.not_an_image = not_an_image  # readable data, but not a PNG, JPEG or WebP image


class NoImageReturned(OpenRouteError):
    """The model finished without an image. `text` is what it said instead (may be empty)."""

    def __init__(self, message: str, *, text: str = "", finish_reason: str | None = None,
                 cost: Decimal | None = None) -> None:
        super().__init__(message)
        self.text = text
        self.finish_reason = finish_reason
        self.cost = cost
