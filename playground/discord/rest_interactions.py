"""REST routes of interactions: the callback (the bot's first answer) and the interaction webhook (followups,
the original response and its edits), with Discord's rules on which callback fits which interaction."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .errors import DiscordError, form_error, invalid_webhook_token, unknown
from .interaction import USER_INSTALL_FOLLOWUP_CAP, FakeInteraction
from .model import (
    APPLICATION_COMMAND,
    FLAG_EPHEMERAL,
    FLAG_IS_COMPONENTS_V2,
    FLAG_LOADING,
    FLAG_SUPPRESS_EMBEDS,
    FLAG_SUPPRESS_NOTIFICATIONS,
    MESSAGE_CHAT_INPUT_COMMAND,
    MESSAGE_COMPONENT,
    MESSAGE_CONTEXT_MENU_COMMAND,
    MESSAGE_DEFAULT,
    MODAL_SUBMIT,
    FakeMessage,
    InteractionCallback,
)
from .rest_base import Routes, json_response, snowflake
from .validation import validate_message_body

_RESPONSE_FLAGS = FLAG_EPHEMERAL | FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_IS_COMPONENTS_V2
_WEBHOOK_PARSE = ["users"]  # interaction/webhook default allowed_mentions
_ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {4, 5, 9},
    MESSAGE_COMPONENT: {4, 5, 6, 7, 9},
    4: {8},
    MODAL_SUBMIT: {4, 5},
}


class InteractionRoutes(Routes):
    """`/interactions/{id}/{token}/callback` and `/webhooks/{application_id}/{token}...`."""

    async def _interaction_callback(self, request: web.Request) -> web.Response:
        payload, uploads = await self._body(request)
        it = self._fake.interactions.get(snowflake(request.match_info["interaction_id"]))
        if it is None or it.token != request.match_info["token"]:
            raise unknown("interaction", 10062)
        try:
            body = self._callback(it, payload or {}, uploads)
        except DiscordError as exc:
            it.callback_statuses.append(exc.status)
            raise
        it.callback_statuses.append(200)
        return json_response(body)

    def _callback(self, it: FakeInteraction, payload: dict[str, Any], uploads: list[Any]) -> dict[str, Any]:
        fake = self._fake
        now = fake.clock.now()
        if it.callback is not None:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if it.ack_expired(now):
            raise unknown("interaction", 10062)
        kind = payload.get("type")
        data = payload.get("data") or {}
        allowed = set(_ALLOWED_CALLBACKS[it.type])
        if it.type == MODAL_SUBMIT and it.message_id is not None:
            allowed |= {6, 7}
        if kind not in allowed:
            raise form_error(["type"], "BASE_TYPE_CHOICES", f"Value must be one of {sorted(allowed)}.")
        fake._check_uploads(uploads)
        message: FakeMessage | None = None
        if kind == 4:
            validate_message_body(data, prefix=["data"], creating=True, has_files=bool(uploads))
            message = fake._create_message(it.channel, data, uploads, author=fake.bot_user, prefix=["data"],
                                           message_type=_response_type(it), interaction=it,
                                           flags_mask=_RESPONSE_FLAGS, default_parse=_WEBHOOK_PARSE)
        elif kind == 5:
            flags = (int(data.get("flags") or 0) & FLAG_EPHEMERAL) | FLAG_LOADING
            message = fake._create_message(it.channel, {"flags": flags}, [], author=fake.bot_user, prefix=["data"],
                                           message_type=_response_type(it), interaction=it,
                                           flags_mask=FLAG_EPHEMERAL | FLAG_LOADING, default_parse=_WEBHOOK_PARSE)
        elif kind in (6, 7):
            message = fake.messages[it.message_id]  # type: ignore[index]
            if kind == 7:
                validate_message_body(data, prefix=["data"], creating=False, has_files=bool(uploads))
                fake._edit_message(message, data, uploads, prefix=["data"], default_parse=_WEBHOOK_PARSE)
        elif kind == 8:
            _validate_choices(data.get("choices"))
        elif kind == 9:
            _validate_modal(data)
            it.modal = data
        if message is not None:
            it.original_message_id = message.id
        it.callback = InteractionCallback(kind, payload.get("data"), [(u.filename, u.data) for u in uploads], now,
                                          it.real_elapsed())
        body: dict[str, Any] = {"interaction": {"id": str(it.id), "type": it.type}}
        if message is not None:
            body["interaction"].update(response_message_id=str(message.id), response_message_loading=kind == 5,
                                       response_message_ephemeral=message.ephemeral)
        if kind in (4, 7):
            body["resource"] = {"type": kind, "message": fake._message_payload(message)}  # type: ignore[arg-type]
        elif kind in (5, 6):
            body["resource"] = {"type": kind}
        return body

    def _webhook(self, request: web.Request) -> FakeInteraction:
        fake = self._fake
        app_id, token = request.match_info["application_id"], request.match_info["token"]
        if app_id != str(fake.application_id):
            raise unknown("Webhook", 10015)
        it = fake.interactions_by_token.get(token)
        if it is None or it.token_expired(fake.clock.now()):
            raise invalid_webhook_token()
        self._rate(request, "webhook", f"{app_id}+{token}", fake.webhook_rate_limit)
        return it

    async def _webhook_execute(self, request: web.Request) -> web.StreamResponse:
        fake = self._fake
        payload, uploads = await self._body(request)
        payload = payload or {}
        it = self._webhook(request)
        fake._check_uploads(uploads)
        if not it.acknowledged:
            raise unknown("Webhook", 10015)
        validate_message_body(payload, prefix=[], creating=True, has_files=bool(uploads))
        original = it.original
        if original is not None and original.loading:
            # deprecated Discord behaviour: the first followup after a defer fills the "thinking" message
            fake._edit_message(original, payload, uploads, prefix=[], default_parse=_WEBHOOK_PARSE)
            message = original
        else:
            if it.user_install_only and len(it.followup_ids) >= USER_INSTALL_FOLLOWUP_CAP:
                raise DiscordError(400, 40094, "This interaction has hit the maximum number of follow up messages")
            message = fake._create_message(it.channel, payload, uploads, author=fake.bot_user, prefix=[],
                                           message_type=_response_type(it), interaction=it,
                                           flags_mask=_RESPONSE_FLAGS, default_parse=_WEBHOOK_PARSE)
            it.followup_ids.append(message.id)
        if request.query.get("wait", "").lower() in ("1", "true"):
            return json_response(fake._message_payload(message))
        return web.Response(status=204)

    async def _webhook_message(self, request: web.Request) -> web.StreamResponse:
        fake = self._fake
        payload, uploads = await self._body(request)
        it = self._webhook(request)
        message_ref = request.match_info.get("message_id", "@original")
        if message_ref == "@original":
            message = it.original
        else:
            message = fake.messages.get(snowflake(message_ref))
            if message is not None and message.id != it.original_message_id and message.id not in it.followup_ids:
                message = None
        if message is None or message.deleted:
            raise unknown("Message", 10008)
        if request.method == "GET":
            return json_response(fake._message_payload(message))
        if request.method == "DELETE":
            message.deleted = True
            message.deleted_at = fake.clock.now()
            return web.Response(status=204)
        payload = payload or {}
        fake._check_uploads(uploads)
        validate_message_body(payload, prefix=[], creating=False, has_files=bool(uploads))
        fake._edit_message(message, payload, uploads, prefix=[], default_parse=_WEBHOOK_PARSE)
        return json_response(fake._message_payload(message))


def _response_type(it: FakeInteraction) -> int:
    if it.type == APPLICATION_COMMAND:
        command_type = int((it.payload.get("data") or {}).get("type", 1))
        return MESSAGE_CHAT_INPUT_COMMAND if command_type == 1 else MESSAGE_CONTEXT_MENU_COMMAND
    return MESSAGE_DEFAULT


def _validate_choices(choices: Any) -> None:
    if not isinstance(choices, list):
        raise form_error(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required")
    if len(choices) > 25:
        raise form_error(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for index, choice in enumerate(choices):
        name = choice.get("name") or ""
        if not 1 <= len(name) <= 100:
            raise form_error(["data", "choices", index, "name"], "BASE_TYPE_BAD_LENGTH",
                             "Must be between 1 and 100 in length.")
        if isinstance(choice.get("value"), str) and len(choice["value"]) > 100:
            raise form_error(["data", "choices", index, "value"], "BASE_TYPE_MAX_LENGTH",
                             "Must be 100 or fewer in length.")


def _validate_modal(data: dict[str, Any]) -> None:
    if not 1 <= len(data.get("title") or "") <= 45:
        raise form_error(["data", "title"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.")
    if not 1 <= len(data.get("custom_id") or "") <= 100:
        raise form_error(["data", "custom_id"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    if not 1 <= len(data.get("components") or []) <= 5:
        raise form_error(["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
