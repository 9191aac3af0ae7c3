"""The member's toolkit without Discord: Upscale, Vary, Remix, Blend and styles as `ImagineService.toolkit`
runs them, over the same real stack as `test_service` (SQLite, the engine, the emulator, a stand-in CDN)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.jobs.request import BLEND, UPSCALE, VARY_STRONG, VARY_SUBTLE
from bot.policy import PolicyRefusal
from bot.records.job import JobRecord
from bot.records.spec import JobKind
from playground.images import noise_png
from tests.bot.jobs.real_loop import on_a_real_loop
from tests.bot.jobs.test_service import (
    ALICE,
    BOB,
    CAROL_IN_DM,
    HANDLE,
    MODERATOR,
    OTHER_PHOTO,
    PHOTO,
    World,
    delivered,
    images_sent_to_model,
    paid_requests,
    running_world,
    stored,
    submit,
)


def prompts_sent(world: World) -> list[str]:
    """The text of every generation request's user message, in order."""
    texts = []
    for request in world.emulator.requests:
        if request.path.endswith("/chat/completions"):
            content = request.json["messages"][-1]["content"]
            parts = content if isinstance(content, list) else [{"type": "text", "text": content}]
            texts.append(" ".join(part["text"] for part in parts if part.get("type") == "text"))
    return texts


async def a_result(world: World, count: int = 1) -> JobRecord:
    """Alice's finished /imagine job, as the store now has it."""
    submitted = await submit(world, ALICE, "a fox in snow", count=count)
    await delivered(world, submitted)
    return await stored(world, submitted.record)


@on_a_real_loop
async def test_an_upscale_is_the_pressers_one_image_job_one_size_larger_with_its_fixed_instruction(
        tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        record = await a_result(world, count=2)
        image = world.cdn.attach("image2.png", PHOTO)

        submitted = await world.service.toolkit.upscale(BOB, record, image=2, attachment=image, handle=HANDLE)
        await delivered(world, submitted)

        spec = submitted.record.spec
        assert (spec.kind, spec.image_size, spec.count, spec.source_image) == (JobKind.UPSCALE, "2K", 1, 2)
        assert (spec.requester_id, spec.parent_job_id, spec.model) == (BOB.user_id, record.id, "emu/png")
        assert images_sent_to_model(world.emulator)[-1] == [PHOTO]
        assert prompts_sent(world)[-1].startswith(UPSCALE)
        assert prompts_sent(world)[-1].endswith("a fox in snow")
        assert submitted.upscale_to == "4K"  # the upscaled result offers the next size
        counted = world.service._metrics.registry.get_sample_value(
            "imagine_jobs_total", {"status": "succeeded", "model": "emu/png", "kind": "upscale"})
        assert counted == 1  # the metrics tell the kinds apart


@on_a_real_loop
async def test_an_upscale_where_no_larger_size_exists_is_refused_before_anything_runs(tmp_path: Path) -> None:
    async with running_world(tmp_path, model_image_sizes=(("emu/png", ("1K",)),)) as world:
        record = await a_result(world)
        before = len(paid_requests(world.emulator))

        with pytest.raises(PolicyRefusal) as refused:
            await world.service.toolkit.upscale(ALICE, record, image=1, attachment=world.cdn.attach("a.png", PHOTO))

        assert "1K is the largest size its model renders" in refused.value.reason
        assert len(paid_requests(world.emulator)) == before
        assert world.cdn.downloads["a.png"] == 0


@on_a_real_loop
async def test_upscale_model_renders_what_the_results_own_model_cannot(tmp_path: Path) -> None:
    async with running_world(tmp_path, model_image_sizes=(("emu/png", ("1K",)),),
                             upscale_model="emu/webp") as world:
        record = await a_result(world)

        submitted = await world.service.toolkit.upscale(ALICE, record, image=1,
                                                        attachment=world.cdn.attach("a.png", PHOTO))

        assert (submitted.record.spec.model, submitted.record.spec.image_size) == ("emu/webp", "2K")


@on_a_real_loop
@pytest.mark.parametrize(("strong", "kind", "instruction"),
                         [(False, JobKind.VARY_SUBTLE, VARY_SUBTLE), (True, JobKind.VARY_STRONG, VARY_STRONG)])
async def test_a_variation_sends_its_image_and_prompt_with_the_instruction_of_its_strength(
        tmp_path: Path, strong: bool, kind: JobKind, instruction: str) -> None:
    async with running_world(tmp_path) as world:
        record = await a_result(world, count=3)

        submitted = await world.service.toolkit.vary(ALICE, record, image=3, strong=strong,
                                                     attachment=world.cdn.attach("c.png", OTHER_PHOTO))
        await delivered(world, submitted)

        assert (submitted.record.spec.kind, submitted.record.spec.source_image) == (kind, 3)
        assert submitted.record.spec.image_size == record.spec.image_size
        assert images_sent_to_model(world.emulator)[-1] == [OTHER_PHOTO]
        assert prompts_sent(world)[-1] == f"{instruction}\n\nThe image was made from this prompt: a fox in snow"


@on_a_real_loop
async def test_a_remix_of_an_edit_draws_the_new_prompt_from_text(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        edit = await submit(world, ALICE, "make it night", attachment=world.cdn.attach("in.png", PHOTO))
        await delivered(world, edit)
        record = await stored(world, edit.record)
        assert record.spec.kind is JobKind.EDIT

        remix = await world.service.toolkit.remix(BOB, record, prompt="make it dawn")
        await delivered(world, remix)

        assert (remix.record.spec.kind, remix.record.spec.inputs) == (JobKind.REMIX, ())
        assert remix.record.spec.requester_id == BOB.user_id
        assert images_sent_to_model(world.emulator)[-1] == []
        assert prompts_sent(world)[-1] == "make it dawn"


@on_a_real_loop
async def test_a_blend_sends_its_images_in_order_and_is_stored_to_run_again(tmp_path: Path) -> None:
    third = noise_png(24, 24, seed=3)
    async with running_world(tmp_path) as world:
        spec = world.service.new_spec(prompt="")
        attachments = [world.cdn.attach(name, data) for name, data in
                       (("1.png", PHOTO), ("2.png", OTHER_PHOTO), ("3.png", third))]

        blend = await world.service.toolkit.blend(ALICE, spec, attachments)
        await delivered(world, blend)
        again = await world.service.rerun(ALICE, await stored(world, blend.record))
        await delivered(world, again)

        assert blend.record.spec.kind is JobKind.BLEND
        assert images_sent_to_model(world.emulator) == [[PHOTO, OTHER_PHOTO, third]] * 2
        assert prompts_sent(world) == [BLEND, BLEND]


@on_a_real_loop
@pytest.mark.parametrize("count", [1, 5])
async def test_a_blend_of_fewer_than_two_or_more_than_four_images_is_refused(tmp_path: Path, count: int) -> None:
    async with running_world(tmp_path) as world:
        attachments = [world.cdn.attach(f"{n}.png", PHOTO) for n in range(count)]

        with pytest.raises(PolicyRefusal) as refused:
            await world.service.toolkit.blend(ALICE, world.service.new_spec(prompt="x"), attachments)

        assert refused.value.reason == "A blend takes 2 to 4 images."
        assert paid_requests(world.emulator) == []


@on_a_real_loop
async def test_a_style_is_the_servers_else_the_operators_and_an_unknown_name_is_refused(tmp_path: Path) -> None:
    async with running_world(tmp_path) as world:
        await world.guilds.add_style(MODERATOR, "Noir", "film noir, high contrast")
        spec = world.service.new_spec(prompt="a rainy street")

        styled = await world.service.toolkit.styled(ALICE, spec, "  noir ")
        submitted = await world.service.submit(ALICE, styled)
        await delivered(world, submitted)

        assert (styled.style, styled.style_text) == ("Noir", "film noir, high contrast")
        assert prompts_sent(world) == ["a rainy street, film noir, high contrast"]
        with pytest.raises(PolicyRefusal, match="no style of that name"):
            await world.service.toolkit.styled(CAROL_IN_DM, spec, "Noir")  # a server's style stays there
        assert await world.service.toolkit.styled(ALICE, spec, None) is spec


@on_a_real_loop
async def test_the_sizes_offered_are_the_models_up_to_the_servers_largest_except_in_dms(tmp_path: Path) -> None:
    async with running_world(tmp_path, model_image_sizes=(("emu/webp", ("1K", "2K")),)) as world:
        await world.guilds.set_limits(MODERATOR, max_size="2K")

        assert await world.service.sizes_for(ALICE, "emu/png") == ("1K", "2K")
        assert await world.service.sizes_for(ALICE, "emu/webp") == ("1K", "2K")
        assert await world.service.sizes_for(CAROL_IN_DM, None) == ("1K", "2K", "4K")  # the default model's
