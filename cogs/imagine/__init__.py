"""The /imagine feature: commands (`commands`), buttons and modal (`views`), following a job in Discord
(`presenter`) and all its text (`render`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.imagine.commands import Imagine

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(Imagine(bot))
