"""One translation from typed errors to the sentence a person reads (CLI and Discord alike)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.images.errors import (
    CorruptImage,
    ImageError,
    ImageTooLarge,
    ModelImageInvalid,
    UnsupportedImageType,
)
from bot.jobs.errors import (
    EngineClosed,
    InputDownloadFailed,
    InputNotAnImage,
    InputTooLarge,
    JobCancelled,
    QueueFull,
    TooManyJobs,
)
from bot.openroute.errors import (
    AuthenticationFailed,
    BadRequest,
    ConnectionFailed,
    ContentRefused,
    EventTooLarge,
    InsufficientCredits,
    InvalidImageData,
    ModelNotFound,
    NoImageReturned,
    OpenRouteError,
    ProviderUnavailable,
    RateLimited,
    RequestTimedOut,
    StreamError,
    StreamTruncated,
    UnexpectedResponse,
)
from bot.policy import PolicyRefusal
from bot.storage.errors import DatabaseUnavailable

MAX_QUOTED_TEXT = 300


@dataclass(frozen=True, slots=True)
class Explanation:
    """What to tell the user, and whether a Retry button makes sense."""

    text: str
    retryable: bool


def format_seconds(seconds: float) -> str:
    """'7 seconds', '2 minutes' — rounded up so a user never retries too early."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minutes"


def megapixels(pixels: int, beside: int | None = None) -> str:
    """24000000 -> '24', 16515072 -> '16.5'; with as many more decimals as it takes not to read as `beside`."""
    for decimals in (1, 2, 3, 6):
        text = f"{pixels / 1e6:.{decimals}f}".rstrip("0").rstrip(".")
        if beside is None or text != megapixels(beside):
            break
    return text


def example_size(pixels: int) -> str:
    """A 3:2 picture of at most `pixels` pixels, as a member would recognise it: 24000000 -> '6000×4000'."""
    width = math.isqrt(pixels * 3 // 2)
    return f"{width}×{width * 2 // 3}"


def quote(text: str, limit: int = MAX_QUOTED_TEXT) -> str:
    """Collapse whitespace and trim `text` to at most `limit` characters (ending in "…" when cut).

    The one helper for this: use it for any model, provider or member text shown on one line."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def explain(exc: BaseException) -> Explanation:
    """The user-facing explanation of an error raised by the core. Never includes secrets."""
    match exc:
        case RateLimited(retry_after=retry_after):
            when = f"in {format_seconds(retry_after)}" if retry_after else "in a minute"
            return Explanation(f"The image service is rate limited right now. Try again {when}.", True)
        case InsufficientCredits():
            return Explanation("The image service account is out of credits. The bot's operator needs to add "
                               "credits before new images can be made.", False)
        case AuthenticationFailed():
            return Explanation("The bot's API key was rejected by the image service. The operator has been "
                               "told in the logs; please try again later.", False)
        case ContentRefused(reasons=reasons):
            why = f" Reason: {quote(', '.join(reasons), 200)}." if reasons else ""
            return Explanation(f"The image service refused this prompt under its content rules.{why}", False)
        case NoImageReturned(text=text, finish_reason=reason):
            if reason == "content_filter":
                head = "The model declined to make this image (content filter)."
            else:
                head = "The model answered without an image."
            said = f" It said: “{quote(text)}”" if text.strip() else ""
            return Explanation(head + said + " Try rephrasing the prompt.", True)
        case ModelNotFound():
            return Explanation("That model is not available on the image service. Pick another model.", False)
        case RequestTimedOut(phase=phase):
            what = "connecting to" if phase == "connect" else "waiting for"
            return Explanation(f"Timed out {what} the image service. Try again.", True)
        case ProviderUnavailable(retry_after=retry_after):
            when = f" in {format_seconds(retry_after)}" if retry_after else " in a moment"
            return Explanation(f"The model's provider is down or overloaded. Try again{when}.", True)
        case StreamError(message=message):
            return Explanation(f"The image service failed mid-generation: {quote(message, 150)}. Try again.", True)
        case StreamTruncated():
            return Explanation("The connection to the image service broke before the image arrived. "
                               "Try again.", True)
        case EventTooLarge():
            return Explanation("The image service sent more data than this bot accepts for one image.", False)
        case ConnectionFailed():
            return Explanation("Could not reach the image service. Try again in a moment.", True)
        case InvalidImageData(not_an_image=True):
            return Explanation("The model sent something that is not a PNG, JPEG or WebP image. Try again.", True)
        case InvalidImageData():
            return Explanation("The model sent image data that was damaged and could not be read. Try again.",
                               True)
        case UnexpectedResponse():
            return Explanation("The image service sent an answer this bot could not read. Try again.", True)
        case BadRequest(message=message):
            return Explanation(f"The image service rejected the request: {quote(message, 200)}", False)
        case ModelImageInvalid(cause=cause):
            match cause:
                case ImageTooLarge():
                    what = "an image with too many pixels to process safely"
                case UnsupportedImageType():
                    what = "something that is not a PNG, JPEG or WebP image"
                case _:
                    what = "image data that was damaged and could not be decoded"
            return Explanation(f"The model sent {what}. Try again.", True)
        case ImageTooLarge(size=int() as size, limit=int() as limit):
            return Explanation(f"The image is {size / 1e6:.1f} MB; the limit is {limit / 1e6:g} MB.", False)
        case ImageTooLarge(width=int() as width, height=int() as height, pixels=int() as pixels,
                           limit=int() as limit):
            return Explanation(f"The image is {width}×{height} pixels ({megapixels(pixels, limit)} megapixels); "
                               f"this bot takes images of up to {megapixels(limit)} megapixels "
                               f"({example_size(limit)}, for example).", False)
        case ImageTooLarge(limit=int() as limit):
            return Explanation(f"The image has more pixels than this bot takes: up to {megapixels(limit)} "
                               f"megapixels ({example_size(limit)}, for example).", False)
        case ImageTooLarge():
            return Explanation("The image has too many pixels to process safely.", False)
        case UnsupportedImageType():
            return Explanation("That is not a PNG, JPEG or WebP image.", False)
        case CorruptImage():
            return Explanation("The image data is damaged and could not be decoded.", True)
        case ImageError():
            return Explanation("The image could not be processed.", False)
        case TooManyJobs(limit=limit):
            return Explanation(f"You already have {limit} image{'s' if limit != 1 else ''} in progress. "
                               "Wait for one to finish.", False)
        case QueueFull():
            return Explanation("The bot is very busy right now: the queue is full. Try again in a few minutes.",
                               True)
        case EngineClosed():
            return Explanation("The bot is restarting. Try again in a minute.", True)
        case InputTooLarge(limit=limit):
            return Explanation(f"The image is too large (the limit is {limit / 1e6:g} MB).", False)
        case InputNotAnImage():
            return Explanation("That is not a PNG, JPEG or WebP image.", False)
        case InputDownloadFailed():
            return Explanation("Could not download the image. Try again.", True)
        case JobCancelled():
            return Explanation("Cancelled.", True)
        case DatabaseUnavailable():
            return Explanation("The bot's database is not answering; try again in a minute.", True)
        case PolicyRefusal(reason=reason):
            return Explanation(reason, False)
        case OpenRouteError():
            return Explanation("The image service reported an error. Try again.", True)
        case _:
            return Explanation("Something went wrong on our side. The error was logged; try again.", True)
