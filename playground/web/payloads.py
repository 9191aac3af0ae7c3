"""The JSON the page reads: the world, the commands a member is offered, messages as a member sees them.

Everything here is plain data taken from the stand-in's public state; the page renders it (escaped) and never
receives a token or file bytes (files are served from this origin by id).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from playground.discord.model import ADMINISTRATOR, FLAG_EPHEMERAL, FLAG_LOADING

if TYPE_CHECKING:
    from playground.discord import FakeAttachment, FakeChannel, FakeDiscord, FakeMessage, FakeUser, RecordedRequest

CHAT_INPUT, MESSAGE_COMMAND = 1, 3
_MENTION = re.compile(r"<(@!?|@&|#)(\d{1,20})>")
_IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


def file_url(attachment: FakeAttachment) -> str:
    """Where the page loads an attachment from (this origin, not the stand-in's CDN)."""
    return f"/files/{attachment.id}/{quote(attachment.filename)}"


def display_name(user: FakeUser) -> str:
    """The name Discord shows for a user."""
    return user.global_name or user.username


def user_json(user: FakeUser) -> dict[str, Any]:
    """A user as the page shows it (name, bot tag)."""
    return {"id": str(user.id), "name": display_name(user), "username": user.username, "bot": user.bot}


def channel_json(channel: FakeChannel) -> dict[str, Any]:
    """A guild text channel in the sidebar."""
    return {"id": str(channel.id), "name": channel.name, "nsfw": channel.nsfw, "topic": channel.topic}


def can_see(fake: FakeDiscord, message: FakeMessage, user: FakeUser) -> bool:
    """Whether `user` sees `message`: an ephemeral one only by the member whose interaction it answers."""
    if message.deleted:
        return False
    if not message.flags & FLAG_EPHEMERAL:
        return True
    origin = fake.interactions.get(message.interaction_id) if message.interaction_id else None
    return origin is not None and origin.user.id == user.id


def _names(fake: FakeDiscord, texts: list[str]) -> dict[str, dict[str, str]]:
    """Names for the mentions in `texts` (shown as names, never pinging anyone)."""
    found: dict[str, dict[str, str]] = {"users": {}, "roles": {}, "channels": {}}
    roles = {str(role.id): role.name for guild in fake.guilds for role in guild.roles.values()}
    for text in texts:
        for kind, ident in _MENTION.findall(text):
            if kind.startswith("@&"):
                found["roles"][ident] = roles.get(ident, "deleted-role")
            elif kind == "#":
                channel = fake.channels_by_id.get(int(ident))
                found["channels"][ident] = (channel.name if channel and channel.name else "unknown")
            else:
                try:
                    found["users"][ident] = display_name(fake.user(ident))
                except KeyError:
                    found["users"][ident] = "unknown-user"
    return found


def _embed_media(fake: FakeDiscord, media: Any, by_name: dict[str, FakeAttachment]) -> dict[str, Any] | None:
    if not isinstance(media, dict) or not media.get("url"):
        return None
    url = str(media["url"])
    if url.startswith("attachment://"):
        attachment = by_name.get(url[len("attachment://"):])
        if attachment is None:
            return None
        return {"url": file_url(attachment), "width": attachment.width, "height": attachment.height}
    if url.startswith(fake.base_url + "/"):  # the stand-in's CDN: serve it from here
        for attachment in fake.attachments.values():
            if url in (attachment.url, attachment.proxy_url):
                return {"url": file_url(attachment), "width": attachment.width, "height": attachment.height}
        return None
    return {"url": url, "width": media.get("width"), "height": media.get("height")} if url.startswith("https://") \
        else None


def _embed_json(fake: FakeDiscord, embed: dict[str, Any], by_name: dict[str, FakeAttachment]) -> dict[str, Any]:
    fields = [{"name": str(f.get("name", "")), "value": str(f.get("value", "")), "inline": bool(f.get("inline"))}
              for f in embed.get("fields") or [] if isinstance(f, dict)]
    footer = embed.get("footer") if isinstance(embed.get("footer"), dict) else {}
    author = embed.get("author") if isinstance(embed.get("author"), dict) else {}
    colour = embed.get("color")
    return {
        "title": embed.get("title"), "description": embed.get("description"), "url": embed.get("url"),
        "color": f"#{int(colour):06x}" if isinstance(colour, int) else None, "fields": fields,
        "footer": footer.get("text"), "author": author.get("name"), "timestamp": embed.get("timestamp"),
        "image": _embed_media(fake, embed.get("image"), by_name),
        "thumbnail": _embed_media(fake, embed.get("thumbnail"), by_name),
    }


def _attachment_json(attachment: FakeAttachment) -> dict[str, Any]:
    ctype = (attachment.content_type or "").split(";")[0]
    return {
        "id": str(attachment.id), "filename": attachment.filename, "url": file_url(attachment),
        "size": attachment.size, "content_type": ctype, "width": attachment.width, "height": attachment.height,
        "image": ctype in _IMAGE_TYPES and attachment.width is not None,
        "spoiler": attachment.filename.startswith("SPOILER_"), "description": attachment.description,
    }


def message_json(fake: FakeDiscord, message: FakeMessage) -> dict[str, Any]:
    """One message as the page renders it."""
    by_name = {a.filename: a for a in message.attachments}
    embeds = [_embed_json(fake, e, by_name) for e in message.embeds if isinstance(e, dict)]
    texts = [message.content] + [str(e.get("description") or "") for e in message.embeds if isinstance(e, dict)]
    texts += [str(f.get("value", "")) for e in message.embeds if isinstance(e, dict) for f in e.get("fields") or []
              if isinstance(f, dict)]
    interaction = None
    meta = message.interaction_metadata
    if meta and meta.get("type") == 2:  # "<user> used /name" above a command's response
        user = meta.get("user") or {}
        interaction = {"user": user.get("global_name") or user.get("username") or "someone",
                       "name": meta.get("name") or "", "command_type": meta.get("command_type", 1)}
    return {
        "id": str(message.id), "channel_id": str(message.channel_id), "time": message.created_at,
        "author": user_json(message.author), "content": message.content, "embeds": embeds,
        "attachments": [_attachment_json(a) for a in message.attachments],
        "components": message.components, "flags": message.flags,
        "ephemeral": bool(message.flags & FLAG_EPHEMERAL), "loading": bool(message.flags & FLAG_LOADING),
        "edited": message.edited_at is not None, "interaction": interaction, "names": _names(fake, texts),
        "type": message.type,
    }


def _visible_command(fake: FakeDiscord, command: dict[str, Any], user: FakeUser, channel: FakeChannel) -> bool:
    """Whether Discord's client lists `command` for `user` in `channel` (contexts, permissions, age gate).
    The stand-in checks again when the command is run; this only keeps the list honest."""
    context = 1 if channel.is_dm else 0
    contexts = command.get("contexts")
    if contexts is not None and context not in contexts:
        return False
    if channel.is_dm:
        return not (contexts is None and command.get("dm_permission") is False)
    perms = fake.member_permissions(user, channel)
    overwrite = fake.command_overwrites.get(command["name"], {}).get(user.id)
    if overwrite is False and not perms & ADMINISTRATOR:
        return False
    required = command.get("default_member_permissions")
    if required is not None and overwrite is None and not perms & ADMINISTRATOR:
        needed = int(required)
        if needed == 0 or perms & needed != needed:
            return False
    return not (command.get("nsfw") and not channel.nsfw)


def commands_json(fake: FakeDiscord, user: FakeUser, channel: FakeChannel) -> list[dict[str, Any]]:
    """The slash and message commands the bot registered that `user` is offered in `channel` (the guild's
    own first, then global ones), as registered: names, descriptions, options, choices, autocomplete."""
    pools = []
    if channel.guild_id is not None:
        pools.append(fake.guild_commands.get(channel.guild_id, {}))
    pools.append(fake.commands)
    seen: set[tuple[str, int]] = set()
    found = []
    for pool in pools:
        for command in pool.values():
            kind = int(command.get("type", 1))
            key = (command["name"], kind)
            if kind not in (CHAT_INPUT, MESSAGE_COMMAND) or key in seen:
                continue
            seen.add(key)
            if _visible_command(fake, command, user, channel):
                found.append({"name": command["name"], "type": kind, "description": command.get("description", ""),
                              "options": command.get("options") or []})
    return sorted(found, key=lambda c: c["name"])


def refusal_json(record: RecordedRequest) -> dict[str, Any]:
    """A request of the bot the stand-in refused, as the page's red notice shows it."""
    error = record.error or {}
    return {"method": record.method, "path": _masked(record.path), "status": record.status,
            "message": str(error.get("message", "")), "code": error.get("code"),
            "details": list(_form_errors(error.get("errors"))), "retry_after": record.retry_after,
            "time": record.time}


def _masked(path: str) -> str:
    """An interaction route without its token (`/webhooks/<app>/<token>/…` → `/webhooks/<app>/…/…`)."""
    parts = path.split("/")
    for i, part in enumerate(parts[:-1]):
        if part in ("webhooks", "interactions") and i + 2 < len(parts):
            parts[i + 2] = "…"
    return "/".join(parts)


def _form_errors(errors: Any, prefix: str = "") -> Any:
    """`field.sub: message` lines of an Invalid Form Body's nested `errors`."""
    if not isinstance(errors, dict):
        return
    for key, value in errors.items():
        if key == "_errors" and isinstance(value, list):
            for item in value:
                yield f"{prefix or 'body'}: {item.get('message', '')}" if isinstance(item, dict) else str(item)
        else:
            yield from _form_errors(value, f"{prefix}.{key}" if prefix else str(key))
