"""What members used and may use: /usage (their numbers; the server's for moderators), /models (what is
allowed here, with prices) and /privacy forget. Commands and the confirmation live in `commands`, all their
text in `render`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.usage.commands import Usage

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(Usage(bot))
