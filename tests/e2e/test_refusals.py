"""Refusals of /imagine as members see them, through discord.py and the fake Discord: seen by the requester
alone (the public "thinking…" placeholder gives way to a private answer), and what the member typed — a model
id with a link in it, 2000 characters of one — is shown inert, in a message Discord accepts."""

from __future__ import annotations

import re
from typing import Any

import pytest

from playground.discord import FakeDiscord, FakeInteraction
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import shown_reply

pytestmark = pytest.mark.e2e

CHAT = "/chat/completions"
LINKED = "x` [Claim Nitro](https://example.com)"


def outside_code_spans(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


def generation_requests(emulator: OpenRouteEmulator) -> int:
    return sum(r.path.endswith(CHAT) for r in emulator.requests)


def public_answers(fake: FakeDiscord, it: FakeInteraction) -> list[Any]:
    """Messages of this interaction anyone in the channel can see."""
    return [m for m in fake.channel_messages("general") if m.interaction_id == it.id and not m.ephemeral]


@pytest.mark.parametrize("model", [LINKED, "m" * 2000], ids=["a link", "2000 characters"])
async def test_a_model_no_image_model_could_be_is_refused_privately_and_shown_inert(bot, discord_fake, emulator,
                                                                                    model):
    it = await discord_fake.run_command("imagine", {"prompt": "a red kite", "model": model})

    assert (await it.wait_ack()).type == 4  # answered at once: nothing to look up
    reply = await discord_fake.wait_for(lambda: shown_reply(it))
    assert reply.ephemeral
    assert reply.content.endswith(" is not an image model this bot can use. Pick one from the list.")
    assert "](" not in outside_code_spans(reply.content)
    assert len(reply.content) < 300
    assert public_answers(discord_fake, it) == []
    assert generation_requests(emulator) == 0


async def test_a_refusal_after_thinking_leaves_nothing_public(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "a red kite", "model": "acme/not-a-model"})

    assert (await it.wait_ack()).type == 5  # "thinking…" for everyone while the request is checked
    reply = await discord_fake.wait_for(lambda: shown_reply(it))
    assert reply.ephemeral
    assert reply.content == "🚫 `acme/not-a-model` is not an image model this bot can use. Pick one from the list."
    assert it.original is None  # the placeholder is gone
    assert public_answers(discord_fake, it) == []
    assert generation_requests(emulator) == 0
