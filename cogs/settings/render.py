"""All the Discord text of /settings: the configuration embed, a change's confirmation and its audit line,
and the model suggestions. Pure functions of core values.

Model ids come from outside the bot (the provider, or a moderator's typing), so they are always shown in
code spans they cannot break out of; channels and roles are shown as mentions, sent with mentions disabled.
"""

from __future__ import annotations

from collections.abc import Iterable

import discord

from bot.i18n import Message, Speaker, english, msg, msgs
from bot.openroute.types import ImageModel
from bot.policy.settings import Effective, SettingsChange
from bot.policy.styles import MAX_STYLES, StyleListing
from bot.records.guild import Style
from cogs.imagine.render import code
from cogs.imagine.suggest import model_label
from cogs.settings.changes import (
    STYLE_TEXT_SHOWN,
    change_sentences,
    daily,
    discord_language,
    duration,
    language_name,
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

INHERITED = msg("inherited from the bot's operator")
NONE = msg("none")

# --- small formats ---------------------------------------------------------------------------------------

def _more(count: int, speak: Speaker) -> str:
    return speak(msgs("… and {count} more", "… and {count} more", count))


def joined(items: Iterable[str], *, shown: int = LIST_SHOWN, empty: Message = NONE,
           speak: Speaker | None = None) -> str:
    """`a, b, c`, the first `shown` items then `… and N more`."""
    speak = speak or english()
    items = list(items)
    if not items:
        return speak(empty)
    text = ", ".join(items[:shown])
    return text + (f" {_more(len(items) - shown, speak)}" if len(items) > shown else "")


def clip_lines(lines: list[str], limit: int, speak: Speaker | None = None) -> str:
    """Whole lines up to `limit` characters, then one line saying how many were left out."""
    speak = speak or english()
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        more = _more(len(lines) - index, speak)
        if used + len(line) + 1 > limit - len(more) - 1:
            kept.append(more)
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept)


# --- a change --------------------------------------------------------------------------------------------

def confirmation(change: SettingsChange, speak: Speaker | None = None) -> str:
    """What the moderator sees after a change, in their language: the sentence saying what was added, removed or
    changed (one line each when it changed several settings)."""
    speak = speak or english()
    command = f"/settings {change.what}"
    if not change.changes:
        return speak(msg("Nothing changed: **{command}** asked for what was already set.", command=command))
    said = change_sentences(change, speak)
    if len(said) == 1:
        return clip_lines([f"✅ {said[0]}"], MESSAGE_LIMIT, speak)
    saved = speak(msg("Saved **{command}**:", command=command))
    return clip_lines([f"✅ {saved}", *(f"- {line}" for line in said)], MESSAGE_LIMIT, speak)


def audit_line(change: SettingsChange, speak: Speaker | None = None) -> str:
    """The audit log's record of a change: who, with which command, and what it did, in the server's public
    language (`audit_speaker`)."""
    speak = speak or english()
    said = change_sentences(change, speak)
    who = "⚙️ " + speak(msg("{moderator} used **{command}**:", moderator=f"<@{change.moderator_id}>",
                            command=f"/settings {change.what}"))
    if len(said) == 1:
        return clip_lines([f"{who} {said[0]}"], MESSAGE_LIMIT, speak)
    return clip_lines([who, *(f"- {line}" for line in said)], MESSAGE_LIMIT, speak)


def audit_speaker(change: SettingsChange) -> Speaker:
    """The audit channel is public: its lines are in the server's language once the change is made."""
    return Speaker.for_locale(change.public_language)


def audit_channel(change: SettingsChange) -> int | None:
    """Where a change is logged: the audit channel after it, or the one it just replaced or turned off."""
    return change.after.log_channel_id or change.before.log_channel_id


# --- /settings show --------------------------------------------------------------------------------------

def _mark(effective: Effective, name: str, speak: Speaker) -> str:
    return f" · *{speak(INHERITED)}*" if name in effective.inherited else ""


def _model_line(model: str, effective: Effective, speak: Speaker, *, default_mark: bool = True) -> str:
    marks = [code(model)]
    if default_mark and model == effective.default_model:
        marks.append(speak(msg("**default**")))
    if model in effective.settings.age_restricted_models:
        marks.append(speak(msg("🔞 age-restricted channels only")))
    if model in effective.unknown_models:
        marks.append(speak(msg("⚠️ no longer listed by the provider")))
    return " · ".join(marks)


def models_text(effective: Effective, limit: int = DESCRIPTION_LIMIT, speak: Speaker | None = None) -> str:
    """The models part of /settings show within `limit` characters: the allowed list with its marks, the default
    and age limits."""
    speak = speak or english()
    if "allowed_models" not in effective.inherited:
        listed = [_model_line(m, effective, speak) for m in effective.allowed_models]
    elif effective.allowed_models == ("*",):
        listed = [speak(msg("Every image model the provider lists"))]
    else:
        listed = [speak(msg("{pattern} (pattern)", pattern=code(pattern))) if any(c in pattern for c in "*?[")
                  else code(pattern) for pattern in effective.allowed_models]
    default = _model_line(effective.default_model, effective, speak, default_mark=False)
    lines = [speak(msg("**Default model:** {model}", model=default)) + _mark(effective, "default_model", speak)]
    restricted = sorted(effective.settings.age_restricted_models - set(effective.allowed_models))
    if restricted:
        lines.append(speak(msg("**Age-restricted channels only:** {models}",
                               models=joined((code(m) for m in restricted), speak=speak))))
    # the list gives way to the lines after it, which are short and always shown
    room = limit - sum(len(line) + 1 for line in lines)
    head = speak(msg("**Allowed models**")) + _mark(effective, "allowed_models", speak)
    return "\n".join([head, clip_lines(listed, room - len(head) - 1, speak), *lines])


def limits_text(effective: Effective, speak: Speaker | None = None) -> str:
    speak = speak or english()
    return "\n".join([
        speak(msg("Daily: {limit}", limit=daily(effective.daily_limit))) + _mark(effective, "daily_limit", speak),
        speak(msg("Cooldown: {cooldown}", cooldown=duration(effective.cooldown_seconds, speak))),
        speak(msg("Jobs at once: {count} per member", count=effective.max_concurrent))
        + _mark(effective, "max_concurrent", speak),
        speak(msg("Images per request: up to {count}", count=effective.max_count))
        + _mark(effective, "max_count", speak),
        speak(msg("Largest size: {size}", size=effective.max_size)) + _mark(effective, "max_size", speak),
    ])


def language_text(effective: Effective, guild_locale: str | None, speak: Speaker | None = None) -> str:
    """The language of the server's public messages, and where it comes from."""
    speak = speak or english()
    chosen = effective.settings.language
    if chosen is not None:
        return language_name(chosen)
    if (reported := discord_language(guild_locale)) is not None:
        return speak(msg("{language} · *the server's language, as Discord reports it*",
                         language=language_name(reported)))
    return speak(msg("English · *Discord reports no language of the server that the bot speaks*"))


def settings_embed(effective: Effective, speak: Speaker | None = None,
                   guild_locale: str | None = None) -> discord.Embed:
    """/settings show: the whole configuration of the server, with where each value comes from, in the
    moderator's language (`guild_locale`: the server's language as Discord reports it)."""
    speak = speak or english()
    settings = effective.settings
    embed = discord.Embed(title=speak(msg("Settings of this server")), colour=EMBED_COLOUR)
    channels = clip_lines([f"<#{c}>" for c in sorted(settings.channel_ids)], FIELD_LIMIT, speak)
    roles = clip_lines([f"<@&{r}>" for r in sorted(settings.role_ids)], FIELD_LIMIT, speak)
    embed.add_field(name=speak(msg("Channels")), value=channels or speak(msg("Every channel")), inline=True)
    embed.add_field(name=speak(msg("Roles")), value=roles or speak(msg("Everyone")), inline=True)
    embed.add_field(name=speak(msg("Limits")), value=limits_text(effective, speak), inline=False)
    budget = effective.monthly_budget_usd
    embed.add_field(name=speak(msg("Monthly budget")), inline=True, value=speak(
        msg("{budget} (UTC calendar month)", budget=money(budget, speak)) if budget else msg("none")))
    embed.add_field(name=speak(msg("Audit log")), inline=True, value=f"<#{settings.log_channel_id}>"
                    if settings.log_channel_id else speak(msg("off")))
    embed.add_field(name=speak(msg("Spoiler")), inline=True, value=speak(
        msg("on: images are sent as spoilers") if settings.spoiler else msg("off")))
    words = len(settings.blocked_words)
    embed.add_field(name=speak(msg("Blocked words")), inline=True, value=speak(
        msgs("{count} term (/settings words list)", "{count} terms (/settings words list)", words) if words
        else msg("none")))
    blocked = clip_lines([f"<@{b.user_id}>" + (f" — {reason_shown(b.reason)}" if b.reason.strip() else "")
                          for b in settings.blocked_members], FIELD_LIMIT, speak)
    embed.add_field(name=speak(msg("Blocked members")), value=blocked or speak(msg("none")), inline=False)
    embed.add_field(name=speak(msg("Styles")), value=styles_summary(effective, speak), inline=False)
    embed.add_field(name=speak(msg("Describe model")), value=describe_model_text(effective, speak), inline=False)
    embed.add_field(name=speak(msg("Language of public messages")), value=language_text(effective, guild_locale, speak),
                    inline=False)
    embed.set_footer(text=speak(msg("Inherited values follow the bot's operator until this server sets its own.")))
    # the models take what the fields leave of the whole embed's limit
    embed.description = models_text(effective, min(DESCRIPTION_LIMIT, EMBED_LIMIT - len(embed)), speak)
    return embed


def styles_summary(effective: Effective, speak: Speaker | None = None) -> str:
    """The styles line of /settings show: the server's names and the operator's defaults offered here."""
    speak = speak or english()
    own = [code(style.name, STYLE_NAME_SHOWN) for style in effective.settings.styles]
    defaults = [code(style.name, STYLE_NAME_SHOWN) for style in effective.operator_styles]
    lines = [speak(msg("{count} of {limit}: {styles}", count=len(own), limit=MAX_STYLES,
                       styles=joined(own, shown=STYLES_SHOWN, speak=speak)) if own else msg("none of its own"))]
    if defaults:
        lines.append(speak(msgs("and the bot's default {styles}", "and the bot's defaults {styles}", len(defaults),
                                styles=joined(defaults, shown=STYLES_SHOWN, speak=speak))))
    return "\n".join([*lines, "(/settings styles list)"])


def describe_model_text(effective: Effective, speak: Speaker | None = None) -> str:
    """What /describe uses here, and where that comes from."""
    speak = speak or english()
    model, chosen = effective.describe_model, effective.settings.describe_model
    if model is None:
        return speak(msg("none: the bot's operator set no models to describe images with"))
    if chosen is not None and chosen != model:
        return speak(msg("{model} · *inherited from the bot's operator* (this server chose {chosen}, which the "
                         "operator no longer offers)", model=code(model), chosen=code(chosen)))
    return f"{code(model)}{_mark(effective, 'describe_model', speak)}"


# --- /settings styles list -------------------------------------------------------------------------------

STYLES_HELP = msg("-# Members add a style to their prompt with the `style` option of /imagine and /blend: the model "
                  "reads the prompt, a comma, then the style's text.")


def _style_line(style: Style, listing: StyleListing, speak: Speaker, *, default: bool = False) -> str:
    marks = [f"- {code(style.name)} — {code(style.text, STYLE_TEXT_SHOWN)}"]
    if default and listing.shadowed(style):
        marks.append(speak(msg("replaced here by this server's style of that name")))
    elif style.key in listing.refused:
        marks.append(speak(msg("⚠️ holds a term blocked here, so it is not offered")))
    return " · ".join(marks)


def styles_pages(listing: StyleListing, speak: Speaker | None = None) -> list[str]:
    """/settings styles list: the server's styles and the bot's defaults, each with its text, split into messages
    within Discord's length limit."""
    speak = speak or english()
    if listing.server:
        lines = [speak(msg("**Styles of this server** · {count} of {limit}", count=len(listing.server),
                           limit=MAX_STYLES)),
                 *(_style_line(style, listing, speak) for style in listing.server)]
    else:
        lines = [speak(msg("This server has no styles of its own yet: add one with /settings styles add."))]
    if listing.defaults:
        lines += [speak(msg("**The bot's default styles**")),
                  *(_style_line(style, listing, speak, default=True) for style in listing.defaults)]
    return chunk([*lines, speak(STYLES_HELP)], MESSAGE_LIMIT)


# --- model suggestions -----------------------------------------------------------------------------------

def model_choice_name(model: ImageModel, speak: Speaker | None = None) -> str:
    """`id — $0.04/image` (as /imagine suggests models) in the moderator's language; token-billed models show no
    price."""
    return model_label(model, speak)[:CHOICE_LIMIT]


def unlisted_choice_name(model_id: str, speak: Speaker | None = None) -> str:
    return (speak or english())(msg("{model} — no longer listed by the provider", model=model_id))[:CHOICE_LIMIT]


WORDS_HELP = msg(
    "-# Matched as whole words (`cat*`: any word starting with cat; a phrase: its words in a row), whatever the "
    "case, accents, invisible characters, look-alike letters (`ｗ`, `ᴡ`, `ŵ`, `ø`, Cyrillic `о` in a Latin "
    "word, `🆆`, `🇼`) or letters spelled out (`w o r d`, `w-o-r-d`, `w.o.r.d`). Not caught: digits for letters "
    "(`w0rd`), a word split into parts (`wo-rd`), a word written wholly in another alphabet (Cyrillic `сор` "
    "is not `cop`).")


def words_list(terms: list[str], speak: Speaker | None = None) -> str:
    """/settings words list: the server's blocked terms, one per line in code spans, and what matching
    catches and what it does not, within a message."""
    speak = speak or english()
    footer = f"\n{speak(WORDS_HELP)}"
    if not terms:
        return speak(msg("No words are blocked on this server.")) + footer
    header = speak(msgs("{count} blocked term:", "{count} blocked terms:", len(terms))) + "\n"
    return header + clip_lines([term_shown(term) for term in terms], MESSAGE_LIMIT - len(header) - len(footer),
                               speak) + footer
