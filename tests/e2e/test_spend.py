"""Spend that sticks, end to end: deleting one's history never resets a limit, and a cancel after the provider
answered still counts what it produced and cost."""

from __future__ import annotations

import pytest

from tests.e2e.harness import wait_final
from tests.e2e.moderation import answer, generated, refused, start, usage
from tests.e2e.test_jobs import button, running

pytestmark = pytest.mark.e2e


async def forget_my_history(fake, user: str = "alice"):
    """/privacy forget, confirmed: the answer the member reads."""
    it = await fake.run_command("privacy forget", user=user)
    question = await answer(fake, it)
    assert "**Kept:** your user id with what each request spent" in question.content
    delete = next(c["custom_id"] for row in question.components for c in row.get("components", [])
                  if c.get("label") == "Delete my history")
    await fake.click(question.id, delete, user=user)
    return await fake.wait_for(
        lambda: it.original if it.original and it.original.content.startswith(("Deleted", "The bot had")) else None)


async def test_a_member_at_the_daily_limit_who_deletes_their_history_is_still_refused(runner, discord_fake, emulator):
    await start(runner, DEFAULT_DAILY_LIMIT="1")
    result = await generated(discord_fake, "my one fox", model="emu/png")
    assert "daily limit of 1 image" in await refused(discord_fake, "a second fox", model="emu/png")

    done = await forget_my_history(discord_fake)

    assert "Deleted 1 request" in done.content
    assert "stays 32 days for limits and budgets" in done.content
    assert "daily limit of 1 image" in await refused(discord_fake, "a second fox", model="emu/png")
    assert "Today (last 24 h): **1 image** · $0.04" in (await usage(discord_fake)).content
    assert len(emulator.sent_images) == 1  # the refused requests never reached the image service
    # the old result's buttons say what happened, to anyone who presses them
    pressed = await discord_fake.click(result.id, button(result, "regen"), user="bob")
    told = await answer(discord_fake, pressed)
    assert told.content == "The requester deleted this result's history, so its buttons no longer work."
    assert told.ephemeral


async def test_a_cancel_after_the_provider_answered_still_counts_the_images_and_the_cost(
        runner, discord_fake, emulator):
    await start(runner)
    it = await discord_fake.run_command("imagine", {"prompt": "two slow foxes", "model": "emu/hold", "count": 2})
    await emulator.wait_held(2)
    emulator.release_one()  # the provider answers the first request (paid); the second still runs
    await discord_fake.wait_for(lambda: emulator.sent_images or None)
    message = await running(discord_fake, it)  # Cancel is still offered: the second request would cost

    pressed = await discord_fake.click(message.id, button(message, "cancel"), user="alice")
    await pressed.wait_ack()
    final = await wait_final(discord_fake, it)

    assert "Cancelled" in final.content
    await emulator.wait_disconnects(1)  # the request that had not answered was stopped: it costs nothing
    mine = (await usage(discord_fake)).content
    assert "Today (last 24 h): **1 image** · $0.04" in mine
