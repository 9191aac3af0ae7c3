"""Driving the bot like a user does in Discord's client: slash and context-menu commands, autocomplete,
buttons and selects, modals, posting messages. Each builds the interaction Discord would send and dispatches
it (INTERACTION_CREATE) to the gateway sessions on its guild's shard.

Mixed into `FakeDiscord`.
"""

from __future__ import annotations

import base64
import logging
import secrets
import time
from collections.abc import Mapping
from typing import Any

from . import commands
from .errors import ClientRefused
from .interaction import FakeInteraction
from .model import (
    APPLICATION_COMMAND,
    APPLICATION_COMMAND_AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    FakeAttachment,
    FakeChannel,
    FakeMessage,
    FakeUser,
    iter_components,
)
from .shards import shard_of
from .world import ChannelRef, UserRef

log = logging.getLogger(__name__)

AttachmentSpec = tuple[str, bytes] | tuple[str, bytes, str]


class Driving:
    """`run_command`, `autocomplete`, `run_message_command`, `run_user_command`, `click`, `submit_modal`,
    `post_message`, `upload_attachment`."""

    async def run_command(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: UserRef = "alice",
        channel: ChannelRef = "general",
        attachments: Mapping[str, AttachmentSpec] | None = None,
        context: int | None = None,
        install: str | None = None,
        locale: str | None = None,
        client_checks: bool = True,
    ) -> FakeInteraction:
        """Invoke a synced slash command (`name` may be "group sub") as `user` in `channel`.

        `channel="dm"` (or `context=1`) is the bot's DM with the user; `context=2` is a private channel
        the bot is not in (user install). Options are typed from the synced definition; attachments are
        uploaded to the fake CDN and referenced from `data.resolved.attachments`. With `client_checks`,
        invocations the Discord client would not offer raise `ClientRefused`."""
        member = self.user(user)
        target, ctx = self._invocation_channel(member, channel, context)
        parts = name.split()
        command = commands.find_command(self, parts[0], 1, target)
        if client_checks:
            commands.check_visible(self, command, member, target, ctx, install)
        resolved: dict[str, dict[str, Any]] = {}
        values = dict(options or {})
        for option_name, spec in (attachments or {}).items():
            values[option_name] = self._upload_option_attachment(spec)
        built = commands.build_options(self, command.get("options") or [], parts[1:], values, resolved, member,
                                            target, focused=None)
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1}
        if built:
            data["options"] = built
        if resolved:
            data["resolved"] = resolved
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self._dispatch(APPLICATION_COMMAND, member, target, ctx, install, data, locale=locale,
                                    name=name)

    async def autocomplete(
        self,
        name: str,
        *,
        focused: str,
        value: Any,
        options: Mapping[str, Any] | None = None,
        user: UserRef = "alice",
        channel: ChannelRef = "general",
        context: int | None = None,
        timeout: float = 10.0,
    ) -> list[dict[str, Any]]:
        """Type `value` into option `focused` of `name`; returns the bot's choices (type 8 callback)."""
        member = self.user(user)
        target, ctx = self._invocation_channel(member, channel, context)
        parts = name.split()
        command = commands.find_command(self, parts[0], 1, target)
        values = dict(options or {})
        values[focused] = value
        built = commands.build_options(self, command.get("options") or [], parts[1:], values, {}, member, target,
                                            focused=focused)
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1, "options": built}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        it = await self._dispatch(APPLICATION_COMMAND_AUTOCOMPLETE, member, target, ctx, None, data, name=name)
        callback = await it.wait_ack(timeout=timeout)
        return list((callback.data or {}).get("choices") or [])

    async def run_message_command(self, name: str, target_message_id: int, *, user: UserRef = "alice",
                                  client_checks: bool = True) -> FakeInteraction:
        """Invoke a message context-menu command (data.type 3) on a message."""
        member = self.user(user)
        message = self._visible_message(target_message_id, member)
        target = self.channel(message.channel_id)
        ctx = 0 if target.guild_id else (1 if target.bot_present else 2)
        command = commands.find_command(self, name, 3, target)
        if client_checks:
            commands.check_visible(self, command, member, target, ctx, None)
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 3,
                                "target_id": str(message.id),
                                "resolved": {"messages": {str(message.id): self._message_payload(message)}}}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self._dispatch(APPLICATION_COMMAND, member, target, ctx, None, data, name=name)

    async def run_user_command(self, name: str, target_user: UserRef, *, user: UserRef = "alice",
                               channel: ChannelRef = "general", client_checks: bool = True) -> FakeInteraction:
        """Invoke a user context-menu command (data.type 2) on a user."""
        member = self.user(user)
        other = self.user(target_user)
        target, ctx = self._invocation_channel(member, channel, None)
        command = commands.find_command(self, name, 2, target)
        if client_checks:
            commands.check_visible(self, command, member, target, ctx, None)
        resolved: dict[str, Any] = {"users": {str(other.id): other.to_payload()}}
        if target.guild_id:
            resolved["members"] = {str(other.id): self._member_payload(other, with_user=False, channel=target)}
        data = {"id": command["id"], "name": command["name"], "type": 2, "target_id": str(other.id),
                "resolved": resolved}
        return await self._dispatch(APPLICATION_COMMAND, member, target, ctx, None, data, name=name)

    async def click(self, message_id: int, custom_id: str, *, user: UserRef = "alice",
                    values: list[str] | None = None, client_checks: bool = True) -> FakeInteraction:
        """Press a button / pick select values on a message (component interaction, type 3).

        Without `client_checks`, a `custom_id` the message does not show is pressed anyway, as a button the
        interaction's copy of the message claims to have (a forged interaction, which a bot must not trust);
        the stored message is unchanged."""
        member = self.user(user)
        message = self._visible_message(message_id, member)
        component = next((c for c in iter_components(message.components) if c.get("custom_id") == custom_id), None)
        forged: list[dict[str, Any]] = []
        if component is None and not client_checks:
            component = {"type": 2, "style": 2, "label": "?", "custom_id": custom_id}
            forged = [{"type": 1, "components": [component]}]
        if component is None:
            raise ClientRefused(f"message {message_id} has no component with custom_id {custom_id!r}")
        if component.get("disabled"):
            raise ClientRefused(f"component {custom_id!r} is disabled")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component["type"]}
        if "id" in component:
            data["id"] = component["id"]
        if component["type"] in (3, 5, 6, 7, 8):
            chosen = list(values or [])
            low, high = component.get("min_values", 1), component.get("max_values", 1)
            if not low <= len(chosen) <= high:
                raise ClientRefused(f"select {custom_id!r} takes {low}..{high} values, got {len(chosen)}")
            if component["type"] == 3:
                allowed = {o.get("value") for o in component.get("options") or []}
                if not set(chosen) <= allowed:
                    raise ClientRefused(f"select {custom_id!r} has no option(s) {sorted(set(chosen) - allowed)}")
            data["values"] = chosen
        target = self.channel(message.channel_id)
        ctx = 0 if target.guild_id else (1 if target.bot_present else 2)
        origin = self.interactions.get(message.interaction_id) if message.interaction_id else None
        install = "user" if origin is not None and origin.user_install_only else None
        return await self._dispatch(MESSAGE_COMPONENT, member, target, ctx, install, data, custom_id=custom_id,
                                    message=message, forged_components=forged)

    async def submit_modal(self, custom_id: str, values: Mapping[str, Any], *, user: UserRef = "alice",
                           message_id: int | None = None) -> FakeInteraction:
        """Submit the modal the bot opened (type 9 callback) with `values` by component custom_id."""
        member = self.user(user)
        source = next((it for it in reversed(self.interactions.values())
                       if it.modal is not None and it.modal.get("custom_id") == custom_id and it.user.id == member.id),
                      None)
        if source is None:
            raise ClientRefused(f"no modal {custom_id!r} was opened for {member.username}")
        components = [commands.modal_submission(c, values) for c in source.modal.get("components") or []]
        data = {"custom_id": custom_id, "components": [c for c in components if c is not None]}
        message = None
        if message_id is not None or source.message_id is not None:
            message = self._visible_message(message_id or source.message_id, member)
        install = "user" if source.user_install_only else None
        return await self._dispatch(MODAL_SUBMIT, member, source.channel, source.context, install, data,
                                    custom_id=custom_id, message=message)

    def post_message(self, user: UserRef, channel: ChannelRef, content: str = "",
                     attachments: list[AttachmentSpec] | None = None) -> FakeMessage:
        """A message posted by a user (e.g. an image to run a message command on). Not dispatched."""
        author = self.user(user)
        target = self.channel(channel)
        message = FakeMessage(id=self._ids.next(), channel_id=target.id, guild_id=target.guild_id, author=author,
                              content=content, created_at=self.clock.now())
        for spec in attachments or []:
            filename, data, *ctype = spec
            message.attachments.append(self._make_attachment(filename, data, scope="attachments",
                                                             scope_id=target.id,
                                                             content_type=ctype[0] if ctype else None))
        self._apply_mentions(message, default_parse=["users", "roles", "everyone"])
        message.revisions.append(message.snapshot(message.created_at))
        self.messages[message.id] = message
        target.last_message_id = message.id
        return message

    # ------------------------------------------------------------------ driver internals

    def _invocation_channel(self, member: FakeUser, channel: ChannelRef, context: int | None
                            ) -> tuple[FakeChannel, int]:
        if context == 2:
            return self.private_channel(member), 2
        if context == 1 or channel == "dm":
            return self.dm_channel(member), 1
        target = self.channel(channel)
        if target.guild_id is None:
            return target, 1 if target.bot_present else 2
        return target, 0

    def upload_attachment(self, filename: str, data: bytes, content_type: str | None = None) -> FakeAttachment:
        """A file uploaded for a command's attachment option, as the client does before invoking it; pass it
        as the option's value (change its `claimed_size` / `cdn_*` fields first to make it misbehave)."""
        return self._upload_option_attachment((filename, data, content_type) if content_type else (filename, data))

    def _upload_option_attachment(self, spec: AttachmentSpec) -> FakeAttachment:
        filename, data, *ctype = spec
        return self._make_attachment(filename, data, scope="ephemeral-attachments", scope_id=self.application_id,
                                     content_type=ctype[0] if ctype else None, ephemeral=True)

    def _visible_message(self, message_id: int, member: FakeUser) -> FakeMessage:
        message = self.messages.get(int(message_id))
        if message is None or message.deleted:
            raise ClientRefused(f"message {message_id} does not exist")
        if message.ephemeral:
            origin = self.interactions.get(message.interaction_id) if message.interaction_id else None
            if origin is None or origin.user.id != member.id:
                raise ClientRefused(f"message {message_id} is ephemeral and not shown to {member.username}")
        return message

    async def _dispatch(self, kind: int, member: FakeUser, channel: FakeChannel, ctx: int, install: str | None,
                        data: dict[str, Any], *, locale: str | None = None, name: str | None = None,
                        custom_id: str | None = None, message: FakeMessage | None = None,
                        forged_components: list[dict[str, Any]] | None = None) -> FakeInteraction:
        guild = self.guilds.of_channel(channel)
        if guild is not None and not self.guilds.is_member(guild, member):
            raise ClientRefused(f"{member.username} is not a member of {guild.name!r}")
        interaction_id = self._ids.next()
        token = _interaction_token(interaction_id)
        owners = {}
        for install_type in sorted(commands.install_types(install, ctx)):
            owner = str(channel.guild_id) if channel.guild_id else "0"
            owners[str(install_type)] = owner if install_type == 0 else str(member.id)
        it = FakeInteraction(self, id=interaction_id, token=token, type=kind, user=member, channel=channel,
                             guild_id=channel.guild_id, context=ctx, owners=owners, created_at=self.clock.now(),
                             name=name, custom_id=custom_id, message_id=message.id if message else None)
        payload: dict[str, Any] = {
            "id": str(interaction_id), "application_id": str(self.application_id), "type": kind, "token": token,
            "version": 1, "data": data, "locale": locale or member.locale, "entitlements": [],
            "authorizing_integration_owners": owners, "context": ctx, "attachment_size_limit": self.upload_limit,
            "app_permissions": str(self.app_permissions(channel)), "channel_id": str(channel.id),
            "channel": self._channel_payload(channel, viewer=member),
        }
        if guild is not None:
            payload["guild_id"] = str(guild.id)
            payload["guild"] = {"id": str(guild.id), "locale": guild.preferred_locale, "features": []}
            payload["guild_locale"] = guild.preferred_locale
            payload["member"] = self._member_payload(member, channel=channel)
        else:
            payload["user"] = member.to_payload()
        if message is not None:
            payload["message"] = self._message_payload(message)
            payload["message"]["components"] += forged_components or []
        it.payload = payload
        self.interactions[interaction_id] = it
        self.interactions_by_token[token] = it
        it.created_at = self.clock.now()
        it.dispatched_at = time.monotonic()
        it.shard = shard_of(channel.guild_id, self._shard_count())
        delivered = await self._gateway.route("INTERACTION_CREATE", payload, channel.guild_id)
        it.routed_to = [session.session_id for session, _ in delivered]
        it.sequence = delivered[0][1] if delivered else None
        if not delivered:
            log.info("interaction %s: no gateway session holds shard %s; the user sees it fail", it.id, it.shard)
        await self._notify()
        return it


def _interaction_token(interaction_id: int) -> str:
    raw = f"interaction:{interaction_id}:{secrets.token_urlsafe(48)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
