"""Job lifecycle end to end: several images, queueing, cancel, restarts, expired tokens, rate limits."""

from __future__ import annotations

import asyncio

import pytest

from playground.discord import RateLimitRule
from tests.e2e.harness import decoded, png_files, shown_reply, started_fake, wait_final

pytestmark = pytest.mark.e2e


def button(message, action: str) -> str:
    found = [cid for cid in message.custom_ids() if cid.startswith(f"imagine:{action}:")]
    assert found, f"no {action} button on {message.content!r}: {message.custom_ids()}"
    return found[0]


async def running(fake, it):
    """The @original once it shows the Cancel button (the job is queued or running)."""
    return await fake.wait_for(
        lambda: it.original if it.original and any(c.startswith("imagine:cancel:") for c in it.original.custom_ids())
        else None)


async def test_count_4_attaches_four_pngs_and_a_grid_preview(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "four foxes", "count": 4, "aspect_ratio": "16:9"})
    final = await wait_final(discord_fake, it)
    files = png_files(final)
    assert len(files) == 4
    sent = sorted(decoded(image.data) for image in emulator.sent_images)
    assert sorted(decoded(data) for _, data in files) == sent
    assert all(size == (1344, 768) for size, _ in sent)
    names = [name for name, _ in final.files]
    assert "grid.png" in names
    assert final.embeds[0]["image"]["url"].endswith("grid.png")
    assert "×4" in final.content


async def test_queue_position_is_shown_until_a_slot_frees(runner, discord_fake, emulator):
    await runner.start(MAX_CONCURRENT_JOBS="1")
    first = await discord_fake.run_command("imagine", {"prompt": "first", "model": "emu/hold"})
    await emulator.wait_held(1)
    second = await discord_fake.run_command("imagine", {"prompt": "second", "model": "emu/png"}, user="bob")
    queued = await discord_fake.wait_for(
        lambda: second.original if second.original and "#1 in line" in second.original.content else None)
    assert "Queued" in queued.content
    emulator.release()
    assert png_files(await wait_final(discord_fake, first))
    assert png_files(await wait_final(discord_fake, second))


async def test_requester_cancels_a_running_job_and_the_connection_is_closed(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "slow fox", "model": "emu/hold"})
    await emulator.wait_held(1)
    message = await running(discord_fake, it)
    cancel = button(message, "cancel")

    refused = await discord_fake.click(message.id, cancel, user="bob")
    assert (await refused.wait_ack()).type == 6  # acknowledged before the job is looked up
    told = await discord_fake.wait_for(lambda: next(iter(refused.followups), None))
    assert told.ephemeral  # only bob sees the refusal
    assert "Only the person who asked" in told.content

    pressed = await discord_fake.click(message.id, cancel, user="alice")
    await pressed.wait_ack()
    final = await wait_final(discord_fake, it)
    assert "Cancelled" in final.content
    assert any(cid.startswith("imagine:regen:") for cid in final.custom_ids())  # Retry
    await emulator.wait_disconnects(1)
    assert emulator.sent_images == []


async def test_regenerate_works_after_a_restart_without_syncing_commands_again(runner, discord_fake, emulator):
    await runner.start()
    assert discord_fake.sync_count == 1
    it = await discord_fake.run_command("imagine", {"prompt": "a lighthouse", "model": "emu/png"})
    first = await wait_final(discord_fake, it)

    await runner.stop()
    await runner.start()
    assert discord_fake.sync_count == 1  # the command tree did not change

    again = await discord_fake.click(first.id, button(first, "regen"), user="alice")
    final = await wait_final(discord_fake, again)
    assert len(png_files(final)) == 1
    bodies = [r.json for r in emulator.requests if r.path.endswith("/chat/completions")]
    assert len(bodies) == 2
    assert bodies[0]["messages"] == bodies[1]["messages"]
    assert bodies[0]["model"] == bodies[1]["model"] == "emu/png"


async def test_a_job_interrupted_by_a_restart_is_reported_with_a_retry_button(runner, discord_fake, emulator):
    await runner.start()
    it = await discord_fake.run_command("imagine", {"prompt": "interrupted fox", "model": "emu/hold"})
    await emulator.wait_held(1)
    await running(discord_fake, it)
    await runner.stop()

    emulator.release()
    await runner.start()
    told = await discord_fake.wait_for(
        lambda: it.original if it.original and "was interrupted" in it.original.content else None)
    assert "interrupted fox" in told.content
    retry = button(told, "regen")
    again = await discord_fake.click(told.id, retry, user="alice")
    assert png_files(await wait_final(discord_fake, again))


async def test_result_arrives_as_a_channel_message_when_the_token_expired(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "a very long job", "model": "emu/hold"})
    await emulator.wait_held(1)
    await running(discord_fake, it)
    discord_fake.clock.advance(15 * 60 + 1)
    emulator.release()

    alice = discord_fake.user("alice")

    def fallback():
        for message in discord_fake.channel_messages("general"):
            if message.interaction_id is None and message.author.id == discord_fake.bot_user.id and message.files:
                return message
        return None

    message = await discord_fake.wait_for(fallback)
    assert message.content.startswith(f"<@{alice.id}>")
    assert message.mentioned_user_ids == [alice.id]
    assert decoded(png_files(message)[0][1]) == decoded(emulator.sent_images[-1].data)
    assert "a very long job" in message.content


async def test_result_arrives_as_a_channel_message_when_the_original_was_deleted(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "deleted meanwhile", "model": "emu/hold"})
    await emulator.wait_held(1)
    original = await running(discord_fake, it)
    original.deleted = True  # a moderator removed the progress message
    emulator.release()

    message = await discord_fake.wait_for(
        lambda: next((m for m in discord_fake.channel_messages("general") if m.files and m.interaction_id is None),
                     None))
    assert "deleted meanwhile" in message.content
    assert len(png_files(message)) == 1


async def test_large_images_are_downscaled_to_fit_the_upload_limit_and_the_message_says_so(runner, emulator):
    async with started_fake(upload_limit=1024 * 1024) as small:
        runner.use(small)
        await runner.start()
        it = await small.run_command("imagine", {"prompt": "too big", "model": "emu/png"})
        final = await wait_final(small, it)
        files = png_files(final)
        assert len(files) == 1
        assert len(files[0][1]) <= 1024 * 1024
        assert "downscaled" in final.content
        assert [r for r in small.requests if r.status == 413] == []
        await runner.stop()


@pytest.fixture
async def strict_discord():
    """Discord with a hidden per-message edit limit, as real Discord has: a bot that edits too often gets 429s."""
    async with started_fake(message_edit_rate_limit=RateLimitRule(5, 5.0)) as fake:
        yield fake


async def test_twenty_concurrent_jobs_in_one_channel_never_hit_a_rate_limit(runner, strict_discord, emulator):
    runner.use(strict_discord)
    await runner.start(EDIT_INTERVAL="1.5", MAX_CONCURRENT_JOBS="4")
    users = [f"user{n}" for n in range(10)]
    for name in users:
        strict_discord.add_user(name)
    interactions = await asyncio.gather(*(
        strict_discord.run_command("imagine", {"prompt": f"job {n}", "model": "emu/slow"}, user=users[n % 10])
        for n in range(20)))
    finals = [await wait_final(strict_discord, it, timeout=180) for it in interactions]

    assert all(len(png_files(message)) == 1 for message in finals)
    # the fake enforces Discord's hidden per-message edit limit: any edit too close to the last would be a 429
    # (the spacing itself is tested on a virtual clock in tests/bot/jobs/test_throttle.py; wall-clock gaps
    # measured here would only measure the machine's load)
    assert strict_discord.rate_limited == []
    assert all(len(message.edit_times) >= 2 for message in finals)  # every member saw progress, then the result
    edits = sorted(t for message in finals for t in message.edit_times)
    print(f"{len(edits)} edits for 20 jobs ({len(edits) / 20:.1f} per job)")


async def test_commands_sync_instantly_to_the_dev_guild_and_the_invite_url_is_logged(runner, discord_fake, caplog):
    caplog.set_level("INFO")
    await runner.start(DEV_GUILD_ID=str(discord_fake.guild_id))
    assert "imagine" in discord_fake.guild_commands[discord_fake.guild_id]
    assert "imagine" not in discord_fake.commands
    invite = next(r.getMessage() for r in caplog.records if "invite:" in r.getMessage())
    assert f"client_id={discord_fake.application_id}" in invite
    assert "scope=bot+applications.commands" in invite
    assert "permissions=" in invite
    assert "permissions=0" not in invite


async def test_a_full_queue_and_the_per_user_limit_are_acknowledged_and_explained(runner, discord_fake, emulator):
    await runner.start(MAX_CONCURRENT_JOBS="1", MAX_QUEUE_SIZE="1", MAX_JOBS_PER_USER="2")
    first = await discord_fake.run_command("imagine", {"prompt": "one", "model": "emu/hold"})
    await emulator.wait_held(1)
    second = await discord_fake.run_command("imagine", {"prompt": "two", "model": "emu/hold"})
    await running(discord_fake, second)

    over_limit = await discord_fake.run_command("imagine", {"prompt": "three", "model": "emu/hold"})
    assert (await over_limit.wait_ack()).type == 5
    refused = await discord_fake.wait_for(lambda: shown_reply(over_limit))
    assert refused.ephemeral
    assert "You already have 2 image jobs running on this server" in refused.content  # counted in the database

    full = await discord_fake.run_command("imagine", {"prompt": "four", "model": "emu/png"}, user="bob")
    assert (await full.wait_ack()).type == 5
    busy = await discord_fake.wait_for(lambda: shown_reply(full))
    assert busy.ephemeral
    assert "queue is full" in busy.content

    emulator.release()
    assert png_files(await wait_final(discord_fake, first))
    assert png_files(await wait_final(discord_fake, second))


@pytest.fixture
async def stingy_discord():
    """Discord answering 429 to all but one edit per message every 3 s: discord.py must wait and retry."""
    async with started_fake(message_edit_rate_limit=RateLimitRule(1, 3.0)) as fake:
        yield fake


async def test_a_rate_limited_edit_backs_off_and_the_result_still_arrives(runner, stingy_discord, emulator):
    runner.use(stingy_discord)
    await runner.start(EDIT_INTERVAL="1.0")
    it = await stingy_discord.run_command("imagine", {"prompt": "under pressure", "model": "emu/slow"})
    final = await wait_final(stingy_discord, it)
    assert stingy_discord.rate_limited, "the strict fake should have answered some 429s"
    assert decoded(png_files(final)[0][1]) == decoded(emulator.sent_images[-1].data)
