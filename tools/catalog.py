"""Keep the message catalogue in step with the bot.

    python -m tools.catalog extract   # bot/i18n/catalog/messages.pot from the commands the bot registers
    python -m tools.catalog update    # merge the template into every <locale>.po (new entries empty, gone ones dropped)

`extract` starts the bot as the playground does (the Discord stand-in, no key) and reads the commands it
registered: every command, group, option and choice name and description, each with its context
("command name", "option description", ...) and a comment saying where it appears. Then translate the empty
entries of each `.po` file with any gettext tool; `tests/bot/test_catalog.py` fails until every one is done.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from bot import __version__
from bot.i18n import BABEL_LOCALES, TEMPLATE, TRANSLATED_LOCALES, po_path, read_catalog

HEADER = """\
# The texts of imagine-bot, in English, for translators: every command, option and choice name and description.
# Made by `python -m tools.catalog extract`; each language's translations are in <locale>.po beside it.
# Names ("command name", "option name") follow Discord's rules: 1-32 characters, lower case, no spaces.
# Context menu names: 1-32 characters. Descriptions and choice names: 1-100 characters."""
ROOT = Path(__file__).resolve().parents[1]
# the functions that mark a text for translation (bot/i18n/message.py): msg(text), msgs(singular, plural, count)
KEYWORDS = {"msg": None, "msgs": (1, 2)}
Entry = tuple[str, str, str]  # (context, English text, where it appears)
CHAT_INPUT, USER, MESSAGE = 1, 2, 3
SUBCOMMAND, SUBCOMMAND_GROUP = 1, 2


def command_texts(commands: list[dict[str, Any]]) -> Iterator[Entry]:
    """Every translatable text of registered application commands (Discord's JSON), in order."""
    for command in commands:
        kind = int(command.get("type", CHAT_INPUT))
        name = command["name"]
        if kind in (USER, MESSAGE):
            yield "context menu name", name, f"the {'message' if kind == MESSAGE else 'user'} menu command"
            continue
        where = f"/{name}"
        yield "command name", name, where
        yield "command description", command["description"], where
        yield from _option_texts(command.get("options") or [], where)


def _option_texts(options: list[dict[str, Any]], parent: str) -> Iterator[Entry]:
    for option in options:
        kind = int(option["type"])
        if kind in (SUBCOMMAND, SUBCOMMAND_GROUP):
            where = f"{parent} {option['name']}"
            yield "command name", option["name"], where
            yield "command description", option["description"], where
            yield from _option_texts(option.get("options") or [], where)
            continue
        where = f"{parent} › {option['name']}"
        yield "option name", option["name"], where
        yield "option description", option["description"], where
        for choice in option.get("choices") or []:
            yield "choice name", choice["name"], f"{where} = {choice['value']}"


def template(entries: list[Entry]) -> Catalog:
    catalog = Catalog(project="imagine-bot", version=__version__, domain="imagine-bot", fuzzy=False,
                      copyright_holder="the imagine-bot authors", msgid_bugs_address="",
                      header_comment=HEADER)
    for context, text, where in entries:
        message = catalog.get(text, context=context)
        if message is None:
            catalog.add(text, context=context, auto_comments=[where])
        elif where not in message.auto_comments:
            message.auto_comments.append(where)
    return catalog


async def registered_commands() -> list[dict[str, Any]]:
    """The commands the bot registers, read off the Discord stand-in it connects to."""
    from bot.config import PlaygroundSettings
    from playground.runtime import Playground

    with tempfile.TemporaryDirectory() as folder:
        async with Playground(PlaygroundSettings(port=0, folder=Path(folder), open_browser=False), env={}) as pg:
            return [dict(command) for command in pg.fake.commands.values()]


def write(catalog: Catalog, path: Path) -> None:
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False)


def code_messages(root: Path = ROOT) -> Iterator[tuple[str | tuple[str, str], str, int, str | None]]:
    """Every `msg("...")` and `msgs("...", "...", n)` in bot/ and cogs/: (text or (singular, plural), file, line,
    context)."""
    for folder in ("bot", "cogs"):
        found = extract_from_dir(root / folder, method_map=[("**.py", "python")], keywords=KEYWORDS,
                                 comment_tags=(), strip_comment_tags=True)
        for filename, lineno, message, _comments, context in found:
            yield message, f"{folder}/{filename}", lineno, context


def extract() -> int:
    entries = list(command_texts(asyncio.run(registered_commands())))
    catalog = template(entries)
    messages = 0
    for text, filename, lineno, context in code_messages():
        key = text if isinstance(text, str) else text[0]
        existing = catalog.get(key, context=context)
        if existing is None:
            catalog.add(text, context=context, locations=[(filename, lineno)])
            messages += 1
        else:
            existing.locations.append((filename, lineno))
    write(catalog, TEMPLATE)
    print(f"{TEMPLATE}: {len({(c, t) for c, t, _ in entries})} command texts, {messages} messages")
    return 0


def update() -> int:
    with TEMPLATE.open("rb") as handle:
        pot = read_po(handle)
    for locale in TRANSLATED_LOCALES:
        path = po_path(locale)
        catalog = read_catalog(path, locale) if path.is_file() else new_language(locale)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        write(catalog, path)
        missing = sum(1 for message in catalog if message.id and not message.string)
        print(f"{path.name}: {missing} to translate")
    return 0


def new_language(locale: str) -> Catalog:
    """An empty catalogue for a new language; its header must say how the translations were produced."""
    from babel import Locale

    name = Locale.parse(BABEL_LOCALES[locale]).english_name
    return Catalog(locale=BABEL_LOCALES[locale], domain="imagine-bot", project="imagine-bot", version=__version__,
                   copyright_holder="the imagine-bot authors", msgid_bugs_address="", fuzzy=False,
                   header_comment=f"# {name} ({locale}) translations of imagine-bot.\n"
                                  "# Produced by: (say how: who or what translated it, and who reviewed it)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.catalog", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("extract", "update"))
    args = parser.parse_args(argv)
    return extract() if args.action == "extract" else update()


if __name__ == "__main__":
    sys.exit(main())
