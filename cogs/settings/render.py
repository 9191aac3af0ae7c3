"""All the Discord text of /settings: the configuration embed, a change's confirmation and its audit line,
and the model suggestions. Pure functions of core values.

Model ids come from outside the bot (the provider, or a moderator's typing), so they are always shown in
code spans they cannot break out of; channels and roles are shown as mentions, sent with mentions disabled.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import discord

from bot.openroute.types import ImageModel
from bot.policy.settings import Effective, SettingsChange
from cogs.imagine.render import code, escape, model_label

EMBED_COLOUR = discord.Colour.blurple()
DESCRIPTION_LIMIT = 3000  # of Discord's 4096, leaving room under the 6000 of the whole embed
FIELD_LIMIT = 1024
MESSAGE_LIMIT = 2000
LIST_SHOWN = 10  # items of a list shown in a before → after line
CHOICE_LIMIT = 100

INHERITED = " · *inherited from the bot's operator*"
OPERATOR_DEFAULT = "the operator's default"

LABELS = {
    "allowed_models": "Allowed models",
    "age_restricted_models": "Age-restricted models",
    "default_model": "Default model",
    "channel_ids": "Channels",
    "role_ids": "Roles",
    "daily_limit": "Daily limit",
    "cooldown_seconds": "Cooldown",
    "max_concurrent": "Jobs at once",
    "max_count": "Images per request",
    "max_size": "Largest size",
    "monthly_budget_usd": "Monthly budget",
    "log_channel_id": "Audit log",
    "spoiler": "Spoiler",
}


# --- small formats ---------------------------------------------------------------------------------------

def duration(seconds: int) -> str:
    """`none`, `45 s`, `5 min`, `1 h 30 min`."""
    if seconds <= 0:
        return "none"
    if seconds < 60:
        return f"{seconds} s"
    hours, minutes, rest = seconds // 3600, seconds % 3600 // 60, seconds % 60
    parts = ([f"{hours} h"] if hours else []) + ([f"{minutes} min"] if minutes else []) + \
        ([f"{rest} s"] if rest else [])
    return " ".join(parts)


def money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


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


def refusal(reason: str) -> str:
    return f"🚫 {reason}"


# --- one setting's value ---------------------------------------------------------------------------------

def setting_value(name: str, value: object) -> str:
    """A stored setting as a moderator reads it (`None` or empty: what the operator set)."""
    match name:
        case "allowed_models":
            return joined((code(m) for m in sorted(value)), empty="every model the operator allows")  # type: ignore[arg-type]
        case "age_restricted_models":
            return joined(code(m) for m in sorted(value))  # type: ignore[arg-type]
        case "default_model":
            return code(str(value)) if value else OPERATOR_DEFAULT
        case "channel_ids":
            return joined((f"<#{c}>" for c in sorted(value)), empty="every channel")  # type: ignore[arg-type]
        case "role_ids":
            return joined((f"<@&{r}>" for r in sorted(value)), empty="everyone")  # type: ignore[arg-type]
        case "daily_limit":
            return OPERATOR_DEFAULT if value is None else _daily(value or None)  # type: ignore[arg-type]
        case "cooldown_seconds":
            return duration(int(value))  # type: ignore[call-overload]
        case "max_concurrent" | "max_count" | "max_size":
            return OPERATOR_DEFAULT if value is None else str(value)
        case "monthly_budget_usd":
            return money(value) if isinstance(value, Decimal) else "none"
        case "log_channel_id":
            return f"<#{value}>" if value else "off"
        case "spoiler":
            return "on" if value else "off"
    return code(str(value))


def _daily(limit: int | None) -> str:
    return "no limit" if limit is None else f"{limit} image{'s' if limit != 1 else ''} per member per 24 h"


# --- a change --------------------------------------------------------------------------------------------

def change_lines(change: SettingsChange) -> list[str]:
    """`Label: before → after`, one per setting that changed."""
    return [f"{LABELS.get(name, code(name))}: {setting_value(name, getattr(change.before, name, before))} → "
            f"{setting_value(name, getattr(change.after, name, after))}"
            for name, before, after in change.changes]


def confirmation(change: SettingsChange) -> str:
    """What the moderator sees after a change."""
    if not change.changes:
        return f"Nothing changed: **/settings {change.what}** asked for what was already set."
    lines = [f"✅ Saved **/settings {change.what}**:", *(f"- {line}" for line in change_lines(change))]
    return clip_lines(lines, MESSAGE_LIMIT)


def audit_line(change: SettingsChange) -> str:
    """The audit log's record of a change: who, what, before → after."""
    lines = [f"⚙️ <@{change.moderator_id}> changed **/settings {change.what}**:",
             *(f"- {line}" for line in change_lines(change))]
    return clip_lines(lines, MESSAGE_LIMIT)


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


def models_text(effective: Effective) -> str:
    """The models part of /settings show: the allowed list with its marks, the default and age limits."""
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
    room = DESCRIPTION_LIMIT - sum(len(line) + 1 for line in lines)
    head = f"**Allowed models**{_mark(effective, 'allowed_models')}"
    return "\n".join([head, clip_lines(listed, room - len(head) - 1), *lines])


def limits_text(effective: Effective) -> str:
    return "\n".join([
        f"Daily: {_daily(effective.daily_limit)}{_mark(effective, 'daily_limit')}",
        f"Cooldown: {duration(effective.cooldown_seconds)}",
        f"Jobs at once: {effective.max_concurrent} per member{_mark(effective, 'max_concurrent')}",
        f"Images per request: up to {effective.max_count}{_mark(effective, 'max_count')}",
        f"Largest size: {effective.max_size}{_mark(effective, 'max_size')}",
    ])


def settings_embed(effective: Effective) -> discord.Embed:
    """/settings show: the whole configuration of the server, with where each value comes from."""
    settings = effective.settings
    embed = discord.Embed(title="Settings of this server", description=models_text(effective),
                          colour=EMBED_COLOUR)
    channels = clip_lines([f"<#{c}>" for c in sorted(settings.channel_ids)], FIELD_LIMIT)
    roles = clip_lines([f"<@&{r}>" for r in sorted(settings.role_ids)], FIELD_LIMIT)
    embed.add_field(name="Channels", value=channels or "Every channel", inline=True)
    embed.add_field(name="Roles", value=roles or "Everyone", inline=True)
    embed.add_field(name="Limits", value=limits_text(effective), inline=False)
    budget = effective.monthly_budget_usd
    embed.add_field(name="Monthly budget", value=f"{money(budget)} (UTC calendar month)" if budget else "none",
                    inline=True)
    embed.add_field(name="Audit log", value=setting_value("log_channel_id", settings.log_channel_id),
                    inline=True)
    embed.add_field(name="Spoiler", value="on: images are sent as spoilers" if settings.spoiler else "off",
                    inline=True)
    words = len(settings.blocked_words)
    embed.add_field(name="Blocked words", value=f"{words} term{'s' if words != 1 else ''} (/settings words list)"
                    if words else "none", inline=True)
    blocked = clip_lines([f"<@{b.user_id}>" + (f" — {escape(b.reason)}" if b.reason else "")
                          for b in settings.blocked_members], FIELD_LIMIT)
    embed.add_field(name="Blocked members", value=blocked or "none", inline=False)
    embed.set_footer(text="Inherited values follow the bot's operator until this server sets its own.")
    return embed


# --- model suggestions -----------------------------------------------------------------------------------

def model_choice_name(model: ImageModel) -> str:
    """`id — $0.04/image` (as /imagine suggests models); token-billed models show no price."""
    return model_label(model)[:CHOICE_LIMIT]


def unlisted_choice_name(model_id: str) -> str:
    return f"{model_id} — no longer listed by the provider"[:CHOICE_LIMIT]


def words_list(terms: list[str]) -> str:
    """/settings words list: the server's blocked terms, one per line in code spans, within a message."""
    if not terms:
        return "No words are blocked on this server."
    header = f"{len(terms)} blocked term{'s' if len(terms) != 1 else ''}:\n"
    return header + clip_lines([code(term) for term in terms], 2000 - len(header))

