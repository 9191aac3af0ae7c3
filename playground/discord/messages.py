"""Messages as the bot creates and edits them over REST: attachments, upload limits, mentions, revisions.

Mixed into `FakeDiscord`; the REST API's message, webhook and interaction-callback routes call these.
"""

from __future__ import annotations

from typing import Any

from .errors import form_error, too_large
from .interaction import FakeInteraction
from .model import (
    FLAG_EPHEMERAL,
    FLAG_IS_COMPONENTS_V2,
    FLAG_LOADING,
    FLAG_SUPPRESS_EMBEDS,
    FakeAttachment,
    FakeChannel,
    FakeMessage,
    FakeUser,
    attachment_path,
    describe_upload,
)
from .rest_base import Upload
from .validation import MAX_ATTACHMENTS, resolve_mentions

_V2_LEGACY_FIELDS = "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2"


class Messages:
    """`_create_message`, `_edit_message` and the attachment / mention bookkeeping they share."""

    def _make_attachment(self, filename: str, data: bytes, *, scope: str, scope_id: int,
                         content_type: str | None = None, description: str | None = None,
                         ephemeral: bool = False) -> FakeAttachment:
        attachment_id = self._ids.next()
        ctype, width, height = describe_upload(filename, data, content_type)
        path = attachment_path(scope, scope_id, attachment_id, filename)
        attachment = FakeAttachment(attachment_id, filename, data, ctype, self.base_url + path,
                                    self.base_url + "/media" + path, width, height, description, ephemeral)
        self.attachments[attachment_id] = attachment
        return attachment

    def _check_uploads(self, uploads: list[Upload]) -> None:
        if any(len(u.data) > self.upload_limit for u in uploads):
            raise too_large()

    def _apply_attachments(self, message: FakeMessage, listed: list[dict[str, Any]] | None,
                           uploads: list[Upload], prefix: list[str | int]) -> list[FakeAttachment]:
        """The attachment list after create/edit: listed existing ids kept, `files[n]` added."""
        by_index = {u.index: u for u in uploads}
        used: set[int] = set()
        result: list[FakeAttachment] = []
        existing = {str(a.id): a for a in message.attachments}
        if listed is None:
            result = list(message.attachments)
        else:
            for position, item in enumerate(listed):
                key = str(item.get("id"))
                if key in existing:
                    kept = existing[key]
                    if "description" in item:
                        kept.description = item["description"]
                    result.append(kept)
                    continue
                try:
                    upload = by_index[int(key)]
                except (KeyError, ValueError):
                    raise form_error([*prefix, "attachments", position, "id"], "ATTACHMENT_NOT_FOUND",
                                     "Unknown attachment") from None
                used.add(upload.index)
                result.append(self._make_attachment(item.get("filename") or upload.filename, upload.data,
                                                    scope="attachments", scope_id=message.channel_id,
                                                    description=item.get("description")))
        for upload in uploads:
            if upload.index not in used:
                result.append(self._make_attachment(upload.filename, upload.data, scope="attachments",
                                                    scope_id=message.channel_id))
        if len(result) > MAX_ATTACHMENTS:
            raise form_error([*prefix, "attachments"], "BASE_TYPE_MAX_LENGTH",
                             f"Must be {MAX_ATTACHMENTS} or fewer in length.")
        return result

    def _apply_mentions(self, message: FakeMessage, *, default_parse: list[str]) -> None:
        known_users = {u.id for u in self.users.values()} | {self.bot_user.id}
        known_roles = {r.id for g in self.guilds for r in g.roles.values()}
        users, roles, everyone = resolve_mentions(message.content, message.allowed_mentions,
                                                  default_parse=default_parse, known_user_ids=known_users,
                                                  known_role_ids=known_roles)
        message.mentioned_user_ids, message.mentioned_role_ids, message.mention_everyone = users, roles, everyone

    def _create_message(self, channel: FakeChannel, body: dict[str, Any], uploads: list[Upload], *,
                        author: FakeUser, prefix: list[str | int], message_type: int = 0,
                        interaction: FakeInteraction | None = None, flags_mask: int = 0,
                        default_parse: list[str] | None = None) -> FakeMessage:
        now = self.clock.now()
        message = FakeMessage(
            id=self._ids.next(), channel_id=channel.id, guild_id=channel.guild_id, author=author,
            content=body.get("content") or "", embeds=list(body.get("embeds") or []),
            components=list(body.get("components") or []), flags=int(body.get("flags") or 0) & flags_mask,
            tts=bool(body.get("tts")), type=message_type, allowed_mentions=body.get("allowed_mentions"),
            message_reference=body.get("message_reference"), nonce=body.get("nonce"), created_at=now,
        )
        message.attachments = self._apply_attachments(message, body.get("attachments"), uploads, prefix)
        if interaction is not None:
            message.interaction_id = interaction.id
            message.webhook_id = self.application_id
            message.application_id = self.application_id
            message.interaction_metadata = self._interaction_metadata(interaction)
        self._apply_mentions(message, default_parse=default_parse if default_parse is not None
                             else ["users", "roles", "everyone"])
        message.revisions.append(message.snapshot(now))
        self.messages[message.id] = message
        channel.last_message_id = message.id
        return message

    def _edit_message(self, message: FakeMessage, body: dict[str, Any], uploads: list[Upload], *,
                      prefix: list[str | int], default_parse: list[str]) -> None:
        self.limiter.hidden_hit("message-edit", str(message.id), self.message_edit_rate_limit)
        attachments = self._apply_attachments(message, body.get("attachments"), uploads, prefix)
        now = self.clock.now()
        if "content" in body:
            message.content = body["content"] or ""
        if "embeds" in body:
            message.embeds = list(body["embeds"] or [])
        if "components" in body:
            message.components = list(body["components"] or [])
        keep = message.flags & FLAG_EPHEMERAL  # ephemerality can't change after sending
        if "flags" in body and body["flags"] is not None:
            message.flags = keep | (int(body["flags"]) & (FLAG_SUPPRESS_EMBEDS | FLAG_IS_COMPONENTS_V2))
        else:
            message.flags &= ~FLAG_LOADING
        if message.flags & FLAG_IS_COMPONENTS_V2 and (message.content or message.embeds):
            raise form_error([*prefix, "content"], "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                             _V2_LEGACY_FIELDS)
        if "allowed_mentions" in body:
            message.allowed_mentions = body["allowed_mentions"]
        message.attachments = attachments
        message.edited_at = now
        message.edit_times.append(now)
        self._apply_mentions(message, default_parse=default_parse)
        message.revisions.append(message.snapshot(now))
