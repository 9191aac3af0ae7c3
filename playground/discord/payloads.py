"""The JSON Discord sends about the world: users, the application, READY, members, channels, messages.

Mixed into `FakeDiscord`; the REST API, the gateway and interactions all answer with these.
"""

from __future__ import annotations

from typing import Any

from .gateway import GatewaySession
from .guilds import FakeGuild
from .interaction import FakeInteraction
from .model import (
    APPLICATION_COMMAND,
    DM_APP_PERMISSIONS,
    FakeAttachment,
    FakeChannel,
    FakeMessage,
    FakeUser,
    iso,
)


class Payloads:
    """`_message_payload`, `_channel_payload`, `_member_payload`, ...: the objects as Discord serialises them."""

    def _user_me_payload(self) -> dict[str, Any]:
        return {**self.bot_user.to_payload(), "bot": True, "verified": True, "mfa_enabled": False,
                "locale": "en-US", "email": None, "bio": ""}

    def _application_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id), "name": "imagine-bot", "icon": None, "description": "",
            "summary": "", "type": None, "hook": True, "bot_public": True, "bot_require_code_grant": False,
            "verify_key": self.verify_key, "owner": self.user("owner").to_payload(), "team": None,
            "flags": 1 << 23, "interactions_endpoint_url": None, "role_connections_verification_url": None,
            "redirect_uris": [], "rpc_origins": [], "tags": [], "install_params": None,
            "integration_types_config": {"0": {}, "1": {}}, "approximate_guild_count": len(self.guilds),
            "approximate_user_install_count": 0, "bot": self.bot_user.to_payload(),
        }

    def _ready_payload(self, session: GatewaySession) -> dict[str, Any]:
        guilds = [{"id": str(guild_id), "unavailable": True} for guild_id in session.guild_ids]
        return {
            "v": 10, "user_settings": {}, "user": self._user_me_payload(), "session_type": "normal",
            "session_id": session.session_id, "resume_gateway_url": self.gateway_url, "relationships": [],
            "private_channels": [], "presences": [], "guilds": guilds, "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["us-east"], "auth": {},
            "application": {"id": str(self.application_id), "flags": 1 << 23},
            "shard": session.shard, "_trace": ["fake-discord"],
        }

    def _member_payload(self, user: FakeUser, *, with_user: bool = True, channel: FakeChannel | None = None,
                        guild: FakeGuild | None = None) -> dict[str, Any]:
        where = guild or (self.guilds.of_channel(channel) if channel is not None else None) or self.guild
        return self.guilds.member_payload(where, user, with_user=with_user, channel=channel)

    def _channel_payload(self, channel: FakeChannel, *, viewer: FakeUser | None = None) -> dict[str, Any]:
        last = str(channel.last_message_id) if channel.last_message_id else None
        if channel.is_dm:
            recipient = self.user(channel.recipient_id) if channel.recipient_id else None
            data: dict[str, Any] = {"id": str(channel.id), "type": channel.type, "last_message_id": last,
                                    "flags": 0, "recipients": [recipient.to_payload()] if recipient else []}
        else:
            data = {
                "id": str(channel.id), "type": channel.type, "guild_id": str(channel.guild_id),
                "name": channel.name, "position": channel.position,
                "permission_overwrites": list(channel.permission_overwrites), "nsfw": channel.nsfw,
                "topic": channel.topic, "last_message_id": last, "rate_limit_per_user": 0, "parent_id": None,
                "flags": 0,
            }
        if viewer is not None:
            perms = self.member_permissions(viewer, channel) if channel.guild_id else DM_APP_PERMISSIONS
            data["permissions"] = str(perms)
        return data

    def _guild_create_payload(self, guild_id: int | None = None) -> dict[str, Any]:
        return self.guilds.create_payload(self.guild if guild_id is None else self.guilds.by_id[guild_id])

    def _message_payload(self, message: FakeMessage) -> dict[str, Any]:
        by_name = {a.filename: a for a in message.attachments}
        data: dict[str, Any] = {
            "id": str(message.id), "type": message.type, "content": message.content,
            "channel_id": str(message.channel_id), "author": message.author.to_payload(),
            "attachments": [a.to_payload() for a in message.attachments],
            "embeds": [resolve_embed(e, by_name) for e in message.embeds],
            "components": list(message.components),
            "mentions": [self.user(u).to_payload() for u in message.mentioned_user_ids],
            "mention_roles": [str(r) for r in message.mentioned_role_ids],
            "mention_everyone": message.mention_everyone, "pinned": False, "tts": message.tts,
            "timestamp": iso(message.created_at),
            "edited_timestamp": iso(message.edited_at) if message.edited_at is not None else None,
            "flags": message.flags,
        }
        if message.guild_id is not None:
            data["guild_id"] = str(message.guild_id)
        if message.webhook_id is not None:
            data["webhook_id"] = str(message.webhook_id)
        if message.application_id is not None:
            data["application_id"] = str(message.application_id)
        if message.interaction_metadata is not None:
            data["interaction_metadata"] = message.interaction_metadata
        if message.nonce is not None:
            data["nonce"] = message.nonce
        if message.message_reference is not None:
            data["message_reference"] = message.message_reference
            ref_id = message.message_reference.get("message_id")
            referenced = self.messages.get(int(ref_id)) if ref_id else None
            if referenced is not None and referenced is not message:
                inner = None if referenced.deleted else self._message_payload(referenced)
                if inner is not None:
                    inner.pop("referenced_message", None)
                data["referenced_message"] = inner
        return data

    def _interaction_metadata(self, it: FakeInteraction) -> dict[str, Any]:
        data: dict[str, Any] = {"id": str(it.id), "type": it.type, "user": it.user.to_payload(),
                                "authorizing_integration_owners": dict(it.authorizing_integration_owners)}
        if it.type == APPLICATION_COMMAND:
            data["name"] = it.name
            data["command_type"] = int((it.payload.get("data") or {}).get("type", 1))
        if it.message_id is not None:
            data["interacted_message_id"] = str(it.message_id)
        if it.original_message_id is not None:
            data["original_response_message_id"] = str(it.original_message_id)
        return data


def resolve_embed(embed: dict[str, Any], attachments: dict[str, FakeAttachment]) -> dict[str, Any]:
    """An embed as Discord shows it: `attachment://name` images and thumbnails point at the attachment."""
    resolved = {"type": "rich", **embed}
    for key in ("image", "thumbnail"):
        media = resolved.get(key)
        if isinstance(media, dict) and str(media.get("url", "")).startswith("attachment://"):
            attachment = attachments.get(media["url"][len("attachment://"):])
            if attachment is not None:
                resolved[key] = {**media, "url": attachment.url, "proxy_url": attachment.proxy_url,
                                 "width": attachment.width, "height": attachment.height,
                                 "content_type": attachment.content_type}
    return resolved
