"""Reading a describe model's answer as prompts, however the model wrote its list."""

from __future__ import annotations

import pytest

from bot.jobs.prompts import MAX_PROMPT_CHARS, parse_prompts

FOUR = ("a red fox in fresh snow, morning light", "a lighthouse at dusk, oil painting",
        "a cat on a windowsill, watercolour", "a city street in the rain, neon")


@pytest.mark.parametrize("answer", [
    "Here are four prompts:\n1. a red fox in fresh snow, morning light\n2. a lighthouse at dusk, oil painting\n"
    "3. a cat on a windowsill, watercolour\n4. a city street in the rain, neon\nLet me know if you want more!",
    "1) a red fox in fresh snow, morning light\n2) a lighthouse at dusk, oil painting\n"
    "(3) a cat on a windowsill, watercolour\n4 - a city street in the rain, neon",
    "**1.** a red fox in fresh snow, morning light\n\n**2.** a lighthouse at dusk, oil painting\n\n"
    "**3.** a cat on a windowsill, watercolour\n\n**4.** a city street in the rain, neon",
    "Prompt 1: a red fox in fresh snow, morning light\nPrompt 2: a lighthouse at dusk, oil painting\n"
    "**Prompt 3:** a cat on a windowsill, watercolour\n#4: a city street in the rain, neon",
], ids=["numbered with a lead-in and a remark", "parentheses and dashes", "bold numbers", "prompt labels"])
def test_numbered_prompts_are_read_whatever_the_numbering(answer):
    assert parse_prompts(answer) == FOUR


def test_bulleted_prompts_are_read_and_the_lead_in_dropped():
    answer = "Some ideas:\n- a red fox in fresh snow, morning light\n* a lighthouse at dusk, oil painting\n" \
             "• a cat on a windowsill, watercolour\n+ a city street in the rain, neon"
    assert parse_prompts(answer) == FOUR


def test_quotes_bold_and_a_prompt_label_around_a_prompt_are_taken_off():
    answer = '1. "a red fox in fresh snow, morning light"\n2. “a lighthouse at dusk, oil painting”\n' \
             "3. **a cat on a windowsill, watercolour**\n4. Prompt: 'a city street in the rain, neon'"
    assert parse_prompts(answer) == FOUR


def test_quoted_lines_without_numbers_are_the_prompts():
    answer = 'Try these:\n"a red fox in fresh snow, morning light"\nor perhaps\n"a lighthouse at dusk, oil painting"'
    assert parse_prompts(answer) == FOUR[:2]


def test_plain_lines_are_prompts_when_there_are_several():
    assert parse_prompts("\n".join(FOUR)) == FOUR


def test_more_than_four_keeps_the_first_four():
    answer = "\n".join(f"{n}. prompt number {n}" for n in range(1, 8))
    assert parse_prompts(answer) == tuple(f"prompt number {n}" for n in range(1, 5))


def test_fewer_than_four_gives_what_came():
    assert parse_prompts("Only two fit:\n1. a red fox in fresh snow, morning light\n2. a lighthouse at dusk, "
                         "oil painting") == FOUR[:2]


def test_an_item_runs_on_over_its_indented_lines_and_under_its_heading():
    answer = "### Prompt 1\na red fox in fresh snow,\nmorning light\n\n### Prompt 2\na lighthouse at dusk,\n" \
             "oil painting\n\n3. a cat on a windowsill,\n   watercolour\n4. a city street in the rain, neon\n" \
             "Enjoy!"
    assert parse_prompts(answer) == FOUR


def test_a_prompt_given_twice_counts_once():
    assert parse_prompts("1. a fox\n2. A fox\n3. a fox\n4. a cat") == ("a fox", "A fox", "a cat")


@pytest.mark.parametrize("answer", ["", "   \n\n", "I'm sorry, but I can't describe this picture.",
                                    "Here are four prompts for this picture:", "1.\n2.\n"])
def test_an_answer_without_a_prompt_gives_none(answer):
    assert parse_prompts(answer) == ()


def test_a_decimal_number_does_not_start_an_item():
    assert parse_prompts("1. a poster\n1.5 metres tall") == ("a poster",)


def test_a_very_long_prompt_is_cut_at_a_word_within_the_prompt_limit():
    [prompt] = parse_prompts("1. " + "snowy fox " * 200)
    assert len(prompt) <= MAX_PROMPT_CHARS
    assert prompt.endswith("fox")


def test_control_characters_and_runs_of_spaces_are_dropped():
    assert parse_prompts("1. a\tred \x00fox   in snow\n2. b") == ("a red fox in snow", "b")
