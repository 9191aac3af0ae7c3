"""Chunk interpretation and data URLs: image decoding (fast and plain paths agree), state rules, errors."""

from __future__ import annotations

import base64
import json
import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.openroute import dataurl
from bot.openroute.chunks import StreamState, decode_chunk
from bot.openroute.dataurl import decode_big_data_url, decode_data_url, encode_data_url
from bot.openroute.errors import InvalidImageData, OpenRouteError, StreamError, UnexpectedResponse
from bot.openroute.types import Finished, ImageReady, TextDelta, Usage

PNG = b"\x89PNG\r\n\x1a\n"


def big_png(size: int = 200_000) -> bytes:
    return PNG + os.urandom(size)


def url_of(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def image_chunk_json(*urls: str, content: str | None = None) -> dict:
    delta: dict = {"images": [{"type": "image_url", "image_url": {"url": u}} for u in urls]}
    if content is not None:
        delta["content"] = content
    return {"id": "gen-9", "model": "m", "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}


def outcome(decode, url):
    try:
        return decode(url)
    except OpenRouteError as exc:
        return type(exc), str(exc), getattr(exc, "mime_type", None)


_b64_chars = st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n!"))


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from([PNG, b"\xff\xd8\xff", b"GIF89a", b""]),
       body=st.binary(max_size=40),
       noise=st.lists(st.tuples(st.integers(0, 80), _b64_chars), max_size=3),
       mime=st.sampled_from(["image/png", "image/jpeg", "image/gif", "image/jpg"]))
def test_the_stepwise_decoder_agrees_with_decode_data_url(prefix, body, noise, mime):
    text = list(url_of(prefix + body, mime))
    for position, char in noise:  # corrupt the payload sometimes
        at = text.index(",") + 1 + position
        if at < len(text):
            text[at] = char
    url = "".join(text)
    expected = outcome(decode_data_url, url)
    for step in (4, 8, 12, dataurl.DECODE_STEP):  # small steps exercise every boundary case
        assert outcome(lambda u, s=step: decode_big_data_url(u, step=s), url.encode()) == expected


def test_a_big_image_chunk_is_decoded_through_the_fast_path():
    data = big_png()
    raw = json.dumps(image_chunk_json(url_of(data), content="hi")).encode()
    chunk = decode_chunk(raw)
    assert chunk.images == [(data, "image/png")]
    assert chunk.payload["choices"][0]["delta"]["content"] == "hi"


def test_a_big_image_with_escaped_slashes_is_decoded_by_the_json_parser():
    data = big_png()
    raw = json.dumps(image_chunk_json(url_of(data))).replace("/", "\\/").encode()
    assert decode_chunk(raw).images == [(data, "image/png")]


def test_big_text_that_quotes_a_data_url_is_text_not_an_image():
    fake = url_of(big_png())
    obj = {"id": "g", "choices": [{"index": 0, "delta": {"content": f'look: "{fake}"'}, "finish_reason": None}]}
    chunk = decode_chunk(json.dumps(obj).encode())
    assert chunk.images == []
    assert chunk.payload["choices"][0]["delta"]["content"] == f'look: "{fake}"'


def test_two_big_images_in_one_chunk_keep_their_order():
    first, second = big_png(), big_png()
    raw = json.dumps(image_chunk_json(url_of(first), url_of(second))).encode()
    assert [d for d, _ in decode_chunk(raw).images] == [first, second]


def test_big_bad_base64_raises_invalid_image_data():
    url = url_of(big_png())
    url = url[:1000] + "*" + url[1001:]
    with pytest.raises(InvalidImageData, match="base64") as caught:
        decode_chunk(json.dumps(image_chunk_json(url)).encode())
    assert caught.value.retryable


def test_big_non_image_raises_invalid_image_data():
    with pytest.raises(InvalidImageData, match="not a PNG, JPEG or WebP"):
        decode_chunk(json.dumps(image_chunk_json(url_of(b"GIF89a" + os.urandom(100_000)))).encode())


@pytest.mark.parametrize("url", [
    "https://cdn.example/x.png",
    "data:image/png,iVBORw0KGgo=",
    "data:image/png;base64",
    "data:image/gif;base64,R0lGODlh",
    "data:image/png;base64,iVBO!!!*",
    f"data:image/png;base64,{base64.b64encode(b'GIF89a not a png').decode()}",
], ids=["not-data", "not-base64", "no-comma", "gif-declared", "bad-base64", "wrong-bytes"])
def test_every_unreadable_data_url_raises_invalid_image_data(url):
    with pytest.raises(InvalidImageData):
        decode_data_url(url)


def test_the_sniffed_type_wins_over_a_mislabelled_declared_type():
    jpeg = b"\xff\xd8\xff\xe0" + os.urandom(50)
    assert decode_data_url(url_of(jpeg, "image/png")) == (jpeg, "image/jpeg")
    assert decode_data_url(url_of(jpeg, "image/jpg")) == (jpeg, "image/jpeg")


def test_an_encoded_input_image_decodes_to_the_same_bytes():
    data = PNG + os.urandom(100)
    assert decode_data_url(encode_data_url(data, "image/png")) == (data, "image/png")


def test_a_payload_over_the_byte_limit_is_refused_before_decoding():
    with pytest.raises(InvalidImageData, match="larger than"):
        decode_data_url(url_of(PNG + os.urandom(1000)), max_bytes=100)


def test_malformed_json_raises_unexpected_response():
    with pytest.raises(UnexpectedResponse):
        decode_chunk(b'{"choices": [')
    with pytest.raises(UnexpectedResponse):
        decode_chunk(b"[1, 2]")


def test_an_image_inside_openai_style_content_parts_is_found():
    data = PNG + b"abc"
    obj = {"choices": [{"index": 0, "message": {"content": [
        {"type": "text", "text": "here"}, {"type": "image_url", "image_url": {"url": url_of(data)}}]},
        "finish_reason": "stop"}]}
    chunk = decode_chunk(json.dumps(obj))
    assert chunk.images == [(data, "image/png")]
    assert StreamState().apply(chunk)[0] == TextDelta("here")


# --- state -------------------------------------------------------------------------------------------

def state_after(*objs: dict) -> tuple[StreamState, list]:
    state = StreamState()
    events = []
    for obj in objs:
        events += state.apply(decode_chunk(json.dumps(obj)))
    return state, events


def test_null_finish_reasons_never_overwrite_an_earlier_stop():
    state, _ = state_after(
        {"choices": [{"delta": {}, "finish_reason": "stop"}]},
        {"choices": [{"delta": {}, "finish_reason": None}], "usage": {"cost": 0.5}},
        {"choices": [], "usage": {"prompt_tokens": 1, "cost": "0.75"}},
    )
    assert state.finished() == Finished("stop", Usage(prompt_tokens=1, cost=Decimal("0.75")), None, None)


def test_images_across_chunks_are_numbered_in_order():
    first, second = PNG + b"1", PNG + b"2"
    _, events = state_after(image_chunk_json(url_of(first)), image_chunk_json(url_of(second)))
    assert events == [ImageReady(0, first, "image/png"), ImageReady(1, second, "image/png")]


def test_an_error_object_raises_stream_error_with_its_details():
    with pytest.raises(StreamError) as caught:
        state_after({"error": {"code": 429, "message": "slow", "metadata": {"error_type": "rate_limit_exceeded"}},
                     "choices": [{"delta": {}, "finish_reason": "error"}]})
    assert (caught.value.code, caught.value.status, caught.value.error_type) == (429, 429, "rate_limit_exceeded")


def test_finish_reason_error_without_an_error_object_still_fails():
    with pytest.raises(StreamError):
        state_after({"choices": [{"delta": {}, "finish_reason": "error"}]})


def test_the_first_generation_id_and_the_model_are_remembered():
    state, _ = state_after({"id": "gen-a", "model": "x/y", "choices": []}, {"id": "gen-b", "choices": []})
    assert state.generation_id == "gen-a"
    assert state.model == "x/y"
