"""/history: a member's recent results where they are, ten a page with Previous / Next buttons that keep working
after a restart. The command and the buttons live in `commands` and `views`, all their text in `render`; the
core is `bot.jobs.history`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.history.commands import History

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(History(bot))
