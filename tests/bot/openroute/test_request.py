"""What the client sends: the body and headers of a generation (against scripted servers)."""

from __future__ import annotations

import os

from bot.openroute.request import build_request_body
from bot.openroute.types import GenerationRequest, InputImage
from tests.bot.openroute.conftest import Harness
from tests.bot.openroute.helpers import API_KEY, CHAT, DONE, REQUEST, FakeAPI, chunk, image_chunk, image_part, png, sse


async def test_the_request_has_the_documented_body_and_headers(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(image_chunk(png()), chunk(finish="stop"), DONE))
    await harness.client.generate(GenerationRequest(prompt="a fox", model="google/x", aspect_ratio="16:9",
                                                    image_size="2K", user="discord:42"))
    sent = api.calls(CHAT)[0]
    assert sent.method == "POST"
    assert sent.body == {"model": "google/x", "messages": [{"role": "user", "content": "a fox"}],
                         "modalities": ["image", "text"], "image_config": {"aspect_ratio": "16:9",
                                                                            "image_size": "2K"},
                         "stream": True, "user": "discord:42"}
    assert sent.headers["Authorization"] == f"Bearer {API_KEY}"
    assert sent.headers["HTTP-Referer"] == "https://bot.example/imagine"
    assert sent.headers["X-OpenRouter-Title"] == "imagine-test"
    assert sent.headers["X-Title"] == "imagine-test"
    assert sent.headers["Content-Type"] == "application/json"


async def test_image_config_has_only_the_given_keys_and_modalities_can_be_image_only(
        api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(image_chunk(png()), chunk(finish="stop"), DONE))
    await harness.client.generate(GenerationRequest(prompt="p", model="m", aspect_ratio="1:1"),
                                  modalities=["image"])
    await harness.client.generate(REQUEST)
    with_ratio, plain = (call.body for call in api.calls(CHAT))
    assert with_ratio["image_config"] == {"aspect_ratio": "1:1"}
    assert with_ratio["modalities"] == ["image"]
    assert "image_config" not in plain
    assert "user" not in plain


async def test_input_images_are_sent_as_data_url_parts(api: FakeAPI, harness: Harness):
    source = png("orange")
    big = b"\xff\xd8\xff" + os.urandom(600_000)  # large enough to be encoded off the event loop
    api.on(CHAT, sse(image_chunk(png()), chunk(finish="stop"), DONE))
    await harness.client.generate(GenerationRequest(
        prompt="make the sky purple", model="m",
        input_images=(InputImage(source, "image/png"), InputImage(big, "image/jpeg"))))
    content = api.calls(CHAT)[0].body["messages"][0]["content"]
    assert content[0] == {"type": "text", "text": "make the sky purple"}
    assert content[1] == image_part(source)
    assert content[2] == image_part(big, "image/jpeg")


def test_the_request_body_builder_defaults_to_image_and_text():
    body = build_request_body(REQUEST)
    assert body["modalities"] == ["image", "text"]
    assert body["stream"] is True
    assert build_request_body(REQUEST, stream=False)["stream"] is False
