"""OpenRouteClient against small scripted servers on real loopback sockets."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import pytest

from bot.config import Timeouts
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import (
    AuthenticationFailed,
    BadRequest,
    EventTooLarge,
    InvalidImageData,
    NoImageReturned,
    RequestTimedOut,
    StreamError,
    StreamTruncated,
    UnexpectedResponse,
)
from bot.openroute.types import (
    Finished,
    GenerationRequest,
    ImageProgress,
    ImageReady,
    InputImage,
    TextDelta,
    Usage,
    Waiting,
)
from tests.bot.openroute.conftest import Harness
from tests.bot.openroute.helpers import (
    API_KEY,
    CHAT,
    DONE,
    KEEPALIVE,
    REQUEST,
    FakeAPI,
    api_error,
    chunk,
    image_chunk,
    image_part,
    json_reply,
    png,
    raw_reply,
    sse,
    stalled,
    usage_chunk,
)


async def collect(harness: Harness, request: GenerationRequest = REQUEST, **kwargs) -> list:
    """Every event `generate` reports, in order (the stream must carry an image)."""
    events: list = []
    await harness.client.generate(request, on_event=events.append, **kwargs)
    return events


# --- successful streams ------------------------------------------------------------------------------

async def test_a_streamed_image_arrives_decoded_with_text_usage_and_cost(api: FakeAPI, harness: Harness):
    image = png("blue")
    api.on(CHAT, sse(KEEPALIVE, chunk({"role": "assistant", "content": "Here is "}),
                     chunk({"content": "your fox."}), image_chunk(image), chunk(finish="stop"),
                     usage_chunk(0.039), DONE))
    events = await collect(harness)
    assert events[0] == Waiting()
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Here is ", "your fox."]
    assert [e for e in events if isinstance(e, ImageReady)] == [ImageReady(0, image, "image/png")]
    assert events[-1] == Finished("stop", Usage(12, 1300, 1312, Decimal("0.039")), "gen-header", "test/model")
    assert sum(isinstance(e, Finished) for e in events) == 1


async def test_generate_returns_the_images_text_and_exact_cost(api: FakeAPI, harness: Harness):
    image = png("green", fmt="JPEG")
    api.on(CHAT, sse(chunk({"content": "ok"}), image_chunk(image, mime="image/jpeg"), chunk(finish="stop"),
                     usage_chunk(0.1), DONE))
    seen = []
    result = await harness.client.generate(REQUEST, on_event=seen.append)
    assert [img.data for img in result.images] == [image]
    assert result.images[0].mime_type == "image/jpeg"
    assert result.text == "ok"
    assert result.finish_reason == "stop"
    assert result.cost == Decimal("0.1")
    assert result.model == "test/model"
    assert result.generation_id == "gen-header"
    assert isinstance(seen[-1], Finished)


async def test_an_async_event_callback_is_awaited(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(image_chunk(png()), chunk(finish="stop"), DONE))
    seen = []

    async def on_event(e) -> None:
        seen.append(type(e).__name__)

    await harness.client.generate(REQUEST, on_event=on_event)
    assert seen == ["ImageReady", "Finished"]


async def test_a_multi_megabyte_image_line_in_small_writes_reports_progress_then_decodes(
        api: FakeAPI, harness: Harness):
    big = b"\x89PNG\r\n\x1a\n" + os.urandom(4 * 1024 * 1024)  # only the signature matters to the client
    api.on(CHAT, sse(KEEPALIVE, image_chunk(big), chunk(finish="stop"), usage_chunk(), DONE,
                     piece_size=16 * 1024))
    events = await collect(harness)
    progress = [e.bytes_received for e in events if isinstance(e, ImageProgress)]
    assert len(progress) >= 2
    assert progress == sorted(progress)
    assert progress[-1] < len(image_chunk(big))
    ready = [e for e in events if isinstance(e, ImageReady)]
    assert len(ready) == 1
    assert ready[0].data == big
    assert all(e.index == 0 for e in events if isinstance(e, ImageProgress))


class CountingPool(ThreadPoolExecutor):
    """The bot's image threads (IMAGE_WORKERS), counting what it is given."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.submitted = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.submitted += 1
        return super().submit(fn, *args, **kwargs)


async def test_a_big_image_line_is_decoded_on_the_threads_the_client_was_given(api: FakeAPI, harness: Harness):
    big = b"\x89PNG\r\n\x1a\n" + os.urandom(2 * 1024 * 1024)
    api.on(CHAT, sse(image_chunk(big), chunk(finish="stop"), usage_chunk(), DONE))
    session = create_session(harness.settings)
    with CountingPool() as pool:
        try:
            client = OpenRouteClient(session, harness.settings, executor=pool)
            result = await client.generate(REQUEST)
        finally:
            await session.close()

    assert [image.data for image in result.images] == [big]
    assert pool.submitted >= 1  # the CPU it took was bounded by the bot's image threads, not asyncio's default pool


async def test_keep_alive_comments_become_waiting_events(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(KEEPALIVE, KEEPALIVE, image_chunk(png()), KEEPALIVE, chunk(finish="stop"), DONE))
    events = await collect(harness)
    assert sum(isinstance(e, Waiting) for e in events) == 3


async def test_a_stream_with_bom_and_crlf_line_ends_works(api: FakeAPI, harness: Harness):
    image = png()
    crlf = [piece.replace(b"\n", b"\r\n") for piece in (KEEPALIVE, image_chunk(image), chunk(finish="stop"),
                                                        DONE)]
    api.on(CHAT, sse(b"\xef\xbb\xbf", *crlf, piece_size=7))
    result = await harness.client.generate(REQUEST)
    assert result.images[0].data == image


async def test_two_images_get_successive_indexes(api: FakeAPI, harness: Harness):
    first, second, third = png("red"), png("blue"), png("white")
    api.on(CHAT, sse(image_chunk(first), image_chunk(second, third), chunk(finish="stop"), DONE))
    events = await collect(harness)
    ready = [e for e in events if isinstance(e, ImageReady)]
    assert [(e.index, e.data) for e in ready] == [(0, first), (1, second), (2, third)]


@pytest.mark.parametrize("late_usage", [
    usage_chunk(0.5),
    usage_chunk(0.5, choices=[{"index": 0, "delta": {}, "finish_reason": None}]),
], ids=["empty-choices", "null-finish-reason"])
async def test_a_usage_chunk_after_stop_keeps_the_stop_and_adds_the_usage(
        api: FakeAPI, harness: Harness, late_usage: bytes):
    api.on(CHAT, sse(image_chunk(png()), chunk(finish="stop"), late_usage, DONE))
    result = await harness.client.generate(REQUEST)
    assert result.finish_reason == "stop"
    assert result.cost == Decimal("0.5")
    assert result.usage.total_tokens == 1312


async def test_end_of_stream_after_a_finish_reason_without_done_is_a_success(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(image_chunk(png()), chunk(finish="stop")))
    result = await harness.client.generate(REQUEST)
    assert len(result.images) == 1


async def test_reasoning_is_not_reported_as_text(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(chunk({"reasoning": "thinking..."}), chunk({"content": "done"}), image_chunk(png()),
                     chunk(finish="stop"), DONE))
    result = await harness.client.generate(REQUEST)
    assert result.text == "done"


# --- streams that fail -------------------------------------------------------------------------------

async def test_a_text_only_answer_raises_no_image_returned_with_the_text(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(chunk({"content": "I can only describe "}), chunk({"content": "a fox."}),
                     chunk(finish="stop"), usage_chunk(), DONE))
    with pytest.raises(NoImageReturned) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.text == "I can only describe a fox."
    assert caught.value.finish_reason == "stop"


@pytest.mark.parametrize("reason", ["content_filter", "length"])
async def test_a_filtered_or_cut_answer_raises_no_image_returned_with_its_reason(
        api: FakeAPI, harness: Harness, reason: str):
    api.on(CHAT, sse(chunk({"refusal": "I can't draw that."}), chunk(finish=reason), DONE))
    with pytest.raises(NoImageReturned) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.finish_reason == reason
    assert caught.value.text == "I can't draw that."


async def test_an_error_inside_the_stream_raises_stream_error(api: FakeAPI, harness: Harness):
    error = {"code": 502, "message": "Provider disconnected", "metadata": {"error_type": "provider_unavailable"}}
    api.on(CHAT, sse(chunk({"content": "Here"}), chunk({"content": ""}, finish="error", error=error), DONE))
    with pytest.raises(StreamError) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.code == 502
    assert caught.value.status == 502
    assert caught.value.error_type == "provider_unavailable"
    assert "Provider disconnected" in str(caught.value)
    assert len(api.calls(CHAT)) == 1  # never retried once the stream began


async def test_a_stream_error_with_a_string_code_keeps_the_code(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(chunk(finish="error", error={"code": "server_error", "message": "boom"})))
    with pytest.raises(StreamError) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.code == "server_error"
    assert caught.value.status is None


async def test_end_of_stream_without_done_or_finish_reason_is_truncated(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(KEEPALIVE, chunk({"content": "Here"}), b"data: {\"id\": \"gen-1\", \"choi"))
    with pytest.raises(StreamTruncated):
        await harness.client.generate(REQUEST)
    assert len(api.calls(CHAT)) == 1


async def test_a_broken_connection_mid_stream_is_truncated_and_not_retried(api: FakeAPI, harness: Harness):
    from aiohttp import web

    async def handler(request):
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        await response.write(KEEPALIVE + b"data: {\"partial")
        request.transport.close()  # drop the connection in the middle of a chunked body
        return response

    api.on(CHAT, handler)
    with pytest.raises(StreamTruncated):
        await harness.client.generate(REQUEST)
    assert len(api.calls(CHAT)) == 1


async def test_bad_base64_raises_invalid_image_data(api: FakeAPI, harness: Harness):
    bad = {"images": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO!!!*"}}]}
    api.on(CHAT, sse(chunk(bad), chunk(finish="stop"), DONE))
    with pytest.raises(InvalidImageData) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.retryable


async def test_non_image_bytes_raise_invalid_image_data(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(image_chunk(b"GIF89a not really an image"), chunk(finish="stop"), DONE))
    with pytest.raises(InvalidImageData, match="not a PNG, JPEG or WebP"):
        await harness.client.generate(REQUEST)


async def test_an_image_link_instead_of_data_is_refused_clearly(api: FakeAPI, harness: Harness):
    link = {"images": [{"type": "image_url", "image_url": {"url": "https://cdn.example/x.png?sig=abc"}}]}
    api.on(CHAT, sse(chunk(link), chunk(finish="stop"), DONE))
    with pytest.raises(UnexpectedResponse, match="link") as caught:
        await harness.client.generate(REQUEST)
    assert "sig=abc" not in str(caught.value)


async def test_a_malformed_json_chunk_raises_unexpected_response(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(b"data: {not json\n\n", DONE))
    with pytest.raises(UnexpectedResponse, match="malformed"):
        await harness.client.generate(REQUEST)


async def test_an_event_beyond_the_size_limit_raises_event_too_large(api: FakeAPI, make_client):
    harness = make_client(max_event_bytes=64 * 1024)
    api.on(CHAT, sse(image_chunk(b"\x89PNG\r\n\x1a\n" + os.urandom(200_000)), chunk(finish="stop"), DONE,
                     piece_size=8192))
    with pytest.raises(EventTooLarge):
        await harness.client.generate(REQUEST)


async def test_an_html_page_with_status_200_is_an_unexpected_response(api: FakeAPI, harness: Harness):
    api.on(CHAT, raw_reply(b"<html>login</html>", status=200, content_type="text/html"))
    with pytest.raises(UnexpectedResponse, match="web page"):
        await harness.client.generate(REQUEST)


# --- non-streaming answers ---------------------------------------------------------------------------

def completion(*images: bytes, content: str | None = "Here you go", finish: str = "stop") -> dict:
    return {"id": "gen-json", "object": "chat.completion", "created": 1, "model": "test/model",
            "choices": [{"index": 0, "finish_reason": finish, "message": {
                "role": "assistant", "content": content, "images": [image_part(i) for i in images]}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3, "cost": 0.25}}


async def test_a_non_streaming_generation_returns_the_image(api: FakeAPI, harness: Harness):
    image = png("yellow")
    api.on(CHAT, json_reply(completion(image)))
    result = await harness.client.generate(REQUEST, stream=False)
    assert api.calls(CHAT)[0].body["stream"] is False
    assert result.images[0].data == image
    assert result.text == "Here you go"
    assert result.cost == Decimal("0.25")


async def test_a_server_that_ignores_the_stream_flag_still_works(api: FakeAPI, harness: Harness):
    image = png("purple")
    api.on(CHAT, json_reply(completion(image)))
    events = await collect(harness)
    assert api.calls(CHAT)[0].body["stream"] is True
    assert [e.data for e in events if isinstance(e, ImageReady)] == [image]
    assert isinstance(events[-1], Finished)


async def test_a_non_streaming_answer_without_image_raises_no_image_returned(api: FakeAPI, harness: Harness):
    api.on(CHAT, json_reply(completion(content="No.", finish="content_filter")))
    with pytest.raises(NoImageReturned) as caught:
        await harness.client.generate(REQUEST, stream=False)
    assert caught.value.text == "No."
    assert caught.value.finish_reason == "content_filter"


async def test_a_big_non_streaming_answer_reports_progress(api: FakeAPI, harness: Harness):
    big = b"\x89PNG\r\n\x1a\n" + os.urandom(1024 * 1024)
    api.on(CHAT, json_reply(completion(big)))
    events = await collect(harness)
    assert any(isinstance(e, ImageProgress) for e in events)
    assert [e.data for e in events if isinstance(e, ImageReady)] == [big]


# --- timeouts and cancellation -----------------------------------------------------------------------

async def test_a_silent_stream_times_out_as_idle(api: FakeAPI, make_client):
    harness = make_client(timeouts=Timeouts(connect=5, first_byte=20, idle=0.05, total=60))
    disconnected = asyncio.Event()
    api.on(CHAT, stalled(KEEPALIVE, disconnected=disconnected))
    events = []
    with pytest.raises(RequestTimedOut) as caught:
        await harness.client.generate(REQUEST, on_event=events.append)
    assert caught.value.phase == "idle"
    assert events == [Waiting()]
    await asyncio.wait_for(disconnected.wait(), 10)
    assert len(api.calls(CHAT)) == 1


async def test_no_response_headers_times_out_as_first_byte_and_is_not_retried(api: FakeAPI, make_client):
    harness = make_client(timeouts=Timeouts(connect=5, first_byte=0.05, idle=20, total=60))
    api.on(CHAT, stalled(headers_first=False))
    with pytest.raises(RequestTimedOut) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.phase == "first_byte"
    assert len(api.calls(CHAT)) == 1


async def test_the_total_deadline_wins_when_it_is_the_shortest(api: FakeAPI, make_client):
    harness = make_client(timeouts=Timeouts(connect=5, first_byte=20, idle=20, total=0.05))
    api.on(CHAT, stalled(headers_first=False))
    with pytest.raises(RequestTimedOut) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.phase == "total"


async def test_cancelling_the_consumer_closes_the_connection(api: FakeAPI, harness: Harness):
    disconnected = asyncio.Event()
    got_text = asyncio.Event()
    api.on(CHAT, stalled(chunk({"content": "Here"}), disconnected=disconnected))

    async def on_event(e):
        if isinstance(e, TextDelta):
            got_text.set()

    task = asyncio.create_task(harness.client.generate(REQUEST, on_event=on_event))
    await got_text.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.wait_for(disconnected.wait(), 10)


async def test_generate_many_runs_requests_concurrently_with_per_request_outcomes(
        api: FakeAPI, harness: Harness):
    first, third = png("red"), png("blue")
    release = asyncio.Event()
    arrived = []

    def waiting_for_all(reply):
        async def handler(request):
            arrived.append(1)
            if len(arrived) == 3:
                release.set()  # all three requests are open at the same time
            await release.wait()
            return await reply(request)
        return handler

    api.on(CHAT, waiting_for_all(sse(image_chunk(first), chunk(finish="stop"), DONE)),
           waiting_for_all(api_error(400, "bad prompt")),
           waiting_for_all(sse(image_chunk(third), chunk(finish="stop"), DONE)))
    seen: list[tuple[int, type]] = []
    results = await harness.client.generate_many(REQUEST, 3, on_event=lambda i, e: seen.append((i, type(e))))
    assert len(results) == 3
    failed = [i for i, r in enumerate(results) if isinstance(r, BaseException)]
    succeeded = [i for i, r in enumerate(results) if not isinstance(r, BaseException)]
    assert [type(results[i]) for i in failed] == [BadRequest]
    assert sorted(results[i].images[0].data for i in succeeded) == sorted([first, third])
    assert {i for i, kind in seen if kind is Finished} == set(succeeded)


async def test_cancelling_generate_many_cancels_every_request(api: FakeAPI, harness: Harness):
    gone = [asyncio.Event() for _ in range(2)]
    started = asyncio.Event()
    count = []

    def opened(index):
        inner = stalled(KEEPALIVE, disconnected=gone[index])

        async def handler(request):
            count.append(index)
            if len(count) == 2:
                started.set()
            return await inner(request)
        return handler

    api.on(CHAT, opened(0), opened(1))
    task = asyncio.create_task(harness.client.generate_many(REQUEST, 2))
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.wait_for(asyncio.gather(*(g.wait() for g in gone)), 10)


async def test_each_request_of_generate_many_is_reported_as_soon_as_it_ends(api: FakeAPI, harness: Harness):
    release_second = asyncio.Event()

    async def held(request):
        await release_second.wait()
        return await sse(image_chunk(png("blue")), chunk(finish="stop"), DONE)(request)

    api.on(CHAT, sse(image_chunk(png("red")), chunk(finish="stop", usage={"cost": 0.039}), DONE), held)
    done: list[tuple[int, object]] = []

    async def on_done(index, outcome):
        done.append((index, outcome))
        if len(done) == 1:
            release_second.set()  # the first was reported while the second still ran

    results = await harness.client.generate_many(REQUEST, 2, on_done=on_done)

    assert [index for index, _ in done] == [0, 1]
    assert [outcome for _, outcome in done] == results
    assert results[0].cost == Decimal("0.039")


async def test_a_request_that_ended_is_still_reported_when_the_call_is_cancelled(api: FakeAPI, harness: Harness):
    recording, finish_recording, recorded_event = asyncio.Event(), asyncio.Event(), asyncio.Event()
    recorded = []

    async def on_done(index, outcome):
        recording.set()
        await finish_recording.wait()  # e.g. writing what the answer cost
        recorded.append(index)
        recorded_event.set()

    api.on(CHAT, sse(image_chunk(png("red")), chunk(finish="stop"), DONE), stalled(KEEPALIVE))
    task = asyncio.create_task(harness.client.generate_many(REQUEST, 2, on_done=on_done))
    await recording.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    finish_recording.set()
    await asyncio.wait_for(recorded_event.wait(), 10)

    assert recorded == [0]


async def test_a_generations_cost_can_be_asked_afterwards(api: FakeAPI, harness: Harness):
    api.on("/generation", json_reply({"data": {"id": "gen-1", "total_cost": 0.039}}),
           api_error(404, "Generation not found"), json_reply({"data": {"id": "gen-3"}}))

    assert await harness.client.generation_cost("gen-1") == Decimal("0.039")
    assert await harness.client.generation_cost("gen-2") is None  # not known yet
    assert await harness.client.generation_cost("gen-3") is None  # known, without a cost
    assert [request.query["id"] for request in api.calls("/generation")] == ["gen-1", "gen-2", "gen-3"]


# --- models and key ----------------------------------------------------------------------------------

MODELS = {"data": [
    {"id": "google/gemini-image", "name": "Gemini Image", "context_length": 32768,
     "architecture": {"input_modalities": ["image", "text"], "output_modalities": ["image", "text"]},
     "pricing": {"prompt": "0.0000003", "completion": "0.0000025", "image": "0.001238", "request": "0"}},
    {"id": "flux/pro", "name": "Flux Pro",
     "architecture": {"input_modalities": ["text"], "output_modalities": ["image"]},
     "pricing": {"prompt": "0", "completion": "0", "image_output": "0.04"}},
    {"id": "text/only", "name": "Text", "architecture": {"output_modalities": ["text"]},
     "pricing": {"prompt": "1", "completion": "1"}},
    {"id": "broken/entry"},
]}


async def test_models_are_filtered_to_image_output_with_decimal_prices(api: FakeAPI, harness: Harness):
    api.on("/models", json_reply(MODELS))
    models = await harness.client.list_image_models()
    assert [m.id for m in models] == ["google/gemini-image", "flux/pro"]
    gemini, flux = models
    assert gemini.pricing.prompt == Decimal("0.0000003")
    assert gemini.pricing.image == Decimal("0.001238")
    assert gemini.pricing.request == Decimal("0")
    assert gemini.context_length == 32768
    assert gemini.modalities == ["image", "text"]
    assert flux.pricing.image_output == Decimal("0.04")
    assert flux.modalities == ["image"]
    assert api.calls("/models")[0].query == {"output_modalities": "image"}


async def test_the_model_list_is_cached_until_its_ttl_expires(api: FakeAPI, harness: Harness):
    api.on("/models", json_reply(MODELS))
    assert harness.client.cached_image_models() is None
    first = await harness.client.list_image_models()
    harness.now[0] += 599
    assert await harness.client.list_image_models() == first
    assert harness.client.cached_image_models() == first
    assert len(api.calls("/models")) == 1
    harness.now[0] += 2
    await harness.client.list_image_models()
    assert len(api.calls("/models")) == 2
    await harness.client.list_image_models(force_refresh=True)
    assert len(api.calls("/models")) == 3


async def test_concurrent_model_list_callers_share_one_request(api: FakeAPI, harness: Harness):
    release = asyncio.Event()
    arrived = asyncio.Event()
    reply = json_reply(MODELS)

    async def slow(request):
        arrived.set()
        await release.wait()
        return await reply(request)

    api.on("/models", slow)
    waiters = [asyncio.create_task(harness.client.list_image_models()) for _ in range(5)]
    await arrived.wait()  # every caller is waiting by now; the fetch is in flight
    release.set()
    results = await asyncio.gather(*waiters)
    assert all(r == results[0] for r in results)
    assert len(api.calls("/models")) == 1


async def test_a_failed_model_list_raises_and_keeps_no_cache(api: FakeAPI, harness: Harness):
    api.on("/models", api_error(401, "bad key"))
    with pytest.raises(AuthenticationFailed):
        await harness.client.list_image_models()
    assert harness.client.cached_image_models() is None


# --- secrets and logs --------------------------------------------------------------------------------

async def test_the_api_key_never_appears_in_any_error(api: FakeAPI, make_client):
    harness = make_client(max_retries=0)
    scenarios = [
        api_error(401, f"Invalid key {API_KEY}"),
        api_error(403, f"blocked {API_KEY}", metadata={"reasons": [API_KEY], "flagged_input": API_KEY}),
        api_error(429, "slow"),
        raw_reply(b"<html>oops</html>", status=500, content_type="text/html"),
        sse(chunk(finish="error", error={"code": 500, "message": f"upstream said {API_KEY}"})),
        sse(chunk({"content": API_KEY})),
        sse(b"data: {broken " + API_KEY.encode() + b"\n\n"),
    ]
    errors: list[BaseException] = []
    for scenario in scenarios:
        api.on(CHAT, scenario)
        try:
            await harness.client.generate(REQUEST)
        except Exception as exc:
            errors.append(exc)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    offline = make_client(max_retries=0, base_url=f"http://127.0.0.1:{port}/api/v1")
    try:
        await offline.client.generate(REQUEST)
    except Exception as exc:
        errors.append(exc)
    assert len(errors) == len(scenarios) + 1
    for exc in errors:
        text = " ".join([str(exc), repr(exc), *map(str, exc.args),
                         *(str(getattr(exc, name, "")) for name in ("reasons", "flagged_input", "message"))])
        assert API_KEY not in text, type(exc)
        assert exc.__cause__ is None or API_KEY not in str(exc.__cause__)


async def test_a_finished_generation_logs_one_info_line_without_secrets(
        api: FakeAPI, harness: Harness, caplog: pytest.LogCaptureFixture):
    api.on(CHAT, sse(image_chunk(png()), chunk(finish="stop"), usage_chunk(0.039), DONE))
    with caplog.at_level(logging.DEBUG, logger="bot.openroute"):
        await harness.client.generate(REQUEST)
    info = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(info) == 1
    assert "gen-header" in info[0]
    assert "0.039" in info[0]
    assert "test/model" in info[0]
    everything = " ".join(r.getMessage() for r in caplog.records)
    assert API_KEY not in everything
    assert REQUEST.prompt not in everything


async def test_retries_are_logged_as_warnings_with_the_reason(
        api: FakeAPI, harness: Harness, caplog: pytest.LogCaptureFixture):
    api.on(CHAT, api_error(503, "overloaded"), sse(image_chunk(png()), chunk(finish="stop"), DONE))
    with caplog.at_level(logging.WARNING, logger="bot.openroute"):
        await harness.client.generate(REQUEST)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "overloaded" in warnings[0]
    assert "503" in warnings[0]



# --- text answers (Describe) ---------------------------------------------------------------------------

async def test_a_text_answer_streams_its_deltas_and_returns_the_text_and_cost(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(KEEPALIVE, chunk({"role": "assistant", "content": "1. a fox\n"}), chunk({"content": "2. a cat"}),
                     chunk(finish="stop"), usage_chunk(0.0012), DONE))
    request = GenerationRequest(prompt="Describe it", model="vision/model",
                                input_images=(InputImage(png(), "image/png"),))
    seen: list = []

    result = await harness.client.generate_text(request, on_event=seen.append)

    assert [e.text for e in seen if isinstance(e, TextDelta)] == ["1. a fox\n", "2. a cat"]
    assert (result.text, result.images, result.cost, result.generation_id) == (
        "1. a fox\n2. a cat", (), Decimal("0.0012"), "gen-header")
    [call] = api.calls(CHAT)
    assert call.body["modalities"] == ["text"]
    assert call.body["stream"] is True
    assert [part["type"] for part in call.body["messages"][0]["content"]] == ["text", "image_url"]


async def test_a_text_answer_that_breaks_off_raises_like_a_generation(api: FakeAPI, harness: Harness):
    api.on(CHAT, sse(chunk({"content": "1. a fox"})))  # no finish reason, no [DONE]
    with pytest.raises(StreamTruncated):
        await harness.client.generate_text(REQUEST)
