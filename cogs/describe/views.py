"""The prompt buttons `1 2 3 4` of a describe. Persistent: `describe:<describe id>:<number>` in the custom_id
(the prompts themselves are stored; a custom_id holds only 100 characters), so they work after a restart and for
anyone: a press starts the presser's own /imagine job."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.jobs.prompts import MAX_PROMPTS
from cogs.imagine.views import run_press

if TYPE_CHECKING:
    from cogs.describe.commands import Describe


class PromptButton(discord.ui.DynamicItem[discord.ui.Button],  # type: ignore[misc]
                   template=r"describe:(?P<job>[0-9]{1,40}):(?P<number>[1-9])"):
    def __init__(self, job_id: int, number: int) -> None:
        super().__init__(discord.ui.Button(label=str(number), style=discord.ButtonStyle.primary,
                                           custom_id=f"describe:{job_id}:{number}"))
        self.job_id = job_id
        self.number = number

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> Any:
        return cls(int(match["job"]), int(match["number"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await run_press(interaction, f"prompt button {self.number}", self.job_id,
                        lambda: _cog(interaction).press(interaction, self.job_id, self.number))


def _cog(interaction: discord.Interaction) -> Describe:
    cog = interaction.client.get_cog("Describe")  # type: ignore[union-attr]
    if cog is None:
        raise RuntimeError("the Describe cog is not loaded")
    return cog  # type: ignore[return-value]


def prompts_view(job_id: int, count: int) -> discord.ui.View:
    """One button per prompt, numbered from 1."""
    view = discord.ui.View(timeout=None)
    for number in range(1, min(count, MAX_PROMPTS) + 1):
        view.add_item(PromptButton(job_id, number))
    return view
