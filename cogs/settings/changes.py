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

from bot.messages import quote
from bot.policy.settings import SettingsChange
from bot.records.guild import BlockedMember, GuildSettings, Style
from cogs.imagine.render import code, escape

OPERATOR_DEFAULT = "the operator's default"
REASON_SHOWN = 300  # characters of a block reason (the most a moderator can give)
TERM_SHOWN = 100  # characters of a blocked term (the most a term can have)
STYLE_TEXT_SHOWN = 300  # characters of a style's text (the most a text can have)
ITEMS_SHOWN = 10  # items named in one sentence; more are counted


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


def daily(limit: int | None) -> str:
    return "no limit" if limit is None else f"{limit} image{'s' if limit != 1 else ''} per member per 24 h"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def named(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`; past `ITEMS_SHOWN`, the rest counted."""
    if len(items) > ITEMS_SHOWN:
        items = [*items[:ITEMS_SHOWN - 1], f"{len(items) - ITEMS_SHOWN + 1} more"]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def term_shown(term: str) -> str:
    """A blocked term in a code span, on one line and capped."""
    return code(term, TERM_SHOWN)


def reason_shown(reason: str) -> str:
    """A block reason as plain, escaped text on one line."""
    return escape(quote(reason, REASON_SHOWN))


# --- one sentence per change -------------------------------------------------------------------------------

def _set_change(before: frozenset, after: frozenset, show: Callable[[object], str], *, added: str,
                removed: str, counted: str, emptied: str, first: str = "") -> Iterator[str]:
    """Sentences for a set that gained and/or lost items: `added`/`removed` are templates taking the named
    items; the count follows in brackets (`counted`: what is counted; `emptied`: when none are left;
    `first`: said when the first item narrows an empty set)."""
    gained = sorted(after - before, key=str)
    lost = sorted(before - after, key=str)
    if gained:
        total = f"{plural(len(after), counted)} in all"
        note = f"{total}; before, {first}" if first and not before else total
        yield f"{added.format(named([show(item) for item in gained]))} ({note})."
    if lost:
        left = f"{len(after)} left" if after else emptied
        yield f"{removed.format(named([show(item) for item in lost]))} ({left})."


def _term_kind(terms: list[str]) -> str:
    phrases = sum(" " in term for term in terms)
    kind = "phrase" if phrases == len(terms) else "word" if not phrases else "term"
    return kind + ("s" if len(terms) != 1 else "")


def _words(before: frozenset[str], after: frozenset[str]) -> Iterator[str]:
    gained = sorted(after - before, key=str.casefold)
    lost = sorted(before - after, key=str.casefold)
    if gained:
        yield (f"Added the blocked {_term_kind(gained)} {named([term_shown(t) for t in gained])} "
               f"({len(after)} in all).")
    if lost:
        left = f"{len(after)} left" if after else "none left: prompts are checked only against the operator's list"
        yield f"Removed the blocked {_term_kind(lost)} {named([term_shown(t) for t in lost])} ({left})."


def _block(block: BlockedMember) -> str:
    return reason_shown(block.reason) if block.reason.strip() else "no reason given"


def _members(before: tuple[BlockedMember, ...], after: tuple[BlockedMember, ...]) -> Iterator[str]:
    old = {b.user_id: b for b in before}
    new = {b.user_id: b for b in after}
    for user_id, block in new.items():
        if user_id not in old:
            yield f"Blocked <@{user_id}> from using /imagine here: {_block(block)}."
        elif old[user_id].reason != block.reason:
            yield f"Changed why <@{user_id}> is blocked: {_block(block)} (was: {_block(old[user_id])})."
    for user_id in old.keys() - new.keys():
        yield f"Unblocked <@{user_id}>: they may use /imagine here again."


def style_shown(style: Style) -> str:
    """A style as a sentence names it: `name`: `text`, each in a code span on one line."""
    return f"{code(style.name)}: {code(style.text, STYLE_TEXT_SHOWN)}"


def _styles(before: tuple[Style, ...], after: tuple[Style, ...]) -> Iterator[str]:
    """Styles are added and removed whole (a name keeps its text until the style is removed)."""
    kept = {style.key for style in before} & {style.key for style in after}
    for style in after:
        if style.key not in kept:
            yield f"Added the style {style_shown(style)} ({plural(len(after), 'style')} in all)."
    gone = [style for style in before if style.key not in kept]
    if gone:
        left = f"{len(after)} left" if after else "none left: only the bot's default styles are offered"
        yield f"Removed the style {named([style_shown(style) for style in gone])} ({left})."


def _changed(what: str, before: str, after: str) -> str:
    return f"Changed {what} from {before} to {after}."


def _or_default(value: object, shown: Callable[[object], str] = str) -> str:
    return OPERATOR_DEFAULT if value is None else shown(value)


def sentences(before: GuildSettings, after: GuildSettings, name: str) -> list[str]:
    """What changed in one setting, in plain sentences."""
    old, new = getattr(before, name), getattr(after, name)
    match name:
        case "allowed_models":
            return list(_set_change(old, new, code, added="Allowed {} on this server",  # type: ignore[arg-type]
                                    removed="Took {} off this server's allowed models", counted="model",
                                    emptied="none left: every model the operator allows can be used again",
                                    first="every model the operator allows"))
        case "age_restricted_models":
            gained, lost = sorted(new - old), sorted(old - new)
            return ([f"{named([code(m) for m in gained])} can now be used only in age-restricted channels."]
                    if gained else []) + \
                ([f"{named([code(m) for m in lost])} can now be used outside age-restricted channels too."]
                 if lost else [])
        case "default_model":
            if new is None:
                return [f"The default model is {OPERATOR_DEFAULT} again (was {code(old)})."]
            return [f"Set the default model to {code(new)} (was {_or_default(old, code)})."]
        case "channel_ids":
            return list(_set_change(old, new, lambda c: f"<#{c}>", added="/imagine now works in {}",
                                    removed="/imagine no longer works in {}", counted="channel",
                                    emptied="none left: it works in every channel again", first="every channel"))
        case "role_ids":
            return list(_set_change(old, new, lambda r: f"<@&{r}>", added="Members with {} may now use /imagine",
                                    removed="Members with {} may no longer use /imagine", counted="role",
                                    emptied="none left: everyone may use it again", first="everyone"))
        case "daily_limit":
            return [_changed("the daily limit", _or_default(old, lambda v: daily(v or None)),
                             _or_default(new, lambda v: daily(v or None)))]
        case "cooldown_seconds":
            return [_changed("the cooldown between a member's requests", duration(old), duration(new))]
        case "max_concurrent":
            return [_changed("the jobs a member may run at once", _or_default(old), _or_default(new))]
        case "max_count":
            return [_changed("the images per request", _or_default(old), _or_default(new))]
        case "max_size":
            return [_changed("the largest size", _or_default(old), _or_default(new))]
        case "monthly_budget_usd":
            if new is None:
                return [f"Removed the monthly budget (was {money(old)})."]
            if old is None:
                return [f"Set the monthly budget to {money(new)} (UTC calendar month; before, none)."]
            return [_changed("the monthly budget", money(old), money(new))]
        case "log_channel_id":
            if new is None:
                return [f"Turned the audit log off (it was <#{old}>)."]
            return [f"The audit log now goes to <#{new}> ({f'was <#{old}>' if old else 'it was off'})."]
        case "spoiler":
            return ["Results are now sent as spoilers." if new else "Results are no longer sent as spoilers."]
        case "blocked_words":
            return list(_words(old, new))
        case "blocked_members":
            return list(_members(old, new))
        case "styles":
            return list(_styles(old, new))
        case "describe_model":
            if new is None:
                return [f"/describe uses {OPERATOR_DEFAULT} again (was {code(old)})."]
            return [f"/describe now uses {code(new)} here (was {_or_default(old, code)})."]
    return [f"Changed {code(name)}."]  # a setting this module does not know yet: at least say which


def change_sentences(change: SettingsChange) -> list[str]:
    """Every sentence of a change, in the order of the settings it touched."""
    return [sentence for name, _, _ in change.changes for sentence in sentences(change.before, change.after, name)]
