"""/imagine outside a server: the bot's DM and user-install private channels, under the operator's DM policy."""

from __future__ import annotations

import re
from typing import Any

import pytest

from playground.discord import FakeDiscord, FakeInteraction
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import decoded, png_files, shown_reply, wait_final

pytestmark = pytest.mark.e2e

CHAT = "/chat/completions"
DMS_OFF = re.compile(r"direct messages?|DMs?\b", re.IGNORECASE)
TURNED_OFF = re.compile(r"turned off|disabled|not (allowed|available)", re.IGNORECASE)
DAILY_LIMIT = re.compile(r"daily limit|per day|today", re.IGNORECASE)


def chat_count(emulator: OpenRouteEmulator) -> int:
    """How many generation requests reached the image service."""
    return sum(r.path.endswith(CHAT) for r in emulator.requests)


async def wait_answer(fake: FakeDiscord, it: FakeInteraction) -> Any:
    """The answer once there is one (not the "thinking…" placeholder; a refusal replaces it privately)."""
    return await fake.wait_for(lambda: shown_reply(it))


async def assert_delivers_png(fake: FakeDiscord, emulator: OpenRouteEmulator, it: FakeInteraction,
                              channel_id: int) -> None:
    """The request ends with the emulator's image in the @original, in the channel it was asked in."""
    assert (await it.wait_ack()).type == 5
    final = await wait_final(fake, it)
    files = png_files(final)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)
    assert final.channel_id == channel_id
    assert "imagine:regen" in {cid.rsplit(":", 1)[0] for cid in final.custom_ids()}


async def test_imagine_in_the_bots_dm_delivers_the_png_there(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "a paper boat"}, channel="dm")
    await assert_delivers_png(discord_fake, emulator, it, discord_fake.dm_channel("alice").id)
    assert "a paper boat" in it.original.content
    assert discord_fake.server_errors == []


async def test_with_dms_turned_off_a_dm_is_refused_clearly_while_the_server_still_works(runner, discord_fake,
                                                                                        emulator):
    await runner.start(DM_ENABLED="false")

    refused = await discord_fake.run_command("imagine", {"prompt": "a paper boat"}, channel="dm")
    assert (await refused.wait_ack()).type == 5
    answer = await wait_answer(discord_fake, refused)
    assert DMS_OFF.search(answer.content), answer.content
    assert TURNED_OFF.search(answer.content), answer.content
    assert png_files(answer) == []
    assert answer.custom_ids() == []  # nothing to retry: the policy will say the same
    assert chat_count(emulator) == 0

    served = await discord_fake.run_command("imagine", {"prompt": "a paper boat"}, channel="general")
    await assert_delivers_png(discord_fake, emulator, served, discord_fake.channels["general"].id)
    assert chat_count(emulator) == 1


async def test_the_dm_daily_limit_refuses_the_request_past_it(runner, discord_fake, emulator):
    await runner.start(DM_DAILY_LIMIT="1")

    first = await discord_fake.run_command("imagine", {"prompt": "a paper boat"}, channel="dm")
    await assert_delivers_png(discord_fake, emulator, first, discord_fake.dm_channel("alice").id)

    second = await discord_fake.run_command("imagine", {"prompt": "a second boat"}, channel="dm")
    assert (await second.wait_ack()).type == 5
    answer = await wait_answer(discord_fake, second)
    assert DAILY_LIMIT.search(answer.content), answer.content
    assert "1" in answer.content  # the member learns what the limit is
    assert png_files(answer) == []
    assert chat_count(emulator) == 1

    # another member has their own allowance, and the server is not limited at all
    bobs = await discord_fake.run_command("imagine", {"prompt": "bob's boat"}, channel="dm", user="bob")
    await assert_delivers_png(discord_fake, emulator, bobs, discord_fake.dm_channel("bob").id)
    in_server = await discord_fake.run_command("imagine", {"prompt": "a third boat"}, channel="general")
    await assert_delivers_png(discord_fake, emulator, in_server, discord_fake.channels["general"].id)


async def test_a_user_install_private_channel_is_refused_when_dms_are_turned_off(runner, discord_fake, emulator):
    await runner.start(DM_ENABLED="false")

    it = await discord_fake.run_command("imagine", {"prompt": "a paper boat"}, context=2)
    assert it.user_install_only
    assert (await it.wait_ack()).type == 5
    answer = await wait_answer(discord_fake, it)
    assert answer.channel_id == discord_fake.private_channel("alice").id
    assert DMS_OFF.search(answer.content), answer.content
    assert TURNED_OFF.search(answer.content), answer.content
    assert png_files(answer) == []
    assert chat_count(emulator) == 0


async def test_a_user_install_private_channel_works_and_shares_the_dm_daily_limit(runner, discord_fake, emulator):
    await runner.start(DM_DAILY_LIMIT="1")

    it = await discord_fake.run_command("imagine", {"prompt": "a paper boat"}, context=2)
    await assert_delivers_png(discord_fake, emulator, it, discord_fake.private_channel("alice").id)

    # the same allowance covers the bot's own DM and any other private channel
    in_dm = await discord_fake.run_command("imagine", {"prompt": "a second boat"}, channel="dm")
    answer = await wait_answer(discord_fake, in_dm)
    assert DAILY_LIMIT.search(answer.content), answer.content
    again = await discord_fake.run_command("imagine", {"prompt": "a third boat"}, context=2)
    answer = await wait_answer(discord_fake, again)
    assert DAILY_LIMIT.search(answer.content), answer.content
    assert chat_count(emulator) == 1
