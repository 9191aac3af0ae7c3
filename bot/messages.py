"""One translation from typed errors to the sentence a person reads (CLI and Discord alike)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.i18n import Message, Wait, msg, msgs
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
    """What to tell the user (in their language, through a `Speaker`), and whether a Retry button makes sense."""

    message: Message | str
    retryable: bool

    @property
    def text(self) -> str:
        """The English sentence (logs, the CLI)."""
        return str(self.message)


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
        case RateLimited(retry_after=retry_after) if retry_after:
            return Explanation(msg("The image service is rate limited right now. Try again in {wait}.",
                                   wait=Wait(retry_after)), True)
        case RateLimited():
            return Explanation(msg("The image service is rate limited right now. Try again in a minute."), True)
        case InsufficientCredits():
            return Explanation(msg("The image service account is out of credits. The bot's operator needs to add "
                                   "credits before new images can be made."), False)
        case AuthenticationFailed():
            return Explanation(msg("The bot's API key was rejected by the image service. The operator has been "
                                   "told in the logs; please try again later."), False)
        case ContentRefused(reasons=reasons) if reasons:
            return Explanation(msg("The image service refused this prompt under its content rules. Reason: {reason}.",
                                   reason=quote(", ".join(reasons), 200)), False)
        case ContentRefused():
            return Explanation(msg("The image service refused this prompt under its content rules."), False)
        case NoImageReturned(text=text, finish_reason=reason):
            return Explanation(_no_image(text, filtered=reason == "content_filter"), True)
        case ModelNotFound():
            return Explanation(msg("That model is not available on the image service. Pick another model."), False)
        case RequestTimedOut(phase="connect"):
            return Explanation(msg("Timed out connecting to the image service. Try again."), True)
        case RequestTimedOut():
            return Explanation(msg("Timed out waiting for the image service. Try again."), True)
        case ProviderUnavailable(retry_after=retry_after) if retry_after:
            return Explanation(msg("The model's provider is down or overloaded. Try again in {wait}.",
                                   wait=Wait(retry_after)), True)
        case ProviderUnavailable():
            return Explanation(msg("The model's provider is down or overloaded. Try again in a moment."), True)
        case StreamError(message=message):
            return Explanation(msg("The image service failed mid-generation: {error}. Try again.",
                                   error=quote(message, 150)), True)
        case StreamTruncated():
            return Explanation(msg("The connection to the image service broke before the image arrived. "
                                   "Try again."), True)
        case EventTooLarge():
            return Explanation(msg("The image service sent more data than this bot accepts for one image."), False)
        case ConnectionFailed():
            return Explanation(msg("Could not reach the image service. Try again in a moment."), True)
        case InvalidImageData(not_an_image=True) | ModelImageInvalid(cause=UnsupportedImageType()):
            return Explanation(msg("The model sent something that is not a PNG, JPEG or WebP image. Try again."),
                               True)
        case InvalidImageData():
            return Explanation(msg("The model sent image data that was damaged and could not be read. Try again."),
                               True)
        case UnexpectedResponse():
            return Explanation(msg("The image service sent an answer this bot could not read. Try again."), True)
        case BadRequest(message=message):
            return Explanation(msg("The image service rejected the request: {error}", error=quote(message, 200)),
                               False)
        case ModelImageInvalid(cause=ImageTooLarge()):
            return Explanation(msg("The model sent an image with too many pixels to process safely. Try again."),
                               True)
        case ModelImageInvalid():
            return Explanation(msg("The model sent image data that was damaged and could not be decoded. "
                                   "Try again."), True)
        case ImageTooLarge() | InputTooLarge():
            return Explanation(_too_large(exc), False)
        case UnsupportedImageType() | InputNotAnImage():
            return Explanation(msg("That is not a PNG, JPEG or WebP image."), False)
        case CorruptImage():
            return Explanation(msg("The image data is damaged and could not be decoded."), True)
        case ImageError():
            return Explanation(msg("The image could not be processed."), False)
        case TooManyJobs(limit=limit):
            return Explanation(msgs("You already have {count} image in progress. Wait for it to finish.",
                                    "You already have {count} images in progress. Wait for one to finish.",
                                    limit), False)
        case QueueFull():
            return Explanation(msg("The bot is very busy right now: the queue is full. Try again in a few "
                                   "minutes."), True)
        case EngineClosed():
            return Explanation(msg("The bot is restarting. Try again in a minute."), True)
        case InputDownloadFailed():
            return Explanation(msg("Could not download the image. Try again."), True)
        case JobCancelled():
            return Explanation(msg("Cancelled."), True)
        case DatabaseUnavailable():
            return Explanation(msg("The bot's database is not answering; try again in a minute."), True)
        case PolicyRefusal():
            return Explanation(exc.message, False)
        case OpenRouteError():
            return Explanation(msg("The image service reported an error. Try again."), True)
        case _:
            return Explanation(msg("Something went wrong on our side. The error was logged; try again."), True)


def _no_image(text: str, *, filtered: bool) -> Message:
    """The model answered with words and no picture: what it said, when it said something."""
    if not text.strip():
        if filtered:
            return msg("The model declined to make this image (content filter). Try rephrasing the prompt.")
        return msg("The model answered without an image. Try rephrasing the prompt.")
    if filtered:
        return msg("The model declined to make this image (content filter). It said: “{said}” Try rephrasing the "
                   "prompt.", said=quote(text))
    return msg("The model answered without an image. It said: “{said}” Try rephrasing the prompt.", said=quote(text))


def _too_large(exc: ImageTooLarge | InputTooLarge) -> Message:
    """An image over the bot's limit, with the numbers the member needs to fix it."""
    match exc:
        case InputTooLarge(limit=limit):
            return msg("The image is too large (the limit is {limit} MB).", limit=f"{limit / 1e6:g}")
        case ImageTooLarge(size=int() as size, limit=int() as limit):
            return msg("The image is {size} MB; the limit is {limit} MB.", size=f"{size / 1e6:.1f}",
                       limit=f"{limit / 1e6:g}")
        case ImageTooLarge(width=int() as width, height=int() as height, pixels=int() as pixels, limit=int() as limit):
            return msg("The image is {width}×{height} pixels ({megapixels} megapixels); this bot takes images of up "
                       "to {limit} megapixels ({example}, for example).", width=str(width), height=str(height),
                       megapixels=megapixels(pixels, limit), limit=megapixels(limit), example=example_size(limit))
        case ImageTooLarge(limit=int() as limit):
            return msg("The image has more pixels than this bot takes: up to {limit} megapixels ({example}, for "
                       "example).", limit=megapixels(limit), example=example_size(limit))
    return msg("The image has too many pixels to process safely.")
