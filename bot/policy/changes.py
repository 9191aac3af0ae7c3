"""A settings change as the core records it: who changed what, the settings before and after, and each changed
setting as plain text for the log (`lines`). How a change reads to people is the Discord layer's
(`cogs.settings.changes`)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import public_locale
from bot.records.guild import GuildSettings, Style

SHOWN_SET = 10  # a set this long or shorter is shown whole in a change
FIELDS = ("allowed_models", "age_restricted_models", "default_model", "channel_ids", "role_ids", "daily_limit",
          "cooldown_seconds", "max_concurrent", "max_count", "max_size", "monthly_budget_usd", "log_channel_id",
          "spoiler", "blocked_words", "blocked_members", "styles", "describe_model", "language")


@dataclass(frozen=True, slots=True)
class SettingsChange:
    """One accepted change: who, what, and the settings before and after (for the audit log)."""

    guild_id: int
    moderator_id: int
    what: str  # e.g. "models add"
    before: GuildSettings
    after: GuildSettings
    changes: tuple[tuple[str, str, str], ...]  # (setting, before, after) as plain text
    guild_locale: str | None = None  # the server's language as Discord reported it to the moderator

    @property
    def public_language(self) -> str:
        """The language of the server's public messages once the change is made (its audit line's too)."""
        return public_locale(server_language=self.after.language, guild_locale=self.guild_locale,
                             member_locale=None, in_guild=True)


def lines(before: GuildSettings, after: GuildSettings) -> tuple[tuple[str, str, str], ...]:
    """Every changed setting as (name, before, after), in the order of `FIELDS`."""
    return tuple(_line(name, getattr(before, name), getattr(after, name))
                 for name in FIELDS if getattr(before, name) != getattr(after, name))


def _line(name: str, before: object, after: object) -> tuple[str, str, str]:
    """A changed setting as (name, before, after). A long set shows only what left it and what joined it, so
    a list of thousands of blocked terms does not flood the log."""
    if isinstance(before, frozenset) and isinstance(after, frozenset) and max(len(before), len(after)) > SHOWN_SET:
        return name, "removed: " + _text(before - after), "added: " + _text(after - before)
    return name, _text(before), _text(after)


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):  # styles, blocked members
        return ", ".join(f"{v.name}: {v.text}" if isinstance(v, Style) else
                         f"{v.user_id}" + (f" ({v.reason})" if v.reason else "") for v in value) or "—"
    if isinstance(value, frozenset):
        return ", ".join(str(v) for v in sorted(value)) or "—"
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
