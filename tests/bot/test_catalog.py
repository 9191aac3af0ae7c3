"""The message catalogue: every text translated in every language, placeholders kept, and localised command
names that Discord accepts (it refuses the whole sync otherwise)."""

from __future__ import annotations

import re
from collections import defaultdict
from string import Formatter

import pytest
from babel.messages.pofile import read_po

from bot.i18n import TEMPLATE, TRANSLATED_LOCALES, Catalog, po_path, read_catalog

# Discord's rule for slash-command, subcommand and option names (CHAT_INPUT), in every locale
NAME = re.compile(r"^[-_'\w\u0900-\u097F\u0E00-\u0E7F]{1,32}$")

with TEMPLATE.open("rb") as handle:
    POT = read_po(handle)
TEMPLATE_KEYS = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in POT if m.id}


def forms(message) -> tuple[str, ...]:
    """A message's translation: one text, or a plural's forms."""
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)


def english(message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, tuple) else (message.id,)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def parent_of(where: str) -> str:
    """`/settings models add › model` -> `/settings models add`; `/settings models add` -> `/settings models`."""
    return where.split(" › ")[0] if " › " in where else where.rsplit(" ", 1)[0] if " " in where else ""


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_every_text_is_translated_in_every_language(locale):
    catalog = read_catalog(po_path(locale), locale)
    keys = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog if m.id}
    assert keys - TEMPLATE_KEYS == set(), "texts the template no longer has: run `python -m tools.catalog update`"
    assert TEMPLATE_KEYS - keys == set(), "texts missing: run `python -m tools.catalog update` and translate them"
    untranslated = [m.id for m in catalog if m.id and (not all(forms(m)) or m.fuzzy)]
    assert untranslated == []
    plural_forms = catalog.num_plurals
    wrong_count = [m.id for m in catalog if isinstance(m.id, tuple) and len(forms(m)) != plural_forms]
    assert wrong_count == []


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_the_catalogue_says_how_its_language_was_produced(locale):
    header = read_catalog(po_path(locale), locale).header_comment
    produced = [line for line in header.splitlines() if line.startswith("# Produced by:")]
    assert produced
    assert "(say how" not in produced[0]


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_translations_keep_their_placeholders(locale):
    changed = {}
    for message in read_catalog(po_path(locale), locale):
        if not message.id:
            continue
        wanted = set().union(*(placeholders(text) for text in english(message)))
        for form in forms(message):
            # a plural form may leave out {count} (e.g. "one image" in a language that spells it)
            if form and (placeholders(form) - wanted or wanted - placeholders(form) - {"count"}):
                changed[str(english(message)[0])] = form
    assert changed == {}


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_localised_names_and_descriptions_keep_discords_rules(locale):
    catalog = read_catalog(po_path(locale), locale)
    broken = []
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for message in catalog:
        if not message.id or not message.string or isinstance(message.id, tuple):
            continue
        text = str(message.string)
        if message.context in ("command name", "option name"):
            if not NAME.match(text) or text != text.lower():
                broken.append(f"{message.context} {message.id!r} -> {text!r}: 1-32 letters, digits, - _ ', lower case")
            for where in message.auto_comments:
                names[parent_of(where)][text].append(where)
        elif message.context == "context menu name":
            if not 1 <= len(text) <= 32:
                broken.append(f"context menu {message.id!r} -> {text!r}: 1-32 characters")
        elif message.context is None:
            continue  # a message the bot writes, not a command text: Discord's 2000 characters apply to the whole
        elif not 1 <= len(text) <= 100:
            broken.append(f"{message.context} {message.id!r} -> {text!r}: 1-100 characters")
    assert broken == []
    # within one command (or among the top-level commands) two names may not become one
    clashes = {parent: {name: wheres for name, wheres in by_name.items() if len(set(wheres)) > 1}
               for parent, by_name in names.items()}
    assert {parent: found for parent, found in clashes.items() if found} == {}


def test_a_missing_translation_falls_back_to_english_and_is_logged_once(caplog):
    catalog = Catalog({"de": {("command name", "imagine"): "bild"}})
    assert catalog.text("de", "imagine", "command name") == "bild"
    assert catalog.text("en-US", "imagine", "command name") == "imagine"
    assert catalog.text("de", "Generate an image", "command description") == "Generate an image"
    assert catalog.text("de", "Generate an image", "command description") == "Generate an image"
    warnings = [r for r in caplog.records if "no de translation" in r.getMessage()]
    assert len(warnings) == 1
    assert catalog.translated("de", "Generate an image", "command description") is None


def test_every_text_the_code_marks_for_translation_is_in_the_template():
    from tools.catalog import code_messages

    marked = {(context, text if isinstance(text, str) else text[0]) for text, _, _, context in code_messages()}
    assert marked
    assert marked - TEMPLATE_KEYS == set(), "run `python -m tools.catalog extract` and `update`, then translate"
