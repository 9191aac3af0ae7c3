"""The floor for acknowledgement latency: a discord.py bot whose `/imagine` only defers, nothing else.

Run by `benchmarks/load.py` as its own process (like the real bot): `python -m benchmarks.defer_bot`, with
DISCORD_TOKEN, DISCORD_API_BASE_URL and DEFER_BOT_GATEWAY_URL (the fake's gateway) in the environment.
"""

from __future__ import annotations

import asyncio
import os

import discord
import yarl
from discord import app_commands


class DeferOnly(discord.Client):
    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.default())
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(name="imagine", description="Defer and do nothing")
        async def imagine(interaction: discord.Interaction, prompt: str, model: str | None = None) -> None:
            await interaction.response.defer(thinking=True)

    async def setup_hook(self) -> None:
        await self.tree.sync()


async def main() -> None:
    discord.http.Route.BASE = os.environ["DISCORD_API_BASE_URL"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DEFER_BOT_GATEWAY_URL"])
    async with DeferOnly() as bot:
        await bot.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main())
