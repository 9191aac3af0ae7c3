"""The stand-in refuses localised command texts as Discord does: a bad name or description fails the whole sync."""

from __future__ import annotations

import pytest

from playground.discord import DiscordError
from playground.discord.validation import validate_commands


def command(**extra) -> dict:
    return {"type": 1, "name": "imagine", "description": "Generate an image",
            "options": [{"type": 3, "name": "prompt", "description": "What to draw", "required": True,
                         "choices": [{"name": "Square", "value": "1:1"}]}], **extra}


def test_valid_localisations_are_accepted():
    body = command(name_localizations={"de": "bild", "ja": "画像生成"},
                   description_localizations={"de": "Erzeugt ein Bild"})
    body["options"][0]["name_localizations"] = {"fr": "invite"}
    body["options"][0]["choices"][0]["name_localizations"] = {"fr": "Carré"}
    validate_commands([body, {"type": 3, "name": "Describe image", "name_localizations": {"de": "Bild beschreiben"}}])


@pytest.mark.parametrize(("body", "path"), [
    (command(name_localizations={"de": "Bild Erzeugen"}), "name_localizations"),  # capitals and a space
    (command(name_localizations={"xx": "bild"}), "name_localizations"),  # not a Discord locale
    (command(description_localizations={"fr": "x" * 101}), "description_localizations"),
    ({"type": 3, "name": "Describe image", "name_localizations": {"de": "B" * 33}}, "name_localizations"),
])
def test_a_bad_localisation_fails_the_sync_with_a_form_error(body, path):
    with pytest.raises(DiscordError) as refused:
        validate_commands([body])
    assert refused.value.status == 400
    assert refused.value.code == 50035
    assert path in str(refused.value.errors)


def test_a_bad_option_or_choice_localisation_is_refused_too():
    body = command()
    body["options"][0]["name_localizations"] = {"ru": "Промпт"}  # upper case
    with pytest.raises(DiscordError):
        validate_commands([body])
    body = command()
    body["options"][0]["choices"][0]["name_localizations"] = {"ko": ""}
    with pytest.raises(DiscordError):
        validate_commands([body])
