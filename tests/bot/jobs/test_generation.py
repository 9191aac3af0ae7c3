"""One generation as a user gets it: `ImageGenerator` against the OpenRoute emulator over a real socket, and
`generation_request`, the one place a request body's content comes from.

These tests run on a real event loop (see `on_a_real_loop`): the emulator encodes its images and the
generator converts them in worker threads, and the package's virtual clock would jump over the client's
deadlines while a thread works.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from PIL import Image

from bot.config import OpenRouteSettings, Secret
from bot.images.errors import ImageTooLarge, ModelImageInvalid
from bot.images.worker import ImageWorker
from bot.jobs.generation import ImageGenerator
from bot.jobs.progress import Phase
from bot.jobs.request import BLEND, UPSCALE, VARY_STRONG, VARY_SUBTLE, generation_request, model_prompt
from bot.messages import explain
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import ProviderUnavailable, RateLimited
from bot.openroute.types import GenerationRequest, InputImage
from bot.records.spec import InputRef, JobKind, JobSpec
from playground.images import noise_png
from playground.openroute import OpenRouteEmulator
from tests.bot.jobs.real_loop import on_a_real_loop

API_KEY = "sk-test-generation"


@dataclass
class Emulated:
    generator: ImageGenerator
    client: OpenRouteClient
    emulator: OpenRouteEmulator

    def chat_bodies(self) -> list[Any]:
        return [r.json for r in self.emulator.requests if r.path.endswith("/chat/completions")]


@contextlib.asynccontextmanager
async def emulated() -> AsyncIterator[Emulated]:
    """A generator wired as the bot wires it, pointed at a fresh emulator (no retries: one request each)."""
    async with OpenRouteEmulator(api_key=API_KEY) as emulator:
        settings = OpenRouteSettings(base_url=emulator.base_url, api_key=Secret(API_KEY), max_retries=0)
        session = create_session(settings)
        images = ImageWorker(max_workers=2)
        try:
            client = OpenRouteClient(session, settings)
            yield Emulated(ImageGenerator(client, images), client, emulator)
        finally:
            await session.close()
            images.close()


def pixels(data: bytes) -> tuple[str, tuple[int, int], bytes]:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.format or "", image.size, image.convert("RGB").tobytes()


# --- ImageGenerator --------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["emu/png", "emu/jpeg-4k", "emu/webp"])
@on_a_real_loop
async def test_every_model_image_is_kept_as_the_provider_sent_it_once_checked(model: str) -> None:
    async with emulated() as emu:
        output = await emu.generator.generate(GenerationRequest(prompt="a fox in snow", model=model))

    [sent] = emu.emulator.sent_images
    [image] = output.images
    assert image.data == sent.data  # converted and fitted only once the upload limit is known
    sent_format, size, _ = pixels(sent.data)
    assert (image.mime_type, image.width, image.height) == (f"image/{sent_format.lower()}", *size)
    assert output.model == model
    assert output.failures == ()
    assert output.text == "Here is your image."


@on_a_real_loop
async def test_several_images_are_separate_concurrent_requests_whose_costs_add_up() -> None:
    async with emulated() as emu:
        output = await emu.generator.generate(GenerationRequest(prompt="three boats", model="emu/png"), 3)

    assert len(emu.chat_bodies()) == 3
    assert len(output.images) == 3
    assert output.requested == 3
    assert output.cost == Decimal("0.117")  # 3 × 0.039, exact
    assert len(set(output.generation_ids)) == 3


@on_a_real_loop
async def test_one_failed_request_of_several_still_delivers_the_others() -> None:
    async with emulated() as emu:
        # emu/flaky answers the first request for a prompt with a 429, every later one normally
        output = await emu.generator.generate(GenerationRequest(prompt="two kites", model="emu/flaky"), 2)

    assert len(output.images) == 1
    assert output.requested == 2
    [failure] = output.failures
    assert isinstance(failure, RateLimited)
    assert output.cost == Decimal("0.039")  # only the request that drew an image is paid for


@on_a_real_loop
async def test_when_every_request_fails_the_error_itself_is_raised() -> None:
    async with emulated() as emu:
        with pytest.raises(ProviderUnavailable) as caught:
            await emu.generator.generate(GenerationRequest(prompt="a fox", model="emu/error-502"), 2)

    assert caught.value.status == 502
    assert len(emu.chat_bodies()) == 2


@on_a_real_loop
async def test_a_model_image_too_big_to_decode_is_the_models_fault_and_worth_retrying() -> None:
    async with emulated() as emu:
        # a real PNG header claiming 30000×30000 pixels: it passes the client, Pillow must refuse it
        with pytest.raises(ModelImageInvalid) as caught:
            await emu.generator.generate(GenerationRequest(prompt="a fox", model="emu/bomb"))

    assert isinstance(caught.value.cause, ImageTooLarge)
    assert explain(caught.value).retryable


@on_a_real_loop
async def test_progress_goes_from_waiting_to_receiving_to_decoding() -> None:
    reports: list[dict[str, Any]] = []
    async with emulated() as emu:
        await emu.generator.generate(GenerationRequest(prompt="a lighthouse", model="emu/slow"), 2,
                                     report=lambda **changes: reports.append(changes))

    phases = [report["phase"] for report in reports if "phase" in report]
    seen = [phase for i, phase in enumerate(phases) if i == 0 or phases[i - 1] != phase]
    assert seen == [Phase.WAITING, Phase.RECEIVING, Phase.DECODING]
    assert reports[0]["images_total"] == 2
    assert max(report.get("images_done", 0) for report in reports) == 2
    assert any(report.get("bytes_received", 0) > 0 for report in reports)  # partial image bytes shown
    assert any(report.get("model_text") == "Here is your image." for report in reports)


@on_a_real_loop
async def test_an_image_only_model_is_asked_for_images_only_once_the_model_list_is_known() -> None:
    async with emulated() as emu:
        await emu.client.list_image_models()
        output = await emu.generator.generate(GenerationRequest(prompt="a kite",
                                                                model="black-forest-labs/flux.2-pro"))

    [body] = emu.chat_bodies()
    assert body["modalities"] == ["image"]
    assert len(output.images) == 1


@on_a_real_loop
async def test_the_input_image_and_options_reach_the_model() -> None:
    source = noise_png(32, 24, seed=7)
    spec = JobSpec(requester_id=42, guild_id=1, channel_id=2, is_dm=False, prompt="make it blue",
                   model="emu/png", aspect_ratio="16:9", image_size="0.5K", inputs=(InputRef.of(source, "image/png"),))
    async with emulated() as emu:
        output = await emu.generator.generate(generation_request(spec, source))

    [body] = emu.chat_bodies()
    text, image = body["messages"][0]["content"]
    assert text == {"type": "text", "text": "make it blue"}
    assert image["image_url"]["url"].startswith("data:image/png;base64,")
    assert body["image_config"] == {"aspect_ratio": "16:9", "image_size": "0.5K"}
    assert body["user"] == "42"
    assert (output.images[0].width, output.images[0].height) == (672, 384)  # 16:9 at half size


# --- generation_request ----------------------------------------------------------------------------------


def spec_of(**changes: Any) -> JobSpec:
    fields: dict[str, Any] = {"requester_id": 42, "guild_id": 1, "channel_id": 2, "is_dm": False,
                              "prompt": "a fox", "model": "emu/png"}
    return JobSpec(**{**fields, **changes})


def test_a_request_carries_the_specs_prompt_model_options_and_requester() -> None:
    request = generation_request(spec_of(aspect_ratio="3:2", image_size="2K", count=3))

    assert request == GenerationRequest(prompt="a fox", model="emu/png", aspect_ratio="3:2", image_size="2K",
                                        input_images=(), user="42")


def test_an_edit_request_carries_the_input_bytes_with_the_specs_type() -> None:
    data = noise_png(8, 8, seed=1)

    request = generation_request(spec_of(inputs=(InputRef.of(data, "image/png"),)), data)

    assert request.input_images == (InputImage(data=data, mime_type="image/png"),)


def test_an_edit_without_its_image_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match=r"sends 1 image\(s\) but 0 were given"):
        generation_request(spec_of(inputs=(InputRef.of(b"gone", "image/png"),)))


def test_bytes_for_images_the_spec_does_not_send_are_a_programming_error() -> None:
    assert generation_request(spec_of()).input_images == ()
    with pytest.raises(ValueError, match=r"sends 0 image\(s\) but 1 were given"):
        generation_request(spec_of(), b"stray bytes")


# --- what the model reads ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "starts"), [
    (JobKind.UPSCALE, UPSCALE), (JobKind.VARY_SUBTLE, VARY_SUBTLE), (JobKind.VARY_STRONG, VARY_STRONG)])
def test_an_action_on_a_result_image_sends_its_fixed_instruction_then_the_members_prompt(kind, starts) -> None:
    prompt = model_prompt(spec_of(kind=kind, prompt="a fox", style_text="ink"))

    assert prompt.startswith(starts)
    assert prompt.endswith("a fox, ink")


def test_the_two_variations_send_different_instructions() -> None:
    assert model_prompt(spec_of(kind=JobKind.VARY_SUBTLE)) != model_prompt(spec_of(kind=JobKind.VARY_STRONG))


def test_a_blend_without_a_prompt_asks_to_combine_the_images_and_with_one_adds_it() -> None:
    assert model_prompt(spec_of(kind=JobKind.BLEND, prompt="")) == BLEND
    assert model_prompt(spec_of(kind=JobKind.BLEND, prompt="at night")) == f"{BLEND} at night"


def test_a_plain_prompt_and_a_remix_send_the_members_words_and_style_alone() -> None:
    assert model_prompt(spec_of(prompt="a fox", style_text="watercolour, soft light")) == \
        "a fox, watercolour, soft light"
    assert model_prompt(spec_of(kind=JobKind.REMIX, prompt="a red fox")) == "a red fox"


def test_a_blend_sends_its_images_in_order() -> None:
    images = [bytes([n]) * 10 for n in range(3)]
    refs = tuple(InputRef.of(data, "image/png") for data in images)

    request = generation_request(spec_of(kind=JobKind.BLEND, inputs=refs), images)

    assert [image.data for image in request.input_images] == images
