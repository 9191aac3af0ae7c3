"""How a /settings change reads, to the moderator who made it and in the audit channel: one plain sentence
per thing added, removed or changed ("Added the blocked word `badword` (3 in all).", "Blocked <@42> from
using /imagine here: spamming."). Pure functions of the settings before and after.

What members and moderators typed (blocked terms, block reasons) is escaped and capped here: terms sit in
code spans they cannot break out of, reasons are escaped text; channels, roles and members are mentions,
which the cog sends with mentions disabled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from babel.lists import format_list
from babel.units import format_unit

from bot.i18n import SOURCE_LOCALE, Message, Speaker, english, msg, msgs
from bot.messages import quote
from bot.policy.settings import SettingsChange
from bot.records.guild import BlockedMember, GuildSettings, Style
from cogs.imagine.render import code, escape

OPERATOR_DEFAULT = msg("the operator's default")
REASON_SHOWN = 300  # characters of a block reason (the most a moderator can give)
TERM_SHOWN = 100  # characters of a blocked term (the most a term can have)
STYLE_TEXT_SHOWN = 300  # characters of a style's text (the most a text can have)
ITEMS_SHOWN = 10  # items named in one sentence; more are counted
# each language the bot speaks, by its own name: never translated (a member looks for the name they read)
LANGUAGE_NAMES: dict[str, str] = {
    "en-US": "English", "de": "Deutsch", "fr": "Français", "es-ES": "Español (España)",
    "es-419": "Español (Latinoamérica)", "pt-BR": "Português (Brasil)", "ja": "日本語", "zh-CN": "简体中文",
    "ko": "한국어", "ru": "Русский", "pl": "Polski",
}


# --- small formats ---------------------------------------------------------------------------------------

def language_name(locale: str) -> str:
    return LANGUAGE_NAMES.get(locale, locale)


def discord_language(guild_locale: str | None) -> str | None:
    """The language the bot speaks that the server's Discord locale names (en-GB reads English); None: none."""
    if guild_locale is None:
        return None
    if guild_locale in LANGUAGE_NAMES:
        return guild_locale
    return SOURCE_LOCALE if guild_locale.startswith("en-") else None


def duration(seconds: int, speak: Speaker | None = None) -> str:
    """`none`, `45 s`, `5 min`, `1 h 30 min` (each language's own short units elsewhere)."""
    speak = speak or english()
    if seconds <= 0:
        return speak(msg("none"))
    hours, minutes, rest = seconds // 3600, seconds % 3600 // 60, seconds % 60
    parts = [(hours, "hour", "h"), (minutes, "minute", "min"), (rest, "second", "s")]
    if speak.locale == SOURCE_LOCALE:
        return " ".join(f"{value} {short}" for value, _, short in parts if value)
    return " ".join(format_unit(value, f"duration-{unit}", length="short", locale=speak.babel_locale)
                    for value, unit, _ in parts if value)


def money(amount: Decimal, speak: Speaker | None = None) -> str:
    return (speak or english()).money(amount, total=True)


def daily(limit: int | None) -> Message:
    if limit is None:
        return msg("no limit")
    return msgs("{count} image per member per 24 h", "{count} images per member per 24 h", limit)


def named(items: list[str], speak: Speaker | None = None) -> str:
    """`a`, `a and b`, `a, b and c` (the reader's way in other languages); past `ITEMS_SHOWN`, the rest counted."""
    speak = speak or english()
    if len(items) > ITEMS_SHOWN:
        items = [*items[:ITEMS_SHOWN - 1], speak(msgs("{count} more", "{count} more", len(items) - ITEMS_SHOWN + 1))]
    if speak.locale != SOURCE_LOCALE:
        return format_list(items, locale=speak.babel_locale)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def term_shown(term: str) -> str:
    """A blocked term in a code span, on one line and capped."""
    return code(term, TERM_SHOWN)


def reason_shown(reason: str) -> str:
    """A block reason as plain, escaped text on one line."""
    return escape(quote(reason, REASON_SHOWN))


# --- one sentence per change -------------------------------------------------------------------------------

def _gained_lost(before: frozenset, after: frozenset, show: Callable[[object], str],
                 speak: Speaker) -> tuple[str | None, str | None]:
    """What joined a set and what left it, each named in a list (None: nothing)."""
    gained = sorted(after - before, key=str)
    lost = sorted(before - after, key=str)
    return (named([show(item) for item in gained], speak) if gained else None,
            named([show(item) for item in lost], speak) if lost else None)


def _models(before: frozenset[str], after: frozenset[str], speak: Speaker) -> Iterator[Message]:
    gained, lost = _gained_lost(before, after, code, speak)  # type: ignore[arg-type]
    if gained and not before:
        yield msgs("Allowed {models} on this server ({count} model in all; before, every model the operator allows).",
                   "Allowed {models} on this server ({count} models in all; before, every model the operator "
                   "allows).", len(after), models=gained)
    elif gained:
        yield msgs("Allowed {models} on this server ({count} model in all).",
                   "Allowed {models} on this server ({count} models in all).", len(after), models=gained)
    if lost and after:
        yield msgs("Took {models} off this server's allowed models ({count} left).",
                   "Took {models} off this server's allowed models ({count} left).", len(after), models=lost)
    elif lost:
        yield msg("Took {models} off this server's allowed models (none left: every model the operator allows can "
                  "be used again).", models=lost)


def _channels(before: frozenset[int], after: frozenset[int], speak: Speaker) -> Iterator[Message]:
    gained, lost = _gained_lost(before, after, lambda c: f"<#{c}>", speak)
    if gained and not before:
        yield msgs("/imagine now works in {channels} ({count} channel in all; before, every channel).",
                   "/imagine now works in {channels} ({count} channels in all; before, every channel).", len(after),
                   channels=gained)
    elif gained:
        yield msgs("/imagine now works in {channels} ({count} channel in all).",
                   "/imagine now works in {channels} ({count} channels in all).", len(after), channels=gained)
    if lost and after:
        yield msgs("/imagine no longer works in {channels} ({count} left).",
                   "/imagine no longer works in {channels} ({count} left).", len(after), channels=lost)
    elif lost:
        yield msg("/imagine no longer works in {channels} (none left: it works in every channel again).",
                  channels=lost)


def _roles(before: frozenset[int], after: frozenset[int], speak: Speaker) -> Iterator[Message]:
    gained, lost = _gained_lost(before, after, lambda r: f"<@&{r}>", speak)
    if gained and not before:
        yield msgs("Members with {roles} may now use /imagine ({count} role in all; before, everyone).",
                   "Members with {roles} may now use /imagine ({count} roles in all; before, everyone).", len(after),
                   roles=gained)
    elif gained:
        yield msgs("Members with {roles} may now use /imagine ({count} role in all).",
                   "Members with {roles} may now use /imagine ({count} roles in all).", len(after), roles=gained)
    if lost and after:
        yield msgs("Members with {roles} may no longer use /imagine ({count} left).",
                   "Members with {roles} may no longer use /imagine ({count} left).", len(after), roles=lost)
    elif lost:
        yield msg("Members with {roles} may no longer use /imagine (none left: everyone may use it again).",
                  roles=lost)


def _term_kind(terms: list[str]) -> str:
    phrases = sum(" " in term for term in terms)
    return "phrase" if phrases == len(terms) else "word" if not phrases else "term"


def _words(before: frozenset[str], after: frozenset[str], speak: Speaker) -> Iterator[Message]:
    gained = sorted(after - before, key=str.casefold)
    lost = sorted(before - after, key=str.casefold)
    if gained:
        terms, count, total = named([term_shown(t) for t in gained], speak), len(gained), len(after)
        yield {"word": msgs("Added the blocked word {terms} ({total} in all).",
                            "Added the blocked words {terms} ({total} in all).", count, terms=terms, total=total),
               "phrase": msgs("Added the blocked phrase {terms} ({total} in all).",
                              "Added the blocked phrases {terms} ({total} in all).", count, terms=terms, total=total),
               "term": msgs("Added the blocked term {terms} ({total} in all).",
                            "Added the blocked terms {terms} ({total} in all).", count, terms=terms, total=total),
               }[_term_kind(gained)]
    if lost and after:
        terms, count, left = named([term_shown(t) for t in lost], speak), len(lost), len(after)
        yield {"word": msgs("Removed the blocked word {terms} ({left} left).",
                            "Removed the blocked words {terms} ({left} left).", count, terms=terms, left=left),
               "phrase": msgs("Removed the blocked phrase {terms} ({left} left).",
                              "Removed the blocked phrases {terms} ({left} left).", count, terms=terms, left=left),
               "term": msgs("Removed the blocked term {terms} ({left} left).",
                            "Removed the blocked terms {terms} ({left} left).", count, terms=terms, left=left),
               }[_term_kind(lost)]
    elif lost:
        terms, count = named([term_shown(t) for t in lost], speak), len(lost)
        yield {"word": msgs("Removed the blocked word {terms} (none left: prompts are checked only against the "
                            "operator's list).", "Removed the blocked words {terms} (none left: prompts are checked "
                            "only against the operator's list).", count, terms=terms),
               "phrase": msgs("Removed the blocked phrase {terms} (none left: prompts are checked only against the "
                              "operator's list).", "Removed the blocked phrases {terms} (none left: prompts are "
                              "checked only against the operator's list).", count, terms=terms),
               "term": msgs("Removed the blocked term {terms} (none left: prompts are checked only against the "
                            "operator's list).", "Removed the blocked terms {terms} (none left: prompts are checked "
                            "only against the operator's list).", count, terms=terms),
               }[_term_kind(lost)]


def _block(block: BlockedMember) -> Message | str:
    return reason_shown(block.reason) if block.reason.strip() else msg("no reason given")


def _members(before: tuple[BlockedMember, ...], after: tuple[BlockedMember, ...]) -> Iterator[Message]:
    old = {b.user_id: b for b in before}
    new = {b.user_id: b for b in after}
    for user_id, block in new.items():
        if user_id not in old:
            yield msg("Blocked {member} from using /imagine here: {reason}.", member=f"<@{user_id}>",
                      reason=_block(block))
        elif old[user_id].reason != block.reason:
            yield msg("Changed why {member} is blocked: {reason} (was: {old}).", member=f"<@{user_id}>",
                      reason=_block(block), old=_block(old[user_id]))
    for user_id in old.keys() - new.keys():
        yield msg("Unblocked {member}: they may use /imagine here again.", member=f"<@{user_id}>")


def style_shown(style: Style) -> str:
    """A style as a sentence names it: `name`: `text`, each in a code span on one line."""
    return f"{code(style.name)}: {code(style.text, STYLE_TEXT_SHOWN)}"


def _styles(before: tuple[Style, ...], after: tuple[Style, ...], speak: Speaker) -> Iterator[Message]:
    """Styles are added and removed whole (a name keeps its text until the style is removed)."""
    kept = {style.key for style in before} & {style.key for style in after}
    for style in after:
        if style.key not in kept:
            yield msgs("Added the style {style} ({count} style in all).",
                       "Added the style {style} ({count} styles in all).", len(after), style=style_shown(style))
    gone = [style for style in before if style.key not in kept]
    if gone:
        styles = named([style_shown(style) for style in gone], speak)
        if after:
            yield msgs("Removed the style {styles} ({left} left).", "Removed the styles {styles} ({left} left).",
                       len(gone), styles=styles, left=len(after))
        else:
            yield msgs("Removed the style {styles} (none left: only the bot's default styles are offered).",
                       "Removed the styles {styles} (none left: only the bot's default styles are offered).",
                       len(gone), styles=styles)


def _or_default(value: object, shown: Callable[[object], object] = lambda value: value) -> object:
    return OPERATOR_DEFAULT if value is None else shown(value)


def _language(after: str | None, guild_locale: str | None) -> Message:
    if after is not None:
        return msg("Public messages on this server are now written in {language}.", language=language_name(after))
    if (reported := discord_language(guild_locale)) is not None:
        return msg("Public messages on this server now follow the server's language as Discord reports it "
                   "({language}).", language=language_name(reported))
    return msg("Public messages on this server now follow the server's language as Discord reports it; it reports "
               "none the bot speaks, so they are written in English.")


def messages(before: GuildSettings, after: GuildSettings, name: str, speak: Speaker,
             guild_locale: str | None = None) -> list[Message]:
    """What changed in one setting, as whole sentences to put into the reader's language."""
    old, new = getattr(before, name), getattr(after, name)
    match name:
        case "allowed_models":
            return list(_models(old, new, speak))
        case "age_restricted_models":
            gained, lost = sorted(new - old), sorted(old - new)
            return ([msgs("{models} can now be used only in age-restricted channels.",
                          "{models} can now be used only in age-restricted channels.", len(gained),
                          models=named([code(m) for m in gained], speak))] if gained else []) + \
                ([msgs("{models} can now be used outside age-restricted channels too.",
                       "{models} can now be used outside age-restricted channels too.", len(lost),
                       models=named([code(m) for m in lost], speak))] if lost else [])
        case "default_model":
            if new is None:
                return [msg("The default model is the operator's default again (was {old}).", old=code(old))]
            return [msg("Set the default model to {model} (was {old}).", model=code(new), old=_or_default(old, code))]
        case "channel_ids":
            return list(_channels(old, new, speak))
        case "role_ids":
            return list(_roles(old, new, speak))
        case "daily_limit":
            return [msg("Changed the daily limit from {before} to {after}.",
                        before=_or_default(old, lambda v: daily(v or None)),  # type: ignore[arg-type]
                        after=_or_default(new, lambda v: daily(v or None)))]  # type: ignore[arg-type]
        case "cooldown_seconds":
            return [msg("Changed the cooldown between a member's requests from {before} to {after}.",
                        before=duration(old, speak), after=duration(new, speak))]
        case "max_concurrent":
            return [msg("Changed the jobs a member may run at once from {before} to {after}.",
                        before=_or_default(old), after=_or_default(new))]
        case "max_count":
            return [msg("Changed the images per request from {before} to {after}.", before=_or_default(old),
                        after=_or_default(new))]
        case "max_size":
            return [msg("Changed the largest size from {before} to {after}.", before=_or_default(old),
                        after=_or_default(new))]
        case "monthly_budget_usd":
            if new is None:
                return [msg("Removed the monthly budget (was {budget}).", budget=money(old, speak))]
            if old is None:
                return [msg("Set the monthly budget to {budget} (UTC calendar month; before, none).",
                            budget=money(new, speak))]
            return [msg("Changed the monthly budget from {before} to {after}.", before=money(old, speak),
                        after=money(new, speak))]
        case "log_channel_id":
            if new is None:
                return [msg("Turned the audit log off (it was {channel}).", channel=f"<#{old}>")]
            if old:
                return [msg("The audit log now goes to {channel} (was {old}).", channel=f"<#{new}>", old=f"<#{old}>")]
            return [msg("The audit log now goes to {channel} (it was off).", channel=f"<#{new}>")]
        case "spoiler":
            return [msg("Results are now sent as spoilers.") if new else msg("Results are no longer sent as spoilers.")]
        case "blocked_words":
            return list(_words(old, new, speak))
        case "blocked_members":
            return list(_members(old, new))
        case "styles":
            return list(_styles(old, new, speak))
        case "describe_model":
            if new is None:
                return [msg("/describe uses the operator's default again (was {old}).", old=code(old))]
            return [msg("/describe now uses {model} here (was {old}).", model=code(new), old=_or_default(old, code))]
        case "language":
            return [_language(new, guild_locale)]
    return [msg("Changed {setting}.", setting=code(name))]  # a setting this module does not know yet: say which


def sentences(before: GuildSettings, after: GuildSettings, name: str, speak: Speaker | None = None,
              guild_locale: str | None = None) -> list[str]:
    """What changed in one setting, in plain sentences in the reader's language."""
    speak = speak or english()
    return [speak(message) for message in messages(before, after, name, speak, guild_locale)]


def change_sentences(change: SettingsChange, speak: Speaker | None = None) -> list[str]:
    """Every sentence of a change, in the order of the settings it touched."""
    return [sentence for name, _, _ in change.changes
            for sentence in sentences(change.before, change.after, name, speak, change.guild_locale)]
