"""The Previous / Next buttons of a /history page. Persistent: who ran the command, whose results they are and
where the page starts or ends live in `custom_id`, so the buttons keep working after a restart; what a press
does is decided by the cog."""

from __future__ import annotations

import logging
import math
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.discord_bot import send_notice
from bot.i18n import Message, Speaker, english, msg
from bot.messages import explain
from bot.records.history import HistoryCursor, HistoryPage
from cogs.language import private_speaker

if TYPE_CHECKING:
    from cogs.history.commands import History

log = logging.getLogger(__name__)


def _cog(interaction: discord.Interaction) -> History:
    cog = interaction.client.get_cog("History")  # type: ignore[union-attr]
    if cog is None:
        raise RuntimeError("the History cog is not loaded")
    return cog  # type: ignore[return-value]


def _template(way: str) -> str:
    # at most 14 + 20 + 1 + 20 + 1 + 24 + 1 + 19 = 100 characters, Discord's limit for a custom_id
    return (rf"history:{way}:(?P<viewer>[0-9]{{1,20}}):(?P<member>[0-9]{{1,20}}):"
            rf"(?P<at>[0-9][0-9.e+-]{{0,23}}):(?P<job>[0-9]{{1,19}})")


class _PageButton:
    """What Previous and Next share. Mixed into `DynamicItem` subclasses, which each need a template."""

    way: str  # "newer" or "older": the page just before or just after the one shown
    label: Message
    emoji: str

    def __init__(self, viewer: int, member: int, cursor: HistoryCursor, *, disabled: bool = False,
                 speak: Speaker | None = None) -> None:
        at, job = cursor
        super().__init__(discord.ui.Button(  # type: ignore[call-arg]
            label=(speak or english())(self.label), emoji=self.emoji, style=discord.ButtonStyle.secondary,
            disabled=disabled,
            custom_id=f"history:{self.way}:{viewer}:{member}:{at!r}:{job}"))
        self.viewer = viewer
        self.member = member
        self.cursor = cursor

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> Any:
        at = float(match["at"])
        if not math.isfinite(at):
            raise ValueError(f"not a time: {match['at']!r}")
        return cls(int(match["viewer"]), int(match["member"]), (at, int(match["job"])))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await _cog(interaction).turn(interaction, self.way, viewer=self.viewer, member=self.member,
                                         cursor=self.cursor)
        except Exception as exc:
            log.error("history %s button failed for user %s", self.way, interaction.user.id, exc_info=exc)
            await send_notice(interaction, f"⚠️ {private_speaker(interaction)(explain(exc).message)}")


class NewerButton(_PageButton, discord.ui.DynamicItem[discord.ui.Button], template=_template("newer")):
    way, label, emoji = "newer", msg("Previous"), "◀️"


class OlderButton(_PageButton, discord.ui.DynamicItem[discord.ui.Button], template=_template("older")):
    way, label, emoji = "older", msg("Next"), "▶️"


DYNAMIC_ITEMS = (NewerButton, OlderButton)


def page_view(page: HistoryPage, *, viewer: int, member: int,
              speak: Speaker | None = None) -> discord.ui.View | None:
    """Previous / Next for a page with others around it (each disabled at its end), labelled in the viewer's
    language; None for a lone page."""
    if not page.entries or not (page.has_newer or page.has_older):
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(NewerButton(viewer, member, page.entries[0].cursor, disabled=not page.has_newer, speak=speak))
    view.add_item(OlderButton(viewer, member, page.entries[-1].cursor, disabled=not page.has_older, speak=speak))
    return view
