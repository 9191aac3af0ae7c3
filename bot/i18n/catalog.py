"""The message catalogue: gettext `.po` files in `catalog/`, one per language, read with Babel.

`messages.pot` is the template (every English text, with a context saying what it is); `<locale>.po` holds one
language's translations (`de.po`, `es-419.po`, `zh-CN.po`, ...). Translators can open them with any gettext
tool (Poedit, Weblate, Lokalize). A missing or empty translation falls back to English, logged once."""

from __future__ import annotations

import gettext
import logging
from collections.abc import Callable
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


Entry = str | tuple[str, ...]  # a translation, or a plural's forms in the language's order


class Catalog:
    """Every language's translations in memory: `text(locale, english, context)`, `plural(...)`."""

    def __init__(self, translations: dict[str, dict[tuple[str | None, str], Entry]],
                 plural_rules: dict[str, Callable[[int], int]] | None = None) -> None:
        self._translations = translations
        self._plural_rules = plural_rules or {}
        self._missing_logged: set[tuple[str, str | None, str]] = set()

    @classmethod
    def load(cls, folder: Path = CATALOG_DIR) -> Catalog:
        translations: dict[str, dict[tuple[str | None, str], Entry]] = {}
        rules: dict[str, Callable[[int], int]] = {}
        for locale in TRANSLATED_LOCALES:
            path = po_path(locale, folder)
            if not path.is_file():
                log.warning("no catalogue for %s (%s): its members read English", locale, path.name)
                continue
            catalog = read_catalog(path, locale)
            rules[locale] = gettext.c2py(catalog.plural_expr)
            entries: dict[tuple[str | None, str], Entry] = {}
            for message in catalog:
                if not message.id or message.fuzzy:
                    continue
                if isinstance(message.id, tuple):
                    forms = tuple(str(form) for form in message.string)
                    if all(forms):
                        entries[(message.context, message.id[0])] = forms
                elif message.string:
                    entries[(message.context, message.id)] = str(message.string)
            translations[locale] = entries
        return cls(translations, rules)

    def locales(self) -> tuple[str, ...]:
        return tuple(self._translations)

    def text(self, locale: str, english: str, context: str | None = None) -> str:
        """`english` in `locale`; English itself for the source language, or (logged once) when missing."""
        if locale == SOURCE_LOCALE or locale not in BABEL_LOCALES:
            return english
        found = self._translations.get(locale, {}).get((context, english))
        if isinstance(found, str):
            return found
        self._missing(locale, context, english)
        return english

    def plural(self, locale: str, singular: str, plural: str, count: int, context: str | None = None) -> str:
        """The form of `singular`/`plural` that `count` takes in `locale` (English's when missing, logged once)."""
        english = singular if count == 1 else plural
        if locale == SOURCE_LOCALE or locale not in BABEL_LOCALES:
            return english
        forms = self._translations.get(locale, {}).get((context, singular))
        rule = self._plural_rules.get(locale)
        if isinstance(forms, tuple) and rule is not None:
            index = rule(count)
            if 0 <= index < len(forms):
                return forms[index]
        self._missing(locale, context, singular)
        return english

    def translated(self, locale: str, english: str, context: str | None = None) -> str | None:
        """The translation, or None when the catalogue has none (no fallback, nothing logged)."""
        found = self._translations.get(locale, {}).get((context, english))
        return found if isinstance(found, str) else None

    def _missing(self, locale: str, context: str | None, english: str) -> None:
        key = (locale, context, english)
        if key not in self._missing_logged:
            self._missing_logged.add(key)
            log.warning("no %s translation of %r (%s): English is used", locale, english, context or "no context")


@cache
def default_catalog() -> Catalog:
    """The catalogue shipped with the bot, read once."""
    return Catalog.load()
