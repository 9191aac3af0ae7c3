"""The OpenRoute emulator speaks the reference wire format, checked with a plain aiohttp client."""

from __future__ import annotations

import asyncio
import base64
import binascii
import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PIL import Image

from playground.images import png_size
from playground.openroute import ALL_SCENARIOS, OpenRouteEmulator, default_models

KEY = "test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
PROMPT = "a watercolor fox in snow"
KEEPALIVE = ": OPENROUTER PROCESSING"
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def emu():
    async with OpenRouteEmulator(api_key=KEY, keepalive_interval=0.001, write_size=16 * 1024,
                                 slow_keepalives=3) as emulator:
        yield emulator


@pytest.fixture
async def session():
    async with aiohttp.ClientSession() as client:
        yield client


def chat_body(model: str, prompt: str = PROMPT, *, stream: bool = True, **extra: Any) -> dict[str, Any]:
    return {"model": model, "messages": [{"role": "user", "content": prompt}],
            "modalities": ["image", "text"], "stream": stream, **extra}


async def chat(
    session: aiohttp.ClientSession, emu: OpenRouteEmulator, model: str, prompt: str = PROMPT, *,
    stream: bool = True, headers: dict[str, str] | None = None, **extra: Any,
) -> tuple[aiohttp.ClientResponse, bytes]:
    async with session.post(f"{emu.base_url}/chat/completions", json=chat_body(model, prompt, stream=stream,
                            **extra), headers=AUTH if headers is None else headers) as response:
        return response, await response.read()


def sse_events(raw: bytes) -> list[str]:
    """Events of a stream in any line-ending style, BOM dropped (the WHATWG rules, simplified)."""
    text = raw.decode().removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [event for event in text.split("\n\n") if event]


def data_payloads(raw: bytes) -> list[Any]:
    """The `data:` payloads of a stream: JSON objects, or the string "[DONE]"."""
    payloads = []
    for event in sse_events(raw):
        if event.startswith(":"):
            assert event == KEEPALIVE
            continue
        assert event.startswith("data: ")
        assert "\n" not in event  # every event is a single data line
        payload = event.removeprefix("data: ")
        payloads.append(payload if payload == "[DONE]" else json.loads(payload))
    return payloads


def image_urls(payloads: list[Any]) -> list[str]:
    return [image["image_url"]["url"]
            for payload in payloads if isinstance(payload, dict)
            for choice in payload["choices"]
            for image in choice["delta"].get("images", [])]


def decode(url: str) -> tuple[str, bytes]:
    header, payload = url.split(",", 1)
    assert header.startswith("data:")
    assert header.endswith(";base64")
    return header.removeprefix("data:").removesuffix(";base64"), base64.b64decode(payload, validate=True)


async def read_into(response: aiohttp.ClientResponse, buffer: bytearray) -> None:
    """Append the body to `buffer` as it arrives (keeps what came before a failure)."""
    async for piece in response.content.iter_any():
        buffer += piece


def finish_reasons(payloads: list[Any]) -> list[str | None]:
    return [choice["finish_reason"] for payload in payloads if isinstance(payload, dict)
            for choice in payload["choices"]]


# --- the normal stream --------------------------------------------------------------------------------

async def test_image_line_arrives_in_many_pieces_yet_is_a_single_line(emu, session):
    pieces: list[bytes] = []
    async with session.post(f"{emu.base_url}/chat/completions", json=chat_body("emu/png"),
                            headers=AUTH) as response:
        async for piece in response.content.iter_any():
            pieces.append(piece)
    raw = b"".join(pieces)
    image_line = next(line for line in raw.split(b"\n") if b'"images"' in line)
    start = raw.index(image_line)
    end = start + len(image_line)
    offset, touching = 0, 0
    for piece in pieces:
        touching += offset < end and offset + len(piece) > start
        offset += len(piece)
    assert len(image_line) > 3_000_000  # a 1024x1024 noise PNG, base64: far beyond readline()'s 128 KiB
    assert touching > 1


async def test_stream_follows_the_reference_grammar(emu, session):
    response, raw = await chat(session, emu, "emu/png")
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/event-stream"
    generation_id = response.headers["X-Generation-Id"]
    assert raw.startswith(b": OPENROUTER PROCESSING\n\n")
    assert raw.endswith(b"\n\ndata: [DONE]\n\n")
    assert b"\r" not in raw
    assert sum(event == KEEPALIVE for event in sse_events(raw)) >= 2

    text, image, stop, usage, done = data_payloads(raw)
    for chunk in (text, image, stop, usage):
        assert chunk["id"] == generation_id
        assert chunk["id"].startswith("gen-")
        assert chunk["object"] == "chat.completion.chunk"
        assert chunk["model"] == "emu/png"
        assert isinstance(chunk["created"], int)
    assert text["choices"] == [{"index": 0, "delta": {"role": "assistant", "content": "Here is your image."},
                                "finish_reason": None}]
    assert image["choices"][0]["finish_reason"] is None
    assert image["choices"][0]["delta"]["images"][0]["type"] == "image_url"
    assert stop["choices"][0]["delta"] == {}
    assert stop["choices"][0]["finish_reason"] == "stop"
    assert usage["choices"] == []
    assert usage["usage"]["cost"] == 0.039
    assert usage["usage"]["total_tokens"] == usage["usage"]["prompt_tokens"] + usage["usage"]["completion_tokens"]
    assert done == "[DONE]"

    mime_type, data = decode(image_urls([image])[0])
    assert mime_type == "image/png"
    assert Image.open(io.BytesIO(data)).size == (1024, 1024)
    assert [(sent.data, sent.mime_type, sent.model, sent.prompt) for sent in emu.sent_images] == [
        (data, "image/png", "emu/png", PROMPT)
    ]


@pytest.mark.parametrize(("model", "check"), [
    ("emu/crlf", lambda raw: raw.count(b"\n") == raw.count(b"\r\n") > 0),
    ("emu/cr", lambda raw: b"\n" not in raw and raw.endswith(b"[DONE]\r\r")),
    ("emu/bom", lambda raw: raw.startswith(b"\xef\xbb\xbf: OPENROUTER PROCESSING\n\n")),
])
async def test_line_ending_and_bom_variants_carry_the_same_events(emu, session, model, check):
    _, raw = await chat(session, emu, model)
    assert check(raw)
    payloads = data_payloads(raw)
    assert finish_reasons(payloads) == [None, None, "stop"]
    assert payloads[-1] == "[DONE]"
    mime_type, data = decode(image_urls(payloads)[0])
    assert (mime_type, data[:8]) == ("image/png", b"\x89PNG\r\n\x1a\n")


async def test_a_completed_stream_is_not_counted_as_a_disconnect(emu, session):
    await chat(session, emu, "emu/png")
    await session.close()
    assert emu.disconnects == 0


# --- images -------------------------------------------------------------------------------------------

async def test_same_prompt_gives_the_same_image_and_another_prompt_a_different_one(emu, session):
    first = decode(image_urls(data_payloads((await chat(session, emu, "emu/png"))[1]))[0])
    again = decode(image_urls(data_payloads((await chat(session, emu, "emu/png"))[1]))[0])
    other = decode(image_urls(data_payloads((await chat(session, emu, "emu/png", "a red panda"))[1]))[0])
    assert first == again
    assert first[1] != other[1]
    assert [sent.prompt for sent in emu.sent_images] == [PROMPT, PROMPT, "a red panda"]


@pytest.mark.parametrize(("image_config", "size"), [
    ({}, (1024, 1024)),
    ({"aspect_ratio": "16:9"}, (1344, 768)),
    ({"aspect_ratio": "9:16", "image_size": "2K"}, (1536, 2688)),
    ({"aspect_ratio": "bogus", "image_size": "bogus"}, (1024, 1024)),
])
async def test_image_size_follows_image_config(emu, session, image_config, size):
    _, raw = await chat(session, emu, "google/gemini-2.5-flash-image", image_config=image_config)
    assert png_size(decode(image_urls(data_payloads(raw))[0])[1]) == size


async def test_jpeg_4k_is_a_multi_megabyte_4096_square_jpeg(emu, session):
    _, raw = await chat(session, emu, "emu/jpeg-4k")
    mime_type, data = decode(image_urls(data_payloads(raw))[0])
    assert mime_type == "image/jpeg"
    assert len(data) > 10_000_000
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (4096, 4096))


async def test_webp_scenario_sends_a_small_webp(emu, session):
    _, raw = await chat(session, emu, "emu/webp")
    mime_type, data = decode(image_urls(data_payloads(raw))[0])
    assert mime_type == "image/webp"
    assert data[:4] == b"RIFF"
    assert data[8:12] == b"WEBP"
    assert len(data) < 1_000_000


async def test_bomb_is_a_tiny_png_claiming_900_megapixels(emu, session):
    _, raw = await chat(session, emu, "emu/bomb")
    mime_type, data = decode(image_urls(data_payloads(raw))[0])
    assert mime_type == "image/png"
    assert png_size(data) == (30000, 30000)
    assert len(data) < 1_000_000
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(data))


async def test_two_images_arrive_in_two_separate_chunks(emu, session):
    _, raw = await chat(session, emu, "emu/two-images")
    payloads = data_payloads(raw)
    image_chunks = [p for p in payloads if isinstance(p, dict) and image_urls([p])]
    assert len(image_chunks) == 2
    first, second = (decode(url)[1] for url in image_urls(payloads))
    assert first != second
    assert [sent.data for sent in emu.sent_images] == [first, second]


async def test_bad_base64_image_url_does_not_decode(emu, session):
    _, raw = await chat(session, emu, "emu/bad-base64")
    url = image_urls(data_payloads(raw))[0]
    assert url.startswith("data:image/png;base64,")
    with pytest.raises(binascii.Error):
        base64.b64decode(url.split(",", 1)[1], validate=True)
    assert emu.sent_images == []


async def test_not_an_image_is_valid_base64_of_non_image_bytes(emu, session):
    _, raw = await chat(session, emu, "emu/not-an-image")
    mime_type, data = decode(image_urls(data_payloads(raw))[0])
    assert mime_type == "image/png"
    assert not data.startswith(b"\x89PNG")
    assert data.startswith(b"This is plainly not an image")


# --- answers without an image ---------------------------------------------------------------------------

async def test_no_image_scenario_answers_with_text_only(emu, session):
    _, raw = await chat(session, emu, "emu/no-image")
    payloads = data_payloads(raw)
    assert image_urls(payloads) == []
    assert "poem" in payloads[0]["choices"][0]["delta"]["content"]
    assert finish_reasons(payloads) == [None, "stop"]
    assert payloads[-1] == "[DONE]"


async def test_refusal_finishes_with_content_filter(emu, session):
    _, raw = await chat(session, emu, "emu/refusal")
    payloads = data_payloads(raw)
    assert image_urls(payloads) == []
    assert finish_reasons(payloads) == [None, "content_filter"]


async def test_text_only_modalities_get_a_text_only_answer(emu, session):
    _, raw = await chat(session, emu, "google/gemini-2.5-flash-image", modalities=["text"])
    assert image_urls(data_payloads(raw)) == []


# --- broken streams ------------------------------------------------------------------------------------

async def test_mid_stream_error_ends_the_stream_without_done(emu, session):
    response, raw = await chat(session, emu, "emu/mid-stream-error")
    assert response.status == 200
    payloads = data_payloads(raw)
    assert "[DONE]" not in payloads
    last = payloads[-1]
    assert last["error"] == {"code": 502, "message": "Provider disconnected",
                             "metadata": {"error_type": "provider_unavailable"}}
    assert last["choices"][0]["finish_reason"] == "error"
    assert last["choices"][0]["delta"] == {"content": ""}


async def test_truncated_stream_hangs_up_inside_the_image_line(emu, session):
    received = bytearray()
    async with session.post(f"{emu.base_url}/chat/completions", json=chat_body("emu/truncated"),
                            headers=AUTH) as response:
        with pytest.raises(aiohttp.ClientPayloadError):
            await read_into(response, received)
    tail = bytes(received).rsplit(b"\n\n", 1)[1]
    assert tail.startswith(b'data: {"id"')
    assert b'"images"' in tail
    assert b"[DONE]" not in received
    assert emu.disconnects == 0  # the emulator hung up, not the client


async def test_no_done_stream_ends_with_neither_done_nor_finish_reason(emu, session):
    _, raw = await chat(session, emu, "emu/no-done")
    payloads = data_payloads(raw)
    assert len(image_urls(payloads)) == 1
    assert "[DONE]" not in payloads
    assert set(finish_reasons(payloads)) == {None}
    assert all("usage" not in payload for payload in payloads)


async def test_usage_after_stop_carries_a_null_finish_reason(emu, session):
    _, raw = await chat(session, emu, "emu/usage-after-stop")
    *_, stop, usage, done = data_payloads(raw)
    assert stop["choices"][0]["finish_reason"] == "stop"
    assert usage["choices"] == [{"index": 0, "delta": {}, "finish_reason": None}]
    assert usage["usage"]["cost"] == 0.039
    assert done == "[DONE]"


async def test_no_cost_stream_reports_tokens_but_only_the_generation_stats_know_the_cost(emu, session):
    response, raw = await chat(session, emu, "emu/no-cost")
    *_, usage, done = data_payloads(raw)
    assert "cost" not in usage["usage"]
    assert usage["usage"]["total_tokens"] > 0
    assert done == "[DONE]"
    async with session.get(f"{emu.base_url}/generation", params={"id": response.headers["X-Generation-Id"]},
                           headers=AUTH) as stats:
        assert (await stats.json())["data"]["total_cost"] == 0.039


async def test_slow_scenario_sends_extra_keepalives_before_the_image(emu, session):
    _, raw = await chat(session, emu, "emu/slow")
    events = sse_events(raw)
    first_data = next(i for i, event in enumerate(events) if event.startswith("data:"))
    assert events[:first_data] == [KEEPALIVE] * first_data
    assert first_data >= 3 + 1  # slow_keepalives=3, plus the usual opening one
    assert len(image_urls(data_payloads(raw))) == 1


# --- errors --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("model", "status", "error_type", "retry_after"), [
    ("emu/error-400", 400, "invalid_request", None),
    ("emu/error-401", 401, "authentication", None),
    ("emu/error-402", 402, "payment_required", None),
    ("emu/error-403", 403, "permission_denied", None),
    ("emu/error-404", 404, "not_found", None),
    ("emu/error-408", 408, "timeout", None),
    ("emu/error-429", 429, "rate_limit_exceeded", "7"),
    ("emu/error-500", 500, "server", None),
    ("emu/error-502", 502, "provider_unavailable", None),
    ("emu/error-503", 503, "provider_overloaded", "3"),
])
@pytest.mark.parametrize("stream", [True, False])
async def test_error_scenarios_answer_with_a_json_error_before_any_stream_byte(
    emu, session, model, status, error_type, retry_after, stream
):
    response, raw = await chat(session, emu, model, stream=stream)
    assert response.status == status
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers.get("Retry-After") == retry_after
    error = json.loads(raw)["error"]
    assert error["code"] == status
    assert error["message"]
    assert error["metadata"]["error_type"] == error_type


async def test_moderation_error_names_the_reasons_and_quotes_the_prompt_elided(emu, session):
    prompt = "a very long prompt " * 20
    response, raw = await chat(session, emu, "emu/error-403", prompt)
    metadata = json.loads(raw)["error"]["metadata"]
    assert response.status == 403
    assert metadata["reasons"] == ["violence"]
    assert metadata["model_slug"] == "emu/error-403"
    assert metadata["provider_name"]
    flagged = metadata["flagged_input"]
    assert len(flagged) <= 100
    assert "..." in flagged
    assert prompt.startswith(flagged.split("...")[0])
    assert prompt.endswith(flagged.split("...")[1])


async def test_html_error_page_is_a_502_with_text_html(emu, session):
    response, raw = await chat(session, emu, "emu/error-html")
    assert response.status == 502
    assert response.headers["Content-Type"].startswith("text/html")
    assert raw.startswith(b"<html>")


async def test_flaky_model_rate_limits_the_first_request_of_each_prompt(emu, session):
    first, _ = await chat(session, emu, "emu/flaky")
    second, raw = await chat(session, emu, "emu/flaky")
    other, _ = await chat(session, emu, "emu/flaky", "another prompt")
    assert (first.status, first.headers["Retry-After"]) == (429, "0")
    assert second.status == 200
    assert len(image_urls(data_payloads(raw))) == 1
    assert other.status == 429


async def test_malformed_request_body_is_a_400(emu, session):
    async with session.post(f"{emu.base_url}/chat/completions", data=b"{not json", headers=AUTH) as response:
        assert response.status == 400
        assert (await response.json())["error"]["metadata"]["error_type"] == "invalid_request"


# --- auth ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-key"}, {"Authorization": KEY}])
@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/chat/completions"), ("GET", "/key"), ("GET", "/generation?id=gen-1"),
])
async def test_missing_or_wrong_key_is_a_401_json_error(emu, session, headers, method, path):
    async with session.request(method, emu.base_url + path, headers=headers,
                               json=chat_body("emu/png") if method == "POST" else None) as response:
        assert response.status == 401
        assert response.headers["Content-Type"] == "application/json"
        error = (await response.json())["error"]
    assert error["code"] == 401
    assert error["metadata"]["error_type"] == "authentication"
    assert emu.sent_images == []


# --- non-streaming ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("model", "stream"), [("emu/png", False), ("emu/nonstream", True)])
async def test_non_streaming_answer_is_one_chat_completion_json(emu, session, model, stream):
    response, raw = await chat(session, emu, model, stream=stream)
    assert response.headers["Content-Type"] == "application/json"
    completion = json.loads(raw)
    assert completion["id"] == response.headers["X-Generation-Id"]
    assert completion["object"] == "chat.completion"
    choice = completion["choices"][0]
    assert choice["finish_reason"] == "stop"
    assert choice["message"]["role"] == "assistant"
    assert choice["message"]["content"] == "Here is your image."
    mime_type, data = decode(choice["message"]["images"][0]["image_url"]["url"])
    assert (mime_type, png_size(data)) == ("image/png", (1024, 1024))
    assert completion["usage"]["cost"] == 0.039
    assert emu.sent_images[0].data == data


# --- hold, release, disconnects --------------------------------------------------------------------------

async def test_hold_parks_the_stream_until_release(emu, session):
    async with session.post(f"{emu.base_url}/chat/completions", json=chat_body("emu/hold"),
                            headers=AUTH) as response:
        await emu.wait_held(1)
        first_line = await response.content.readline()
        assert first_line == b": OPENROUTER PROCESSING\n"
        assert (emu.holding, emu.sent_images) == (1, [])
        emu.release()
        raw = first_line + await response.read()
    assert emu.holding == 0
    assert len(image_urls(data_payloads(raw))) == 1
    assert raw.endswith(b"data: [DONE]\n\n")


async def test_release_one_lets_one_held_request_go_and_keeps_the_other(emu, session):
    first = asyncio.create_task(chat(session, emu, "emu/hold", "one"))
    await emu.wait_held(1)
    second = asyncio.create_task(chat(session, emu, "emu/hold", "two"))
    await emu.wait_held(2)

    emu.release_one()
    _, raw = await first

    assert len(image_urls(data_payloads(raw))) == 1
    assert (emu.holding, second.done()) == (1, False)
    emu.release_one()
    _, raw = await second
    assert len(image_urls(data_payloads(raw))) == 1


async def test_release_is_a_latch_for_later_hold_requests(emu, session):
    emu.release()
    _, raw = await chat(session, emu, "emu/hold")
    assert emu.held_total == 1
    assert len(image_urls(data_payloads(raw))) == 1


@pytest.mark.parametrize("model", ["emu/hold", "emu/stall"])
async def test_client_hanging_up_mid_stream_is_counted_as_a_disconnect(emu, session, model):
    response = await session.post(f"{emu.base_url}/chat/completions", json=chat_body(model), headers=AUTH)
    assert await response.content.readline() == b": OPENROUTER PROCESSING\n"
    response.close()
    await emu.wait_disconnects(1)
    assert emu.disconnects == 1
    generation_id = response.headers["X-Generation-Id"]
    async with session.get(f"{emu.base_url}/generation", params={"id": generation_id}, headers=AUTH) as stats:
        assert (await stats.json())["data"]["cancelled"] is True


async def test_non_streamed_hold_answers_after_release(emu, session):
    request = asyncio.create_task(chat(session, emu, "emu/hold", stream=False))
    await emu.wait_held(1)
    assert not request.done()
    emu.release()
    response, raw = await request
    assert response.status == 200
    assert json.loads(raw)["choices"][0]["message"]["images"]


async def test_non_streamed_truncated_answer_hangs_up_inside_the_body(emu, session):
    async with session.post(f"{emu.base_url}/chat/completions", json=chat_body("emu/truncated", stream=False),
                            headers=AUTH) as response:
        assert response.status == 200
        with pytest.raises(aiohttp.ClientPayloadError):
            await response.read()


async def test_closing_the_emulator_ends_parked_streams(session):
    emulator = OpenRouteEmulator(keepalive_interval=0.001)
    await emulator.start()
    response = await session.post(f"{emulator.base_url}/chat/completions", json=chat_body("emu/stall"),
                                  headers=AUTH)
    await emulator.close()
    with pytest.raises(aiohttp.ClientPayloadError):
        await response.read()
    assert emulator.disconnects == 0


# --- models, key, generation, recording ---------------------------------------------------------------

async def models(session: aiohttp.ClientSession, emu: OpenRouteEmulator, **params: str) -> list[dict]:
    async with session.get(f"{emu.base_url}/models", params=params) as response:  # no auth needed
        assert response.status == 200
        return (await response.json())["data"]


async def test_models_default_filter_is_text_output(emu, session):
    ids = {model["id"] for model in await models(session, emu)}
    assert {"openai/gpt-4o-mini", "google/gemini-2.5-flash-image"} <= ids
    assert "black-forest-labs/flux.2-pro" not in ids


async def test_models_image_filter_lists_image_models_and_every_scenario(emu, session):
    listed = await models(session, emu, output_modalities="image")
    ids = {model["id"] for model in listed}
    assert {"google/gemini-2.5-flash-image-preview", "google/gemini-2.5-flash-image",
            "openai/gpt-5-image-mini", "black-forest-labs/flux.2-pro", *ALL_SCENARIOS} <= ids
    assert "openai/gpt-4o-mini" not in ids
    for model in listed:
        assert "image" in model["architecture"]["output_modalities"]
        assert model["architecture"]["input_modalities"]
        assert model["name"]
        for price in model["pricing"].values():
            assert isinstance(price, str)
            Decimal(price)
    flux = next(model for model in listed if model["id"] == "black-forest-labs/flux.2-pro")
    assert flux["architecture"]["output_modalities"] == ["image"]


async def test_models_all_filter_lists_everything(emu, session):
    everything = {model["id"] for model in await models(session, emu, output_modalities="all")}
    text = {model["id"] for model in await models(session, emu)}
    image = {model["id"] for model in await models(session, emu, output_modalities="image")}
    assert everything == text | image


async def test_custom_model_list_replaces_the_catalog(session):
    custom = [{"id": "acme/painter", "name": "Acme Painter", "pricing": {"prompt": "0", "completion": "0"},
               "architecture": {"input_modalities": ["text"], "output_modalities": ["image"]}}]
    async with OpenRouteEmulator(models=custom) as emulator:
        assert await models(session, emulator, output_modalities="image") == custom
        assert await models(session, emulator) == []


async def test_the_model_list_can_change_while_the_emulator_runs(emu, session):
    renamed = [m for m in default_models() if m["id"] != "google/gemini-2.5-flash-image-preview"]
    emu.set_models(renamed)
    ids = {model["id"] for model in await models(session, emu, output_modalities="image")}
    assert "google/gemini-2.5-flash-image-preview" not in ids
    assert "google/gemini-2.5-flash-image" in ids
    emu.set_models(default_models())
    assert "google/gemini-2.5-flash-image-preview" in {
        model["id"] for model in await models(session, emu, output_modalities="image")}


async def test_key_reports_usage_of_finished_generations(emu, session):
    async def key() -> dict[str, Any]:
        async with session.get(f"{emu.base_url}/key", headers=AUTH) as response:
            return (await response.json())["data"]

    before = await key()
    await chat(session, emu, "emu/png")
    after = await key()
    assert (before["usage"], before["limit"], before["limit_remaining"]) == (0, 100, 100)
    assert (after["usage"], after["limit_remaining"]) == (0.039, 99.961)
    assert after["is_free_tier"] is False
    assert after["label"]


async def test_generation_stats_describe_a_finished_stream(emu, session):
    response, _ = await chat(session, emu, "emu/png")
    generation_id = response.headers["X-Generation-Id"]
    async with session.get(f"{emu.base_url}/generation", params={"id": generation_id}, headers=AUTH) as stats:
        data = (await stats.json())["data"]
    assert data["id"] == generation_id
    assert (data["total_cost"], data["finish_reason"], data["num_media_completion"]) == (0.039, "stop", 1)
    assert (data["streamed"], data["cancelled"]) == (True, False)
    async with session.get(f"{emu.base_url}/generation", params={"id": "gen-nope"}, headers=AUTH) as missing:
        assert missing.status == 404


async def test_requests_are_recorded_with_headers_and_json(emu, session):
    await chat(session, emu, "emu/no-image", headers={**AUTH, "X-Title": "imagine-bot"})
    await emu.wait_requests(1, path="/chat/completions")
    request = emu.requests[-1]
    assert (request.method, request.path) == ("POST", "/api/v1/chat/completions")
    assert request.json == chat_body("emu/no-image")
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["X-Title"] == "imagine-bot"


async def test_cli_serves_until_terminated(session):
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "playground.openroute", "--port", "0", "--api-key", "cli-key",
        cwd=REPO_ROOT, stdout=asyncio.subprocess.PIPE,
    )
    try:
        line = (await process.stdout.readline()).decode()
        assert line.startswith("listening on http://127.0.0.1:")
        base_url = line.removeprefix("listening on ").strip()
        async with session.get(f"{base_url}/key", headers={"Authorization": "Bearer cli-key"}) as response:
            assert response.status == 200
    finally:
        process.terminate()
        assert await process.wait() == 0


async def test_the_pixels_depend_on_the_input_images_and_the_size_asked_for(emu, session):
    red, blue = "data:image/png;base64,cmVk", "data:image/png;base64,Ymx1ZQ=="

    def parts(*urls: str) -> list[dict[str, Any]]:
        return [{"type": "text", "text": PROMPT}, *({"type": "image_url", "image_url": {"url": u}} for u in urls)]

    async def image_of(**body: Any) -> str:
        request = {**chat_body("emu/png"), **body}
        async with session.post(f"{emu.base_url}/chat/completions", json=request, headers=AUTH) as response:
            [url] = image_urls(data_payloads(await response.read()))
            return url

    plain = await image_of()
    assert await image_of() == plain  # the same request, the same picture
    with_red = await image_of(messages=[{"role": "user", "content": parts(red)}])
    with_blue = await image_of(messages=[{"role": "user", "content": parts(blue)}])
    both = await image_of(messages=[{"role": "user", "content": parts(red, blue)}])
    swapped = await image_of(messages=[{"role": "user", "content": parts(blue, red)}])
    larger = await image_of(image_config={"image_size": "0.5K"})
    assert len({plain, with_red, with_blue, both, swapped, larger}) == 6


# --- describe scenarios (models that read images and answer in text) --------------------------------------

def describe_body(model: str, *, stream: bool = True) -> dict[str, Any]:
    picture = base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()
    content = [{"type": "text", "text": "Describe this picture as four prompts."},
               {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{picture}"}}]
    return {"model": model, "messages": [{"role": "user", "content": content}], "modalities": ["text"],
            "stream": stream}


def text_deltas(payloads: list[Any]) -> list[str]:
    return [choice["delta"]["content"] for payload in payloads if isinstance(payload, dict)
            for choice in payload["choices"] if choice["delta"].get("content")]


@pytest.mark.parametrize(("model", "numbered"), [("emu/describe", 4), ("emu/describe-two", 2),
                                                 ("emu/describe-none", 0)])
async def test_describe_scenarios_stream_their_answer_line_by_line_with_a_cost(emu, session, model, numbered):
    async with session.post(f"{emu.base_url}/chat/completions", json=describe_body(model), headers=AUTH) as response:
        assert response.status == 200
        payloads = data_payloads(await response.read())

    deltas = text_deltas(payloads)
    text = "".join(deltas)
    assert len(deltas) == len(text.splitlines())  # one delta per line
    assert sum(line[:2] in ("1.", "2.", "3.", "4.") for line in text.splitlines()) == numbered
    assert image_urls(payloads) == []
    usage = next(payload["usage"] for payload in payloads if isinstance(payload, dict) and payload.get("usage"))
    assert usage["cost"] == 0.0012
    assert payloads[-1] == "[DONE]"


async def test_describe_hold_streams_two_lines_then_waits_for_release(emu, session):
    async with session.post(f"{emu.base_url}/chat/completions", json=describe_body("emu/describe-hold"),
                            headers=AUTH) as response:
        await emu.wait_held(1)
        emu.release()
        payloads = data_payloads(await response.read())
    assert "".join(text_deltas(payloads)).count("\n") == 5  # the lead-in and four prompts


async def test_describe_models_are_listed_as_reading_images_and_writing_text(emu, session):
    text_models = {model["id"]: model for model in await models(session, emu)}
    image_ids = {model["id"] for model in await models(session, emu, output_modalities="image")}
    for model in ("emu/describe", "emu/describe-two", "emu/describe-none", "emu/describe-hold"):
        assert text_models[model]["architecture"]["input_modalities"] == ["text", "image"]
        assert text_models[model]["architecture"]["output_modalities"] == ["text"]
        assert model not in image_ids
