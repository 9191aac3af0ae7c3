"""Every typed error becomes a sentence a person understands, with an honest retry hint."""

from __future__ import annotations

import pytest

from bot.images.errors import CorruptImage, ImageTooLarge, ModelImageInvalid, UnsupportedImageType
from bot.jobs.errors import EngineClosed, InputDownloadFailed, InputNotAnImage, InputTooLarge, QueueFull, TooManyJobs
from bot.messages import explain
from bot.openroute.errors import (
    AuthenticationFailed,
    ConnectionFailed,
    ContentRefused,
    InsufficientCredits,
    InvalidImageData,
    ModelNotFound,
    NoImageReturned,
    ProviderUnavailable,
    RateLimited,
    RequestTimedOut,
    StreamError,
    StreamTruncated,
)
from bot.policy import PolicyRefusal
from bot.storage.errors import DatabaseUnavailable


@pytest.mark.parametrize(("error", "words", "retryable"), [
    (RateLimited("slow down", retry_after=7), "Try again in 7 seconds", True),
    (RateLimited("slow down", retry_after=150), "Try again in 3 minutes", True),
    (InsufficientCredits("no money", status=402), "out of credits", False),
    (AuthenticationFailed("bad key", status=401), "API key was rejected", False),
    (ContentRefused("flagged", reasons=["violence", "gore"]), "Reason: violence, gore.", False),
    (NoImageReturned("none", text="I  only\nwrite   poems"), "“I only write poems”", True),
    (NoImageReturned("none", text="", finish_reason="content_filter"), "declined", True),
    (ModelNotFound("gone", status=404), "Pick another model", False),
    (RequestTimedOut("late", phase="idle"), "Timed out waiting", True),
    (ProviderUnavailable("down", retry_after=3, status=503), "Try again in 3 seconds", True),
    (StreamError("Provider disconnected", code=502), "Provider disconnected", True),
    (StreamTruncated("eof"), "connection to the image service broke", True),
    (ConnectionFailed("refused"), "Could not reach", True),
    (InvalidImageData("bad base64", mime_type="image/png"), "The model sent image data that was damaged", True),
    (InvalidImageData("gif", mime_type="image/gif", not_an_image=True), "not a PNG, JPEG or WebP image", True),
    (EngineClosed(), "The bot is restarting", True),
    (InputTooLarge(20_000_000, 30_000_000), "the limit is 20 MB", False),
    (InputNotAnImage("notes.txt"), "not a PNG, JPEG or WebP image", False),
    (InputDownloadFailed("timeout"), "Could not download the image", True),
    (ModelImageInvalid(ImageTooLarge("big")), "model sent an image with too many pixels", True),
    (ModelImageInvalid(CorruptImage("bad")), "damaged", True),
    (UnsupportedImageType("gif"), "not a PNG, JPEG or WebP", False),
    (TooManyJobs(2), "You already have 2 images in progress", False),
    (QueueFull(100), "queue is full", True),
    (PolicyRefusal("DMs are off."), "DMs are off.", False),
    (ImageTooLarge("big", pixels=900_000_000, limit=24_000_000, width=30_000, height=30_000),
     "The image is 30000×30000 pixels (900 megapixels); this bot takes images of up to 24 megapixels "
     "(6000×4000, for example).", False),
    (ImageTooLarge("bomb", limit=24_000_000), "up to 24 megapixels", False),
    (ImageTooLarge("file", limit=20_000_000, size=25_300_000), "The image is 25.3 MB; the limit is 20 MB.", False),
    (DatabaseUnavailable("PostgreSQL db:5432/imagine", "no answer within 10 s", timeout=10),
     "The bot's database is not answering; try again in a minute.", True),
    (RuntimeError("secret internals"), "Something went wrong on our side", True),
])
def test_explanations_name_the_problem_and_whether_to_retry(error, words, retryable):
    explanation = explain(error)
    assert words in explanation.text
    assert explanation.retryable is retryable
    assert "secret internals" not in explanation.text


def test_long_model_text_is_trimmed_to_one_short_line():
    text = explain(NoImageReturned("none", text="word " * 500)).text
    assert len(text) < 400
    assert "\n" not in text
