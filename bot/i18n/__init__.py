"""Languages: the message catalogue (gettext `.po` files read with Babel) and which language a message is in."""

from bot.i18n.catalog import CATALOG_DIR, TEMPLATE, Catalog, default_catalog, po_path, read_catalog
from bot.i18n.locales import (
    BABEL_LOCALES,
    SOURCE_LOCALE,
    TRANSLATED_LOCALES,
    private_locale,
    public_locale,
    supported,
)
from bot.i18n.message import ListOf, Message, Wait, msg, msgs
from bot.i18n.speaker import Speaker, english

__all__ = [
    "BABEL_LOCALES",
    "CATALOG_DIR",
    "SOURCE_LOCALE",
    "TEMPLATE",
    "TRANSLATED_LOCALES",
    "Catalog",
    "ListOf",
    "Message",
    "Speaker",
    "Wait",
    "default_catalog",
    "english",
    "msg",
    "msgs",
    "po_path",
    "private_locale",
    "public_locale",
    "read_catalog",
    "supported",
]
