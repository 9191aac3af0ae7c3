"""Describe end to end: /describe and the "Describe image" menu against the emulator's vision models, the
prompts streamed then shown with buttons 1-4 that start the presser's own /imagine (after a restart too), and
every refusal private and free."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import pytest
from PIL import Image

from bot.jobs.request import DESCRIBE
from bot.records.usage import UsageTotals
from playground.discord import FakeAttachment, FakeDiscord, FakeInteraction, FakeMessage
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import decoded, png_files, shown_reply, wait_final
from tests.e2e.moderation import CHAT, REFUSED, chat_models, generated, saved, start
from tests.e2e.test_edit import input_images, request_prompt

pytestmark = pytest.mark.e2e

VISION = "emu/describe"
MODELS = "emu/describe,emu/describe-two,emu/describe-none,emu/describe-hold"
PROMPTS = ("A red fox curled up in fresh snow, soft morning light, wildlife photograph",
           "A lighthouse on a rocky coast at dusk, oil painting, warm orange sky",
           "A tabby cat asleep on a sunny windowsill, watercolour, pastel colours",
           "A rainy city street at night, neon reflections, cinematic, teal and magenta")
COST = Decimal("0.0012")  # what the emulator charges for one describe answer
NOT_SET_UP = "Describe is not set up on this bot: the operator sets DESCRIBE\\_MODELS."


def picture(width: int = 64, height: int = 48) -> bytes:
    image = Image.new("RGB", (width, height))
    image.putdata([((x * 5) % 256, (y * 9) % 256, 120) for y in range(height) for x in range(width)])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def chat_bodies(emulator: OpenRouteEmulator) -> list[dict[str, Any]]:
    return [r.json for r in emulator.requests if r.path.endswith(CHAT)]


async def describe(fake: FakeDiscord, upload: FakeAttachment, *, model: str | None = None,
                   user: str = "alice") -> FakeInteraction:
    options: dict[str, Any] = {"image": upload} if model is None else {"image": upload, "model": model}
    return await fake.run_command("describe", options, user=user)


def prompt_buttons(message: FakeMessage) -> list[str]:
    return [cid for cid in message.custom_ids() if cid.startswith("describe:")]


async def described(fake: FakeDiscord, it: FakeInteraction) -> FakeMessage:
    """The describe's public reply once it shows its prompt buttons."""
    return await fake.wait_for(lambda: it.original if it.original is not None and prompt_buttons(it.original)
                               else None)


async def private_answer(fake: FakeDiscord, it: FakeInteraction) -> str:
    """A reply only the member sees, with no public message left behind (a public reply that showed the
    model's text meanwhile is gone)."""

    def private() -> FakeMessage | None:
        reply = shown_reply(it)
        return reply if reply is not None and reply.ephemeral else None

    reply = await fake.wait_for(private)
    assert it.original is None or it.original.ephemeral
    assert reply.custom_ids() == []
    return reply.content


def downloads(fake: FakeDiscord, upload: FakeAttachment) -> list[Any]:
    return [r for r in fake.requests if r.path == urlsplit(upload.url).path]


async def test_describe_shows_four_prompts_and_3_starts_a_job_of_the_presser_with_prompt_3(
        runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    upload = discord_fake.upload_attachment("photo.png", picture(), "image/png")

    it = await describe(discord_fake, upload)
    assert (await it.wait_ack()).type == 5  # public "thinking…"
    reply = await described(discord_fake, it)

    assert not reply.ephemeral
    for number, prompt in enumerate(PROMPTS, 1):
        assert f"**{number}.** {prompt}" in reply.content
    assert f"`{VISION}`" in reply.content
    buttons = prompt_buttons(reply)
    assert [cid.rsplit(":", 1)[1] for cid in buttons] == ["1", "2", "3", "4"]
    (body,) = chat_bodies(emulator)
    assert (body["model"], body["modalities"], request_prompt(body)) == (VISION, ["text"], DESCRIBE)
    ((mime, sent),) = input_images(body)
    assert mime == "image/png"
    assert decoded(sent) == decoded(upload.data)

    pressed = await discord_fake.click(reply.id, buttons[2], user="bob")  # on alice's describe
    assert (await pressed.wait_ack()).type == 5
    result = await wait_final(discord_fake, pressed)

    assert len(png_files(result)) == 1
    assert f"by <@{discord_fake.users['bob'].id}>" in result.content
    _, imagine_body = chat_bodies(emulator)
    assert (imagine_body["model"], request_prompt(imagine_body)) == ("emu/png", PROMPTS[2])  # the default model
    assert input_images(imagine_body) == []
    metrics = runner.bot.services.metrics.exposition()[0].decode()
    assert 'imagine_jobs_total{kind="describe",model="emu/describe",status="succeeded"} 1.0' in metrics


async def test_the_prompt_buttons_work_after_a_restart(runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    it = await describe(discord_fake, discord_fake.upload_attachment("photo.png", picture(), "image/png"))
    reply = await described(discord_fake, it)

    await runner.stop()
    await runner.start()

    pressed = await discord_fake.click(reply.id, f"{prompt_buttons(reply)[0].rsplit(':', 1)[0]}:3")
    result = await wait_final(discord_fake, pressed)
    assert len(png_files(result)) == 1
    assert request_prompt(chat_bodies(emulator)[-1]) == PROMPTS[2]


async def test_the_text_shows_as_it_streams(runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    it = await describe(discord_fake, discord_fake.upload_attachment("photo.png", picture(), "image/png"),
                        model="emu/describe-hold")

    await emulator.wait_held(1)  # the model has written its lead-in and its first prompt, then waits
    streaming = await discord_fake.wait_for(
        lambda: it.original if it.original is not None and PROMPTS[0] in it.original.content else None)
    assert PROMPTS[1] not in streaming.content
    assert prompt_buttons(streaming) == []
    emulator.release()

    reply = await described(discord_fake, it)
    assert len(prompt_buttons(reply)) == 4
    assert reply.id == streaming.id  # the same message, edited


async def test_the_describe_image_menu_describes_a_posted_picture(runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    upload = picture(40, 30)
    posted = discord_fake.post_message("alice", "general", "my cat", attachments=[("cat.png", upload)])

    it = await discord_fake.run_message_command("Describe image", posted.id, user="bob")
    reply = await described(discord_fake, it)

    assert len(prompt_buttons(reply)) == 4
    ((_, sent),) = input_images(chat_bodies(emulator)[0])
    assert decoded(sent) == decoded(upload)


async def test_the_menu_on_a_message_without_an_image_says_so_privately(runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    posted = discord_fake.post_message("alice", "general", "just words")

    it = await discord_fake.run_message_command("Describe image", posted.id)

    assert "no PNG, JPEG or WebP image to describe" in await private_answer(discord_fake, it)
    assert chat_bodies(emulator) == []


async def test_fewer_prompts_show_what_came_with_a_button_each(runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    it = await describe(discord_fake, discord_fake.upload_attachment("photo.png", picture(), "image/png"),
                        model="emu/describe-two")
    reply = await described(discord_fake, it)

    assert [cid.rsplit(":", 1)[1] for cid in prompt_buttons(reply)] == ["1", "2"]
    assert f"**2.** {PROMPTS[1]}" in reply.content
    assert "**3.**" not in reply.content
    assert "the model gave 2 prompts" in reply.content


async def test_the_servers_describe_model_is_used_when_the_member_names_none(runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    await saved(discord_fake, "describe-model", {"model": "emu/describe-two"})

    reply = await described(discord_fake, await describe(
        discord_fake, discord_fake.upload_attachment("photo.png", picture(), "image/png")))

    assert len(prompt_buttons(reply)) == 2
    assert [body["model"] for body in chat_bodies(emulator)] == ["emu/describe-two"]


async def test_an_answer_without_prompts_is_a_clear_private_error_and_its_cost_counts(runner, discord_fake, emulator):
    bot = await start(runner, DESCRIBE_MODELS=MODELS)
    it = await describe(discord_fake, discord_fake.upload_attachment("photo.png", picture(), "image/png"),
                        model="emu/describe-none")

    answer = await private_answer(discord_fake, it)

    assert "The model answered without any prompt for this image" in answer
    assert "$0.0012" in answer
    assert await bot.services.store.usage.everywhere(since=0) == UsageTotals(jobs=1, images=0, cost=COST)


@pytest.mark.parametrize(("env", "model", "expected"), [
    ({}, None, NOT_SET_UP),
    ({"DESCRIBE_MODELS": MODELS}, "emu/png", "`emu/png` is not one of the models this bot describes images with"),
], ids=["no describe model configured", "a model not in the list"])
async def test_describe_refuses_privately_at_no_cost(runner, discord_fake, emulator, env, model, expected):
    await start(runner, **env)
    upload = discord_fake.upload_attachment("photo.png", picture(), "image/png")

    answer = await private_answer(discord_fake, await describe(discord_fake, upload, model=model))

    assert answer.startswith(REFUSED)
    assert expected in answer
    assert chat_bodies(emulator) == []
    assert downloads(discord_fake, upload) == []


async def test_a_blocked_member_and_a_channel_the_server_did_not_choose_are_refused_before_any_download(
        runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    await saved(discord_fake, "members block", {"member": "bob", "reason": "spam"})
    await saved(discord_fake, "channels add", {"channel": "art"})
    upload = discord_fake.upload_attachment("photo.png", picture(), "image/png")

    blocked = await private_answer(discord_fake, await discord_fake.run_command(
        "describe", {"image": upload}, user="bob", channel="art"))
    elsewhere = await private_answer(discord_fake, await describe(discord_fake, upload))  # in #general

    assert "A moderator blocked you" in blocked
    assert "spam" in blocked
    assert "not enabled in this channel" in elsewhere
    assert chat_bodies(emulator) == []
    assert downloads(discord_fake, upload) == []


async def test_a_non_image_attachment_is_refused_privately_at_no_cost(runner, discord_fake, emulator):
    bot = await start(runner, DESCRIBE_MODELS=MODELS)
    upload = discord_fake.upload_attachment("notes.txt", b"not a picture at all", "text/plain")

    answer = await private_answer(discord_fake, await describe(discord_fake, upload))

    assert "`notes.txt` is not a PNG, JPEG or WebP image." in answer
    assert chat_bodies(emulator) == []
    assert downloads(discord_fake, upload) == []
    assert await bot.services.store.usage.everywhere(since=0) == UsageTotals()


async def test_an_oversized_attachment_is_refused_privately_at_no_cost(runner, discord_fake, emulator):
    bot = await start(runner, DESCRIBE_MODELS=MODELS, INPUT_IMAGE_MAX_MB="1")
    big = discord_fake.upload_attachment("big.png", picture(), "image/png")
    big.claimed_size = 3_000_000
    lying = discord_fake.upload_attachment("small-claim.png", picture(600, 600) + bytes(1_100_000), "image/png")
    lying.claimed_size = 1000  # only the download finds out

    claimed = await private_answer(discord_fake, await describe(discord_fake, big))
    found = await private_answer(discord_fake, await describe(discord_fake, lying))

    assert "`big.png` is too large (3.0 MB; the limit is 1 MB)." in claimed
    assert "`small-claim.png` is too large" in found
    assert downloads(discord_fake, big) == []
    assert chat_bodies(emulator) == []
    assert await bot.services.store.usage.everywhere(since=0) == UsageTotals()


async def test_a_describe_in_its_cooldown_is_refused_before_any_download_or_api_call(runner, discord_fake, emulator):
    await start(runner, DESCRIBE_MODELS=MODELS)
    await saved(discord_fake, "limits", {"cooldown": 3600})
    await generated(discord_fake, "a fox", model="emu/png")
    upload = discord_fake.upload_attachment("photo.png", picture(), "image/png")

    answer = await private_answer(discord_fake, await describe(discord_fake, upload))

    assert "Slow down a little" in answer
    assert chat_models(emulator) == ["emu/png"]
    assert downloads(discord_fake, upload) == []


async def test_a_describe_over_the_budget_is_refused_before_any_download_or_api_call(runner, discord_fake, emulator):
    # nothing known of the model yet: COST_ESTIMATE_USD is reserved, more than the whole bot may spend
    await start(runner, DESCRIBE_MODELS=MODELS, GLOBAL_DAILY_BUDGET_USD="0.03", COST_ESTIMATE_USD="0.04")
    upload = discord_fake.upload_attachment("photo.png", picture(), "image/png")

    answer = await private_answer(discord_fake, await describe(discord_fake, upload))

    assert "The bot has reached its spending limit for today." in answer
    assert chat_bodies(emulator) == []
    assert downloads(discord_fake, upload) == []


async def test_a_describe_at_the_daily_image_limit_is_still_allowed_its_prompts_are_not(runner, discord_fake, emulator):
    bot = await start(runner, DESCRIBE_MODELS=MODELS, DEFAULT_DAILY_LIMIT="1")
    await generated(discord_fake, "a fox", model="emu/png")  # the one image of the day

    reply = await described(discord_fake, await describe(
        discord_fake, discord_fake.upload_attachment("photo.png", picture(), "image/png")))
    pressed = await discord_fake.click(reply.id, prompt_buttons(reply)[0])
    refusal = await private_answer(discord_fake, pressed)

    assert "You have reached the daily limit of 1 image on this server." in refusal
    assert chat_models(emulator) == ["emu/png", VISION]
    assert await bot.services.store.usage.everywhere(since=0) == UsageTotals(
        jobs=2, images=1, cost=Decimal("0.039") + COST)


async def test_a_describe_cut_off_by_a_restart_is_reported_without_a_retry(runner, discord_fake, emulator):
    bot = await start(runner, DESCRIBE_MODELS=MODELS)
    it = await describe(discord_fake, discord_fake.upload_attachment("photo.png", picture(), "image/png"),
                        model="emu/describe-hold")
    await emulator.wait_held(1)

    await runner.stop()  # the request was under way: it may have been paid
    bot = await runner.start()

    told = await discord_fake.wait_for(
        lambda: it.original if it.original is not None and "interrupted" in it.original.content else None)
    assert "Your describe was interrupted because the bot restarted." in told.content
    assert "/describe" in told.content
    assert not any(cid.startswith("imagine:regen:") for cid in told.custom_ids())  # nothing to retry as an image
    reserved = await bot.services.store.usage.everywhere(since=0)
    assert (reserved.jobs, reserved.images, reserved.cost) == (1, 0, Decimal("0.04"))  # kept: COST_ESTIMATE_USD
