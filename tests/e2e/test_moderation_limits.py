"""Counted limits end to end: a server's daily limit, cooldown and monthly budget (also under concurrent
requests), the operator's GLOBAL_DAILY_BUDGET_USD, and /usage reporting what the image service charged."""

from __future__ import annotations

import asyncio
import io
import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from PIL import Image

from playground.discord import FakeDiscord, FakeInteraction, FakeMessage
from tests.e2e.harness import png_files, shown_reply, wait_final
from tests.e2e.moderation import (
    REFUSED,
    answer,
    cents,
    chat_models,
    generated,
    imagine,
    refused,
    reported_spend,
    saved,
    start,
    usage,
)

pytestmark = pytest.mark.e2e

PRICE = Decimal("0.039")  # what the image service lists and charges for one emu/* image
SERVER_BUDGET = "This server has used its image budget for this month."


def small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "teal").save(out, "PNG")
    return out.getvalue()


def today_line(content: str) -> str:
    return next(line for line in content.splitlines() if line.startswith("Today (last 24 h):"))


def month_line(content: str) -> str:
    return next(line for line in content.splitlines() if line.startswith("This month:"))


# --- per member ----------------------------------------------------------------------------------------

async def test_a_daily_limit_of_one_refuses_a_members_second_image(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "limits", {"daily": 1})

    await generated(discord_fake, "the first fox", model="emu/png")
    refusal = await refused(discord_fake, "the second fox", model="emu/png")
    assert "You have reached the daily limit of 1 image on this server." in refusal
    assert chat_models(emulator) == ["emu/png"]
    await generated(discord_fake, "bob's first fox", model="emu/png", user="bob")  # the limit is per member
    assert "**0 of 1 image** left today" in (await usage(discord_fake)).content


async def test_a_cooldown_refuses_a_members_next_request_until_it_has_passed(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "limits", {"cooldown": 3600})

    await generated(discord_fake, "the first fox", model="emu/png")
    refusal = await refused(discord_fake, "right away again", model="emu/png")
    assert re.search(r"Slow down a little: you can ask again in \d+ minutes\.", refusal), refusal
    assert chat_models(emulator) == ["emu/png"]
    await generated(discord_fake, "bob was not waiting", model="emu/png", user="bob")
    assert re.search(r"Next request in \d+ (hr|min)", (await usage(discord_fake)).content)


async def test_the_operators_default_daily_limit_applies_until_a_server_sets_its_own(runner, discord_fake, emulator):
    await start(runner, DEFAULT_DAILY_LIMIT="1")

    await generated(discord_fake, "the first fox", model="emu/png")
    assert "daily limit of 1 image" in await refused(discord_fake, "the second fox", model="emu/png")
    await saved(discord_fake, "limits", {"daily": 3})
    await generated(discord_fake, "the second fox", model="emu/png")
    assert chat_models(emulator) == ["emu/png", "emu/png"]


# --- money ---------------------------------------------------------------------------------------------

async def test_the_monthly_budget_refuses_once_spending_would_pass_it(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "budget", {"monthly_usd": 0.1})  # room for two $0.039 images

    await generated(discord_fake, "one", model="emu/png")
    await generated(discord_fake, "two", model="emu/png", user="bob")
    assert SERVER_BUDGET in await refused(discord_fake, "three", model="emu/png")
    upload = discord_fake.upload_attachment("in.png", small_png(), "image/png")
    it = await discord_fake.run_command("imagine", {"prompt": "edit it", "model": "emu/png", "image": upload})
    assert SERVER_BUDGET in (await answer(discord_fake, it)).content
    assert [r for r in discord_fake.requests if r.path == urlsplit(upload.url).path] == []  # never downloaded
    assert chat_models(emulator) == ["emu/png", "emu/png"]
    assert await reported_spend(emulator) == 2 * PRICE

    await saved(discord_fake, "budget", {"monthly_usd": 1})  # a moderator raises it
    await generated(discord_fake, "three", model="emu/png")


async def test_a_model_without_a_listed_price_reserves_the_operators_estimate(runner, discord_fake, emulator):
    await start(runner, COST_ESTIMATE_USD="0.5")
    await saved(discord_fake, "budget", {"monthly_usd": 0.1})

    # billed by tokens, so its cost is unknown before it runs: $0.50 is held against the $0.10 budget
    assert SERVER_BUDGET in await refused(discord_fake, "a fox", model="openai/gpt-5-image-mini")
    assert chat_models(emulator) == []
    await generated(discord_fake, "a fox", model="emu/png")  # listed at $0.039 per image: fits


async def first_answer(fake: FakeDiscord, it: FakeInteraction) -> FakeMessage:
    """A refusal, or the progress message of an accepted request (it shows a Cancel button)."""
    def shown() -> FakeMessage | None:
        original = it.original
        if original is not None and any(cid.startswith("imagine:cancel:") for cid in original.custom_ids()):
            return original
        reply = shown_reply(it)
        return reply if reply is not None and reply.content.startswith(REFUSED) else None

    return await fake.wait_for(shown)


async def test_members_asking_at_once_never_overspend_the_budget(runner, discord_fake, emulator):
    members = [f"member{n}" for n in range(6)]
    for name in members:
        discord_fake.add_user(name)
    await start(runner, MAX_CONCURRENT_JOBS="6")  # the engine could run them all: only the budget stops them
    await saved(discord_fake, "budget", {"monthly_usd": 0.1})  # room for two

    asked = await asyncio.gather(*(imagine(discord_fake, f"{name}'s fox", model="emu/hold", user=name)
                                   for name in members))
    await emulator.wait_held(2)
    answers = await asyncio.gather(*(first_answer(discord_fake, it) for it in asked))

    accepted = [it for it, message in zip(asked, answers, strict=True) if not message.content.startswith(REFUSED)]
    refusals = [message.content for message in answers if message.content.startswith(REFUSED)]
    assert len(accepted) == 2
    assert len(refusals) == 4
    assert all(SERVER_BUDGET in text for text in refusals)
    assert emulator.holding == 2
    held = (await usage(discord_fake, user="sam", server=True)).content
    assert "Budget: **$0.02** of $0.10 left this month" in held  # the running jobs' reservations count

    emulator.release()
    for it in accepted:
        assert len(png_files(await wait_final(discord_fake, it))) == 1
    assert len(chat_models(emulator)) == 2
    spent = await reported_spend(emulator)
    assert spent == 2 * PRICE <= Decimal("0.1")
    server = (await usage(discord_fake, user="sam", server=True)).content
    assert f"Budget: **{cents(Decimal('0.1') - spent)}** of $0.10 left this month" in server


async def test_the_global_daily_budget_refuses_once_spent(runner, discord_fake, emulator):
    await start(runner, GLOBAL_DAILY_BUDGET_USD="0.05")

    await generated(discord_fake, "the only fox today", model="emu/png")
    assert "spending limit for today" in await refused(discord_fake, "another", model="emu/png", user="bob")
    it = await discord_fake.run_command("imagine", {"prompt": "in a DM", "model": "emu/png"}, user="bob",
                                        channel="dm")
    dm = await answer(discord_fake, it)
    assert dm.content.startswith(REFUSED)
    assert "spending limit for today" in dm.content
    assert chat_models(emulator) == ["emu/png"]


# --- /usage --------------------------------------------------------------------------------------------

async def test_usage_shows_what_the_image_service_charged(runner, discord_fake, emulator):
    await start(runner)
    # listed at $0.134 per image, charged $0.039: /usage must show the charge, not the estimate
    await generated(discord_fake, "a heron", model="google/gemini-3-pro-image-preview")
    await generated(discord_fake, "a crane", model="emu/png")
    alice_spent = await reported_spend(emulator)
    await generated(discord_fake, "bob's egret", model="emu/png", user="bob")
    server_spent = await reported_spend(emulator)
    assert alice_spent == 2 * PRICE

    mine = (await usage(discord_fake)).content
    assert today_line(mine) == f"Today (last 24 h): **2 images** · {cents(alice_spent)}"
    assert month_line(mine) == f"This month: **2 images** · {cents(alice_spent)}"
    assert "**18 of 20 images** left today" in mine  # DEFAULT_DAILY_LIMIT

    server = await usage(discord_fake, user="sam", server=True)
    assert today_line(server.content) == f"Today (last 24 h): **3 images** · {cents(server_spent)} · 3 requests"
    alice, bob = discord_fake.user("alice"), discord_fake.user("bob")
    assert f"1. <@{alice.id}> · **2 images** · {cents(alice_spent)}" in server.content
    assert f"2. <@{bob.id}> · **1 image** · {cents(server_spent - alice_spent)}" in server.content
    assert server.mentioned_user_ids == []
    ((name, chart),) = server.files
    assert name == "usage.png"
    with Image.open(io.BytesIO(chart)) as image:
        assert image.format == "PNG"

    denied = await usage(discord_fake, user="alice", server=True)
    assert denied.content == "🚫 Only members with the Manage Server permission can see the server's usage."
    assert denied.files == []


async def test_usage_counts_what_a_request_without_an_image_was_charged(runner, discord_fake, emulator):
    await start(runner)
    it = await imagine(discord_fake, "a poem instead", model="emu/no-image")
    failed = await wait_final(discord_fake, it)
    assert png_files(failed) == []
    charged = await reported_spend(emulator)
    assert charged > 0  # the prompt was billed although no image came back

    mine = (await usage(discord_fake)).content
    assert today_line(mine) == f"Today (last 24 h): **0 images** · ${charged.normalize()}", mine
