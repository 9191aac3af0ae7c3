"""Refusals and names as members read them: what a member or moderator typed into them (a model id, a block
reason, a file name) is inert — no live link, no formatting, no mention — and capped, like prompts."""

from __future__ import annotations

import re

import pytest

from bot.jobs.errors import InputNotAnImage
from cogs.imagine.render import code, inert, input_refusal, refusal, unknown_model

LINK = "[Claim Nitro](https://example.com)"
HOSTILE = f"{LINK} @everyone <@1> <#2> **bold** __u__ ~~s~~ ||spoiler|| # heading"


def outside_code_spans(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


def assert_inert(text: str) -> None:
    plain = outside_code_spans(text)
    assert "](" not in plain  # a masked link needs `](` unescaped
    for live in ("@everyone", "<@1>", "<#2>", "**bold**", "__u__", "~~s~~", "||spoiler||"):
        assert live not in plain, live


def test_a_refusal_keeps_the_cores_code_spans_and_plain_words():
    assert refusal("`kiwi/art` is not on this server's list.") == "🚫 `kiwi/art` is not on this server's list."
    assert refusal("Slow down a little: you can ask again in 5 seconds.") == (
        "🚫 Slow down a little: you can ask again in 5 seconds.")


def test_a_block_reason_inside_a_refusal_is_inert():
    shown = refusal(f"A moderator blocked you from using /imagine on this server. Reason: {HOSTILE}")

    assert shown.startswith("🚫 A moderator blocked you from using /imagine on this server. Reason: ")
    assert_inert(shown)


def test_a_model_id_that_breaks_its_code_span_leaves_nothing_live():
    shown = refusal("`x` [Claim Nitro](https://example.com)` is not an image model this bot can use.")

    assert_inert(shown)


def test_a_refusal_fits_one_message_whatever_it_quotes():
    shown = refusal(f"`{'m' * 5000}` is not an image model this bot can use. Reason: {'r' * 5000}")

    assert len(shown) <= 2000
    assert f"`{'m' * 99}…`" in shown


@pytest.mark.parametrize("model", ["x" * 2000, f"x` {LINK}", "a\nb `c`"])
def test_an_impossible_model_is_refused_in_a_short_inert_sentence(model):
    shown = unknown_model(model)

    assert shown.endswith("` is not an image model this bot can use. Pick one from the list.")
    assert len(shown) < 200
    assert shown.count("`") == 2
    assert_inert(shown)


def test_code_is_one_capped_line():
    assert code("a\nb  c") == "`a b c`"
    assert code("x" * 500) == f"`{'x' * 99}…`"
    assert code("a`b") == "`aˋb`"


def test_a_long_file_name_is_capped_in_the_input_refusal():
    shown = input_refusal(InputNotAnImage(f"{'n' * 3000}{LINK}.gif"))

    assert len(shown) < 200
    assert shown.endswith(" is not a PNG, JPEG or WebP image.")
    assert_inert(shown)


def test_inert_escapes_what_a_sentence_says_outside_its_code_spans():
    assert inert("a `b*` c*") == "a `b*` c\\*"
