"""/describe and the "Describe image" message menu: a member's image read by a model that answers in text, its
prompts shown numbered with buttons that start the presser's own /imagine. Commands and the streamed reply live
in `commands`, the buttons in `views`, all the text in `render`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.describe.commands import Describe

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(Describe(bot))
