"""What a failed answer becomes: typed errors by status, Retry-After, backoff (against scripted servers)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from bot.openroute.errors import (
    AuthenticationFailed,
    BadRequest,
    ConnectionFailed,
    ContentRefused,
    InsufficientCredits,
    ModelNotFound,
    ProviderUnavailable,
    RateLimited,
    RequestTimedOut,
    UnexpectedResponse,
)
from bot.openroute.failures import parse_retry_after
from tests.bot.openroute.conftest import Harness
from tests.bot.openroute.helpers import CHAT, DONE, REQUEST, FakeAPI, api_error, chunk, image_chunk, png, raw_reply, sse


@pytest.mark.parametrize(("status", "error_class"), [
    (400, BadRequest), (413, BadRequest), (422, BadRequest), (401, AuthenticationFailed),
    (402, InsufficientCredits), (403, ContentRefused), (404, ModelNotFound), (418, UnexpectedResponse),
])
async def test_each_refusing_status_raises_its_typed_error_without_retry(
        api: FakeAPI, harness: Harness, status: int, error_class: type):
    api.on(CHAT, api_error(status, "Explained by the server", metadata={"error_type": "some_type"}))
    with pytest.raises(error_class) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.status == status
    assert caught.value.error_type == "some_type"
    assert "Explained by the server" in str(caught.value)
    assert len(api.calls(CHAT)) == 1
    assert harness.sleeps == []


@pytest.mark.parametrize(("status", "error_class"), [
    (408, RequestTimedOut), (429, RateLimited), (500, ProviderUnavailable), (502, ProviderUnavailable),
    (503, ProviderUnavailable), (524, ProviderUnavailable), (529, ProviderUnavailable),
])
async def test_each_transient_status_is_retried_then_raises_its_typed_error(
        api: FakeAPI, harness: Harness, status: int, error_class: type):
    api.on(CHAT, api_error(status, "busy"))
    with pytest.raises(error_class) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.status == status
    assert len(api.calls(CHAT)) == 1 + harness.settings.max_retries
    # Full jitter with random() = 0.5: half of base * 2**attempt.
    assert harness.sleeps == [0.5, 1.0]


async def test_a_server_timeout_is_reported_as_the_server_phase(api: FakeAPI, make_client):
    harness = make_client(max_retries=0)
    api.on(CHAT, api_error(408, "slow"))
    with pytest.raises(RequestTimedOut) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.phase == "server"


async def test_a_moderation_refusal_carries_reasons_and_flagged_input(api: FakeAPI, harness: Harness):
    api.on(CHAT, api_error(403, "Input flagged", metadata={
        "reasons": ["violence"], "flagged_input": "a fox ... snow", "provider_name": "x"}))
    with pytest.raises(ContentRefused) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.reasons == ["violence"]
    assert caught.value.flagged_input == "a fox ... snow"


async def test_a_guardrail_refusal_reports_its_patterns_as_reasons(api: FakeAPI, harness: Harness):
    api.on(CHAT, api_error(403, "Blocked by guardrail", metadata={"patterns": ["no-foxes"]}))
    with pytest.raises(ContentRefused) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.reasons == ["no-foxes"]


async def test_an_html_error_page_gives_a_status_only_message(api: FakeAPI, make_client):
    harness = make_client(max_retries=0)
    api.on(CHAT, raw_reply(b"<html><body>secret internals " * 100 + b"</body></html>", status=502,
                           content_type="text/html"))
    with pytest.raises(ProviderUnavailable) as caught:
        await harness.client.generate(REQUEST)
    assert "internals" not in str(caught.value)
    assert "502" in str(caught.value)


async def test_rate_limit_retry_after_header_in_seconds_is_honoured(api: FakeAPI, harness: Harness):
    image = png()
    api.on(CHAT, api_error(429, "slow down", headers={"Retry-After": "7"}),
           sse(image_chunk(image), chunk(finish="stop"), DONE))
    result = await harness.client.generate(REQUEST)
    assert result.images[0].data == image
    assert harness.sleeps == [7.0]
    assert len(api.calls(CHAT)) == 2


async def test_rate_limit_retry_after_in_the_body_is_honoured(api: FakeAPI, harness: Harness):
    api.on(CHAT, api_error(429, "slow down", metadata={"retry_after": 3}),
           api_error(503, "busy", availability={"code": "temporarily_unavailable", "retry_after": 4.5}),
           sse(image_chunk(png()), chunk(finish="stop"), DONE))
    await harness.client.generate(REQUEST)
    assert harness.sleeps == [3.0, 4.5]


async def test_a_retry_after_beyond_the_cap_is_not_waited_for_but_reported(api: FakeAPI, harness: Harness):
    api.on(CHAT, api_error(429, "come back later", headers={"Retry-After": "3600"}))
    with pytest.raises(RateLimited) as caught:
        await harness.client.generate(REQUEST)
    assert caught.value.retry_after == 3600.0
    assert harness.sleeps == []
    assert len(api.calls(CHAT)) == 1


async def test_retry_after_as_an_http_date_is_understood(api: FakeAPI, make_client):
    harness = make_client(max_retries=0)
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    api.on(CHAT, api_error(503, "busy", headers={"Retry-After": when}))
    with pytest.raises(ProviderUnavailable) as caught:
        await harness.client.generate(REQUEST)
    assert 60 < caught.value.retry_after <= 120


def test_retry_after_parsing():
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("1.5") == 1.5
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


async def test_backoff_grows_exponentially_up_to_the_cap(api: FakeAPI, make_client):
    harness = make_client(max_retries=4, retry_base_delay=2.0, retry_max_delay=5.0)
    api.on(CHAT, api_error(502, "down"))
    with pytest.raises(ProviderUnavailable):
        await harness.client.generate(REQUEST)
    assert harness.sleeps == [1.0, 2.0, 2.5, 2.5]


async def test_a_refused_connection_is_retried_then_raises_connection_failed(make_client):
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    harness = make_client(base_url=f"http://127.0.0.1:{port}/api/v1")
    with pytest.raises(ConnectionFailed):
        await harness.client.generate(REQUEST)
    assert harness.sleeps == [0.5, 1.0]
