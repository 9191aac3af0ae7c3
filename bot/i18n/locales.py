"""The languages the bot speaks, named as Discord names them, and which one a message is written in.

Discord tells the bot each member's language (`interaction.locale`) and, for Community servers, the server's
(`guild_locale`). English is the source language: every message is written in it and translated from it."""

from __future__ import annotations

SOURCE_LOCALE = "en-US"
# Discord's locale code -> the locale Babel formats numbers, dates and plurals for
BABEL_LOCALES: dict[str, str] = {
    "en-US": "en_US", "de": "de", "fr": "fr", "es-ES": "es_ES", "es-419": "es_419", "pt-BR": "pt_BR",
    "ja": "ja", "zh-CN": "zh_Hans_CN", "ko": "ko", "ru": "ru", "pl": "pl",
}
TRANSLATED_LOCALES: tuple[str, ...] = tuple(code for code in BABEL_LOCALES if code != SOURCE_LOCALE)
# Discord's other English variant reads the source text too
ENGLISH = frozenset({"en-US", "en-GB"})


def supported(locale: str | None) -> str:
    """The locale the bot answers in for Discord's `locale`: itself when translated, else English."""
    if locale in BABEL_LOCALES:
        return locale
    return SOURCE_LOCALE


def public_locale(*, server_language: str | None, guild_locale: str | None, member_locale: str | None,
                  in_guild: bool) -> str:
    """The language of a message others see. In a server: the language a moderator chose (`/settings
    language`), else the server's own locale where Discord provides one, else English. In a DM: the member's."""
    if not in_guild:
        return supported(member_locale)
    if server_language:
        return supported(server_language)
    return supported(guild_locale)


def private_locale(member_locale: str | None) -> str:
    """The language of a reply only the member sees: theirs."""
    return supported(member_locale)
