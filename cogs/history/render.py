"""All the Discord text of /history: one embed per page, each result a field (the prompt, shortened and inert, as
its name; the model, what kind of result, its style, the time and a jump link as its value). Pure functions.

Prompts, style names and model ids come from members and the provider: prompts are escaped (markdown, mentions,
links) and shortened with their escapes counted, ids and names sit in capped code spans.
"""

from __future__ import annotations

import discord

from bot.i18n import Message, Speaker, english, msg, msgs
from bot.messages import quote
from bot.records.history import HistoryEntry, HistoryPage
from bot.records.spec import JobKind
from cogs.imagine.render import code, escape

EMBED_COLOUR = discord.Colour.blurple()
PROMPT_SHOWN = 200  # characters of a prompt, escapes included (a field's name holds 256)
STYLE_SHOWN = 40  # characters of a style's name
JUMP = "https://discord.com/channels/{guild}/{channel}/{message}"
KINDS = {JobKind.EDIT: msg("edit"), JobKind.UPSCALE: msg("upscale"), JobKind.VARY_SUBTLE: msg("subtle variation"),
         JobKind.VARY_STRONG: msg("strong variation"), JobKind.REMIX: msg("remix"), JobKind.BLEND: msg("blend")}

NOT_YOURS = msg("🚫 These buttons belong to whoever ran this /history. Run /history to see your own results.")


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


def entry_name(position: int, entry: HistoryEntry, speak: Speaker | None = None) -> str:
    speak = speak or english()
    prompt = shortened(entry.prompt, PROMPT_SHOWN) if entry.prompt.strip() else speak(msg("(no prompt)"))
    return f"{speak.number(position)}. {prompt}"


def entry_value(entry: HistoryEntry, speak: Speaker | None = None) -> str:
    speak = speak or english()
    parts = [code(entry.model)]
    if entry.kind in KINDS:
        parts.append(speak(KINDS[entry.kind]))
    if entry.style:
        parts.append(speak(msg("style {style}", style=code(entry.style, STYLE_SHOWN))))
    if entry.count > 1:
        parts.append(speak(msgs("{count} image", "{count} images", entry.count)))
    parts.append(f"<t:{int(entry.created_at)}:f>")  # Discord writes the time in each reader's language
    parts.append(speak(msg("[Jump to the result]({link})", link=jump_link(entry))))
    return " · ".join(parts)


def whose(member_id: int, *, own: bool, in_dm: bool) -> Message:
    member = f"<@{member_id}>"
    if own:
        return (msg("Your results in direct messages, newest first.") if in_dm
                else msg("Your results on this server, newest first."))
    return (msg("Results of {member} in direct messages, newest first.", member=member) if in_dm
            else msg("Results of {member} on this server, newest first.", member=member))


def empty(member_id: int, *, own: bool, in_dm: bool, speak: Speaker | None = None) -> str:
    """What /history says when there is nothing to show."""
    speak = speak or english()
    member = f"<@{member_id}>"
    if own:
        return speak(msg("You have no results in direct messages yet. Make one with /imagine.") if in_dm
                     else msg("You have no results on this server yet. Make one with /imagine."))
    return speak(msg("{member} has no results in direct messages.", member=member) if in_dm
                 else msg("{member} has no results on this server.", member=member))


def page_embed(page: HistoryPage, member_id: int, *, own: bool, in_dm: bool,
               speak: Speaker | None = None) -> discord.Embed:
    """One page of results, in the reader's language: newest first, each with its position among all of them."""
    speak = speak or english()
    embed = discord.Embed(title=speak(msg("History")), description=speak(whose(member_id, own=own, in_dm=in_dm)),
                          colour=EMBED_COLOUR)
    for position, entry in enumerate(page.entries, page.first):
        embed.add_field(name=entry_name(position, entry, speak), value=entry_value(entry, speak), inline=False)
    embed.set_footer(text=speak(msg("{first}–{last} of {total}", first=page.first, last=page.last, total=page.total)))
    return embed
