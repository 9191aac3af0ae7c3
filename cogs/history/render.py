"""All the Discord text of /history: one embed per page, each result a field (the prompt, shortened and inert, as
its name; the model, what kind of result, its style, the time and a jump link as its value). Pure functions.

Prompts, style names and model ids come from members and the provider: prompts are escaped (markdown, mentions,
links) and shortened with their escapes counted, ids and names sit in capped code spans.
"""

from __future__ import annotations

import discord

from bot.messages import quote
from bot.records.history import HistoryEntry, HistoryPage
from bot.records.spec import JobKind
from cogs.imagine.render import code, escape

EMBED_COLOUR = discord.Colour.blurple()
PROMPT_SHOWN = 200  # characters of a prompt, escapes included (a field's name holds 256)
STYLE_SHOWN = 40  # characters of a style's name
JUMP = "https://discord.com/channels/{guild}/{channel}/{message}"
KINDS = {JobKind.EDIT: "edit", JobKind.UPSCALE: "upscale", JobKind.VARY_SUBTLE: "subtle variation",
         JobKind.VARY_STRONG: "strong variation", JobKind.REMIX: "remix", JobKind.BLEND: "blend"}

NOT_YOURS = "🚫 These buttons belong to whoever ran this /history. Run /history to see your own results."


def shortened(text: str, limit: int) -> str:
    """Member text on one line, escaped, at most `limit` characters with its escapes, ending in `…` when cut."""
    pieces = [escape(ch) for ch in quote(text, len(text) + 1)]  # escaping one character at a time is the same
    if sum(map(len, pieces)) <= limit:
        return "".join(pieces)
    kept: list[str] = []
    used = 0
    for piece in pieces:
        if used + len(piece) > limit - 1:
            break
        kept.append(piece)
        used += len(piece)
    return "".join(kept).rstrip() + "…"


def jump_link(entry: HistoryEntry) -> str:
    """The link to the message that shows the result (`@me` for one posted outside a server)."""
    return JUMP.format(guild=entry.guild_id or "@me", channel=entry.channel_id, message=entry.message_id)


def entry_name(position: int, entry: HistoryEntry) -> str:
    prompt = shortened(entry.prompt, PROMPT_SHOWN) if entry.prompt.strip() else "(no prompt)"
    return f"{position}. {prompt}"


def entry_value(entry: HistoryEntry) -> str:
    parts = [code(entry.model)]
    if entry.kind in KINDS:
        parts.append(KINDS[entry.kind])
    if entry.style:
        parts.append(f"style {code(entry.style, STYLE_SHOWN)}")
    if entry.count > 1:
        parts.append(f"{entry.count} images")
    parts.append(f"<t:{int(entry.created_at)}:f>")
    parts.append(f"[Jump to the result]({jump_link(entry)})")
    return " · ".join(parts)


def whose(member_id: int, *, own: bool, in_dm: bool) -> str:
    where = "in direct messages" if in_dm else "on this server"
    return f"Your results {where}" if own else f"Results of <@{member_id}> {where}"


def empty(member_id: int, *, own: bool, in_dm: bool) -> str:
    """What /history says when there is nothing to show."""
    where = "in direct messages" if in_dm else "on this server"
    if own:
        return f"You have no results {where} yet. Make one with /imagine."
    return f"<@{member_id}> has no results {where}."


def page_embed(page: HistoryPage, member_id: int, *, own: bool, in_dm: bool) -> discord.Embed:
    """One page of results: newest first, each with its position among all of them."""
    embed = discord.Embed(title="History", description=f"{whose(member_id, own=own, in_dm=in_dm)}, newest first.",
                          colour=EMBED_COLOUR)
    for position, entry in enumerate(page.entries, page.first):
        embed.add_field(name=entry_name(position, entry), value=entry_value(entry), inline=False)
    embed.set_footer(text=f"{page.first}–{page.last} of {page.total}")
    return embed
