"""All the Discord text of /settings: the configuration embed, a change's confirmation and its audit line,
and the model suggestions. Pure functions of core values.

Model ids come from outside the bot (the provider, or a moderator's typing), so they are always shown in
code spans they cannot break out of; channels and roles are shown as mentions, sent with mentions disabled.
"""

from __future__ import annotations

from collections.abc import Iterable

import discord

from bot.openroute.types import ImageModel
from bot.policy.settings import Effective, SettingsChange
from bot.policy.styles import MAX_STYLES, StyleListing
from bot.records.guild import Style
from cogs.imagine.render import code, model_label
from cogs.settings.changes import (
    STYLE_TEXT_SHOWN,
    change_sentences,
    daily,
    duration,
    money,
    reason_shown,
    term_shown,
)
from cogs.usage.render import chunk

EMBED_COLOUR = discord.Colour.blurple()
DESCRIPTION_LIMIT = 3000  # of Discord's 4096, leaving room under the 6000 of the whole embed
EMBED_LIMIT = 6000  # the whole embed: title, description, fields, footer
FIELD_LIMIT = 1024
MESSAGE_LIMIT = 2000
LIST_SHOWN = 10  # items of a list shown in one line
CHOICE_LIMIT = 100
STYLES_SHOWN = 5  # style names in /settings show (all of them: /settings styles list)
STYLE_NAME_SHOWN = 30  # characters of each

INHERITED = " · *inherited from the bot's operator*"

# --- small formats ---------------------------------------------------------------------------------------

def joined(items: Iterable[str], *, shown: int = LIST_SHOWN, empty: str = "none") -> str:
    """`a, b, c`, the first `shown` items then `… and N more`."""
    items = list(items)
    if not items:
        return empty
    text = ", ".join(items[:shown])
    return text + (f" … and {len(items) - shown} more" if len(items) > shown else "")


def clip_lines(lines: list[str], limit: int) -> str:
    """Whole lines up to `limit` characters, then one line saying how many were left out."""
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        more = f"… and {len(lines) - index} more"
        if used + len(line) + 1 > limit - len(more) - 1:
            kept.append(more)
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept)


# --- a change --------------------------------------------------------------------------------------------

def confirmation(change: SettingsChange) -> str:
    """What the moderator sees after a change: the sentence saying what was added, removed or changed (one
    line each when it changed several settings)."""
    if not change.changes:
        return f"Nothing changed: **/settings {change.what}** asked for what was already set."
    said = change_sentences(change)
    if len(said) == 1:
        return clip_lines([f"✅ {said[0]}"], MESSAGE_LIMIT)
    return clip_lines([f"✅ Saved **/settings {change.what}**:", *(f"- {line}" for line in said)], MESSAGE_LIMIT)


def audit_line(change: SettingsChange) -> str:
    """The audit log's record of a change: who, with which command, and what it did."""
    said = change_sentences(change)
    who = f"⚙️ <@{change.moderator_id}> used **/settings {change.what}**:"
    if len(said) == 1:
        return clip_lines([f"{who} {said[0]}"], MESSAGE_LIMIT)
    return clip_lines([who, *(f"- {line}" for line in said)], MESSAGE_LIMIT)


def audit_channel(change: SettingsChange) -> int | None:
    """Where a change is logged: the audit channel after it, or the one it just replaced or turned off."""
    return change.after.log_channel_id or change.before.log_channel_id


# --- /settings show --------------------------------------------------------------------------------------

def _mark(effective: Effective, name: str) -> str:
    return INHERITED if name in effective.inherited else ""


def _model_line(model: str, effective: Effective, *, default_mark: bool = True) -> str:
    marks = [code(model)]
    if default_mark and model == effective.default_model:
        marks.append("**default**")
    if model in effective.settings.age_restricted_models:
        marks.append("🔞 age-restricted channels only")
    if model in effective.unknown_models:
        marks.append("⚠️ no longer listed by the provider")
    return " · ".join(marks)


def models_text(effective: Effective, limit: int = DESCRIPTION_LIMIT) -> str:
    """The models part of /settings show within `limit` characters: the allowed list with its marks, the default
    and age limits."""
    if "allowed_models" not in effective.inherited:
        listed = [_model_line(m, effective) for m in effective.allowed_models]
    elif effective.allowed_models == ("*",):
        listed = ["Every image model the provider lists"]
    else:
        listed = [f"{code(pattern)} (pattern)" if any(c in pattern for c in "*?[") else code(pattern)
                  for pattern in effective.allowed_models]
    default = _model_line(effective.default_model, effective, default_mark=False)
    lines = [f"**Default model:** {default}{_mark(effective, 'default_model')}"]
    restricted = sorted(effective.settings.age_restricted_models - set(effective.allowed_models))
    if restricted:
        lines.append("**Age-restricted channels only:** " + joined(code(m) for m in restricted))
    # the list gives way to the lines after it, which are short and always shown
    room = limit - sum(len(line) + 1 for line in lines)
    head = f"**Allowed models**{_mark(effective, 'allowed_models')}"
    return "\n".join([head, clip_lines(listed, room - len(head) - 1), *lines])


def limits_text(effective: Effective) -> str:
    return "\n".join([
        f"Daily: {daily(effective.daily_limit)}{_mark(effective, 'daily_limit')}",
        f"Cooldown: {duration(effective.cooldown_seconds)}",
        f"Jobs at once: {effective.max_concurrent} per member{_mark(effective, 'max_concurrent')}",
        f"Images per request: up to {effective.max_count}{_mark(effective, 'max_count')}",
        f"Largest size: {effective.max_size}{_mark(effective, 'max_size')}",
    ])


def settings_embed(effective: Effective) -> discord.Embed:
    """/settings show: the whole configuration of the server, with where each value comes from."""
    settings = effective.settings
    embed = discord.Embed(title="Settings of this server", colour=EMBED_COLOUR)
    channels = clip_lines([f"<#{c}>" for c in sorted(settings.channel_ids)], FIELD_LIMIT)
    roles = clip_lines([f"<@&{r}>" for r in sorted(settings.role_ids)], FIELD_LIMIT)
    embed.add_field(name="Channels", value=channels or "Every channel", inline=True)
    embed.add_field(name="Roles", value=roles or "Everyone", inline=True)
    embed.add_field(name="Limits", value=limits_text(effective), inline=False)
    budget = effective.monthly_budget_usd
    embed.add_field(name="Monthly budget", value=f"{money(budget)} (UTC calendar month)" if budget else "none",
                    inline=True)
    embed.add_field(name="Audit log", value=f"<#{settings.log_channel_id}>" if settings.log_channel_id else "off",
                    inline=True)
    embed.add_field(name="Spoiler", value="on: images are sent as spoilers" if settings.spoiler else "off",
                    inline=True)
    words = len(settings.blocked_words)
    embed.add_field(name="Blocked words", value=f"{words} term{'s' if words != 1 else ''} (/settings words list)"
                    if words else "none", inline=True)
    blocked = clip_lines([f"<@{b.user_id}>" + (f" — {reason_shown(b.reason)}" if b.reason.strip() else "")
                          for b in settings.blocked_members], FIELD_LIMIT)
    embed.add_field(name="Blocked members", value=blocked or "none", inline=False)
    embed.add_field(name="Styles", value=styles_summary(effective), inline=False)
    embed.add_field(name="Describe model", value=describe_model_text(effective), inline=False)
    embed.set_footer(text="Inherited values follow the bot's operator until this server sets its own.")
    # the models take what the fields leave of the whole embed's limit
    embed.description = models_text(effective, min(DESCRIPTION_LIMIT, EMBED_LIMIT - len(embed)))
    return embed


def styles_summary(effective: Effective) -> str:
    """The styles line of /settings show: the server's names and the operator's defaults offered here."""
    own = [code(style.name, STYLE_NAME_SHOWN) for style in effective.settings.styles]
    defaults = [code(style.name, STYLE_NAME_SHOWN) for style in effective.operator_styles]
    lines = [f"{len(own)} of {MAX_STYLES}: {joined(own, shown=STYLES_SHOWN)}" if own else "none of its own"]
    if defaults:
        lines.append(f"and the bot's default{'s' if len(defaults) != 1 else ''} "
                     f"{joined(defaults, shown=STYLES_SHOWN)}")
    return "\n".join([*lines, "(/settings styles list)"])


def describe_model_text(effective: Effective) -> str:
    """What /describe uses here, and where that comes from."""
    model, chosen = effective.describe_model, effective.settings.describe_model
    if model is None:
        return "none: the bot's operator set no models to describe images with"
    if chosen is not None and chosen != model:
        return f"{code(model)}{INHERITED} (this server chose {code(chosen)}, which the operator no longer offers)"
    return f"{code(model)}{_mark(effective, 'describe_model')}"


# --- /settings styles list -------------------------------------------------------------------------------

STYLES_HELP = ("-# Members add a style to their prompt with the `style` option of /imagine and /blend: the model "
               "reads the prompt, a comma, then the style's text.")


def _style_line(style: Style, listing: StyleListing, *, default: bool = False) -> str:
    marks = [f"- {code(style.name)} — {code(style.text, STYLE_TEXT_SHOWN)}"]
    if default and listing.shadowed(style):
        marks.append("replaced here by this server's style of that name")
    elif style.key in listing.refused:
        marks.append("⚠️ holds a term blocked here, so it is not offered")
    return " · ".join(marks)


def styles_pages(listing: StyleListing) -> list[str]:
    """/settings styles list: the server's styles and the bot's defaults, each with its text, split into messages
    within Discord's length limit."""
    if listing.server:
        lines = [f"**Styles of this server** · {len(listing.server)} of {MAX_STYLES}",
                 *(_style_line(style, listing) for style in listing.server)]
    else:
        lines = ["This server has no styles of its own yet: add one with /settings styles add."]
    if listing.defaults:
        lines += ["**The bot's default styles**",
                  *(_style_line(style, listing, default=True) for style in listing.defaults)]
    return chunk([*lines, STYLES_HELP], MESSAGE_LIMIT)


# --- model suggestions -----------------------------------------------------------------------------------

def model_choice_name(model: ImageModel) -> str:
    """`id — $0.04/image` (as /imagine suggests models); token-billed models show no price."""
    return model_label(model)[:CHOICE_LIMIT]


def unlisted_choice_name(model_id: str) -> str:
    return f"{model_id} — no longer listed by the provider"[:CHOICE_LIMIT]


WORDS_HELP = (
    "-# Matched as whole words (`cat*`: any word starting with cat; a phrase: its words in a row), whatever the "
    "case, accents, invisible characters, look-alike letters (`ｗ`, `ᴡ`, `ŵ`, `ø`, Cyrillic `о` in a Latin "
    "word, `🆆`, `🇼`) or letters spelled out (`w o r d`, `w-o-r-d`, `w.o.r.d`). Not caught: digits for letters "
    "(`w0rd`), a word split into parts (`wo-rd`), a word written wholly in another alphabet (Cyrillic `сор` "
    "is not `cop`).")


def words_list(terms: list[str]) -> str:
    """/settings words list: the server's blocked terms, one per line in code spans, and what matching
    catches and what it does not, within a message."""
    if not terms:
        return f"No words are blocked on this server.\n{WORDS_HELP}"
    header = f"{len(terms)} blocked term{'s' if len(terms) != 1 else ''}:\n"
    footer = f"\n{WORDS_HELP}"
    return header + clip_lines([term_shown(term) for term in terms], MESSAGE_LIMIT - len(header) - len(footer)) + \
        footer
