"""The /imagine feature: commands (`commands`, `blend`), the buttons on a result and their forms (`views`,
`actions`), suggestions (`suggest`), following a job in Discord (`presenter`) and all its text (`render`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.imagine.blend import Blend
from cogs.imagine.commands import Imagine

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot


async def setup(bot: ImagineBot) -> None:
    imagine = Imagine(bot)
    await bot.add_cog(imagine)
    await bot.add_cog(Blend(bot, imagine))
