"""/history end to end, through `imagine-bot run`, the fake Discord and the emulator: a member's results here,
newest first, ten a page, Previous / Next (also after a restart of the bot), each with a link to its result
message; another member's history for moderators only; DM history in DMs."""

from __future__ import annotations

from typing import Any

import pytest

from playground.discord import FakeDiscord, FakeMessage, FakeUser
from tests.e2e.harness import BotRunner
from tests.e2e.moderation import answer, generated, start

pytestmark = pytest.mark.e2e


async def result(runner: BotRunner, prompt: str, **options: Any) -> FakeMessage:
    """/imagine that succeeds, once its job is recorded as finished with its message (a moment after the image
    reaches Discord)."""
    final = await generated(runner.fake, prompt, **options)
    assert runner.bot is not None
    await runner.bot.services.imagine.settled()
    return final


async def history(fake: FakeDiscord, *, user: str = "alice", channel: str = "general",
                  member: FakeUser | None = None) -> FakeMessage:
    """/history as `user`: the reply only they see."""
    it = await fake.run_command("history", {"member": member.id} if member else None, user=user, channel=channel)
    reply = await answer(fake, it)
    assert reply.ephemeral
    return reply


def fields(message: FakeMessage) -> list[dict[str, Any]]:
    return message.embeds[0]["fields"]


def prompts(message: FakeMessage) -> list[str]:
    """The prompt of each result shown, without its position."""
    return [field["name"].split(". ", 1)[1] for field in fields(message)]


def buttons(message: FakeMessage) -> dict[str, tuple[str, bool]]:
    """Label -> (custom_id, disabled) of the page's buttons."""
    return {c["label"]: (c["custom_id"], bool(c.get("disabled"))) for row in message.components
            for c in row["components"]}


async def press(fake: FakeDiscord, message: FakeMessage, label: str, *, user: str = "alice") -> FakeMessage:
    """Press Previous or Next and wait for the page in its place."""
    before = message.embeds[0]["footer"]["text"]
    it = await fake.click(message.id, buttons(message)[label][0], user=user)
    await it.wait_ack()
    await fake.wait_for(lambda: message.embeds and message.embeds[0]["footer"]["text"] != before)
    return message


async def test_history_pages_newest_first_with_previous_and_next_also_after_a_restart(runner, discord_fake):
    await start(runner)
    results = [await result(runner, f"fox number {n}") for n in range(12)]

    page = await history(discord_fake)

    assert page.embeds[0]["description"] == "Your results on this server, newest first."
    assert prompts(page) == [f"fox number {n}" for n in range(11, 1, -1)]
    assert [field["name"].split(".")[0] for field in fields(page)] == [str(n) for n in range(1, 11)]
    assert page.embeds[0]["footer"]["text"] == "1–10 of 12"
    newest = results[-1]
    assert f"(https://discord.com/channels/{discord_fake.guild_id}/{newest.channel_id}/{newest.id})" in \
        fields(page)[0]["value"]
    assert "`emu/png`" in fields(page)[0]["value"]
    assert {label: disabled for label, (_, disabled) in buttons(page).items()} == {"Previous": True, "Next": False}

    await press(discord_fake, page, "Next")
    assert prompts(page) == ["fox number 1", "fox number 0"]
    assert page.embeds[0]["footer"]["text"] == "11–12 of 12"
    assert {label: disabled for label, (_, disabled) in buttons(page).items()} == {"Previous": False, "Next": True}

    await runner.stop()
    await start(runner)

    await press(discord_fake, page, "Previous")
    assert prompts(page)[0] == "fox number 11"
    assert page.embeds[0]["footer"]["text"] == "1–10 of 12"


async def test_a_member_cannot_see_anothers_history_and_a_moderator_can(runner, discord_fake):
    await start(runner)
    await result(runner, "alice's fox")
    alice = discord_fake.user("alice")

    refused = await history(discord_fake, user="bob", member=alice)
    assert refused.content == ("🚫 Only members with the Manage Server permission can look at another member's "
                               "history.")
    assert refused.embeds == []

    seen = await history(discord_fake, user="sam", member=alice)
    assert seen.embeds[0]["description"] == f"Results of <@{alice.id}> on this server, newest first."
    assert prompts(seen) == ["alice's fox"]
    assert seen.components == []  # one page: nothing to turn

    own = await history(discord_fake, user="bob")
    assert own.content == "You have no results on this server yet. Make one with /imagine."


async def test_in_dms_history_shows_the_members_dm_results_only(runner, discord_fake):
    await start(runner)
    await result(runner, "a fox in the server")
    dm_result = await result(runner, "a fox in a DM", channel="dm")

    page = await history(discord_fake, channel="dm")

    assert page.embeds[0]["description"] == "Your results in direct messages, newest first."
    assert prompts(page) == ["a fox in a DM"]
    assert f"(https://discord.com/channels/@me/{dm_result.channel_id}/{dm_result.id})" in fields(page)[0]["value"]
