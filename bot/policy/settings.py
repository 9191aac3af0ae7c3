"""Moderators' settings of a server: validated changes, each returned as before → after for the
confirmation and the audit log, and the effective values (the server's, or the operator's it inherits)."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from bot.i18n import BABEL_LOCALES, Message, msg
from bot.openroute.types import ImageModel
from bot.policy import styles as style_rules
from bot.policy.changes import SettingsChange, lines
from bot.policy.rules import Actor, Policy, PolicyRefusal
from bot.policy.words import InvalidTerm, WordMatcher
from bot.records.guild import IMAGE_SIZE_ORDER, BlockedMember, GuildModels, GuildSettings, Style

if TYPE_CHECKING:
    from bot.storage.base import GuildSettingsRepository

log = logging.getLogger(__name__)

ModelsLoader = Callable[[], Awaitable[list[ImageModel] | None]]
MAX_DAILY_LIMIT = 10_000
MAX_COOLDOWN = 24 * 60 * 60
MAX_BUDGET = Decimal(1_000_000)
MAX_BLOCKED_WORDS = 5000
MAX_REASON = 300


@dataclass(frozen=True, slots=True)
class Effective:
    """What applies in a server, and where each value comes from (`inherited`: names the operator set)."""

    settings: GuildSettings
    allowed_models: tuple[str, ...]  # the server's list, or the operator's patterns ("*" for every model)
    default_model: str
    daily_limit: int | None  # None: no limit
    cooldown_seconds: int
    max_concurrent: int
    max_count: int
    max_size: str
    monthly_budget_usd: Decimal | None
    inherited: frozenset[str]
    unknown_models: frozenset[str]  # allowed or default models the provider does not list (when known)
    describe_model: str | None = None  # what /describe uses here (None: the operator set no DESCRIBE_MODELS)
    operator_styles: tuple[Style, ...] = ()  # the operator's defaults that no style of the server shadows


class SettingsService:
    """Reads and changes a server's settings. Only members who manage the server may change them."""

    def __init__(self, repository: GuildSettingsRepository, policy: Policy, models: ModelsLoader, *,
                 styles: Sequence[Style] = (), describe_models: Sequence[str] = (),
                 clock: Callable[[], float] = time.time) -> None:
        self._repository = repository
        self._policy = policy
        self._models = models
        self._operator_styles = style_rules.by_name(styles)  # STYLES_FILE
        self.describe_models = tuple(describe_models)  # DESCRIBE_MODELS: the first is the default
        self._clock = clock
        self._cache: dict[int, GuildSettings] = {}

    async def get(self, guild_id: int) -> GuildSettings:
        """The server's settings. Cached, and the copy is checked against the database's save time on every
        read: another bot process sharing the database may have changed them."""
        cached = self._cache.get(guild_id)
        if cached is None or await self._repository.updated_at(guild_id) != cached.updated_at:
            cached = self._cache[guild_id] = await self._repository.get(guild_id)
        return cached

    async def configured_models(self) -> list[GuildModels]:
        """The models every server named in its settings (its default, its allowlist), to check them against
        the provider's list."""
        return await self._repository.configured_models()

    async def effective(self, guild_id: int) -> Effective:
        """The server's settings with what it inherits from the operator filled in."""
        settings = await self.get(guild_id)
        operator = self._policy.settings
        inherited = set()
        if not settings.allowed_models:
            inherited.add("allowed_models")
        if not settings.default_model:
            inherited.add("default_model")
        if settings.daily_limit is None:
            inherited.add("daily_limit")
        if settings.max_concurrent is None:
            inherited.add("max_concurrent")
        if not settings.max_count:
            inherited.add("max_count")
        if not settings.max_size:
            inherited.add("max_size")
        describe_model = self._describe_model(settings)
        if describe_model != settings.describe_model:
            inherited.add("describe_model")
        daily = settings.daily_limit if settings.daily_limit is not None else operator.default_daily_limit
        models = await self._models()
        listed = {m.id for m in models} if models is not None else None
        default_model = settings.default_model or operator.default_model
        named = set(settings.allowed_models) | {default_model}
        return Effective(
            settings=settings,
            allowed_models=tuple(sorted(settings.allowed_models)) or (operator.allowed_models or ("*",)),
            default_model=default_model,
            daily_limit=daily or None,
            cooldown_seconds=settings.cooldown_seconds,
            max_concurrent=min(settings.max_concurrent or operator.max_jobs_per_user, operator.max_jobs_per_user),
            max_count=min(settings.max_count or operator.max_count, operator.max_count),
            max_size=settings.max_size or IMAGE_SIZE_ORDER[-1],
            monthly_budget_usd=settings.monthly_budget_usd,
            inherited=frozenset(inherited),
            unknown_models=frozenset(named - listed) if listed is not None else frozenset(),
            describe_model=describe_model,
            operator_styles=tuple(style_rules.merged(settings.styles, self._operator_styles)[len(settings.styles):]),
        )

    # --- changes ---

    async def add_model(self, actor: Actor, model: str) -> SettingsChange:
        model = await self._image_model(actor, model)
        return await self._change(actor, "models add", lambda s: s.replace(
            allowed_models=s.allowed_models | {model}))

    async def remove_model(self, actor: Actor, model: str) -> SettingsChange:
        settings = await self.get(self.require_moderator(actor))
        if model not in settings.allowed_models:
            raise PolicyRefusal(msg("{model} is not on this server's list.", model=f"`{model}`"))
        if settings.default_model == model:
            raise PolicyRefusal(msg("{model} is this server's default model. Choose another default first.",
                                    model=f"`{model}`"))
        return await self._change(actor, "models remove", lambda s: s.replace(
            allowed_models=s.allowed_models - {model}))

    async def set_default(self, actor: Actor, model: str) -> SettingsChange:
        model = await self._image_model(actor, model)
        settings = await self.get(self._guild(actor))
        if settings.allowed_models and model not in settings.allowed_models:
            raise PolicyRefusal(msg("{model} is not on this server's list of allowed models. Add it first.",
                                    model=f"`{model}`"))
        return await self._change(actor, "models default", lambda s: s.replace(default_model=model))

    async def set_age_restricted(self, actor: Actor, model: str, enabled: bool) -> SettingsChange:
        model = await self._image_model(actor, model)
        return await self._change(actor, "models age-restricted", lambda s: s.replace(
            age_restricted_models=(s.age_restricted_models | {model}) if enabled
            else (s.age_restricted_models - {model})))

    async def set_channel(self, actor: Actor, channel_id: int, allowed: bool) -> SettingsChange:
        return await self._change(actor, "channels add" if allowed else "channels remove", lambda s: s.replace(
            channel_ids=(s.channel_ids | {channel_id}) if allowed else (s.channel_ids - {channel_id})))

    async def set_role(self, actor: Actor, role_id: int, allowed: bool) -> SettingsChange:
        return await self._change(actor, "roles add" if allowed else "roles remove", lambda s: s.replace(
            role_ids=(s.role_ids | {role_id}) if allowed else (s.role_ids - {role_id})))

    async def set_limits(self, actor: Actor, *, daily: int | None = None, cooldown: int | None = None,
                         concurrent: int | None = None, max_count: int | None = None,
                         max_size: str | None = None) -> SettingsChange:
        """Change any subset; the rest keep their values."""
        self.require_moderator(actor)
        changes: dict[str, Any] = {}
        if daily is not None:
            changes["daily_limit"] = _bounded("daily", daily, 0, MAX_DAILY_LIMIT)
        if cooldown is not None:
            changes["cooldown_seconds"] = _bounded("cooldown", cooldown, 0, MAX_COOLDOWN)
        if concurrent is not None:
            changes["max_concurrent"] = _bounded("concurrent", concurrent, 1, self._policy.settings.max_jobs_per_user)
        if max_count is not None:
            changes["max_count"] = _bounded("max_count", max_count, 1, self._policy.settings.max_count)
        if max_size is not None:
            if max_size not in IMAGE_SIZE_ORDER:
                raise PolicyRefusal(msg("max_size must be one of {sizes}.", sizes=", ".join(IMAGE_SIZE_ORDER)))
            changes["max_size"] = max_size
        if not changes:
            raise PolicyRefusal(msg("Give at least one of daily, cooldown, concurrent, max_count or max_size."))
        return await self._change(actor, "limits", lambda s: s.replace(**changes))

    async def set_budget(self, actor: Actor, monthly_usd: Decimal) -> SettingsChange:
        self.require_moderator(actor)
        if not monthly_usd.is_finite() or monthly_usd < 0 or monthly_usd > MAX_BUDGET:
            raise PolicyRefusal(msg("The budget must be an amount in US dollars between 0 and 1,000,000 (0: none)."))
        value = monthly_usd.quantize(Decimal("0.01")) if monthly_usd else None
        return await self._change(actor, "budget", lambda s: s.replace(monthly_budget_usd=value))

    async def set_log_channel(self, actor: Actor, channel_id: int | None) -> SettingsChange:
        return await self._change(actor, "log-channel", lambda s: s.replace(log_channel_id=channel_id))

    async def set_spoiler(self, actor: Actor, enabled: bool) -> SettingsChange:
        return await self._change(actor, "spoiler", lambda s: s.replace(spoiler=enabled))

    async def add_word(self, actor: Actor, term: str) -> SettingsChange:
        """Block a term in this server's prompts (whole words; `*` at the end: a prefix)."""
        settings = await self.get(self.require_moderator(actor))
        term = " ".join(term.split())
        try:
            WordMatcher([term])
        except InvalidTerm as exc:
            raise PolicyRefusal(exc.message) from None
        if not term:
            raise PolicyRefusal(msg("Give a word or phrase to block."))
        if len(settings.blocked_words) >= MAX_BLOCKED_WORDS:
            raise PolicyRefusal(msg("A server can block at most {limit} terms.", limit=MAX_BLOCKED_WORDS))
        return await self._change(actor, "words add", lambda s: s.replace(blocked_words=s.blocked_words | {term}))

    async def remove_word(self, actor: Actor, term: str) -> SettingsChange:
        settings = await self.get(self.require_moderator(actor))
        term = " ".join(term.split())
        if term not in settings.blocked_words:
            raise PolicyRefusal(msg("That term is not on this server's list."))
        return await self._change(actor, "words remove", lambda s: s.replace(blocked_words=s.blocked_words - {term}))

    async def words(self, actor: Actor) -> list[str]:
        """The server's blocked terms, for moderators only."""
        return sorted((await self.get(self.require_moderator(actor))).blocked_words, key=str.casefold)

    async def block_member(self, actor: Actor, user_id: int, reason: str = "") -> SettingsChange:
        """Refuse /imagine to a member of this server, with the reason they will be told."""
        self.require_moderator(actor)
        if user_id in self._policy.settings.owner_ids:
            raise PolicyRefusal(msg("The bot's owners cannot be blocked."))
        if user_id == actor.user_id:
            raise PolicyRefusal(msg("You cannot block yourself."))
        reason = " ".join(reason.split())[:MAX_REASON]
        block = BlockedMember(user_id=user_id, reason=reason, blocked_by=actor.user_id, blocked_at=self._clock())
        return await self._change(actor, "members block", lambda s: s.replace(blocked_members=tuple(sorted(
            (*(b for b in s.blocked_members if b.user_id != user_id), block), key=lambda b: b.user_id))))

    async def unblock_member(self, actor: Actor, user_id: int) -> SettingsChange:
        settings = await self.get(self.require_moderator(actor))
        if settings.blocked(user_id) is None:
            raise PolicyRefusal(msg("That member is not blocked."))
        return await self._change(actor, "members unblock", lambda s: s.replace(
            blocked_members=tuple(b for b in s.blocked_members if b.user_id != user_id)))

    # --- styles ---

    async def add_style(self, actor: Actor, name: str, text: str) -> SettingsChange:
        """A named style members of this server can add to their prompts (see `styles.adding` for what is
        refused); checked against the settings as stored, in the change's own transaction."""
        self.require_moderator(actor)
        style = Style(name=style_rules.style_name(name), text=style_rules.style_text(text))
        return await self._change(actor, "styles add", style_rules.adding(self._policy, actor, style))

    async def remove_style(self, actor: Actor, name: str) -> SettingsChange:
        return await self._change(actor, "styles remove", style_rules.removing(name))

    async def styles(self, actor: Actor) -> style_rules.StyleListing:
        """The server's styles and the operator's defaults, for moderators only."""
        settings = await self.get(self.require_moderator(actor))
        return style_rules.listing(self._policy, actor, settings, self._operator_styles)

    async def styles_for(self, actor: Actor) -> list[Style]:
        """The styles a member may pick where they are: the server's own, then the operator's defaults
        (`STYLES_FILE`) whose name no server style has; in DMs and contexts without the bot's server, the
        operator's only. A style with a term blocked here is left out: a prompt using it would be refused."""
        if actor.is_dm or actor.guild_id is None:
            return [s for s in self._operator_styles if style_rules.usable(self._policy, actor, s, None)]
        settings = await self.get(actor.guild_id)
        return [s for s in style_rules.merged(settings.styles, self._operator_styles)
                if style_rules.usable(self._policy, actor, s, settings)]

    async def style(self, actor: Actor, name: str) -> Style | None:
        """The style of this name (whatever its case) that applies where the member is: the server's own,
        else the operator's default; None when neither has one. Blocked terms are not checked here: the
        request's policy check refuses a prompt whose style holds one, and says so."""
        settings = None if actor.is_dm or actor.guild_id is None else await self.get(actor.guild_id)
        found = style_rules.named(settings.styles, name) if settings is not None else None
        return found or style_rules.named(self._operator_styles, name)

    # --- the language of public messages ---

    async def set_language(self, actor: Actor, language: str | None) -> SettingsChange:
        """The language of the server's public messages (results, progress, audit lines): a locale the bot
        speaks; None: the server's own language as Discord reports it, else English."""
        self.require_moderator(actor)
        if language is not None:
            language = language.strip()
            if language not in BABEL_LOCALES:
                shown = "".join(ch for ch in language[:20] if ch.isprintable() and ch != "`")
                raise PolicyRefusal(msg("{language} is not a language this bot speaks. Pick one from the list.",
                                        language=f"`{shown}`"))
        return await self._change(actor, "language", lambda s: s.replace(language=language))

    # --- the describe model ---

    async def set_describe_model(self, actor: Actor, model: str | None) -> SettingsChange:
        """The model /describe uses here: one of the operator's DESCRIBE_MODELS; None: the operator's first."""
        self.require_moderator(actor)
        if model is not None:
            model = model.strip()
            if not self.describe_models:
                raise PolicyRefusal(msg("This bot has no models to describe images with: its operator has not "
                                        "set DESCRIBE_MODELS."))
            if model not in self.describe_models:
                raise PolicyRefusal(msg("{model} is not one of the models this bot describes images with. Pick "
                                        "one from the list.", model=f"`{model}`"))
        return await self._change(actor, "describe-model", lambda s: s.replace(describe_model=model))

    async def describe_model_for(self, actor: Actor) -> str | None:
        """The model /describe uses where the member is: the server's choice while the operator still offers
        it, else the first of DESCRIBE_MODELS; None when the operator set none."""
        if actor.is_dm or actor.guild_id is None:
            return self._describe_model(None)
        return self._describe_model(await self.get(actor.guild_id))

    def _describe_model(self, settings: GuildSettings | None) -> str | None:
        if settings is not None and settings.describe_model in self.describe_models:
            return settings.describe_model
        return self.describe_models[0] if self.describe_models else None

    # --- helpers ---

    @staticmethod
    def _guild(actor: Actor) -> int:
        if actor.guild_id is None or actor.is_dm:
            raise PolicyRefusal(msg("Settings belong to a server: use /settings in the server."))
        return actor.guild_id

    def require_moderator(self, actor: Actor) -> int:
        """The actor's server id, or a refusal unless they may manage the server."""
        guild_id = self._guild(actor)
        if not actor.manages_guild:
            raise PolicyRefusal(msg("Only members with the Manage Server permission can change these settings."))
        return guild_id

    async def _image_model(self, actor: Actor, model: str) -> str:
        self.require_moderator(actor)
        model = model.strip()
        models = await self._models()
        if models is None:
            raise PolicyRefusal(msg("The list of image models can't be loaded right now, so the model can't be "
                                    "checked. Try again in a minute."))
        if model not in {m.id for m in models}:
            raise PolicyRefusal(msg("{model} is not an image model the provider lists. Pick one from the list.",
                                    model=f"`{model}`"))
        if not self._policy.operator_allows(model, dm=False):
            raise PolicyRefusal(msg("{model} is not allowed by the bot's operator, so servers cannot allow it.",
                                    model=f"`{model}`"))
        return model

    async def _change(self, actor: Actor, what: str,
                      change: Callable[[GuildSettings], GuildSettings]) -> SettingsChange:
        guild_id = self.require_moderator(actor)
        # applied to the settings as they are in the database, atomically: a concurrent change (another
        # moderator, another process) is never overwritten by a stale copy
        before, after = await self._repository.update(guild_id, change, now=self._clock())
        self._cache[guild_id] = after
        changed = lines(before, after)
        log.info("guild %d: settings %s by user %d: %s", guild_id, what, actor.user_id,
                 "; ".join(f"{n}: {b} -> {a}" for n, b, a in changed) or "no change")
        return SettingsChange(guild_id=guild_id, moderator_id=actor.user_id, what=what, before=before,
                              after=after, changes=changed, guild_locale=actor.guild_locale)


def _bounded(name: str, value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        # the option as the moderator's Discord names it (`/settings limits 1日の上限:`)
        option = Message(name, context="option name")
        raise PolicyRefusal(msg("{name} must be between {low} and {high}.", name=option, low=low, high=high))
    return value
