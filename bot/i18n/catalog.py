"""The message catalogue: gettext `.po` files in `catalog/`, one per language, read with Babel.

`messages.pot` is the template (every English text, with a context saying what it is); `<locale>.po` holds one
language's translations (`de.po`, `es-419.po`, `zh-CN.po`, ...). Translators can open them with any gettext
tool (Poedit, Weblate, Lokalize). A missing or empty translation falls back to English, logged once."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import read_po

from bot.i18n.locales import BABEL_LOCALES, SOURCE_LOCALE, TRANSLATED_LOCALES

log = logging.getLogger(__name__)

CATALOG_DIR = Path(__file__).with_name("catalog")
TEMPLATE = CATALOG_DIR / "messages.pot"
DOMAIN = "imagine-bot"


def po_path(locale: str, folder: Path = CATALOG_DIR) -> Path:
    return folder / f"{locale}.po"


def read_catalog(path: Path, locale: str | None = None) -> BabelCatalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=BABEL_LOCALES.get(locale or "", None), domain=DOMAIN)


class Catalog:
    """Every language's translations in memory: `text(locale, english, context)`."""

    def __init__(self, translations: dict[str, dict[tuple[str | None, str], str]]) -> None:
        self._translations = translations
        self._missing_logged: set[tuple[str, str | None, str]] = set()

    @classmethod
    def load(cls, folder: Path = CATALOG_DIR) -> Catalog:
        translations: dict[str, dict[tuple[str | None, str], str]] = {}
        for locale in TRANSLATED_LOCALES:
            path = po_path(locale, folder)
            if not path.is_file():
                log.warning("no catalogue for %s (%s): its members read English", locale, path.name)
                continue
            entries: dict[tuple[str | None, str], str] = {}
            for message in read_catalog(path, locale):
                if message.id and isinstance(message.id, str) and message.string and not message.fuzzy:
                    entries[(message.context, message.id)] = str(message.string)
            translations[locale] = entries
        return cls(translations)

    def locales(self) -> tuple[str, ...]:
        return tuple(self._translations)

    def text(self, locale: str, english: str, context: str | None = None) -> str:
        """`english` in `locale`; English itself for the source language, or (logged once) when missing."""
        if locale == SOURCE_LOCALE or locale not in BABEL_LOCALES:
            return english
        found = self._translations.get(locale, {}).get((context, english))
        if found is not None:
            return found
        key = (locale, context, english)
        if key not in self._missing_logged:
            self._missing_logged.add(key)
            log.warning("no %s translation of %r (%s): English is used", locale, english, context or "no context")
        return english

    def translated(self, locale: str, english: str, context: str | None = None) -> str | None:
        """The translation, or None when the catalogue has none (no fallback, nothing logged)."""
        return self._translations.get(locale, {}).get((context, english))


@cache
def default_catalog() -> Catalog:
    """The catalogue shipped with the bot, read once."""
    return Catalog.load()
