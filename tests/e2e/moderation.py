"""What the moderation e2e tests share: a server with moderators, roles and channels, and ways to run the
member and moderator commands and read what the bot answered."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import aiohttp

from bot.discord_bot import ImagineBot
from playground.discord import FakeDiscord, FakeInteraction, FakeMessage
from playground.discord.model import MANAGE_GUILD
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import API_KEY, BotRunner, png_files, shown_reply, wait_final

CHAT = "/chat/completions"
REFUSED = "🚫"


def prepare_server(fake: FakeDiscord) -> None:
    """The server the tests moderate, set up before the bot connects: `sam` manages the server (Manage Server,
    not Administrator), bob has the `artist` role, and there are #art and #audit channels."""
    if "sam" in fake.users:
        return
    fake.add_role("manager", "Server Manager", permissions=MANAGE_GUILD)
    fake.add_role("artist", "Artist")
    fake.add_user("sam", roles=["manager"])
    fake.users["bob"].roles.append("artist")
    fake.add_channel("art")
    fake.add_channel("audit")


async def start(runner: BotRunner, **env: str) -> ImagineBot:
    """The bot started as `imagine-bot run` starts it, on the prepared server."""
    prepare_server(runner.fake)
    return await runner.start(**env)


async def answer(fake: FakeDiscord, it: FakeInteraction, timeout: float = 30) -> FakeMessage:
    """The bot's reply once it says something (not the "thinking…" placeholder; a refusal replaces it with a
    private followup)."""
    return await fake.wait_for(lambda: shown_reply(it), timeout=timeout)


async def settings(fake: FakeDiscord, command: str, options: dict[str, Any] | None = None, *,
                   user: str = "sam") -> str:
    """Run `/settings <command>` and return the reply, which only the member who asked sees."""
    it = await fake.run_command(f"settings {command}", options, user=user)
    reply = await answer(fake, it)
    assert reply.ephemeral, reply.content
    return reply.content


async def saved(fake: FakeDiscord, command: str, options: dict[str, Any] | None = None, *,
                user: str = "sam") -> str:
    """`/settings <command>` as a moderator, asserting the change was saved."""
    reply = await settings(fake, command, options, user=user)
    assert reply.startswith("✅ "), reply
    return reply


async def imagine(fake: FakeDiscord, prompt: str, *, model: str | None = None, user: str = "alice",
                  channel: str = "general") -> FakeInteraction:
    options = {"prompt": prompt} if model is None else {"prompt": prompt, "model": model}
    return await fake.run_command("imagine", options, user=user, channel=channel)


async def generated(fake: FakeDiscord, prompt: str, **options: Any) -> FakeMessage:
    """/imagine that must succeed: the final message with its one image."""
    final = await wait_final(fake, await imagine(fake, prompt, **options))
    assert len(png_files(final)) == 1, final.content
    return final


async def refused(fake: FakeDiscord, prompt: str, **options: Any) -> str:
    """/imagine that must be refused: the refusal the member reads (no image, no buttons), which only they see:
    the public "thinking…" placeholder is gone."""
    it = await imagine(fake, prompt, **options)
    reply = await answer(fake, it)
    assert reply.content.startswith(REFUSED), reply.content
    assert reply.ephemeral
    assert it.original is None
    assert reply.files == []
    assert reply.custom_ids() == []
    return reply.content


async def usage(fake: FakeDiscord, *, user: str = "alice", server: bool = False) -> FakeMessage:
    """/usage as `user` (ephemeral)."""
    it = await fake.run_command("usage", {"server": True} if server else None, user=user)
    reply = await answer(fake, it)
    assert reply.ephemeral
    return reply


def chat_models(emulator: OpenRouteEmulator) -> list[str]:
    """The model of every generation request the image service received, oldest first."""
    return [r.json["model"] for r in emulator.requests if r.path.endswith(CHAT)]


async def reported_spend(emulator: OpenRouteEmulator) -> Decimal:
    """What the image service says the key has spent so far: the sum of the costs it reported."""
    async with aiohttp.ClientSession() as session, session.get(
            f"{emulator.base_url}/key", headers={"Authorization": f"Bearer {API_KEY}"}) as response:
        response.raise_for_status()
        return Decimal(str((await response.json())["data"]["usage"]))


def cents(amount: Decimal) -> str:
    """Money as /usage shows totals."""
    return f"${amount:,.2f}"
