"""What /imagine and /blend suggest while a member types: models (only those that read images, for /blend),
sizes and styles, each within Discord's limits (25 suggestions, 100 characters)."""

from __future__ import annotations

from decimal import Decimal

from bot.i18n import Speaker
from bot.openroute.types import ImageModel, ModelPricing
from bot.records.guild import Style
from cogs.imagine.suggest import model_choices, model_label, size_choices, style_choices, takes_images
from cogs.settings.render import model_choice_name


def test_models_match_what_was_typed_in_their_id_or_name_and_show_their_price() -> None:
    models = [ImageModel(id="google/gemini-2.5-flash-image", name="Nano Banana",
                         pricing=ModelPricing(image_output=Decimal("0.039"))),
              ImageModel(id="black-forest-labs/flux.2-pro", name="FLUX.2 [pro]")]

    assert [c.value for c in model_choices(models, "banana")] == ["google/gemini-2.5-flash-image"]
    assert [c.value for c in model_choices(models, " FLUX")] == ["black-forest-labs/flux.2-pro"]
    assert "$0.039" in model_choices(models, "")[0].name
    assert len(model_choices([ImageModel(id=f"m/{n}", name="m") for n in range(40)], "")) == 25


def test_a_model_reads_images_unless_its_listing_says_it_reads_text_only() -> None:
    assert takes_images(ImageModel(id="a", name="a", input_modalities=("text", "image")))
    assert takes_images(ImageModel(id="b", name="b"))  # the listing says nothing: given the benefit
    assert not takes_images(ImageModel(id="c", name="c", input_modalities=("text",)))


def test_sizes_are_offered_smallest_first_and_filtered_by_what_was_typed() -> None:
    assert [c.value for c in size_choices(("1K", "2K", "4K"), "")] == ["1K", "2K", "4K"]
    assert [c.value for c in size_choices(("1K", "2K", "4K"), "4k")] == ["4K"]
    assert size_choices(("1K",), "2") == []


def test_a_style_shows_its_text_within_100_characters_and_is_picked_by_its_name() -> None:
    styles = [Style(name="Noir", text="film noir, high contrast"),
              Style(name="Long", text="x" * 300)]

    noir, long = style_choices(styles, "")
    assert (noir.name, noir.value) == ("Noir — film noir, high contrast", "Noir")
    assert len(long.name) == 100
    assert long.name.endswith("…")
    assert [c.value for c in style_choices(styles, "contrast")] == ["Noir"]  # its text matches too
    assert len(style_choices([Style(name=f"s{n}", text="t") for n in range(30)], "")) == 25


def test_settings_suggests_models_with_the_price_written_as_the_moderator_reads_it() -> None:
    model = ImageModel(id="google/gemini-2.5-flash-image", name="Nano Banana",
                       pricing=ModelPricing(image_output=Decimal("0.039")))
    german = Speaker.for_locale("de")
    assert model_choice_name(model, german) == model_label(model, german)  # the same label /imagine suggests
    assert "0,039" in model_choice_name(model, german)
    assert model_choice_name(model) == "google/gemini-2.5-flash-image — $0.039/image"
