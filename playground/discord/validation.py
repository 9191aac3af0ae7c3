"""Discord's server-side checks on message bodies, command definitions and allowed_mentions."""

from __future__ import annotations

import re
from typing import Any

from .errors import DiscordError, form_error
from .model import FLAG_IS_COMPONENTS_V2, iter_components

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_ATTACHMENTS = 10
MAX_EMBED_TOTAL = 6000
_EMBED_LIMITS = {"title": 256, "description": 4096}
_CHAT_INPUT_NAME = re.compile(r"^[-_'\w\u0900-\u097F\u0E00-\u0E7F]{1,32}$")
_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")
_INTERACTIVE = {2, 3, 5, 6, 7, 8}
_V2_LEGACY_FIELDS = "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2"


def validate_message_body(body: dict[str, Any], *, prefix: list[str | int], creating: bool,
                          has_files: bool) -> None:
    """Raise the 400 Discord answers for an invalid message create/edit body."""
    content = body.get("content")
    if content is not None and not isinstance(content, str):
        raise form_error([*prefix, "content"], "STRING_TYPE_CONVERT", "Could not interpret value as string.")
    if isinstance(content, str) and len(content) > MAX_CONTENT:
        raise form_error([*prefix, "content"], "BASE_TYPE_MAX_LENGTH",
                         f"Must be {MAX_CONTENT} or fewer in length.")
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        raise form_error([*prefix, "embeds"], "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_EMBEDS} or fewer in length.")
    _validate_embeds(embeds, prefix)
    attachments = body.get("attachments")
    if isinstance(attachments, list) and len(attachments) > MAX_ATTACHMENTS:
        raise form_error([*prefix, "attachments"], "BASE_TYPE_MAX_LENGTH",
                         f"Must be {MAX_ATTACHMENTS} or fewer in length.")
    flags = int(body.get("flags") or 0)
    components = body.get("components") or []
    if flags & FLAG_IS_COMPONENTS_V2:
        if content or embeds:
            raise form_error([*prefix, "content"], "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                             _V2_LEGACY_FIELDS)
        if sum(1 for _ in iter_components(components)) > 40:
            raise form_error([*prefix, "components"], "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.")
    else:
        _validate_legacy_components(components, prefix)
    _validate_custom_ids(components, prefix)
    _validate_allowed_mentions(body.get("allowed_mentions"), prefix)
    if creating and not (content or embeds or components or has_files or body.get("sticker_ids")
                         or body.get("poll") or attachments):
        raise DiscordError(400, 50006, "Cannot send an empty message")


def _validate_embeds(embeds: list[dict[str, Any]], prefix: list[str | int]) -> None:
    total = 0
    for index, embed in enumerate(embeds):
        where = [*prefix, "embeds", index]
        for key, limit in _EMBED_LIMITS.items():
            value = embed.get(key) or ""
            if len(value) > limit:
                raise form_error([*where, key], "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")
            total += len(value)
        fields = embed.get("fields") or []
        if len(fields) > 25:
            raise form_error([*where, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for f_index, embed_field in enumerate(fields):
            name, value = embed_field.get("name") or "", embed_field.get("value") or ""
            if len(name) > 256:
                raise form_error([*where, "fields", f_index, "name"], "BASE_TYPE_MAX_LENGTH",
                                 "Must be 256 or fewer in length.")
            if not value or len(value) > 1024:
                raise form_error([*where, "fields", f_index, "value"], "BASE_TYPE_BAD_LENGTH",
                                 "Must be between 1 and 1024 in length.")
            total += len(name) + len(value)
        footer = (embed.get("footer") or {}).get("text") or ""
        author = (embed.get("author") or {}).get("name") or ""
        if len(footer) > 2048:
            raise form_error([*where, "footer", "text"], "BASE_TYPE_MAX_LENGTH", "Must be 2048 or fewer in length.")
        if len(author) > 256:
            raise form_error([*where, "author", "name"], "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.")
        total += len(footer) + len(author)
    if total > MAX_EMBED_TOTAL:
        raise form_error([*prefix, "embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")


def _validate_legacy_components(components: list[dict[str, Any]], prefix: list[str | int]) -> None:
    if len(components) > 5:
        raise form_error([*prefix, "components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
    for index, row in enumerate(components):
        where = [*prefix, "components", index]
        if row.get("type") != 1:
            raise form_error([*where, "type"], "UNION_TYPE_CHOICES",
                             "Value of field \"type\" must be one of (1,).")
        children = row.get("components") or []
        buttons = [c for c in children if c.get("type") == 2]
        selects = [c for c in children if c.get("type") in (3, 5, 6, 7, 8)]
        if not children or len(buttons) > 5 or (selects and len(children) > 1):
            raise form_error([*where, "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
        for c_index, button in enumerate(buttons):
            if len(button.get("label") or "") > 80:
                raise form_error([*where, "components", c_index, "label"], "BASE_TYPE_MAX_LENGTH",
                                 "Must be 80 or fewer in length.")


def _validate_custom_ids(components: list[dict[str, Any]], prefix: list[str | int]) -> None:
    seen: set[str] = set()
    for component in iter_components(components):
        kind = component.get("type")
        if kind not in _INTERACTIVE:
            continue
        if kind == 2 and component.get("style") in (5, 6):  # link / premium buttons have no custom_id
            continue
        custom_id = component.get("custom_id")
        if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= 100:
            raise form_error([*prefix, "components"], "BASE_TYPE_BAD_LENGTH",
                             "custom_id: Must be between 1 and 100 in length.")
        if custom_id in seen:
            raise form_error([*prefix, "components"], "COMPONENT_CUSTOM_ID_DUPLICATED",
                             "Component custom id cannot be duplicated")
        seen.add(custom_id)


def _validate_allowed_mentions(allowed: Any, prefix: list[str | int]) -> None:
    if allowed is None:
        return
    parse = allowed.get("parse") or []
    for kind in ("users", "roles"):
        if kind in parse and allowed.get(kind):
            raise form_error([*prefix, "allowed_mentions"], "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                             f"parse:[\"{kind}\"] and {kind}: [ids...] are mutually exclusive.")


def resolve_mentions(content: str, allowed: dict[str, Any] | None, *, default_parse: list[str],
                     known_user_ids: set[int], known_role_ids: set[int]) -> tuple[list[int], list[int], bool]:
    """(pinged user ids, pinged role ids, @everyone pinged) after applying allowed_mentions."""
    if allowed is None:
        parse, users, roles = default_parse, [], []
    else:
        parse = allowed.get("parse") or []
        users = [int(u) for u in allowed.get("users") or []]
        roles = [int(r) for r in allowed.get("roles") or []]
    user_ids = [int(u) for u in _USER_MENTION.findall(content) if int(u) in known_user_ids]
    role_ids = [int(r) for r in _ROLE_MENTION.findall(content) if int(r) in known_role_ids]
    pinged_users = [u for u in dict.fromkeys(user_ids) if "users" in parse or u in users]
    pinged_roles = [r for r in dict.fromkeys(role_ids) if "roles" in parse or r in roles]
    everyone = "everyone" in parse and ("@everyone" in content or "@here" in content)
    return pinged_users, pinged_roles, everyone


def validate_commands(commands: Any) -> None:
    """Raise the 400 Discord answers for an invalid bulk-overwrite body."""
    if not isinstance(commands, list):
        raise form_error([], "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
    seen: set[tuple[str, int]] = set()
    for index, command in enumerate(commands):
        kind = int(command.get("type", 1))
        name = command.get("name") or ""
        key = (name, kind)
        if key in seen:
            raise form_error([index, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME",
                             f"Application command names must be unique: {name}")
        seen.add(key)
        if kind == 1:
            if not _CHAT_INPUT_NAME.match(name) or name != name.lower():
                raise form_error([index, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
            description = command.get("description") or ""
            if not 1 <= len(description) <= 100:
                raise form_error([index, "description"], "BASE_TYPE_BAD_LENGTH",
                                 "Must be between 1 and 100 in length.")
            _validate_options(command.get("options") or [], [index, "options"])
        elif not 1 <= len(name) <= 32:
            raise form_error([index, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")
        _validate_localizations(command, [index], chat_input=kind == 1)
    if sum(1 for c in commands if int(c.get("type", 1)) == 1) > 100:
        raise DiscordError(400, 30032, "Maximum number of application commands reached (100)")


def _validate_options(options: list[dict[str, Any]], where: list[str | int]) -> None:
    if len(options) > 25:
        raise form_error(where, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    optional_seen = False
    for index, option in enumerate(options):
        here = [*where, index]
        name = option.get("name") or ""
        if not _CHAT_INPUT_NAME.match(name) or name != name.lower():
            raise form_error([*here, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
        if not 1 <= len(option.get("description") or "") <= 100:
            raise form_error([*here, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        _validate_localizations(option, here, chat_input=True)
        choices = option.get("choices") or []
        for number, choice in enumerate(choices):
            for locale, text in (choice.get("name_localizations") or {}).items():
                _check_locale(locale, [*here, "choices", number, "name_localizations"])
                if not 1 <= len(text or "") <= 100:
                    raise form_error([*here, "choices", number, "name_localizations", locale], "BASE_TYPE_BAD_LENGTH",
                                     "Must be between 1 and 100 in length.")
        if len(choices) > 25:
            raise form_error([*here, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        if choices and option.get("autocomplete"):
            raise form_error([*here, "autocomplete"], "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_AND_CHOICES",
                             "Autocomplete cannot be set for options that have choices.")
        if option.get("type") in (1, 2):
            _validate_options(option.get("options") or [], [*here, "options"])
            continue
        if option.get("required"):
            if optional_seen:
                raise form_error([*here, "required"], "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                                 "Required options must be placed before non-required options")
        else:
            optional_seen = True


# the locales Discord accepts in *_localizations (https://discord.com/developers/docs/reference#locales)
DISCORD_LOCALES = frozenset({
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
    "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
})


def _check_locale(locale: str, where: list[str | int]) -> None:
    if locale not in DISCORD_LOCALES:
        raise form_error([*where, locale], "LOCALE_INVALID", f"Invalid locale: {locale}")


def _validate_localizations(item: dict[str, Any], where: list[str | int], *, chat_input: bool) -> None:
    """A localised name keeps the rules of the name (chat input: 1-32 word characters, lower case; menus: 1-32
    characters); a localised description 1-100 characters."""
    for locale, name in (item.get("name_localizations") or {}).items():
        _check_locale(locale, [*where, "name_localizations"])
        if chat_input:
            valid = bool(_CHAT_INPUT_NAME.match(name or "")) and name == name.lower()
        else:
            valid = 1 <= len(name or "") <= 32
        if not valid:
            raise form_error([*where, "name_localizations", locale], "APPLICATION_COMMAND_INVALID_NAME",
                             "Command name is invalid")
    for locale, text in (item.get("description_localizations") or {}).items():
        _check_locale(locale, [*where, "description_localizations"])
        if not 1 <= len(text or "") <= 100:
            raise form_error([*where, "description_localizations", locale], "BASE_TYPE_BAD_LENGTH",
                             "Must be between 1 and 100 in length.")
