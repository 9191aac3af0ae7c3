"""Application commands in the fake: what a bulk overwrite stores, whether Discord's client offers a command
to a member there, and the options it sends when the member invokes it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .errors import ClientRefused
from .guilds import FakeGuild
from .model import ALL_PERMISSIONS, FakeAttachment, FakeChannel, FakeUser

if TYPE_CHECKING:
    from .server import FakeDiscord

_OPTION_STRING, _OPTION_INTEGER, _OPTION_BOOLEAN, _OPTION_USER = 3, 4, 5, 6
_OPTION_CHANNEL, _OPTION_ROLE, _OPTION_MENTIONABLE, _OPTION_NUMBER, _OPTION_ATTACHMENT = 7, 8, 9, 10, 11


def command_overwrite(fake: FakeDiscord, name: str, member: FakeUser, guild: FakeGuild) -> bool | None:
    """The Integrations setting for `/name` that applies to `member` in `guild` (None: the default)."""
    entries = fake.command_overwrites.get(name, {})
    if member.id in entries:
        return entries[member.id]
    found = [entries[guild.roles[key].id] for key in fake.guilds.role_keys(guild, member)
             if guild.roles[key].id in entries]
    if found:
        return any(found)
    return entries.get(guild.id)  # the @everyone entry


def find_command(fake: FakeDiscord, name: str, kind: int, channel: FakeChannel) -> dict[str, Any]:
    """The synced command the client shows in `channel` (the guild's own first, then global ones)."""
    pools: list[dict[str, dict[str, Any]]] = []
    if channel.guild_id is not None:
        pools.append(fake.guild_commands.get(channel.guild_id, {}))
    pools.append(fake.commands)
    for pool in pools:
        for command in pool.values():
            if command["name"] == name and int(command.get("type", 1)) == kind:
                return command
    raise ClientRefused(f"no synced command {name!r} of type {kind} (sync_count={fake.sync_count})")


def check_visible(fake: FakeDiscord, command: dict[str, Any], member: FakeUser, channel: FakeChannel, ctx: int,
                  install: str | None) -> None:
    """Raise `ClientRefused` when Discord's client would not offer `command` to `member` in `channel`."""
    contexts = command.get("contexts")
    if contexts is not None and ctx not in contexts:
        raise ClientRefused(f"/{command['name']} is not available in context {ctx}")
    if ctx == 1 and command.get("dm_permission") is False and contexts is None:
        raise ClientRefused(f"/{command['name']} is not available in DMs")
    installs = command.get("integration_types")
    wanted = install_types(install, ctx)
    if installs is not None and not set(installs) & wanted:
        raise ClientRefused(f"/{command['name']} is not installed for {sorted(wanted)}")
    guild = fake.guilds.of_channel(channel)
    if guild is not None:
        required = command.get("default_member_permissions")
        perms = fake.member_permissions(member, channel)
        overwrite = command_overwrite(fake, command["name"], member, guild)
        if perms != ALL_PERMISSIONS and overwrite is False:
            raise ClientRefused(f"/{command['name']} is hidden from {member.username} by the server's admins")
        if required is not None and perms != ALL_PERMISSIONS and overwrite is None:
            needed = int(required)
            if needed == 0 or perms & needed != needed:
                raise ClientRefused(f"{member.username} lacks the permissions to see /{command['name']}")
        if command.get("nsfw") and not channel.nsfw:
            raise ClientRefused(f"/{command['name']} is age-restricted and #{channel.name} is not")


def build_options(fake: FakeDiscord, definitions: list[dict[str, Any]], path: list[str], values: dict[str, Any],
                  resolved: dict[str, dict[str, Any]], member: FakeUser, channel: FakeChannel,
                  *, focused: str | None) -> list[dict[str, Any]]:
    """The `options` of an invocation (`path`: subcommand names), typed and checked like the client does."""
    if path:
        sub = next((d for d in definitions if d["name"] == path[0] and d.get("type") in (1, 2)), None)
        if sub is None:
            raise ClientRefused(f"no subcommand {path[0]!r}")
        inner = build_options(fake, sub.get("options") or [], path[1:], values, resolved, member, channel,
                              focused=focused)
        option: dict[str, Any] = {"name": sub["name"], "type": sub["type"]}
        if inner or sub["type"] == 1:
            option["options"] = inner
        return [option]
    if any(d.get("type") in (1, 2) for d in definitions):
        raise ClientRefused("this command needs a subcommand (use 'command sub')")
    by_name = {d["name"]: d for d in definitions}
    unknown = set(values) - set(by_name)
    if unknown:
        raise ClientRefused(f"unknown option(s) {sorted(unknown)}")
    built = []
    for definition in definitions:
        option_name = definition["name"]
        if option_name not in values or values[option_name] is None:
            if definition.get("required") and focused is None:
                raise ClientRefused(f"required option {option_name!r} missing")
            continue
        kind = definition["type"]
        if option_name == focused:
            built.append({"name": option_name, "type": kind, "value": str(values[option_name]), "focused": True})
            continue
        value = option_value(fake, definition, values[option_name], resolved, member, channel,
                             validate=focused is None)
        built.append({"name": option_name, "type": kind, "value": value})
    return built


def option_value(fake: FakeDiscord, definition: dict[str, Any], raw: Any, resolved: dict[str, dict[str, Any]],
                 member: FakeUser, channel: FakeChannel, *, validate: bool) -> Any:
    """One option's value as sent (users, roles, channels and attachments also go into `resolved`)."""
    kind, option_name = definition["type"], definition["name"]
    guild_roles = (fake.guilds.of_channel(channel) or fake.guild).roles
    if kind == _OPTION_STRING:
        value: Any = str(raw)
        length = len(value)
        if validate and not (definition.get("min_length", 0) <= length <= definition.get("max_length", 6000)):
            raise ClientRefused(f"option {option_name!r}: length {length} out of range")
    elif kind == _OPTION_INTEGER:
        if isinstance(raw, bool) or int(raw) != raw:
            raise ClientRefused(f"option {option_name!r} needs an integer")
        value = int(raw)
    elif kind == _OPTION_NUMBER:
        value = float(raw)
    elif kind == _OPTION_BOOLEAN:
        value = bool(raw)
    elif kind in (_OPTION_USER, _OPTION_MENTIONABLE) and not (isinstance(raw, str) and raw in guild_roles):
        other = fake.user(raw)
        resolved.setdefault("users", {})[str(other.id)] = other.to_payload()
        guild = fake.guilds.of_channel(channel)
        if guild is not None and fake.guilds.is_member(guild, other):
            resolved.setdefault("members", {})[str(other.id)] = fake._member_payload(other, with_user=False,
                                                                                     channel=channel)
        return str(other.id)
    elif kind in (_OPTION_ROLE, _OPTION_MENTIONABLE):
        role = guild_roles[raw] if isinstance(raw, str) else raw
        resolved.setdefault("roles", {})[str(role.id)] = role.to_payload()
        return str(role.id)
    elif kind == _OPTION_CHANNEL:
        target = fake.channel(raw)
        payload = fake._channel_payload(target, viewer=member)
        resolved.setdefault("channels", {})[str(target.id)] = payload
        return str(target.id)
    elif kind == _OPTION_ATTACHMENT:
        attachment = raw if isinstance(raw, FakeAttachment) else fake._upload_option_attachment(raw)
        resolved.setdefault("attachments", {})[str(attachment.id)] = attachment.to_payload()
        return str(attachment.id)
    else:
        raise ClientRefused(f"option type {kind} not supported by the fake")
    if validate and kind in (_OPTION_INTEGER, _OPTION_NUMBER):
        low, high = definition.get("min_value"), definition.get("max_value")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ClientRefused(f"option {option_name!r}: {value} out of range")
    choices = definition.get("choices")
    if validate and choices and value not in [c["value"] for c in choices]:
        raise ClientRefused(f"option {option_name!r}: {value!r} is not one of the choices")
    return value


def sync(fake: FakeDiscord, guild_id: int | None, body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A bulk overwrite (`PUT .../commands`): the stored commands, with ids stable across syncs."""
    result = []
    for command in body:
        kind = int(command.get("type", 1))
        key = (guild_id, command["name"], kind)
        command_id = fake._command_ids.setdefault(key, fake._ids.next())
        stored = {
            "id": str(command_id), "application_id": str(fake.application_id), "version": str(fake._ids.next()),
            "type": kind, "name": command["name"], "description": command.get("description", ""),
            "name_localizations": command.get("name_localizations"),
            "description_localizations": command.get("description_localizations"),
            "default_member_permissions": command.get("default_member_permissions"),
            "nsfw": bool(command.get("nsfw", False)),
            "contexts": command.get("contexts"),
            "integration_types": command.get("integration_types"),
            "options": command.get("options") or [],
        }
        if guild_id is not None:
            stored["guild_id"] = str(guild_id)
        elif "dm_permission" in command:
            stored["dm_permission"] = command["dm_permission"]
        result.append(stored)
    pool = {c["name"] if c["type"] == 1 else f"{c['name']}#{c['type']}": c for c in result}
    if guild_id is None:
        fake.commands = pool
    else:
        fake.guild_commands[guild_id] = pool
    fake.sync_count += 1
    return result


def install_types(install: str | None, ctx: int) -> set[int]:
    """The integration types an invocation is authorized by ("guild", "user", "both"; None: by context)."""
    if install is None:
        install = "user" if ctx == 2 else "guild"
    return {"guild": {0}, "user": {1}, "both": {0, 1}}[install]


def modal_submission(component: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the client submits for one modal component given the member's `values` by custom_id."""
    kind = component.get("type")
    if kind == 1:
        children = [modal_submission(c, values) for c in component.get("components") or []]
        return {"type": 1, "id": component.get("id", 0), "components": [c for c in children if c is not None]}
    if kind == 18:
        inner = modal_submission(component.get("component") or {}, values)
        return None if inner is None else {"type": 18, "id": component.get("id", 0), "component": inner}
    custom_id = component.get("custom_id")
    if custom_id is None:
        return None
    given = values.get(custom_id)
    if kind == 4:
        text = "" if given is None else str(given)
        if component.get("required", True) and not text:
            raise ClientRefused(f"modal field {custom_id!r} is required")
        low, high = component.get("min_length", 0), component.get("max_length", 4000)
        if text and not low <= len(text) <= high:
            raise ClientRefused(f"modal field {custom_id!r}: length {len(text)} not in {low}..{high}")
        return {"type": 4, "id": component.get("id", 0), "custom_id": custom_id, "value": text}
    chosen = [] if given is None else ([given] if isinstance(given, str) else list(given))
    return {"type": kind, "id": component.get("id", 0), "custom_id": custom_id, "values": chosen}
