"""Command names and descriptions in the member's language: discord.py's `app_commands.Translator` over the
message catalogue. discord.py asks it for every name, description and choice of every command, in every Discord
locale, when the commands are synced; Discord then shows each member their own language."""

from __future__ import annotations

from discord import Locale, app_commands
from discord.app_commands import TranslationContext, TranslationContextLocation, locale_str

from bot.i18n import TRANSLATED_LOCALES, Catalog

# the catalogue's context (msgctxt) for each kind of text: names follow Discord's naming rules, descriptions do not
CONTEXTS: dict[TranslationContextLocation, str] = {
    TranslationContextLocation.command_name: "command name",
    TranslationContextLocation.command_description: "command description",
    TranslationContextLocation.group_name: "command name",
    TranslationContextLocation.group_description: "command description",
    TranslationContextLocation.parameter_name: "option name",
    TranslationContextLocation.parameter_description: "option description",
    TranslationContextLocation.choice_name: "choice name",
}
CONTEXT_MENU_NAME = "context menu name"  # 1-32 characters, spaces and capitals allowed


def catalog_context(context: TranslationContext) -> str | None:
    """The catalogue context of what discord.py asks to translate (None: not a command text)."""
    if context.location is TranslationContextLocation.command_name and isinstance(context.data,
                                                                                  app_commands.ContextMenu):
        return CONTEXT_MENU_NAME
    return CONTEXTS.get(context.location)


class CatalogTranslator(app_commands.Translator):
    """Answers from the catalogue for the languages it has; Discord shows English to everyone else."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    async def translate(self, string: locale_str, locale: Locale, context: TranslationContext) -> str | None:
        if locale.value not in TRANSLATED_LOCALES:
            return None
        where = catalog_context(context)
        if where is None:
            return None
        return self.catalog.translated(locale.value, string.message, where)
