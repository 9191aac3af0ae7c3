"""Who may generate what, where. Discord-free: callers describe the person with `Actor` and the server's
choices with `GuildSettings`.

The operator's policy (environment) bounds everything; a server's moderators can only narrow it. Checks run
in a fixed order, each refusal with its own sentence: channel, role, model allowed here (and its age
restriction), size, count — then the counted limits (cooldown, daily images, concurrency, server budget,
global budget), which `quota_for` describes and the job repository checks atomically while recording the job.
"""

from __future__ import annotations

import calendar
import fnmatch
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from bot.i18n import SOURCE_LOCALE, ListOf, Message, Wait, msg, msgs
from bot.openroute.types import ASPECT_RATIOS, IMAGE_SIZES, ImageModel
from bot.policy.language import public_language
from bot.policy.words import WordMatcher
from bot.records.guild import IMAGE_SIZE_ORDER, GuildSettings
from bot.records.quota import Quota, QuotaExceeded
from bot.records.spec import JobKind, JobSpec

DAY = 24 * 60 * 60


class PolicyRefusal(Exception):
    """The request is not allowed. `message` is a complete sentence for the user, put into their language by the
    Discord layer; `reason` is its English text (logs)."""

    def __init__(self, reason: Message | str) -> None:
        super().__init__(str(reason))
        self.message = reason
        self.reason = str(reason)


class BlockedPrompt(PolicyRefusal):
    """The prompt contains a blocked term. The member is not told which; the audit log is (`term`, and
    `audit_channel_id`, the server's log channel, None in DMs or without one)."""

    def __init__(self, reason: Message | str, *, term: str, audit_channel_id: int | None,
                 prompt: str | None = None, audit_locale: str = SOURCE_LOCALE) -> None:
        super().__init__(reason)
        self.term = term
        self.audit_channel_id = audit_channel_id
        self.prompt = prompt
        self.audit_locale = audit_locale  # the language of the server's public messages, audit lines included


class DefaultModelUnavailable(PolicyRefusal):
    """The member chose no model and the default that applies (`model`; the server's own when
    `server_default`) is not among the provider's image models. The operator has to act, not the member."""

    def __init__(self, reason: Message | str, *, model: str, server_default: bool) -> None:
        super().__init__(reason)
        self.model = model
        self.server_default = server_default


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int
    guild_id: int | None
    channel_id: int | None
    is_dm: bool  # a bot DM, group DM or any context without a server the bot is in
    is_owner: bool = False  # OWNER_IDS: bypass member limits, never the operator allowlist or budgets
    manages_messages: bool = False  # may manage messages in the channel (moderators)
    manages_guild: bool = False  # Manage Server (or Administrator): may change the server's settings
    role_ids: frozenset[int] = frozenset()
    nsfw_channel: bool = False  # an age-restricted channel
    locale: str | None = None  # the member's language, as their Discord client reports it
    guild_locale: str | None = None  # the server's language, where Discord reports one (Community servers)


@dataclass(frozen=True, slots=True)
class PolicySettings:
    """The operator's policy."""

    default_model: str = "google/gemini-2.5-flash-image"
    dm_enabled: bool = True
    dm_daily_limit: int = 20  # images per user per 24 h in DMs; 0: none
    max_prompt_length: int = 1000
    max_count: int = 4
    max_jobs_per_user: int = 2
    allowed_models: tuple[str, ...] = ()  # patterns; empty: every image model
    dm_models: tuple[str, ...] = ()  # patterns for DMs; empty: `allowed_models`
    default_daily_limit: int = 20  # images per member per server per 24 h; 0: none
    global_daily_budget: Decimal = Decimal(0)  # 0: none
    owner_ids: frozenset[int] = field(default_factory=frozenset)
    blocked_words: tuple[str, ...] = ()  # OPERATOR_BLOCKED_WORDS: terms refused everywhere, DMs included
    model_image_sizes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # sizes of listed models; others: all
    upscale_model: str | None = None  # UPSCALE_MODEL


def matches(model: str, patterns: Iterable[str]) -> bool:
    """True when `model` matches one of the `*` patterns (case-sensitive, like model ids)."""
    return any(fnmatch.fnmatchcase(model, pattern) for pattern in patterns)


def month_start(now: float) -> float:
    """The start of the current calendar month (UTC) as unix seconds."""
    moment = time.gmtime(now)
    return float(calendar.timegm((moment.tm_year, moment.tm_mon, 1, 0, 0, 0)))


class Policy:
    def __init__(self, settings: PolicySettings, *, clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self._clock = clock
        self._operator_words = WordMatcher(settings.blocked_words)
        self._server_words: dict[int, tuple[frozenset[str], WordMatcher]] = {}  # rebuilt when a list changes

    # --- models ---

    def operator_patterns(self, *, dm: bool) -> tuple[str, ...]:
        """The operator's allowlist: DM_MODELS in DMs when set, else ALLOWED_MODELS; empty: every model."""
        return (self.settings.dm_models or self.settings.allowed_models) if dm else self.settings.allowed_models

    def operator_allows(self, model: str, *, dm: bool) -> bool:
        patterns = self.operator_patterns(dm=dm)
        return not patterns or matches(model, patterns)

    def allowed_here(self, actor: Actor, model: str, guild: GuildSettings | None) -> bool:
        """Allowed by the operator and, in a server, by its allowlist (ignoring the age restriction)."""
        if not self.operator_allows(model, dm=actor.is_dm):
            return False
        return guild is None or actor.is_dm or not guild.allowed_models or model in guild.allowed_models

    def age_blocked(self, actor: Actor, model: str, guild: GuildSettings | None) -> bool:
        return (guild is not None and not actor.is_dm and model in guild.age_restricted_models
                and not actor.nsfw_channel)

    def models_for(self, actor: Actor, guild: GuildSettings | None, models: Iterable[ImageModel]) -> list[ImageModel]:
        """The image models this actor may use here, in the provider's order."""
        return [m for m in models
                if self.allowed_here(actor, m.id, guild) and not self.age_blocked(actor, m.id, guild)]

    def default_model(self, actor: Actor, guild: GuildSettings | None) -> str:
        """The server's default where it set one, else the operator's — unless that one is not allowed here
        (a server list that leaves it out, an operator allowlist that does not match it): then the first
        model of the server's list that is allowed."""
        if guild is not None and not actor.is_dm and guild.default_model:
            return guild.default_model
        fallback = self.settings.default_model
        if self.allowed_here(actor, fallback, guild) or guild is None or actor.is_dm:
            return fallback
        return next((m for m in sorted(guild.allowed_models) if self.allowed_here(actor, m, guild)), fallback)

    def known_allowed(self, actor: Actor, guild: GuildSettings | None) -> set[str]:
        """Models known to be allowed without the provider's list: the defaults, the server's allowlist
        and the operator's literal (pattern-free) ids. Used when the list cannot be loaded (fail closed)."""
        known = {self.settings.default_model, self.default_model(actor, guild)}
        if guild is not None:
            known |= guild.allowed_models
        known |= {p for p in self.operator_patterns(dm=actor.is_dm) if not any(c in p for c in "*?[")}
        return {m for m in known if self.allowed_here(actor, m, guild)}

    # --- the request ---

    def authorize(self, actor: Actor, spec: JobSpec, *, guild: GuildSettings | None,
                  known_models: list[ImageModel] | None, model_chosen: bool = True) -> None:
        """Raise `PolicyRefusal` when `actor` may not run this generation here. Stores nothing. `model_chosen`
        False: `spec.model` is the default that applies here, not the member's choice."""
        self._check_request(spec)
        self.check_place(actor, guild)
        self._check_prompt_words(actor, spec, guild)
        self._check_model(actor, spec.model, guild, known_models, chosen=model_chosen)
        if (spec.inputs or spec.kind.sends_images) and known_models is not None:
            listed = next((m for m in known_models if m.id == spec.model), None)
            if listed is not None and listed.input_modalities and "image" not in listed.input_modalities:
                raise PolicyRefusal(msg("{model} does not take images as input. Pick a model that does.",
                                        model=f"`{spec.model}`"))
        if spec.image_size is not None and spec.image_size not in self.sizes_for(spec.model):
            raise PolicyRefusal(msg("{model} renders {sizes} only.", model=f"`{spec.model}`",
                                    sizes=ListOf(self.sizes_for(spec.model))))
        max_size = guild.max_size if guild is not None and not actor.is_dm else None
        if max_size and spec.image_size and not actor.is_owner and \
                IMAGE_SIZE_ORDER.index(spec.image_size) > IMAGE_SIZE_ORDER.index(max_size):
            raise PolicyRefusal(msg("The largest size on this server is {size}.", size=max_size))
        max_count = self.max_count(actor, guild)
        if spec.count > max_count:
            raise PolicyRefusal(msgs("You can ask for at most {count} image at a time here.",
                                     "You can ask for at most {count} images at a time here.", max_count))

    def check_place(self, actor: Actor, guild: GuildSettings | None) -> None:
        """Refuse a member a moderator blocked here, a DM when DMs are off, a channel or a role the server did
        not choose: what every request checks first, whatever it asks for (an image, a describe)."""
        if guild is not None and not actor.is_dm and (block := guild.blocked(actor.user_id)) is not None:
            if block.reason.strip():
                raise PolicyRefusal(msg("A moderator blocked you from using /imagine on this server. Reason: {reason}",
                                        reason=block.reason))
            raise PolicyRefusal(msg("A moderator blocked you from using /imagine on this server."))
        if actor.is_dm:
            if not self.settings.dm_enabled and not actor.is_owner:
                raise PolicyRefusal(msg("Image generation in direct messages is turned off on this bot. "
                                        "Use /imagine in a server instead."))
        elif guild is not None:
            if guild.channel_ids and actor.channel_id not in guild.channel_ids:
                raise PolicyRefusal(msg("Image generation is not enabled in this channel. Moderators chose the "
                                        "channels where /imagine works on this server."))
            if guild.role_ids and not (guild.role_ids & actor.role_ids) and not actor.is_owner:
                raise PolicyRefusal(msg("Image generation on this server is limited to certain roles, and you "
                                        "don't have one of them."))

    def check_words(self, actor: Actor, prompt: str, guild: GuildSettings | None) -> None:
        """Refuse a prompt with a term the operator (everywhere) or the server blocked."""
        in_server = guild is not None and not actor.is_dm
        term = self._operator_words.find(prompt)
        if term is None and in_server:
            term = self._matcher_for(guild).find(prompt)  # type: ignore[arg-type]
        if term is not None:
            sentence = (msg("This prompt contains a term that is not allowed on this server. Rephrase it.") if in_server
                        else msg("This prompt contains a term that is not allowed on this bot. Rephrase it."))
            raise BlockedPrompt(sentence, term=term,
                                audit_channel_id=guild.log_channel_id if in_server else None,  # type: ignore[union-attr]
                                prompt=prompt, audit_locale=public_language(actor, guild))

    def _check_prompt_words(self, actor: Actor, spec: JobSpec, guild: GuildSettings | None) -> None:
        """Blocked words in the member's prompt, then with the style's text (never in the bot's own fixed
        instructions); a term only the style brings is refused as the style's, which the member did not write."""
        self.check_words(actor, spec.prompt, guild)
        if not spec.style_text:
            return
        try:
            self.check_words(actor, spec.full_prompt, guild)
        except BlockedPrompt as blocked:
            style = f"`{spec.style}`"
            sentence = (msg("The style {style} contains a term that is not allowed on this server. Pick another style.",
                            style=style) if guild is not None and not actor.is_dm else
                        msg("The style {style} contains a term that is not allowed on this bot. Pick another style.",
                            style=style))
            raise BlockedPrompt(sentence, term=blocked.term, audit_channel_id=blocked.audit_channel_id,
                                prompt=blocked.prompt, audit_locale=blocked.audit_locale) from None

    def _matcher_for(self, guild: GuildSettings) -> WordMatcher:
        cached = self._server_words.get(guild.guild_id)
        if cached is None or (cached[0] is not guild.blocked_words and cached[0] != guild.blocked_words):
            cached = self._server_words[guild.guild_id] = (guild.blocked_words, WordMatcher(guild.blocked_words))
        return cached[1]

    def sizes_for(self, model: str) -> tuple[str, ...]:
        """The sizes `model` renders, smallest first (MODEL_IMAGE_SIZES; a model not listed renders all)."""
        listed = dict(self.settings.model_image_sizes).get(model)
        return tuple(size for size in IMAGE_SIZES if listed is None or size in listed)

    def sizes_allowed(self, actor: Actor, model: str, guild: GuildSettings | None) -> tuple[str, ...]:
        """The sizes `actor` may ask of `model` where they are: those it renders, up to the server's largest
        (which binds neither DMs nor owners)."""
        max_size = guild.max_size if guild is not None and not actor.is_dm and not actor.is_owner else None
        return tuple(size for size in self.sizes_for(model)
                     if not max_size or IMAGE_SIZE_ORDER.index(size) <= IMAGE_SIZE_ORDER.index(max_size))

    def upscale_target(self, spec: JobSpec, guild: GuildSettings | None) -> tuple[str, str] | None:
        """The (model, size) an Upscale of `spec`'s result renders: one size larger, by its own model if that
        renders it, else by UPSCALE_MODEL; None when no larger size exists or the server's largest size is
        already reached (where Upscale is not offered)."""
        size = (spec.image_size or IMAGE_SIZE_ORDER[0]).upper()
        if size not in IMAGE_SIZE_ORDER or size == IMAGE_SIZE_ORDER[-1]:
            return None
        larger = IMAGE_SIZE_ORDER[IMAGE_SIZE_ORDER.index(size) + 1]
        if guild is not None and not spec.is_dm and guild.max_size and \
                IMAGE_SIZE_ORDER.index(larger) > IMAGE_SIZE_ORDER.index(guild.max_size):
            return None
        for model in (spec.model, self.settings.upscale_model):
            if model and larger in self.sizes_for(model):
                return model, larger
        return None

    def max_count(self, actor: Actor, guild: GuildSettings | None) -> int:
        limit = self.settings.max_count
        if guild is not None and not actor.is_dm and guild.max_count and not actor.is_owner:
            limit = min(limit, guild.max_count)
        return limit

    def _check_request(self, spec: JobSpec) -> None:
        if not spec.prompt.strip() and spec.kind is not JobKind.BLEND:  # a blend's instruction is optional
            raise PolicyRefusal(msg("The prompt is empty. Describe the image you want."))
        prompt = spec.full_prompt  # the style's text counts toward the limit
        if len(prompt) > self.settings.max_prompt_length:
            if spec.style_text:
                raise PolicyRefusal(msg("The prompt with its style is too long ({length} characters; the limit is "
                                        "{limit}).", length=len(prompt), limit=self.settings.max_prompt_length))
            raise PolicyRefusal(msg("The prompt is too long ({length} characters; the limit is {limit}).",
                                    length=len(prompt), limit=self.settings.max_prompt_length))
        if not 1 <= spec.count <= self.settings.max_count:
            raise PolicyRefusal(msg("Count must be between 1 and {limit}.", limit=self.settings.max_count))
        if spec.aspect_ratio is not None and spec.aspect_ratio not in ASPECT_RATIOS:
            raise PolicyRefusal(msg("Unknown aspect ratio {given}. Pick one of {known}.", given=repr(spec.aspect_ratio),
                                    known=", ".join(ASPECT_RATIOS)))
        if spec.image_size is not None and spec.image_size not in IMAGE_SIZES:
            raise PolicyRefusal(msg("Unknown size {given}. Pick one of {known}.", given=repr(spec.image_size),
                                    known=", ".join(IMAGE_SIZES)))

    def _check_model(self, actor: Actor, model: str, guild: GuildSettings | None,
                     known_models: list[ImageModel] | None, *, chosen: bool = True) -> None:
        if known_models is None:
            if model not in self.known_allowed(actor, guild):
                raise PolicyRefusal(msg("The list of image models can't be loaded right now, so only this "
                                        "server's default and allowed models can be used. Try again in a minute."))
        elif model not in {m.id for m in known_models}:
            if not chosen:
                raise self._default_unavailable(actor, model, guild)
            raise PolicyRefusal(msg("{model} is not an image model this bot can use. Pick one from the list.",
                                    model=f"`{model}`"))
        if not self.allowed_here(actor, model, guild):
            if actor.is_dm:
                raise PolicyRefusal(msg("{model} is not allowed in direct messages. Pick one from the list (/models "
                                        "shows them).", model=f"`{model}`"))
            raise PolicyRefusal(msg("{model} is not allowed on this server. Pick one from the list (/models shows "
                                    "them).", model=f"`{model}`"))
        if self.age_blocked(actor, model, guild):
            raise PolicyRefusal(msg("{model} can only be used in age-restricted channels.", model=f"`{model}`"))

    def _default_unavailable(self, actor: Actor, model: str, guild: GuildSettings | None) -> DefaultModelUnavailable:
        # the server's choice when it named a default, or when the operator's is not allowed here and the
        # first model of the server's list stands in for it
        server = (guild is not None and not actor.is_dm
                  and (guild.default_model == model or model != self.settings.default_model))
        if server:
            sentence = msg("This server's default model {model} is unavailable right now. Pick a model with the "
                           "`model` option of /imagine: its suggestions list the ones you can use here. A moderator "
                           "can choose another default with /settings models default.", model=f"`{model}`")
        else:
            sentence = msg("The bot's default model {model} is unavailable right now. Pick a model with the `model` "
                           "option of /imagine: its suggestions list the ones you can use here.", model=f"`{model}`")
        return DefaultModelUnavailable(sentence, model=model, server_default=server)

    # --- counted limits ---

    def quota_for(self, actor: Actor, guild: GuildSettings | None, *, reserve: Decimal) -> Quota:
        """The counted limits of this actor's next job here, with `reserve` held against the budgets."""
        now = self._clock()
        owner = actor.is_owner
        in_server = guild is not None and not actor.is_dm
        if actor.is_dm:
            daily = self.settings.dm_daily_limit or None
        elif guild is not None and guild.daily_limit is not None:
            daily = guild.daily_limit or None
        else:
            daily = self.settings.default_daily_limit or None
        return Quota(
            now=now,
            daily_images=None if owner else daily,
            cooldown=0.0 if owner or not in_server else float(guild.cooldown_seconds),  # type: ignore[union-attr]
            # counted in the database in every context (DMs and user installs too), across every process
            concurrent=None if owner else self._concurrent(guild if in_server else None),
            guild_budget=guild.monthly_budget_usd if in_server and guild.monthly_budget_usd else None,  # type: ignore[union-attr]
            month_start=month_start(now),
            global_budget=self.settings.global_daily_budget or None,
            reserve=reserve,
        )

    def _concurrent(self, guild: GuildSettings | None) -> int | None:
        """Jobs a member may have at once: the server's setting, else MAX_JOBS_PER_USER (0: no limit)."""
        if guild is not None and guild.max_concurrent is not None:
            return guild.max_concurrent or None
        return self.settings.max_jobs_per_user or None

    def quota_refusal(self, actor: Actor, exceeded: QuotaExceeded) -> PolicyRefusal:
        """The sentence for a request over one of its counted limits."""
        wait = Wait(exceeded.retry_after) if exceeded.retry_after else None
        limit = int(exceeded.limit or 0)
        match exceeded.kind:
            case "cooldown":
                if wait is None:
                    return PolicyRefusal(msg("Slow down a little: you can ask again soon."))
                return PolicyRefusal(msg("Slow down a little: you can ask again in {wait}.", wait=wait))
            case "daily":
                reached = (msgs("You have reached the daily limit of {count} image in direct messages.",
                                "You have reached the daily limit of {count} images in direct messages.", limit)
                           if actor.is_dm else
                           msgs("You have reached the daily limit of {count} image on this server.",
                                "You have reached the daily limit of {count} images on this server.", limit))
                if wait is None:
                    return PolicyRefusal(reached)
                return PolicyRefusal(msg("{reached} One frees up in {wait}.", reached=reached, wait=wait))
            case "concurrent":
                return PolicyRefusal(
                    msgs("You already have {count} image job running in direct messages. Wait for one to finish.",
                         "You already have {count} image jobs running in direct messages. Wait for one to finish.",
                         limit) if actor.is_dm else
                    msgs("You already have {count} image job running on this server. Wait for one to finish.",
                         "You already have {count} image jobs running on this server. Wait for one to finish.",
                         limit))
            case "guild_budget":
                return PolicyRefusal(msg("This server has used its image budget for this month. A moderator can "
                                         "raise it with /settings budget."))
            case _:
                return PolicyRefusal(msg("The bot has reached its spending limit for today. Try again tomorrow."))
