"""A server's own settings, chosen by its moderators with /settings. Servers can narrow what the operator
allows, never widen it. `None` (or an empty set) always means "what the operator set"."""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

IMAGE_SIZE_ORDER = ("1K", "2K", "4K")


@dataclass(frozen=True, slots=True, kw_only=True)
class BlockedMember:
    """A member a moderator blocked from /imagine on one server."""

    user_id: int
    reason: str
    blocked_by: int
    blocked_at: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Style:
    """A named style: text appended to a member's prompt (e.g. "watercolour, soft light"). A server's own, or
    one the operator ships (`STYLES_FILE`)."""

    name: str
    text: str

    @property
    def key(self) -> str:
        """The name as names compare (`style_key`)."""
        return style_key(self.name)


def style_key(name: str) -> str:
    """How style names compare: whatever the case or Unicode form, so "Noir", "NOIR" and "ｎｏｉｒ" are one name."""
    return unicodedata.normalize("NFKC", name).casefold()


@dataclass(frozen=True, slots=True, kw_only=True)
class GuildModels:
    """The models one server named in its settings: its default (None: the operator's) and its allowlist."""

    guild_id: int
    default_model: str | None = None
    allowed_models: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class GuildSettings:
    guild_id: int
    allowed_models: frozenset[str] = frozenset()  # empty: the operator's set
    age_restricted_models: frozenset[str] = frozenset()  # offered and accepted only in NSFW channels
    default_model: str | None = None  # None: the operator's DEFAULT_MODEL
    channel_ids: frozenset[int] = frozenset()  # where /imagine may be used; empty: everywhere
    role_ids: frozenset[int] = frozenset()  # who may use it; empty: everyone
    daily_limit: int | None = None  # images per member per rolling 24 h; None: DEFAULT_DAILY_LIMIT
    cooldown_seconds: int = 0  # between a member's requests; 0: none
    max_concurrent: int | None = None  # jobs per member at once; None: MAX_JOBS_PER_USER
    max_count: int | None = None  # images per request; None: 4
    max_size: str | None = None  # largest of IMAGE_SIZE_ORDER; None: 4K
    monthly_budget_usd: Decimal | None = None  # per calendar month (UTC), from reported costs; None: none
    log_channel_id: int | None = None  # the audit channel
    spoiler: bool = False  # results sent as spoilers
    blocked_words: frozenset[str] = frozenset()  # terms a prompt may not contain (`*` at the end: a prefix)
    blocked_members: tuple[BlockedMember, ...] = ()  # sorted by user id
    styles: tuple[Style, ...] = ()  # the server's own named styles, sorted by name
    describe_model: str | None = None  # one of the operator's DESCRIBE_MODELS; None: the first of them
    language: str | None = None  # a Discord locale for public messages; None: the server's locale, else English
    updated_at: float | None = field(default=None, compare=False)

    def blocked(self, user_id: int) -> BlockedMember | None:
        """The block of this member, if any."""
        return next((b for b in self.blocked_members if b.user_id == user_id), None)

    def replace(self, **changes: object) -> GuildSettings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]
