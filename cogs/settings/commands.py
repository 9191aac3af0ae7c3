"""/settings: a server's moderators choose its models, channels, roles, limits, budget, audit log, spoiler
setting, styles, describe model and the language of its public messages. Thin: who is asking (`actor_of`), the
change through `SettingsService` (which checks Manage Server itself), then the confirmation for the moderator in
their language and the line for the audit channel in the server's.

`default_permissions` only hides the command by default — server admins can show it to anyone — so every
subcommand and suggestion checks the member again in code before touching anything.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import SOURCE_LOCALE, TRANSLATED_LOCALES, Speaker, msg
from bot.openroute.types import ImageModel
from bot.policy import Actor, PolicyRefusal
from bot.policy.rules import matches
from bot.policy.settings import SettingsChange
from bot.records.guild import IMAGE_SIZE_ORDER, GuildSettings
from cogs.audit import NO_MENTIONS, post_audit
from cogs.imagine import suggest
from cogs.imagine.commands import actor_of
from cogs.imagine.render import code, refusal
from cogs.language import private_speaker, refusal_text
from cogs.settings import render
from cogs.settings.changes import language_name

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot

log = logging.getLogger(__name__)

MAX_CHOICES = 25
MODEL_ID_LIMIT = 100  # Discord's limit for a string option's value
SIZES = [app_commands.Choice(name=size, value=size) for size in IMAGE_SIZE_ORDER]
# each language by its own name: the catalogue's translation of a language's name is that same name
LANGUAGES = [app_commands.Choice(name=language_name(locale), value=locale)
             for locale in (SOURCE_LOCALE, *TRANSLATED_LOCALES)]

Change = Callable[[Actor], Awaitable[SettingsChange]]
Suggest = Literal["add", "server", "pick"]


def model_id(typed: str) -> str:
    """The model a moderator typed, stripped; refused when it could not be an id: empty, longer than any
    suggestion can be, or with characters that could break the code span it is shown in."""
    model = typed.strip()
    if not model or len(model) > MODEL_ID_LIMIT or "`" in model or not model.isprintable():
        shown = "".join(ch if ch.isprintable() else "�" for ch in model[:MODEL_ID_LIMIT + 1])
        raise PolicyRefusal(msg("{model} is not a model id. Pick one from the list.", model=code(shown)) if shown
                            else msg("That is not a model id. Pick one from the list."))
    return model


class ServerSettings(commands.Cog):
    settings_group = app_commands.Group(
        name="settings", description="How the bot works on this server (needs Manage Server)",
        guild_only=True,
        allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False),
        allowed_installs=app_commands.AppInstallationType(guild=True, user=False),
        default_permissions=discord.Permissions(manage_guild=True),
    )
    models = app_commands.Group(name="models", description="Which image models this server may use",
                                parent=settings_group)
    channels = app_commands.Group(name="channels", description="Where /imagine works (none listed: everywhere)",
                                  parent=settings_group)
    roles = app_commands.Group(name="roles", description="Who may use /imagine (none listed: everyone)",
                               parent=settings_group)
    words = app_commands.Group(name="words", description="Terms a prompt may not contain on this server",
                               parent=settings_group)
    members = app_commands.Group(name="members", description="Members who may not use /imagine here",
                                 parent=settings_group)
    styles = app_commands.Group(name="styles", description="Named styles members can add to their prompts",
                                parent=settings_group)

    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.service = bot.services.guild_settings
        self.imagine = bot.services.imagine
        self.owner_ids = bot.services.settings.owner_ids
        self.operator_models = bot.services.settings.allowed_models  # patterns; empty: every image model

    # --- the shared path of every subcommand ---

    async def _moderator(self, interaction: discord.Interaction) -> Actor | None:
        """The member when they may manage the server; otherwise they are told why not (ephemeral)."""
        actor = actor_of(interaction, self.owner_ids)
        try:
            self.service.require_moderator(actor)
        except PolicyRefusal as exc:
            log.info("user %s refused /settings in guild %s: %s", actor.user_id, actor.guild_id, exc.reason)
            await interaction.response.send_message(refusal(refusal_text(interaction, exc)), ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return None
        return actor

    @staticmethod
    async def _reply(interaction: discord.Interaction, content: str | None = None, *,
                     embed: discord.Embed | None = None) -> None:
        await interaction.edit_original_response(content=content, embed=embed, allowed_mentions=NO_MENTIONS)

    async def _apply(self, interaction: discord.Interaction, change: Change) -> None:
        """Check the member, make the change, confirm it to them and log it in the audit channel."""
        actor = await self._moderator(interaction)
        if actor is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)  # the change may look up the model list
        try:
            done = await change(actor)
        except PolicyRefusal as exc:
            await self._reply(interaction, refusal(refusal_text(interaction, exc)))
            return
        await self._reply(interaction, render.confirmation(done, private_speaker(interaction)))
        if done.changes:  # the audit channel is public: the server's language
            await post_audit(self.bot, render.audit_channel(done), render.audit_line(done, render.audit_speaker(done)))

    # --- /settings show ---

    @settings_group.command(name="show", description="Show this server's settings")
    async def show(self, interaction: discord.Interaction) -> None:
        actor = await self._moderator(interaction)
        if actor is None or actor.guild_id is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        effective = await self.service.effective(actor.guild_id)
        await self._reply(interaction, embed=render.settings_embed(effective, private_speaker(interaction),
                                                                   actor.guild_locale))

    # --- /settings models ---

    @models.command(name="add", description="Allow a model on this server (the first one narrows the list)")
    @app_commands.describe(model="An image model")
    async def models_add(self, interaction: discord.Interaction, model: str) -> None:
        await self._apply(interaction, lambda actor: self.service.add_model(actor, model_id(model)))

    @models.command(name="remove", description="Take a model off this server's list")
    @app_commands.describe(model="A model on this server's list")
    async def models_remove(self, interaction: discord.Interaction, model: str) -> None:
        await self._apply(interaction, lambda actor: self.service.remove_model(actor, model_id(model)))

    @models.command(name="default", description="The model /imagine uses when none is chosen")
    @app_commands.describe(model="An image model allowed on this server")
    async def models_default(self, interaction: discord.Interaction, model: str) -> None:
        await self._apply(interaction, lambda actor: self.service.set_default(actor, model_id(model)))

    @models.command(name="age-restricted", description="Offer a model only in age-restricted channels")
    @app_commands.describe(model="An image model", enabled="True: only in age-restricted channels")
    async def models_age_restricted(self, interaction: discord.Interaction, model: str, enabled: bool) -> None:
        await self._apply(interaction,
                          lambda actor: self.service.set_age_restricted(actor, model_id(model), enabled))

    @models_add.autocomplete("model")
    async def _suggest_to_add(self, interaction: discord.Interaction,
                              current: str) -> list[app_commands.Choice[str]]:
        return await self.suggest(interaction, current, "add")

    @models_remove.autocomplete("model")
    async def _suggest_to_remove(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
        return await self.suggest(interaction, current, "server")

    @models_default.autocomplete("model")
    @models_age_restricted.autocomplete("model")
    async def _suggest_to_pick(self, interaction: discord.Interaction,
                               current: str) -> list[app_commands.Choice[str]]:
        return await self.suggest(interaction, current, "pick")

    async def suggest(self, interaction: discord.Interaction, current: str,
                      which: Suggest) -> list[app_commands.Choice[str]]:
        """Model suggestions with their price per image: `add` the image models the operator allows that
        are not on the server's list yet; `server` the server's list; `pick` the server's list, or when it has
        none every model the operator allows. Nothing for members who may not change the settings."""
        settings = await self._settings_to_suggest_from(interaction, "model")
        if settings is None:
            return []
        server = sorted(settings.allowed_models)
        models = self.imagine.catalog.cached()  # never waits: suggestions must answer within 3 s
        by_id = {m.id: m for m in models} if models is not None else None
        speak = private_speaker(interaction)
        if which == "server" or (which == "pick" and server):
            candidates = [self._choice(model, by_id, speak) for model in server]
        else:
            allowed = [m for m in models or () if self._operator_allows(m.id)]
            candidates = [app_commands.Choice(name=render.model_choice_name(m, speak), value=m.id) for m in allowed
                          if which == "pick" or m.id not in settings.allowed_models]
        needle = current.strip().lower()

        def wanted(choice: app_commands.Choice[str]) -> bool:
            known = by_id.get(choice.value) if by_id else None
            return len(choice.value) <= MODEL_ID_LIMIT and (
                needle in choice.name.lower() or (known is not None and needle in known.name.lower()))

        return [c for c in candidates if wanted(c)][:MAX_CHOICES]

    async def _settings_to_suggest_from(self, interaction: discord.Interaction, what: str) -> GuildSettings | None:
        """The server's settings, for suggestions to a member who may change them; None for anyone else, or when
        the database does not answer within the time suggestions have (they cannot be deferred)."""
        actor = actor_of(interaction, self.owner_ids)
        if actor.is_dm or actor.guild_id is None or not actor.manages_guild:
            return None
        try:
            async with asyncio.timeout(suggest.FIRST_ANSWER_LOOKUP):
                return await self.service.get(actor.guild_id)
        except TimeoutError:
            log.warning("%s suggestions for /settings in guild %s gave up: the database is slow", what,
                        actor.guild_id)
            return None

    def _operator_allows(self, model: str) -> bool:
        return not self.operator_models or matches(model, self.operator_models)

    @staticmethod
    def _choice(model: str, by_id: dict[str, ImageModel] | None, speak: Speaker) -> app_commands.Choice[str]:
        if by_id is None:
            return app_commands.Choice(name=model[:render.CHOICE_LIMIT], value=model)
        known = by_id.get(model)
        name = render.model_choice_name(known, speak) if known else render.unlisted_choice_name(model, speak)
        return app_commands.Choice(name=name, value=model)

    # --- /settings channels, roles ---

    @channels.command(name="add", description="Let /imagine work in a channel")
    @app_commands.describe(channel="A text channel")
    async def channels_add(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        await self._apply(interaction, lambda actor: self.service.set_channel(actor, channel.id, True))

    @channels.command(name="remove", description="Take a channel off the list")
    @app_commands.describe(channel="A text channel on the list")
    async def channels_remove(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        await self._apply(interaction, lambda actor: self.service.set_channel(actor, channel.id, False))

    @roles.command(name="add", description="Let members with a role use /imagine")
    @app_commands.describe(role="A role")
    async def roles_add(self, interaction: discord.Interaction, role: discord.Role) -> None:
        await self._apply(interaction, lambda actor: self.service.set_role(actor, role.id, True))

    @roles.command(name="remove", description="Take a role off the list")
    @app_commands.describe(role="A role on the list")
    async def roles_remove(self, interaction: discord.Interaction, role: discord.Role) -> None:
        await self._apply(interaction, lambda actor: self.service.set_role(actor, role.id, False))

    # --- /settings limits, budget, log-channel, spoiler ---

    @settings_group.command(name="limits", description="Per-member limits (give any of them)")
    @app_commands.describe(
        daily="Images per member per 24 hours (0: no limit)", cooldown="Seconds between a member's requests",
        concurrent="Jobs a member may run at once", max_count="Images per request",
        max_size="The largest image size",
    )
    @app_commands.choices(max_size=SIZES)
    async def limits(self, interaction: discord.Interaction, daily: app_commands.Range[int, 0, 10_000] | None = None,
                     cooldown: app_commands.Range[int, 0, 86_400] | None = None,
                     concurrent: app_commands.Range[int, 1, None] | None = None,
                     max_count: app_commands.Range[int, 1, None] | None = None,
                     max_size: str | None = None) -> None:
        await self._apply(interaction, lambda actor: self.service.set_limits(
            actor, daily=daily, cooldown=cooldown, concurrent=concurrent, max_count=max_count, max_size=max_size))

    @settings_group.command(name="budget", description="What this server may spend on images per month")
    @app_commands.describe(monthly_usd="US dollars per calendar month (UTC); 0: no budget")
    async def budget(self, interaction: discord.Interaction,
                     monthly_usd: app_commands.Range[float, 0, 1_000_000]) -> None:
        amount = Decimal(str(monthly_usd))  # the number as the moderator typed it, not its binary float
        await self._apply(interaction, lambda actor: self.service.set_budget(actor, amount))

    @settings_group.command(name="log-channel", description="Where settings changes are logged")
    @app_commands.describe(channel="A text channel (leave out to turn the audit log off)")
    async def log_channel(self, interaction: discord.Interaction, channel: discord.TextChannel | None = None) -> None:
        channel_id = channel.id if channel is not None else None
        await self._apply(interaction, lambda actor: self.service.set_log_channel(actor, channel_id))

    @settings_group.command(name="spoiler", description="Send generated images as spoilers")
    @app_commands.describe(enabled="True: images are hidden until clicked")
    async def spoiler(self, interaction: discord.Interaction, enabled: bool) -> None:
        await self._apply(interaction, lambda actor: self.service.set_spoiler(actor, enabled))

    # --- /settings words, members ---

    @words.command(name="add", description="Block a word or phrase in prompts (end it with * for a prefix)")
    @app_commands.describe(word="A word, a phrase, or a prefix like cat*")
    async def words_add(self, interaction: discord.Interaction, word: app_commands.Range[str, 1, 100]) -> None:
        await self._apply(interaction, lambda actor: self.service.add_word(actor, word))

    @words.command(name="remove", description="Unblock a word or phrase")
    @app_commands.describe(word="A term on the list, as it was added")
    async def words_remove(self, interaction: discord.Interaction, word: app_commands.Range[str, 1, 100]) -> None:
        await self._apply(interaction, lambda actor: self.service.remove_word(actor, word))

    @words.command(name="list", description="The blocked words and phrases")
    async def words_list(self, interaction: discord.Interaction) -> None:
        actor = await self._moderator(interaction)
        if actor is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self._reply(interaction, render.words_list(await self.service.words(actor),
                                                         private_speaker(interaction)))

    @members.command(name="block", description="Stop a member from using /imagine here")
    @app_commands.describe(member="The member", reason="Told to them when they try (optional)")
    async def members_block(self, interaction: discord.Interaction, member: discord.User,
                            reason: app_commands.Range[str, 0, 300] = "") -> None:
        await self._apply(interaction, lambda actor: self.service.block_member(actor, member.id, reason))

    @members.command(name="unblock", description="Let a blocked member use /imagine again")
    @app_commands.describe(member="The member")
    async def members_unblock(self, interaction: discord.Interaction, member: discord.User) -> None:
        await self._apply(interaction, lambda actor: self.service.unblock_member(actor, member.id))

    # --- /settings styles, describe-model ---

    @styles.command(name="add", description="A named style: text added to the prompt of members who pick it")
    @app_commands.describe(name="What members pick it by (at most 100 characters)",
                           text="What it adds to a prompt, e.g. watercolour, soft light (at most 300 characters)")
    async def styles_add(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100],
                         text: app_commands.Range[str, 1, 300]) -> None:
        await self._apply(interaction, lambda actor: self.service.add_style(actor, name, text))

    @styles.command(name="remove", description="Take a style off this server")
    @app_commands.describe(name="A style of this server")
    async def styles_remove(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]) -> None:
        await self._apply(interaction, lambda actor: self.service.remove_style(actor, name))

    @styles.command(name="list", description="This server's styles and the bot's default styles")
    async def styles_list(self, interaction: discord.Interaction) -> None:
        actor = await self._moderator(interaction)
        if actor is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        pages = render.styles_pages(await self.service.styles(actor), private_speaker(interaction))
        await self._reply(interaction, pages[0])
        for page in pages[1:]:
            await interaction.followup.send(page, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @styles_remove.autocomplete("name")
    async def _suggest_style(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        """The server's styles whose name or text holds what was typed; nothing for members who may not change
        them."""
        settings = await self._settings_to_suggest_from(interaction, "style")
        return [] if settings is None else suggest.style_choices(settings.styles, current)

    @settings_group.command(name="language", description="The language of the bot's public messages on this server")
    @app_commands.describe(language="Leave out: the server's language as Discord reports it, else English")
    @app_commands.choices(language=LANGUAGES)
    async def language(self, interaction: discord.Interaction, language: str | None = None) -> None:
        await self._apply(interaction, lambda actor: self.service.set_language(actor, language))

    @settings_group.command(name="describe-model", description="The model /describe uses on this server")
    @app_commands.describe(model="One of the bot's models that describe images (leave out: the bot's default)")
    async def describe_model(self, interaction: discord.Interaction, model: str | None = None) -> None:
        await self._apply(interaction, lambda actor: self.service.set_describe_model(
            actor, None if model is None else model_id(model)))

    @describe_model.autocomplete("model")
    async def _suggest_describe_model(self, interaction: discord.Interaction,
                                      current: str) -> list[app_commands.Choice[str]]:
        """The operator's DESCRIBE_MODELS holding what was typed; nothing for members who may not change them."""
        actor = actor_of(interaction, self.owner_ids)
        if actor.is_dm or actor.guild_id is None or not actor.manages_guild:
            return []
        needle = current.strip().lower()
        return [app_commands.Choice(name=model, value=model) for model in self.service.describe_models
                if needle in model.lower() and len(model) <= MODEL_ID_LIMIT][:MAX_CHOICES]
