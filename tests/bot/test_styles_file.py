"""STYLES_FILE: the operator's default styles read at start-up, and every way a file can be wrong stopping the
start-up with one line that names the file and the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, settings_from_env
from bot.records.guild import Style

GOOD = """\
# the bot's default styles
[[style]]
name = "Watercolour"
text = "watercolour,   soft light,\\npaper texture"

[[style]]
name = "  noir  "
text = "film noir, high contrast"
"""


def styles_file(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "styles.toml"
    path.write_text(content, encoding="utf-8")
    return path


def refusal(env: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as caught:
        settings_from_env(env)
    return str(caught.value)


def test_without_a_styles_file_there_are_no_default_styles():
    settings = settings_from_env({})
    assert (settings.styles_file, settings.styles) == (None, ())


def test_a_good_file_gives_its_styles_by_name_each_on_one_line(tmp_path):
    path = styles_file(tmp_path, GOOD)

    settings = settings_from_env({"STYLES_FILE": str(path)})

    assert settings.styles_file == path
    assert settings.styles == (Style(name="noir", text="film noir, high contrast"),
                               Style(name="Watercolour", text="watercolour, soft light, paper texture"))


def test_malformed_toml_names_the_file_and_the_line(tmp_path):
    path = styles_file(tmp_path, '[[style]]\nname = "Noir"\ntext = "film noir\n')

    said = refusal({"STYLES_FILE": str(path)})

    assert said.startswith(f"STYLES_FILE {path}, line 3: not valid TOML: ")
    assert "(at line" not in said  # the line is said once, where the reader looks for it


@pytest.mark.parametrize(("third_style", "problem"), [
    pytest.param('name = "Pastel"', "a style needs a name and a text, both strings", id="no text"),
    pytest.param('name = "Pastel"\ntext = 3', "a style needs a name and a text, both strings", id="text not a string"),
    pytest.param(f'name = "{"x" * 101}"\ntext = "pastel"', "A style's name has at most 100 characters; this one "
                 "has 101.", id="name too long"),
    pytest.param(f'name = "Pastel"\ntext = "{"x" * 301}"', "A style's text has at most 300 characters; this one "
                 "has 301.", id="text too long"),
    pytest.param('name = "   "\ntext = "pastel"', "Give the style a name.", id="blank name"),
    pytest.param('name = "NOIR"\ntext = "pastel"', "a second style named `NOIR` (names are compared whatever their "
                 "case)", id="a name taken in another case"),
    pytest.param('name = "Pastel"\ntext = "pastel"\nweight = 2', "unknown key `weight`; a style has a name and a "
                 "text", id="unknown key"),
])
def test_a_bad_style_names_the_line_of_its_table(tmp_path, third_style, problem):
    path = styles_file(tmp_path, GOOD + f"\n[[style]]\n{third_style}\n")  # its [[style]] is on line 10

    assert refusal({"STYLES_FILE": str(path)}) == f"STYLES_FILE {path}, line 10: {problem}"


def test_a_style_with_an_operator_blocked_term_stops_the_start_up(tmp_path):
    path = styles_file(tmp_path, GOOD)

    said = refusal({"STYLES_FILE": str(path), "OPERATOR_BLOCKED_WORDS": "contrast"})

    assert said == (f"STYLES_FILE {path}, line 6: the style's text contains `contrast`, which "
                    "OPERATOR_BLOCKED_WORDS blocks")


@pytest.mark.parametrize(("content", "problem"), [
    pytest.param('[style]\nname = "Noir"\ntext = "noir"\n', "`style` must be a list of tables", id="one table"),
    pytest.param('[styles.noir]\ntext = "noir"\n', "unknown key or table `styles`", id="another table"),
])
def test_a_file_not_shaped_as_a_list_of_styles_says_how_to_write_one(tmp_path, content, problem):
    path = styles_file(tmp_path, content)

    said = refusal({"STYLES_FILE": str(path)})

    assert said.startswith(f"STYLES_FILE {path}: {problem}")
    assert said.endswith("write each style as a [[style]] table with a name and a text")


def test_more_styles_than_a_suggestion_list_shows_are_refused(tmp_path):
    path = styles_file(tmp_path, "".join(f'[[style]]\nname = "s{n}"\ntext = "t"\n' for n in range(26)))

    assert refusal({"STYLES_FILE": str(path)}) == (f"STYLES_FILE {path}: 26 styles; at most 25 (as many as one "
                                                   "suggestion list shows)")


def test_a_missing_or_unreadable_file_is_named(tmp_path):
    missing = tmp_path / "nowhere.toml"
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe[[style]]")

    assert refusal({"STYLES_FILE": str(missing)}) == f"STYLES_FILE {missing} does not exist"
    assert refusal({"STYLES_FILE": str(tmp_path)}) == f"STYLES_FILE {tmp_path} is a folder, not a file"
    assert refusal({"STYLES_FILE": str(binary)}) == f"STYLES_FILE {binary} is not UTF-8 text"
