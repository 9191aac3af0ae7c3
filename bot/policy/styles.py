"""Named styles (text appended to a member's prompt): what makes a usable name and text, whether a server's or one
the operator ships in `STYLES_FILE`, and which styles apply where a member is.

A style is picked by name from a suggestion list, so a name fits a suggestion's value (100 characters) and a
list holds 25: a server keeps at most 25 styles, and so does the operator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.i18n import Message, msg
from bot.policy.rules import Actor, BlockedPrompt, Policy, PolicyRefusal
from bot.records.guild import GuildSettings, Style, style_key

MAX_STYLES = 25  # per server, and the operator's defaults: as many as one suggestion list shows
MAX_STYLE_NAME = 100  # Discord's limit for a suggestion's value
MAX_STYLE_TEXT = 300  # a style colours a prompt; it does not replace it (the prompt limit counts both)


def _one_line(typed: str, *, too_long: Callable[[int], Message | None], missing: Message) -> str:
    """Typed text on one line, single-spaced, present and within the length `too_long` refuses (given the
    length: a refusal past the limit, or None)."""
    value = " ".join(typed.split())
    if not value:
        raise PolicyRefusal(missing)
    if (refused := too_long(len(value))) is not None:
        raise PolicyRefusal(refused)
    return value


def style_name(typed: str) -> str:
    """A style's name as kept: on one line, single-spaced; a `PolicyRefusal` saying what is wrong otherwise."""
    name = _one_line(typed, missing=msg("Give the style a name."), too_long=lambda length: msg(
        "A style's name has at most {limit} characters; this one has {length}.", limit=MAX_STYLE_NAME,
        length=length) if length > MAX_STYLE_NAME else None)
    if "`" in name or not name.isprintable():
        raise PolicyRefusal(msg("A style's name cannot contain backticks or invisible characters."))
    return name


def style_text(typed: str) -> str:
    """A style's text as kept: on one line, single-spaced; a `PolicyRefusal` saying what is wrong otherwise."""
    text = _one_line(typed, missing=msg("Give the style's text: what it adds to a prompt, e.g. `watercolour, soft "
                                        "light`."), too_long=lambda length: msg(
        "A style's text has at most {limit} characters; this one has {length}.", limit=MAX_STYLE_TEXT,
        length=length) if length > MAX_STYLE_TEXT else None)
    if not text.isprintable():
        raise PolicyRefusal(msg("A style's text cannot contain invisible characters."))
    return text


def by_name(styles: Iterable[Style]) -> tuple[Style, ...]:
    """Styles in the order they are listed: by name as names compare (case folded)."""
    return tuple(sorted(styles, key=lambda style: style.key))


def merged(server: Sequence[Style], operator: Sequence[Style]) -> list[Style]:
    """The server's own styles, then the operator's defaults whose name no style of the server has (a server
    style of the same name shadows the default)."""
    taken = {style.key for style in server}
    return [*server, *(style for style in operator if style.key not in taken)]


def named(styles: Iterable[Style], name: str) -> Style | None:
    """The style of this name (compared as names compare: case and Unicode forms folded, spaces single)."""
    key = style_key(" ".join(name.split()))
    return next((style for style in styles if style.key == key), None)


def check_style_words(policy: Policy, actor: Actor, style: Style, settings: GuildSettings | None) -> None:
    """Refuse a style whose name (shown with results) or text (sent to the model) holds a term blocked where
    `actor` is, naming the term when it is the server's own (its moderators can list those), never the operator's."""
    for part, value in (("name", style.name), ("text", style.text)):
        try:
            policy.check_words(actor, value, settings)
        except BlockedPrompt as blocked:
            if settings is not None and blocked.term in settings.blocked_words:
                term = f"`{blocked.term}`"
                raise PolicyRefusal(
                    msg("The style's name contains {term}, which is blocked on this server. Take it out, or "
                        "unblock it with /settings words remove.", term=term) if part == "name" else
                    msg("The style's text contains {term}, which is blocked on this server. Take it out, or "
                        "unblock it with /settings words remove.", term=term)) from None
            raise PolicyRefusal(msg("The style's name contains a term the bot's operator blocked. Take it out.")
                                if part == "name" else
                                msg("The style's text contains a term the bot's operator blocked. Take it out.")
                                ) from None


def usable(policy: Policy, actor: Actor, style: Style, settings: GuildSettings | None) -> bool:
    """Whether a prompt with this style passes the blocked words where `actor` is."""
    try:
        check_style_words(policy, actor, style, settings)
    except PolicyRefusal:
        return False
    return True


Change = Callable[[GuildSettings], GuildSettings]


def adding(policy: Policy, actor: Actor, style: Style) -> Change:
    """The change that adds `style` to a server's settings; it refuses when the name is taken (whatever its
    case), the server has `MAX_STYLES` already, or the name or text holds a term blocked there."""
    def add(settings: GuildSettings) -> GuildSettings:
        check_style_words(policy, actor, style, settings)
        if (taken := named(settings.styles, style.name)) is not None:
            raise PolicyRefusal(msg("This server already has a style named {style}. Remove it first, or pick "
                                    "another name.", style=f"`{taken.name}`"))
        if len(settings.styles) >= MAX_STYLES:
            raise PolicyRefusal(msg("A server can have at most {limit} styles. Remove one first.", limit=MAX_STYLES))
        return settings.replace(styles=by_name((*settings.styles, style)))

    return add


def removing(name: str) -> Change:
    """The change that takes the style of this name (whatever its case) off a server's settings."""
    def remove(settings: GuildSettings) -> GuildSettings:
        style = named(settings.styles, name)
        if style is None:
            raise PolicyRefusal(msg("This server has no style of that name (/settings styles list shows them)."))
        return settings.replace(styles=tuple(kept for kept in settings.styles if kept.key != style.key))

    return remove


@dataclass(frozen=True, slots=True)
class StyleListing:
    """The styles of a server as its moderators see them (/settings styles list)."""

    server: tuple[Style, ...]  # its own, by name
    defaults: tuple[Style, ...]  # the operator's, by name, those a server style shadows included
    refused: frozenset[str]  # keys of the styles a prompt could not use here: a term blocked here is in them

    def shadowed(self, default: Style) -> bool:
        """Whether a server style of the same name replaces this default here."""
        return any(style.key == default.key for style in self.server)


def listing(policy: Policy, actor: Actor, settings: GuildSettings, defaults: Sequence[Style]) -> StyleListing:
    """What /settings styles list shows: the server's styles, the operator's defaults, and which are refused."""
    refused = {style.key for style in (*settings.styles, *defaults) if not usable(policy, actor, style, settings)}
    return StyleListing(server=settings.styles, defaults=tuple(defaults), refused=frozenset(refused))
