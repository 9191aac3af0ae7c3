"""The member's toolkit end to end: Upscale and Vary one image of a result, Remix its prompt and Blend images.
Each is a new job of the member who asks, and the model receives exactly the image(s), instruction and size it
should — told apart by the emulator, whose pixels depend on the inputs and the size asked for."""

from __future__ import annotations

from typing import Any

import pytest

from bot.jobs.request import BLEND, UPSCALE, VARY_STRONG, VARY_SUBTLE
from playground.discord import FakeDiscord, FakeMessage
from playground.openroute import OpenRouteEmulator
from playground.openroute.catalog import default_models
from tests.e2e.harness import decoded, png_files, shown_reply, wait_final
from tests.e2e.moderation import answer, saved, start
from tests.e2e.test_edit import chat_bodies, input_images, make_png, request_prompt, submit_prompt_modal

pytestmark = pytest.mark.e2e


async def result(fake: FakeDiscord, prompt: str, **options: Any) -> FakeMessage:
    it = await fake.run_command("imagine", {"prompt": prompt, "model": "emu/png", **options})
    final = await wait_final(fake, it)
    assert png_files(final), final.content
    return final


def image_button(message: FakeMessage, action: str, image: int) -> str:
    found = [cid for cid in message.custom_ids() if cid.startswith(f"imagine:{action}:") and
             cid.endswith(f":{image}")]
    assert len(found) == 1, (action, image, message.custom_ids())
    return found[0]


def label(message: FakeMessage, custom_id: str) -> str:
    return next(str(button.get("label")) for row in message.components for button in row["components"]
                if button.get("custom_id") == custom_id)


async def refused_at_no_cost(fake: FakeDiscord, emulator: OpenRouteEmulator, it: Any) -> str:
    """The refusal the member alone reads; nothing reached the image service."""
    reply = await answer(fake, it)
    assert reply.ephemeral, reply.content
    assert chat_bodies(emulator) == []
    return reply.content


async def press(fake: FakeDiscord, message: FakeMessage, custom_id: str, user: str = "alice") -> FakeMessage:
    """Press a toolkit button and wait for the new job's result (a new message: the press is answered with it)."""
    pressed = await fake.click(message.id, custom_id, user=user)
    assert (await pressed.wait_ack()).type == 5  # acknowledged publicly at once: the new result will be public
    return await wait_final(fake, pressed)


async def test_u2_on_a_four_image_result_sends_image_2_to_be_rendered_one_size_larger(bot, discord_fake, emulator):
    original = await result(discord_fake, "four foxes in a meadow", count=4)
    assert [label(original, image_button(original, "up", n)) for n in (1, 2, 3, 4)] == ["U1", "U2", "U3", "U4"]
    assert [label(original, image_button(original, "varyb", n)) for n in (1, 2, 3, 4)] == ["V1", "V2", "V3", "V4"]
    second = png_files(original)[1][1]

    upscaled = await press(discord_fake, original, image_button(original, "up", 2), user="bob")

    body = chat_bodies(emulator)[-1]
    (sent,) = input_images(body)
    assert decoded(sent[1]) == decoded(second)  # image 2 of the result, not another
    assert body["image_config"]["image_size"] == "2K"
    assert request_prompt(body).startswith(UPSCALE)
    assert "four foxes in a meadow" in request_prompt(body)
    assert decoded(emulator.sent_images[-1].data)[0] == (2048, 2048)  # rendered at 2K ...
    (file,) = png_files(upscaled)
    # ... and delivered larger than the original; this noise is too big for the upload limit at 2K, and the
    # member is told so
    assert decoded(file[1])[0][0] > 1024
    assert "was downscaled to" in upscaled.content
    assert "Upscaled to 2K from image 2 of [the original]" in upscaled.content
    assert str(original.id) in upscaled.content  # the link leads back to the four foxes


async def test_v1_sends_image_1_with_its_prompt_and_subtle_and_strong_ask_for_different_changes(
        bot, discord_fake, emulator):
    original = await result(discord_fake, "a lighthouse at dusk", count=2)
    first = png_files(original)[0][1]

    bold = await press(discord_fake, original, image_button(original, "varyb", 1))

    body = chat_bodies(emulator)[-1]
    (sent,) = input_images(body)
    assert decoded(sent[1]) == decoded(first)
    assert request_prompt(body).startswith(VARY_STRONG)
    assert "a lighthouse at dusk" in request_prompt(body)
    assert "A bold variation of image 1" in bold.content
    # a single image offers both variations
    subtle_button = image_button(bold, "vary", 1)
    assert label(bold, subtle_button) == "Vary (subtle)"
    assert label(bold, image_button(bold, "varyb", 1)) == "Vary (strong)"
    subtle = await press(discord_fake, bold, subtle_button)
    assert request_prompt(chat_bodies(emulator)[-1]).startswith(VARY_SUBTLE)
    assert "A subtle variation of image 1" in subtle.content
    assert decoded(png_files(subtle)[0][1]) != decoded(png_files(bold)[0][1])


async def test_remix_opens_the_prompt_to_edit_and_draws_the_new_one_from_text(bot, discord_fake, emulator):
    original = await result(discord_fake, "a red fox", aspect_ratio="16:9")
    remix = next(cid for cid in original.custom_ids() if cid.startswith("imagine:remix:"))

    opener = await discord_fake.click(original.id, remix)
    callback = await opener.wait_ack()
    assert callback.type == 9
    assert "a red fox" in str(opener.modal)  # prefilled with the prompt to change
    submitted = await submit_prompt_modal(discord_fake, opener, "a red fox in the snow")
    remixed = await wait_final(discord_fake, submitted)

    first, second = chat_bodies(emulator)
    assert request_prompt(second) == "a red fox in the snow"
    assert input_images(second) == []  # drawn from text
    assert second["model"] == first["model"]
    assert second["image_config"] == first["image_config"]
    assert decoded(png_files(remixed)[0][1])[0] == (1344, 768)
    assert "A remix of [the original]" in remixed.content


async def test_blend_sends_the_attached_images_in_order(bot, discord_fake, emulator):
    uploads = [make_png(64 + 8 * n, 48) for n in range(3)]

    it = await discord_fake.run_command(
        "blend", {"prompt": "as one landscape", "model": "emu/png"},
        attachments={f"image{n + 1}": (f"in{n}.png", data, "image/png") for n, data in enumerate(uploads)})
    final = await wait_final(discord_fake, it)

    (body,) = chat_bodies(emulator)
    sent = input_images(body)
    assert [decoded(data) for _, data in sent] == [decoded(data) for data in uploads]
    assert request_prompt(body) == f"{BLEND} as one landscape"
    assert len(png_files(final)) == 1
    assert "A blend of 3 images" in final.content


async def test_blend_without_a_prompt_asks_only_to_combine(bot, discord_fake, emulator):
    it = await discord_fake.run_command(
        "blend", {"model": "emu/png"},
        attachments={"image1": ("a.png", make_png(), "image/png"), "image2": ("b.png", make_png(80, 80), "image/png")})
    final = await wait_final(discord_fake, it)

    (body,) = chat_bodies(emulator)
    assert request_prompt(body) == BLEND
    assert len(input_images(body)) == 2
    assert "A blend of 2 images" in final.content


async def test_blend_refuses_a_file_that_is_not_an_image_before_any_request(bot, discord_fake, emulator):
    it = await discord_fake.run_command(
        "blend", {"model": "emu/png"},
        attachments={"image1": ("a.png", make_png(), "image/png"),
                     "image2": ("notes.txt", b"shopping: eggs", "text/plain")})
    told = await refused_at_no_cost(discord_fake, emulator, it)

    assert "`notes.txt` is not a PNG, JPEG or WebP image." in told


async def test_blend_refuses_a_model_that_reads_no_images(runner, discord_fake, emulator: OpenRouteEmulator):
    text_only = {**default_models()[0], "id": "acme/text-painter", "name": "Acme: Text Painter",
                 "architecture": {"modality": "text->image", "input_modalities": ["text"],
                                  "output_modalities": ["image"]}}
    emulator.set_models([*default_models(), text_only])
    await start(runner)
    suggested = await discord_fake.autocomplete("blend", focused="model", value="painter", options={})
    assert suggested == []  # /blend suggests only models that read images

    it = await discord_fake.run_command(
        "blend", {"model": "acme/text-painter"},
        attachments={"image1": ("a.png", make_png(), "image/png"), "image2": ("b.png", make_png(), "image/png")})
    told = await refused_at_no_cost(discord_fake, emulator, it)

    assert "`acme/text-painter` does not take images as input" in told


async def test_upscale_is_offered_only_where_a_larger_size_exists_and_by_upscale_model_otherwise(
        runner, discord_fake, emulator):
    await start(runner, MODEL_IMAGE_SIZES="emu/png=1K, emu/webp=1K/2K")
    stuck = await result(discord_fake, "a small boat")
    assert not any(cid.startswith("imagine:up:") for cid in stuck.custom_ids())
    assert any(cid.startswith("imagine:vary:") for cid in stuck.custom_ids())  # the variations still are
    sizes = await discord_fake.autocomplete("imagine", focused="size", value="", options={"prompt": "x",
                                                                                          "model": "emu/png"})
    assert [choice["value"] for choice in sizes] == ["1K"]
    await runner.stop()

    await start(runner, MODEL_IMAGE_SIZES="emu/png=1K, emu/webp=1K/2K", UPSCALE_MODEL="emu/webp")
    offered = await result(discord_fake, "a small boat")
    up = image_button(offered, "up", 1)
    assert label(offered, up) == "Upscale to 2K"
    await press(discord_fake, offered, up)

    body = chat_bodies(emulator)[-1]
    assert body["model"] == "emu/webp"
    assert body["image_config"]["image_size"] == "2K"


async def test_the_buttons_still_work_after_a_restart(runner, discord_fake, emulator):
    await start(runner)
    original = await result(discord_fake, "an old mill", count=2)
    await runner.stop()
    await start(runner)

    varied = await press(discord_fake, original, image_button(original, "varyb", 2))
    (sent,) = input_images(chat_bodies(emulator)[-1])
    assert decoded(sent[1]) == decoded(png_files(original)[1][1])
    assert "A bold variation of image 2" in varied.content

    upscaled = await press(discord_fake, original, image_button(original, "up", 1))
    (sent,) = input_images(chat_bodies(emulator)[-1])
    assert decoded(sent[1]) == decoded(png_files(original)[0][1])
    assert "Upscaled to 2K from image 1" in upscaled.content

    opener = await discord_fake.click(original.id, next(c for c in original.custom_ids()
                                                        if c.startswith("imagine:remix:")))
    remixed = await wait_final(discord_fake, await submit_prompt_modal(discord_fake, opener, "a new mill"))
    assert request_prompt(chat_bodies(emulator)[-1]) == "a new mill"
    assert "A remix of" in remixed.content


async def test_the_daily_limit_refuses_every_toolkit_action_before_the_api(runner, discord_fake, emulator):
    await start(runner, DEFAULT_DAILY_LIMIT="1")
    original = await result(discord_fake, "my one fox")

    for action in ("up", "vary", "varyb"):
        pressed = await discord_fake.click(original.id, image_button(original, action, 1))
        reply = await answer(discord_fake, pressed)
        assert "daily limit of 1 image" in reply.content, (action, reply.content)
        assert reply.ephemeral
    opener = await discord_fake.click(original.id, next(c for c in original.custom_ids()
                                                        if c.startswith("imagine:remix:")))
    remixed = await submit_prompt_modal(discord_fake, opener, "my second fox")
    assert "daily limit of 1 image" in (await answer(discord_fake, remixed)).content
    blend = await discord_fake.run_command(
        "blend", {"model": "emu/png"},
        attachments={"image1": ("a.png", make_png(), "image/png"), "image2": ("b.png", make_png(), "image/png")})
    assert "daily limit of 1 image" in (await answer(discord_fake, blend)).content

    assert len(chat_bodies(emulator)) == 1  # only the first fox reached the image service
    assert shown_reply(pressed) is not None


async def test_a_style_is_added_to_the_prompt_kept_by_regenerate_and_named_on_the_result(
        runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "styles add", {"name": "Noir", "text": "film noir, high contrast"})
    suggested = await discord_fake.autocomplete("imagine", focused="style", value="noi", options={"prompt": "x"})
    assert [choice["value"] for choice in suggested] == ["Noir"]

    styled = await result(discord_fake, "a rainy street", style="noir")

    assert request_prompt(chat_bodies(emulator)[-1]) == "a rainy street, film noir, high contrast"
    assert "Style: `Noir`" in styled.content
    regen = next(cid for cid in styled.custom_ids() if cid.startswith("imagine:regen:"))
    pressed = await discord_fake.click(styled.id, regen)
    await wait_final(discord_fake, pressed)
    assert request_prompt(chat_bodies(emulator)[-1]) == "a rainy street, film noir, high contrast"


async def test_a_style_that_does_not_exist_is_refused(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "a rainy street", "style": "Vaporwave"})
    told = await refused_at_no_cost(discord_fake, emulator, it)

    assert "There is no style of that name here" in told


async def test_an_oversized_blend_image_is_named_and_refused_before_any_download_or_request(
        runner, discord_fake, emulator):
    await start(runner, INPUT_IMAGE_MAX_MB="1")
    small = discord_fake.upload_attachment("small.png", make_png(), "image/png")
    big = discord_fake.upload_attachment("huge.png", make_png(), "image/png")
    big.claimed_size = 3_000_000

    it = await discord_fake.run_command("blend", {"model": "emu/png", "image1": small, "image2": big})
    told = await refused_at_no_cost(discord_fake, emulator, it)

    assert "`huge.png` is too large (3.0 MB; the limit is 1 MB)." in told


async def test_a_style_holding_a_word_blocked_since_is_no_longer_offered_and_refused_by_name(
        runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "styles add", {"name": "Gore", "text": "dripping blood"})
    await saved(discord_fake, "words add", {"word": "blood"})

    suggested = await discord_fake.autocomplete("imagine", focused="style", value="", options={"prompt": "x"})
    it = await discord_fake.run_command("imagine", {"prompt": "a castle", "style": "Gore"})
    told = await refused_at_no_cost(discord_fake, emulator, it)

    assert "Gore" not in [choice["value"] for choice in suggested]
    assert told == "🚫 The style `Gore` contains a term that is not allowed on this server. Pick another style."
