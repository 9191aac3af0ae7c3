"""What a watcher of the fake Discord reads: `version` grows with every request the bot makes, and `refusals()`
lists the requests the fake refused, each with the error body Discord would have answered."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
import yarl

from playground.discord import FakeDiscord, RateLimitRule


@pytest.fixture
async def client(fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[discord.Client]:
    """An unmodified discord.py client logged into the fake and connected to its gateway."""
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base_url)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
    client = discord.Client(intents=discord.Intents.default())
    task = asyncio.create_task(client.start(fake.token))
    try:
        await fake.wait_ready(timeout=15)
        yield client
    finally:
        await client.close()
        await task


async def test_version_grows_when_the_bot_makes_a_request(fake: FakeDiscord, client: discord.Client) -> None:
    before, seen = fake.version, len(fake.requests)
    user = await client.fetch_user(fake.users["alice"].id)
    assert user.name == "alice"
    made = fake.requests[seen:]
    assert "GET /users/{user_id}" in [r.route_key for r in made]
    assert fake.version >= before + len(made)  # one step per request at least (gateway events add more)
    assert fake.refusals(seen) == []  # an answered request is no refusal


async def test_a_message_over_2000_characters_is_a_refusal_with_discords_error_body(
        fake: FakeDiscord, client: discord.Client) -> None:
    channel = await client.fetch_channel(fake.channels["general"].id)
    assert isinstance(channel, discord.TextChannel)
    since = len(fake.requests)
    with pytest.raises(discord.HTTPException) as refused:
        await channel.send("x" * 2001)
    assert (refused.value.status, refused.value.code) == (400, 50035)

    [record] = fake.refusals(since)
    assert (record.route_key, record.status) == ("POST /channels/{channel_id}/messages", 400)
    assert record.json["content"] == "x" * 2001
    assert record.error is not None
    assert (record.error["message"], record.error["code"]) == ("Invalid Form Body", 50035)
    [problem] = record.error["errors"]["content"]["_errors"]
    assert problem["code"] == "BASE_TYPE_MAX_LENGTH"
    assert "2000" in problem["message"]
    assert record in fake.refusals()  # from the first request on
    assert fake.channel_messages("general") == []


async def test_a_429_is_a_refusal_with_its_retry_after() -> None:
    # one message per hour in a channel: the second one within the window is refused, whatever the machine's pace
    async with FakeDiscord(channel_message_rate_limit=RateLimitRule(1, 3600.0)) as fake:
        url = f"{fake.api_base_url}/channels/{fake.channels['general'].id}/messages"
        headers = {"Authorization": f"Bot {fake.token}"}
        statuses, bodies = [], []
        async with aiohttp.ClientSession() as session:
            for n in range(2):
                async with session.post(url, json={"content": f"m{n}"}, headers=headers) as response:
                    statuses.append(response.status)
                    bodies.append(await response.json())
        assert statuses == [200, 429]

        [record] = fake.refusals()
        assert (record.route_key, record.status) == ("POST /channels/{channel_id}/messages", 429)
        assert record.error == bodies[1]
        assert record.error["message"] == "You are being rate limited."
        assert record.error["global"] is False
        assert record.retry_after == record.error["retry_after"] > 0
        assert fake.rate_limited == [record]
        assert [m.content for m in fake.channel_messages("general")] == ["m0"]
        assert fake.server_errors == []
