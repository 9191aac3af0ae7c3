"""Secrets are masked in every log line, tracebacks included, whatever the logger and the level."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.logs import MASK, QUIET_LOGGERS, RedactSecrets, describe_frame, is_gateway_frame, setup_logging

KEY = "sk-very-secret-key"
BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123"
INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTExOjEyMzQ1Njc4OTA6c2VjcmV0LXBhcnQtb2YtdGhlLXRva2Vu"
# a token with no recognisable shape: only its place in the URL gives it away
OPAQUE_TOKEN = "Zq9-opaque_Value.x~42abc"


class Captured:
    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()


@pytest.fixture
def captured() -> Iterator[Captured]:
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("", *QUIET_LOGGERS)}
    stream = io.StringIO()
    setup_logging("DEBUG", secrets=[KEY, BOT_TOKEN], stream=stream)
    try:
        yield Captured(stream)
    finally:
        for ours in [h for h in root.handlers if getattr(h, "_imagine_bot", False)]:
            root.removeHandler(ours)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def interaction_create(token: str) -> dict:
    return {
        "op": 0, "s": 7, "t": "INTERACTION_CREATE",
        "d": {"id": "111", "application_id": "42", "type": 2, "token": token,
              "member": {"user": {"id": "9", "username": "alice"}}, "data": {"name": "imagine"}},
    }


def test_secrets_are_masked_in_messages_and_tracebacks(captured):
    log = logging.getLogger("tests.logs")
    log.warning("calling with %s", f"Bearer {KEY}")
    try:
        raise RuntimeError(f"failed for {KEY}")
    except RuntimeError:
        log.exception("boom")
    output = captured.text
    assert KEY not in output
    assert f"Bearer {MASK}" in output
    assert f"failed for {MASK}" in output
    assert "RuntimeError" in output


def test_a_traceback_carrying_an_interaction_url_is_masked(captured):
    url = f"http://127.0.0.1:8080/api/v10/webhooks/42/{OPAQUE_TOKEN}/messages/@original"
    try:
        raise OSError(f"404, message='Not Found', url=URL('{url}')")
    except OSError:
        logging.getLogger("discord.client").exception("edit failed")
    output = captured.text
    assert OPAQUE_TOKEN not in output
    assert f"/webhooks/42/{MASK}/messages/@original" in output
    assert "OSError" in output


def test_an_exception_without_secrets_keeps_its_exc_info_for_other_handlers(captured):
    seen: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = seen.append  # type: ignore[method-assign]
    logging.getLogger().addHandler(handler)  # after ours, so it sees the filtered record
    try:
        try:
            raise ValueError("plain failure")
        except ValueError:
            logging.getLogger("tests.logs").exception("job 3 failed")
    finally:
        logging.getLogger().removeHandler(handler)
    assert seen[-1].exc_info is not None
    assert "ValueError: plain failure" in captured.text


@pytest.mark.parametrize(("logger", "message", "args", "kept"), [
    ("discord.webhook.async_", "Webhook ID %s with %s %s has returned status code %s",
     (111, "POST", f"http://127.0.0.1:8080/api/v10/interactions/111/{OPAQUE_TOKEN}/callback?with_response=true",
      204),
     f"Webhook ID 111 with POST http://127.0.0.1:8080/api/v10/interactions/111/{MASK}/callback"
     "?with_response=true has returned status code 204"),
    ("discord.webhook.async_", "Webhook ID %s with %s %s has returned status code %s",
     (42, "PATCH", f"https://discord.com/api/v10/webhooks/42/{OPAQUE_TOKEN}/messages/@original", 200),
     f"PATCH https://discord.com/api/v10/webhooks/42/{MASK}/messages/@original has returned status code 200"),
    ("discord.http", "%s %s with %s has returned %s",
     ("DELETE", f"https://discord.com/api/v10/webhooks/42/{OPAQUE_TOKEN}/messages/99", None, 204),
     f"DELETE https://discord.com/api/v10/webhooks/42/{MASK}/messages/99 with None has returned 204"),
    ("discord.http", "We are being rate limited. %s %s responded with 429. Retrying in %.2f seconds.",
     ("POST", f"https://discord.com/api/v10/webhooks/42/{OPAQUE_TOKEN}", 1.5),
     f"POST https://discord.com/api/v10/webhooks/42/{MASK} responded with 429. Retrying in 1.50 seconds."),
])
def test_tokens_in_interaction_and_webhook_urls_are_masked_keeping_ids_routes_and_status(
        captured, logger, message, args, kept):
    logging.getLogger(logger).warning(message, *args)
    assert OPAQUE_TOKEN not in captured.text
    assert kept in captured.text


def test_a_received_gateway_event_is_reduced_to_op_code_event_name_and_sequence(captured):
    logging.getLogger("discord.gateway").debug(
        "For Shard ID %s: WebSocket Event: %s", None, interaction_create(INTERACTION_TOKEN))
    line = captured.text.strip()
    assert line.endswith("For Shard ID None: WebSocket Event: <gateway payload op=0 t=INTERACTION_CREATE s=7>")
    assert "DEBUG" in line
    assert "discord.gateway" in line
    assert INTERACTION_TOKEN not in line
    assert "alice" not in line  # the payload is gone, not just its token


def test_a_gateway_frame_as_the_only_argument_is_reduced_too(captured):
    frame = {"op": 0, "d": {"token": OPAQUE_TOKEN, "session_id": "s", "endpoint": "voice.example"}}
    logging.getLogger("discord.gateway").debug("Voice websocket frame received: %s", frame)
    assert captured.text.strip().endswith("Voice websocket frame received: <gateway payload op=0>")


def test_gateway_frames_are_recognised_by_their_keys_only():
    assert is_gateway_frame({"op": 11})
    assert is_gateway_frame(interaction_create("x"))
    assert not is_gateway_frame({"op": 1, "token": "x"})
    assert not is_gateway_frame({"t": "READY"})
    assert not is_gateway_frame("{'op': 0}")
    assert describe_frame({"op": 10, "d": {"heartbeat_interval": 41250}}) == "<gateway payload op=10>"


@pytest.mark.parametrize("text", [
    json.dumps({"op": 2, "d": {"token": OPAQUE_TOKEN, "intents": 513}}),  # an IDENTIFY payload as JSON
    str({"id": "5", "token": OPAQUE_TOKEN, "type": 1}),  # a webhook object's repr
    json.dumps(json.dumps({"token": OPAQUE_TOKEN})),  # JSON inside a JSON string
    f"Route(method='POST', webhook_token='{OPAQUE_TOKEN}')",
    f"https://example.invalid/hook?id=5&token={OPAQUE_TOKEN}&wait=true",
    str({"Authorization": f"Bot {OPAQUE_TOKEN}"}),
    f'{{"api_key": "{OPAQUE_TOKEN}", "model": "emu/png"}}',
])
def test_token_fields_are_masked_wherever_they_are_logged(captured, text):
    logging.getLogger("discord.http").info("%s has received %s", "GET /webhooks/{webhook_id}", text)
    assert OPAQUE_TOKEN not in captured.text
    assert MASK in captured.text


UNKNOWN_BOT_TOKEN = "NzY1NDMyMTA5ODc2NTQzMjEw.XyZaBc.zyxwvutsrqponmlkjihgfedcba9876"


@pytest.mark.parametrize(("text", "secret"), [
    (f"Authorization: Bot {OPAQUE_TOKEN}-and-more", f"{OPAQUE_TOKEN}-and-more"),  # a header line
    (f"token {UNKNOWN_BOT_TOKEN} was rejected", UNKNOWN_BOT_TOKEN),  # the shape of a Discord bot token
    (f"unknown interaction {INTERACTION_TOKEN}", INTERACTION_TOKEN),  # an interaction token, anywhere
])
def test_discord_token_shapes_are_masked_even_when_not_known_in_advance(captured, text, secret):
    logging.getLogger("discord.client").info(text)
    assert secret not in captured.text
    assert MASK in captured.text


@pytest.mark.parametrize("text", [
    'request {"model": "emu/png", "max_tokens": 100, "prompt_tokens": 12}',
    "Discord rejected the token: reset it in the developer portal",
    "POST /interactions/{webhook_id}/{webhook_token}/callback has found its initial rate limit bucket hash",
    "Shard ID None has sent the IDENTIFY payload.",
    "job 12: succeeded (3 images, cost=$0.039)",
])
def test_lines_without_secrets_are_left_as_they_are(captured, text):
    logging.getLogger("discord.http").warning(text)
    assert captured.text.rstrip("\n").endswith(text)


def test_a_secret_containing_another_is_masked_whole():
    redact = RedactSecrets(["abcdef", "abcdef-longer-secret"]).redact
    assert redact("x abcdef-longer-secret y abcdef") == f"x {MASK} y {MASK}"


def test_a_log_call_with_mismatched_arguments_neither_raises_nor_leaks(captured):
    logging.getLogger("tests.logs").warning("only one %s", KEY, "extra")
    assert "only one" in captured.text
    assert KEY not in captured.text


def test_setup_logging_replaces_its_previous_handler(captured):
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "_imagine_bot", False)]
    setup_logging("INFO", stream=io.StringIO())
    assert len([h for h in root.handlers if getattr(h, "_imagine_bot", False)]) == 1
    assert ours[0] not in root.handlers


def test_debug_logging_leaves_out_sql_parameters_and_http_bodies(captured):
    logging.getLogger("aiosqlite").debug("executing %r", ("INSERT INTO job_inputs VALUES (?)", b"\x89PNG..."))
    logging.getLogger("discord.http").debug("%s %s has received %s", "GET", "/users/@me", "{...}")
    logging.getLogger("discord.gateway").debug("Created websocket connected to %s", "wss://gateway")
    assert "PNG" not in captured.text
    assert "has received" not in captured.text
    assert "Created websocket connected to wss://gateway" in captured.text
