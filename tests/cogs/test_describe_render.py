"""How a describe reads in Discord: the model's text while it streams, the numbered prompts, and the failures,
with the model's words kept from formatting the message or mentioning anyone."""

from __future__ import annotations

from decimal import Decimal

from bot.jobs.describe import Description, NoPrompts
from bot.jobs.progress import Phase, Progress
from bot.records.spec import JobKind, JobSpec
from cogs.describe.render import SHOWN_PROMPT, no_prompts, progress_content, prompts_content
from cogs.describe.views import prompts_view
from cogs.imagine.render import MESSAGE_LIMIT

HOSTILE = "see [click](https://evil.example) **bold** @everyone <@123> `rm -rf`"
SPEC = JobSpec(requester_id=42, guild_id=1, channel_id=2, is_dm=False, prompt="", model="emu/describe",
               kind=JobKind.DESCRIBE)


def test_the_streamed_text_is_quoted_and_inert():
    content = progress_content(SPEC, Progress(phase=Phase.WAITING, model_text=f"Here:\n1. {HOSTILE}\n"))

    assert "[click](https://evil.example)" not in content
    assert "@everyone" not in content
    assert "<@123>" not in content
    assert "> Here:" in content
    assert content.startswith("🔎 **Describe** · `emu/describe` · by <@42>")


def test_a_long_stream_shows_its_latest_text_within_one_message():
    for text in ("word " * 2000, "*[_]* " * 1000):  # escaping makes the second twice as long
        content = progress_content(SPEC, Progress(phase=Phase.WAITING, model_text=text + "THE END"))
        assert len(content) <= MESSAGE_LIMIT
        assert content.endswith("THE END")


def test_before_any_text_the_reply_says_what_is_happening():
    assert "Waiting for a free slot" in progress_content(SPEC, Progress(phase=Phase.QUEUED))
    assert "looking at the image" in progress_content(SPEC, Progress(phase=Phase.WAITING))


def test_the_prompts_are_numbered_inert_and_four_long_ones_fit_one_message():
    prompts = (HOSTILE, *(f"prompt {n} " + "x" * 990 for n in (2, 3, 4)))
    content = prompts_content(SPEC, Description(prompts=prompts, cost=Decimal("0.0012"), elapsed=3.2))

    assert len(content) <= MESSAGE_LIMIT
    assert "**1.** see \\[click\\]\\(https://evil.example\\)" in content
    assert "@everyone" not in content
    assert all(f"**{n}.** prompt {n}" in content for n in (2, 3, 4))
    assert "$0.0012" in content
    assert "3s" in content
    assert "Press a number to imagine that prompt" in content
    assert max(len(line) for line in content.splitlines()[1:5]) <= SHOWN_PROMPT + 20


def test_fewer_prompts_say_how_many_came():
    content = prompts_content(SPEC, Description(prompts=("a fox",), cost=None, elapsed=1.0))
    assert "**1.** a fox" in content
    assert "the model gave 1 prompt)" in content


def test_no_prompts_says_so_with_what_the_answer_cost():
    assert "$0.0012, which counts toward your limits" in no_prompts(NoPrompts("I can't.", Decimal("0.0012")))
    assert "cost" not in no_prompts(NoPrompts("I can't.", None))


def test_one_button_per_prompt_numbered_from_one():
    view = prompts_view(77, 3)
    assert [(item.item.label, item.custom_id) for item in view.children] == [
        ("1", "describe:77:1"), ("2", "describe:77:2"), ("3", "describe:77:3")]
