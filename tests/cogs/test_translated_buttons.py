"""The buttons, forms, suggestions and describe texts in a reader's own language: read from the catalogue (a small
one here), with the custom_ids that route a press the same in every language, and the English without one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from unittest.mock import create_autospec

import discord
import pytest

from bot.i18n import Catalog, Speaker, english, msg
from bot.jobs.accounting import Accounting
from bot.jobs.describe import DescribeGone, DescribeService, Description, NoPrompts
from bot.jobs.engine import JobEngine
from bot.jobs.inputs import InputFetcher
from bot.jobs.intake import JobIntake
from bot.jobs.ownership import JobOwnership
from bot.jobs.progress import Phase, Progress
from bot.openroute.client import OpenRouteClient
from bot.openroute.types import ImageModel, ModelPricing
from bot.policy import Policy
from bot.policy.settings import SettingsService
from bot.records.spec import JobKind, JobSpec
from bot.storage import SqliteStore
from cogs.describe.render import no_image, no_prompts, progress_content, prompts_content
from cogs.imagine.suggest import model_choices
from cogs.imagine.views import EditPromptModal, RemixModal, failure_view, result_view, running_view, tell_privately

JOB_ID = 4021
GERMAN = Catalog({"de": {
    (None, "Regenerate"): "Neu erzeugen", (None, "Edit"): "Bearbeiten", (None, "Remix"): "Remixen",
    (None, "Delete"): "Löschen", (None, "Cancel"): "Abbrechen", (None, "Retry"): "Erneut versuchen",
    (None, "Upscale to {size}"): "Auf {size} vergrößern", (None, "Vary (subtle)"): "Variieren (leicht)",
    (None, "Vary (strong)"): "Variieren (stark)", (None, "U{number}"): "H{number}", (None, "V{number}"): "V{number}",
    (None, "{price}/image"): "{price}/Bild", (None, "Describe"): "Beschreiben", (None, "by {member}"): "von {member}",
    (None, "Waiting for a free slot…"): "Warte auf einen freien Platz…",
    (None, "Press a number to imagine that prompt with the default model (the model gave {count} prompt)."): (
        "Drücke eine Zahl, um diesen Prompt mit dem Standardmodell zu erzeugen (das Modell gab {count} Prompt).",
        "Drücke eine Zahl, um diesen Prompt mit dem Standardmodell zu erzeugen (das Modell gab {count} Prompts)."),
    (None, "Its answer still cost {cost}, which counts toward your limits."):
        "Die Antwort hat trotzdem {cost} gekostet, was auf deine Limits angerechnet wird.",
    (None, "That message has no PNG, JPEG or WebP image to describe."):
        "Diese Nachricht hat kein PNG-, JPEG- oder WebP-Bild zum Beschreiben.",
    (None, "That describe is no longer known to the bot."): "Diese Beschreibung kennt der Bot nicht mehr.",
}}, {"de": lambda n: 0 if n == 1 else 1})
JAPANESE = Catalog({"ja": {
    (None, "Edit image"): "画像を編集", (None, "What should change?"): "何を変えますか？",
    (None, "make the sky purple"): "空を紫にする", (None, "Which image (1-{last})"): "どの画像 (1-{last})",
    (None, "Type the number of one of the images, from 1 to {last}, then press Edit again."):
        "1 から {last} までの画像の番号を入力して、もう一度「編集」を押してください。",
    (None, "Remix"): "リミックス", (None, "Prompt"): "プロンプト",
    (None, "a fox in the snow, at night"): "夜の雪の中の狐",
}})
SPEC = JobSpec(requester_id=42, guild_id=1, channel_id=2, is_dm=False, prompt="", model="emu/describe",
               kind=JobKind.DESCRIBE)


def german() -> Speaker:
    return Speaker("de", GERMAN)


def japanese() -> Speaker:
    return Speaker("ja", JAPANESE)


def buttons(view: discord.ui.View) -> list[tuple[str, str]]:
    return [(item.item.label, item.custom_id) for item in view.children]  # type: ignore[attr-defined]


def test_a_result_reads_in_the_jobs_language_and_routes_like_the_english_one() -> None:
    for images in (1, 3):
        translated = buttons(result_view(JOB_ID, images=images, upscale_to="2K", speak=german()))
        source = buttons(result_view(JOB_ID, images=images, upscale_to="2K"))
        assert [custom_id for _, custom_id in translated] == [custom_id for _, custom_id in source]
    assert [label for label, _ in buttons(result_view(JOB_ID, images=1, upscale_to="2K", speak=german()))] == [
        "Neu erzeugen", "Bearbeiten", "Remixen", "Löschen", "Auf 2K vergrößern", "Variieren (leicht)",
        "Variieren (stark)"]
    assert [label for label, _ in buttons(result_view(JOB_ID, images=2, upscale_to="4K", speak=german()))][4:] == [
        "H1", "V1", "H2", "V2"]


def test_running_and_failed_jobs_read_in_the_jobs_language() -> None:
    assert buttons(running_view(JOB_ID, speak=german())) == [("Abbrechen", f"imagine:cancel:{JOB_ID}")]
    assert buttons(failure_view(JOB_ID, retryable=True, speak=german())) == [
        ("Erneut versuchen", f"imagine:regen:{JOB_ID}"), ("Löschen", f"imagine:delete:{JOB_ID}")]


def test_a_missing_translation_reads_english() -> None:
    assert buttons(running_view(JOB_ID, speak=Speaker("ja", Catalog({})))) == [("Cancel", f"imagine:cancel:{JOB_ID}")]


async def _ignore(*_: Any) -> None:
    return None


def field(modal: discord.ui.Modal, index: int) -> dict[str, Any]:
    return modal.children[index].to_component_dict()  # type: ignore[attr-defined]


def test_the_forms_read_in_the_language_of_the_member_who_opened_them() -> None:
    edit = EditPromptModal(on_submit_cb=_ignore, image_count=3, speak=japanese())
    assert edit.title == "画像を編集"
    assert (field(edit, 0)["label"], field(edit, 0)["placeholder"]) == ("何を変えますか？", "空を紫にする")
    assert field(edit, 1)["label"] == "どの画像 (1-3)"
    remix = RemixModal(on_submit_cb=_ignore, prompt="a red fox", speak=japanese())
    assert (remix.title, field(remix, 0)["label"]) == ("リミックス", "プロンプト")
    assert field(remix, 0)["value"] == "a red fox"


class Told:
    """An interaction that records what the member was told privately."""

    def __init__(self, locale: discord.Locale = discord.Locale.american_english) -> None:
        self.locale = locale
        self.told: list[str] = []
        self.response = self
        self.user = self

    def is_done(self) -> bool:
        return False

    async def send_message(self, content: str, **_: Any) -> None:
        self.told.append(content)


async def test_the_forms_answer_a_wrong_image_number_in_the_members_language() -> None:
    modal = EditPromptModal(on_submit_cb=_ignore, image_count=2, speak=japanese())
    modal._refresh(Told(), [{"type": 1, "components": [  # type: ignore[arg-type]
        {"type": 4, "custom_id": item.custom_id, "value": value}]}  # type: ignore[attr-defined]
        for item, value in zip(modal.children, ("sunset", "7"), strict=True)], {})
    told = Told()

    await modal.on_submit(told)  # type: ignore[arg-type]

    assert told.told == ["⚠️ 1 から 2 までの画像の番号を入力して、もう一度「編集」を押してください。"]


async def test_a_sentence_told_privately_is_in_the_members_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.i18n.speaker.default_catalog", lambda: GERMAN)
    told = Told(discord.Locale.german)

    await tell_privately(told, msg("That describe is no longer known to the bot."))  # type: ignore[arg-type]

    assert told.told == ["Diese Beschreibung kennt der Bot nicht mehr."]


def test_model_suggestions_show_the_price_the_members_way_and_keep_the_id() -> None:
    models = [ImageModel(id="google/gemini-2.5-flash-image", name="Nano Banana",
                         pricing=ModelPricing(image_output=Decimal("0.039")))]
    (choice,) = model_choices(models, "", german())
    assert (choice.name, choice.value) == ("google/gemini-2.5-flash-image — 0,039\u00a0$/Bild",
                                           "google/gemini-2.5-flash-image")
    assert model_choices(models, "")[0].name == "google/gemini-2.5-flash-image — $0.039/image"


def test_describe_reads_in_the_readers_language() -> None:
    assert progress_content(SPEC, Progress(phase=Phase.QUEUED), german()) == (
        "🔎 **Beschreiben** · `emu/describe` · von <@42>\nWarte auf einen freien Platz…")
    content = prompts_content(SPEC, Description(prompts=("a fox", "a cat"), cost=Decimal("0.0012"), elapsed=3.2),
                              german())
    assert "0,0012\u00a0$" in content
    assert content.endswith("(das Modell gab 2 Prompts).")
    assert no_prompts(NoPrompts("I can't.", Decimal("0.0012")), german()).endswith(
        "Die Antwort hat trotzdem 0,0012\u00a0$ gekostet, was auf deine Limits angerechnet wird.")
    assert no_image(german()) == "Diese Nachricht hat kein PNG-, JPEG- oder WebP-Bild zum Beschreiben."


async def test_a_gone_describe_carries_its_sentence_for_the_presser_and_english_for_the_log() -> None:
    store = await SqliteStore.open(":memory:")
    try:
        service = DescribeService(store=store, **{name: create_autospec(kind, instance=True) for name, kind in (
            ("engine", JobEngine), ("policy", Policy), ("guilds", SettingsService), ("client", OpenRouteClient),
            ("inputs", InputFetcher), ("intake", JobIntake), ("accounting", Accounting),
            ("ownership", JobOwnership))})
        with pytest.raises(DescribeGone) as gone:
            await service.prompt(JOB_ID, 1, message_id=7)
    finally:
        await store.close()
    assert german()(gone.value.message) == "Diese Beschreibung kennt der Bot nicht mehr."
    assert english()(gone.value.message) == gone.value.reason == "That describe is no longer known to the bot."
