"""/settings: what a server's moderators choose (`commands`) and how it reads (`render`). The audit
channel helper every cog shares is `cogs.audit`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.settings.commands import ServerSettings

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(ServerSettings(bot))
