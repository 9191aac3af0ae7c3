"""The buttons on a job's message and the edit modal: which buttons each state offers, that a press finds
its way back to the job (also after a restart, through the custom_id alone), and what the modal asks."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any
from unittest.mock import create_autospec

import discord
import pytest

from bot.images.worker import ImageWorker
from bot.jobs.engine import JobEngine
from bot.jobs.generation import ImageGenerator
from bot.jobs.inputs import InputFetcher
from bot.jobs.service import ImagineService
from bot.openroute.client import OpenRouteClient
from bot.policy import Policy
from bot.policy.settings import SettingsService
from bot.storage import SqliteStore
from cogs.imagine.commands import Imagine
from cogs.imagine.views import (
    DYNAMIC_ITEMS,
    CancelButton,
    DeleteButton,
    EditButton,
    EditPromptModal,
    RegenerateButton,
    RemixButton,
    UpscaleButton,
    VaryStrongButton,
    VarySubtleButton,
    failure_view,
    result_view,
    running_view,
)

JOB_ID = 4021
HUGE_ID = int("9" * 25)  # no database holds it, yet a crafted or stale custom_id may carry it


class FakeResponse:
    """The part of `InteractionResponse` a button or modal uses; records what the user was told."""

    def __init__(self, followups: list[tuple[str, bool]]) -> None:
        self.messages = followups  # the reply and the followups, in order
        self.type: discord.InteractionResponseType | None = None

    def is_done(self) -> bool:
        return self.type is not None

    async def defer(self, *, thinking: bool = False, **_: Any) -> None:
        self.type = (discord.InteractionResponseType.deferred_channel_message if thinking
                     else discord.InteractionResponseType.deferred_message_update)

    async def send_message(self, content: str, *, ephemeral: bool = False, **_: Any) -> None:
        self.type = discord.InteractionResponseType.channel_message
        self.messages.append((content, ephemeral))


class FakeFollowup:
    def __init__(self, sent: list[tuple[str, bool]]) -> None:
        self._sent = sent

    async def send(self, content: str, *, ephemeral: bool = False, **_: Any) -> None:
        self._sent.append((content, ephemeral))


class FakeClient:
    def __init__(self, cog: object | None) -> None:
        self._cog = cog

    def get_cog(self, name: str) -> object | None:
        return self._cog if name == "Imagine" else None


class FakeUser:
    id = 1001


class FakeInteraction:
    """The part of `discord.Interaction` the views touch."""

    def __init__(self, cog: object | None = None) -> None:
        self.client = FakeClient(cog)
        self.extras: dict[str, Any] = {}
        self.user = FakeUser()
        self.message: discord.Message | None = None
        said: list[tuple[str, bool]] = []
        self.response = FakeResponse(said)
        self.followup = FakeFollowup(said)
        self.deleted_original = False
        self.locale = discord.Locale.american_english  # the member's language, as Discord reports it

    async def delete_original_response(self) -> None:
        self.deleted_original = True


class RecordingCog:
    def __init__(self, error: Exception | None = None) -> None:
        self.presses: list[tuple[str, int]] = []
        self._error = error

    async def press(self, interaction: FakeInteraction, action: str, job_id: int) -> None:
        self.presses.append((action, job_id))
        if self._error is not None:
            raise self._error


def custom_ids(view: discord.ui.View) -> list[str]:
    return [item.custom_id for item in view.children]  # type: ignore[attr-defined]


def labels(view: discord.ui.View) -> list[str]:
    return [item.item.label for item in view.children]  # type: ignore[attr-defined]


async def press(button_type: type[Any], custom_id: str, interaction: FakeInteraction) -> Any:
    """What discord.py does when a component with `custom_id` is pressed: match the template (the whole
    id), rebuild the button from the match, run its callback. Returns the rebuilt button."""
    match = button_type.__discord_ui_compiled_template__.fullmatch(custom_id)
    assert match is not None
    button = await button_type.from_custom_id(interaction, discord.ui.Button(custom_id=custom_id), match)
    await button.callback(interaction)
    return button


# --- which buttons each state offers ----------------------------------------------------------------------

def test_a_running_job_offers_only_cancel() -> None:
    view = running_view(JOB_ID)

    assert custom_ids(view) == [f"imagine:cancel:{JOB_ID}"]
    assert labels(view) == ["Cancel"]
    assert view.timeout is None  # persistent: still works hours later


def test_a_single_image_offers_its_actions_and_one_upscale_naming_the_size() -> None:
    view = result_view(JOB_ID, images=1, upscale_to="2K")

    assert custom_ids(view) == [f"imagine:regen:{JOB_ID}", f"imagine:edit:{JOB_ID}", f"imagine:remix:{JOB_ID}",
                                f"imagine:delete:{JOB_ID}", f"imagine:up:{JOB_ID}:1", f"imagine:vary:{JOB_ID}:1",
                                f"imagine:varyb:{JOB_ID}:1"]
    assert labels(view) == ["Regenerate", "Edit", "Remix", "Delete", "Upscale to 2K", "Vary (subtle)",
                            "Vary (strong)"]
    assert view.timeout is None


def test_several_images_get_a_row_of_upscales_and_a_row_of_variations_numbered_like_the_grid() -> None:
    view = result_view(JOB_ID, images=4, upscale_to="4K")

    rows: dict[int, list[str]] = {}
    for item in view.children:
        rows.setdefault(item.row or 0, []).append(item.item.label)  # type: ignore[attr-defined]
    assert rows == {0: ["Regenerate", "Edit", "Remix", "Delete"], 1: ["U1", "U2", "U3", "U4"],
                    2: ["V1", "V2", "V3", "V4"]}
    assert f"imagine:up:{JOB_ID}:2" in custom_ids(view)
    assert f"imagine:varyb:{JOB_ID}:4" in custom_ids(view)


@pytest.mark.parametrize("images", [1, 3])
def test_no_upscale_is_offered_where_no_larger_size_exists(images: int) -> None:
    ids = custom_ids(result_view(JOB_ID, images=images, upscale_to=None))

    assert not any(custom_id.startswith("imagine:up:") for custom_id in ids)
    assert any(custom_id.startswith("imagine:vary") for custom_id in ids)


def test_a_retryable_failure_offers_retry_and_delete() -> None:
    view = failure_view(JOB_ID, retryable=True)

    assert custom_ids(view) == [f"imagine:regen:{JOB_ID}", f"imagine:delete:{JOB_ID}"]
    assert labels(view) == ["Retry", "Delete"]


def test_a_failure_that_retrying_cannot_fix_offers_only_delete() -> None:
    view = failure_view(JOB_ID, retryable=False)

    assert custom_ids(view) == [f"imagine:delete:{JOB_ID}"]
    assert labels(view) == ["Delete"]


def test_delete_looks_dangerous_and_the_others_do_not() -> None:
    styles = {item.custom_id: item.item.style for item in result_view(JOB_ID, upscale_to="2K").children}  # type: ignore[attr-defined]

    assert styles[f"imagine:delete:{JOB_ID}"] is discord.ButtonStyle.danger
    assert styles[f"imagine:regen:{JOB_ID}"] is discord.ButtonStyle.secondary


# --- finding the job again from the custom_id -------------------------------------------------------------

@pytest.mark.parametrize(
    ("button_type", "action"),
    [(RegenerateButton, "regen"), (EditButton, "edit"), (DeleteButton, "delete"), (CancelButton, "cancel"),
     (RemixButton, "remix")],
)
@pytest.mark.parametrize("job_id", [1, JOB_ID, HUGE_ID])
async def test_a_pressed_button_hands_its_action_and_job_id_to_the_cog(button_type: type[Any], action: str,
                                                                         job_id: int) -> None:
    custom_id = button_type(job_id).custom_id
    assert custom_id == f"imagine:{action}:{job_id}"
    cog = RecordingCog()
    interaction = FakeInteraction(cog)

    button = await press(button_type, custom_id, interaction)

    assert button.job_id == job_id
    assert cog.presses == [(action, job_id)]
    assert interaction.extras["job_id"] == job_id  # so an error logged for this press names the job


def own_custom_id(button_type: type[Any]) -> str:
    if button_type in IMAGE_BUTTONS:
        return button_type(JOB_ID, 2, label="x").custom_id
    return button_type(JOB_ID).custom_id


IMAGE_BUTTONS = (UpscaleButton, VarySubtleButton, VaryStrongButton)


def test_each_template_claims_only_its_own_action() -> None:
    for button_type in DYNAMIC_ITEMS:
        template: re.Pattern[str] = button_type.__discord_ui_compiled_template__
        assert template.fullmatch(own_custom_id(button_type)) is not None
        for other_type in DYNAMIC_ITEMS:
            if other_type is not button_type:
                assert template.fullmatch(own_custom_id(other_type)) is None


class RecordingActions:
    def __init__(self) -> None:
        self.presses: list[tuple[str, int, int]] = []

    async def press_image(self, interaction: FakeInteraction, action: str, job_id: int, image: int) -> None:
        self.presses.append((action, job_id, image))


@pytest.mark.parametrize(("button_type", "action"),
                         [(UpscaleButton, "up"), (VarySubtleButton, "vary"), (VaryStrongButton, "varyb")])
@pytest.mark.parametrize("job_id", [1, HUGE_ID])
async def test_a_pressed_image_button_hands_its_job_and_image_number_to_the_cog(
        button_type: type[Any], action: str, job_id: int) -> None:
    cog = RecordingCog()
    cog.actions = RecordingActions()  # type: ignore[attr-defined]
    interaction = FakeInteraction(cog)

    await press(button_type, f"imagine:{action}:{job_id}:3", interaction)

    assert cog.actions.presses == [(action, job_id, 3)]  # type: ignore[attr-defined]
    assert interaction.extras["job_id"] == job_id


@pytest.mark.parametrize("custom_id", ["imagine:regen:", "imagine:regen:12a", "imagine:regen:-5",
                                       "imagine:regen:12:extra", "other:regen:12", "imagine:up:12",
                                       "imagine:up:12:0", "imagine:vary:12:10", "imagine:varyb:12:x"])
def test_a_malformed_custom_id_matches_no_button(custom_id: str) -> None:
    assert all(button_type.__discord_ui_compiled_template__.fullmatch(custom_id) is None
               for button_type in DYNAMIC_ITEMS)


@pytest.fixture
async def service() -> AsyncIterator[ImagineService]:
    """The real service over an empty in-memory database; nothing else of it is used here."""
    store = await SqliteStore.open(":memory:")
    yield ImagineService(
        store=store, engine=JobEngine(max_concurrent=1, max_per_user=1, max_queue=1),
        generator=create_autospec(ImageGenerator, instance=True, spec_set=True),
        policy=create_autospec(Policy, instance=True, spec_set=True),
        client=create_autospec(OpenRouteClient, instance=True, spec_set=True),
        inputs=create_autospec(InputFetcher, instance=True, spec_set=True),
        images=create_autospec(ImageWorker, instance=True, spec_set=True),
        guilds=create_autospec(SettingsService, instance=True, spec_set=True))
    await store.close()


class PressingCog:
    """The cog's real button handling over a given service (the rest of the cog is not needed for it)."""

    press = Imagine.press
    _job_shown_here = Imagine._job_shown_here
    _shown_here = Imagine._shown_here
    _gone = Imagine._gone

    def __init__(self, service: ImagineService) -> None:
        self.service = service


@pytest.mark.parametrize("job_id", [JOB_ID, HUGE_ID])
async def test_a_button_of_an_unknown_job_is_answered_as_unknown(service: ImagineService, job_id: int) -> None:
    interaction = FakeInteraction(PressingCog(service))

    await press(DeleteButton, f"imagine:delete:{job_id}", interaction)

    assert interaction.response.messages == [("That job is no longer known to the bot.", True)]


async def test_a_press_that_fails_tells_the_user_instead_of_leaving_them_waiting() -> None:
    cog = RecordingCog(error=RuntimeError("storage is gone"))
    interaction = FakeInteraction(cog)

    await press(RegenerateButton, f"imagine:regen:{JOB_ID}", interaction)

    assert interaction.response.messages == [
        ("⚠️ Something went wrong on our side. The error was logged; try again.", True)]


# --- the edit modal ------------------------------------------------------------------------------------------

class Submissions:
    def __init__(self) -> None:
        self.received: list[tuple[str, int]] = []

    async def __call__(self, interaction: discord.Interaction, prompt: str, which: int) -> None:
        self.received.append((prompt, which))


def field_labels(modal: discord.ui.Modal) -> list[str]:
    return [item.to_component_dict()["label"] for item in modal.children]  # type: ignore[attr-defined]


def submit_values(modal: discord.ui.Modal, *values: str) -> None:
    """Fill the fields, in order, the way discord.py reads a submitted modal's payload."""
    fields = modal.children
    components = [{"type": 1, "components": [{"type": 4, "custom_id": field.custom_id, "value": value}]}
                  for field, value in zip(fields, values, strict=True)]  # type: ignore[attr-defined]
    modal._refresh(FakeInteraction(), components, {})  # type: ignore[arg-type]


def test_the_modal_for_one_image_asks_only_what_should_change() -> None:
    modal = EditPromptModal(on_submit_cb=Submissions(), image_count=1)

    assert field_labels(modal) == ["What should change?"]


def test_the_modal_for_several_images_also_asks_which_one() -> None:
    modal = EditPromptModal(on_submit_cb=Submissions(), image_count=3)

    assert field_labels(modal) == ["What should change?", "Which image (1-3)"]


async def test_the_modal_passes_the_new_prompt_and_the_chosen_image() -> None:
    submissions = Submissions()
    modal = EditPromptModal(on_submit_cb=submissions, image_count=3, default="a red fox")
    submit_values(modal, "make the fox blue", " 2 ")

    await modal.on_submit(FakeInteraction())  # type: ignore[arg-type]

    assert submissions.received == [("make the fox blue", 2)]


async def test_the_modal_for_one_image_always_edits_the_first() -> None:
    submissions = Submissions()
    modal = EditPromptModal(on_submit_cb=submissions, image_count=1)
    submit_values(modal, "make the fox blue")

    await modal.on_submit(FakeInteraction())  # type: ignore[arg-type]

    assert submissions.received == [("make the fox blue", 1)]


@pytest.mark.parametrize("typed", ["³", "٢", "x", "0", "3", "-1", "", " ", "1.5"])
async def test_an_image_number_outside_1_to_count_is_refused_with_a_clear_private_message(typed: str) -> None:
    submissions = Submissions()
    modal = EditPromptModal(on_submit_cb=submissions, image_count=2)
    submit_values(modal, "sunset", typed)
    interaction = FakeInteraction()

    await modal.on_submit(interaction)  # type: ignore[arg-type]

    assert submissions.received == []
    assert interaction.response.messages == [
        ("⚠️ Type the number of one of the images, from 1 to 2, then press Edit again.", True)]


def test_the_modal_starts_from_the_previous_prompt() -> None:
    modal = EditPromptModal(on_submit_cb=Submissions(), image_count=2, default="a red fox")

    assert modal.prompt.default == "a red fox"
    assert modal.which is not None
    assert modal.which.default == "1"
