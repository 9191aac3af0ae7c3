"""A fake Discord (REST API, CDN and gateway on 127.0.0.1) for running an unmodified discord.py bot.

    async with FakeDiscord() as fake:
        discord.http.Route.BASE = fake.api_base_url
        ...  # start the bot with fake.token, await fake.wait_ready()
        it = await fake.run_command("imagine", {"prompt": "a fox"})
        await it.wait_ack()

    Several guilds and shards: `guild = fake.add_guild("Second", shard=(1, 2))`, then
    `fake.run_command(..., channel=guild.channel("general"))` reaches only the sessions on shard 1.
"""

from .clock import FakeClock
from .errors import DiscordError
from .gate import RequestGate
from .gateway import GatewaySession
from .guilds import FakeGuild
from .interaction import ACK_DEADLINE, DID_NOT_RESPOND, TOKEN_LIFETIME, FakeInteraction
from .model import (
    FakeAttachment,
    FakeChannel,
    FakeMessage,
    FakeRole,
    FakeUser,
    InteractionCallback,
    MessageRevision,
    RecordedRequest,
)
from .ratelimit import RateLimitRule
from .server import ClientRefused, FakeDiscord
from .shards import shard_of

__all__ = [
    "ACK_DEADLINE",
    "DID_NOT_RESPOND",
    "TOKEN_LIFETIME",
    "ClientRefused",
    "DiscordError",
    "FakeAttachment",
    "FakeChannel",
    "FakeClock",
    "FakeDiscord",
    "FakeGuild",
    "FakeInteraction",
    "FakeMessage",
    "FakeRole",
    "FakeUser",
    "GatewaySession",
    "InteractionCallback",
    "MessageRevision",
    "RateLimitRule",
    "RecordedRequest",
    "RequestGate",
    "shard_of",
]
