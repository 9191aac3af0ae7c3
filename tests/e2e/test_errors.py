"""What a member sees when the image service fails, or when the request itself cannot be served."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import API_KEY, BOT_TOKEN, BotRunner, decoded, png_files, shown_reply, wait_final

# One bot serves the whole module: it must survive every failure in a row, and start-up is paid once.
pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

CHAT = "/chat/completions"
# Anything that belongs to the "still working" rendering rather than to a final answer.
PROGRESS_MARKS = ("▰", "▱", "Queued", "Waiting for the model", "Uploading")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def served(tmp_path_factory) -> AsyncIterator[tuple[FakeDiscord, OpenRouteEmulator]]:
    """A fake Discord, the emulator and one running bot, shared by every test of this module."""
    emulator = OpenRouteEmulator(api_key=API_KEY, keepalive_interval=0.05)
    await emulator.start()
    fake = FakeDiscord(token=BOT_TOKEN)
    await fake.start()
    runner = BotRunner(fake, emulator, tmp_path_factory.mktemp("errors"))
    try:
        await runner.start()
        yield fake, emulator
    finally:
        await runner.stop()
        await fake.close()
        emulator.release()
        await emulator.close()


def chat_requests(emulator: OpenRouteEmulator) -> list[Any]:
    """Generation requests the emulator received (model list and key look-ups excluded)."""
    return [r for r in emulator.requests if r.path.endswith(CHAT)]


def every_text(fake: FakeDiscord) -> str:
    """All text the bot ever showed anyone: every revision of every message, embeds included."""
    parts: list[str] = []
    for message in fake.messages.values():
        parts.extend(revision.content for revision in message.revisions)
        parts.extend(str(revision.embeds) for revision in message.revisions)
        parts.extend(str(revision.components) for revision in message.revisions)
    for it in fake.interactions.values():
        if it.callback is not None:
            parts.append(str(it.callback.data))
    return "\n".join(parts)


def button_kinds(message: Any) -> set[str]:
    """`imagine:regen`, `imagine:delete`, ... — the custom_ids without their job id (and image number)."""
    return {":".join(cid.split(":")[:2]) for cid in message.custom_ids()}


# model id → (patterns the final message must match, whether a Retry button belongs there)
FAULTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "emu/error-429": ((r"rate[- ]?limit", r"\b7 seconds\b"), True),
    "emu/error-402": ((r"credits",), False),
    "emu/error-403": ((r"refused|flagged|blocked|moderat", r"violence"), False),
    "emu/no-image": ((r"without an image|no image|didn.t (make|return|draw)", r"I can't draw that, but here is a poem"),
                     True),
    "emu/refusal": ((r"declin|refus", r"I'm sorry, but I can't create that image"), True),
    "emu/mid-stream-error": ((r"fail|interrupt|broke", r"try again"), True),
    "emu/error-502": ((r"provider", r"down|unavailable|overloaded"), True),
    "emu/error-503": ((r"provider", r"down|unavailable|overloaded", r"\b3 seconds\b"), True),
    "emu/truncated": ((r"connection|cut off|broke|incomplete", r"try again"), True),
    "emu/bad-base64": ((r"image", r"damaged|invalid|corrupt|could not be (decoded|read)|unreadable"), True),
    "emu/not-an-image": ((r"model sent", r"not a PNG, JPEG or WebP image"), True),
    "emu/bomb": ((r"image", r"damaged|invalid|corrupt|could not be (decoded|read)|unreadable|too (large|big)|"
                           r"too many pixels"), True),
    "emu/error-401": ((r"operator",), False),
}


@pytest.mark.parametrize("model", list(FAULTS))
async def test_a_failed_generation_is_explained_in_place_of_the_progress_and_the_bot_keeps_serving(
        served, model):
    discord_fake, emulator = served
    patterns, retry_expected = FAULTS[model]
    it = await discord_fake.run_command("imagine", {"prompt": "a lighthouse at dusk", "model": model})
    assert (await it.wait_ack()).type == 5

    final = await wait_final(discord_fake, it)
    assert png_files(final) == []
    assert "a lighthouse at dusk" in final.content  # the member can tell which request failed
    for mark in PROGRESS_MARKS:
        assert mark not in final.content, f"progress left in the final message: {final.content!r}"
    for pattern in patterns:
        assert re.search(pattern, final.content, re.IGNORECASE), (pattern, final.content)
    kinds = button_kinds(final)
    assert ("imagine:regen" in kinds) is retry_expected, (model, final.custom_ids(), final.content)
    if retry_expected:
        assert any(button.get("label") == "Retry" for row in final.components for button in row["components"]
                   if str(button.get("custom_id", "")).startswith("imagine:regen:"))
    assert "imagine:cancel" not in kinds
    assert final.mention_everyone is False

    # the bot is not wedged by the failure: the next ordinary request is served
    again = await discord_fake.run_command("imagine", {"prompt": "a calm sea", "model": "emu/png"})
    done = await wait_final(discord_fake, again)
    files = png_files(done)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)

    assert API_KEY not in every_text(discord_fake)
    assert API_KEY[-12:] not in every_text(discord_fake)  # not even a recognisable tail of it
    assert discord_fake.server_errors == []


async def test_an_unknown_model_is_refused_and_never_sent_to_the_image_service(served):
    discord_fake, emulator = served
    asked_before = len(chat_requests(emulator))
    it = await discord_fake.run_command("imagine", {"prompt": "a red kite", "model": "acme/not-a-model"})
    assert (await it.wait_ack()).type == 5

    answer = await discord_fake.wait_for(lambda: shown_reply(it))
    assert answer.ephemeral
    assert "acme/not-a-model" in answer.content
    assert re.search(r"not (an image model|available|known)|unknown", answer.content, re.IGNORECASE), answer.content
    assert png_files(answer) == []
    assert len(chat_requests(emulator)) == asked_before

    # a known model still works right after
    ok = await discord_fake.run_command("imagine", {"prompt": "a red kite", "model": "emu/png"})
    assert len(png_files(await wait_final(discord_fake, ok))) == 1
    assert [r.json["model"] for r in chat_requests(emulator)[asked_before:]] == ["emu/png"]


async def test_a_text_file_given_as_the_image_is_refused_clearly(served):
    discord_fake, emulator = served
    asked_before = len(chat_requests(emulator))
    it = await discord_fake.run_command(
        "imagine", {"prompt": "make it blue"},
        attachments={"image": ("notes.txt", b"this is not a picture\n", "text/plain")})
    assert (await it.wait_ack()).type == 5

    answer = await discord_fake.wait_for(lambda: shown_reply(it))
    assert answer.ephemeral
    assert "notes.txt" in answer.content
    assert re.search(r"not a (PNG|JPEG|WebP)|not an image", answer.content, re.IGNORECASE), answer.content
    assert png_files(answer) == []
    assert len(chat_requests(emulator)) == asked_before
