"""How a job reads in Discord: its progress, its result and its failure, and how text from outside the bot
(prompts, model ids, the model's words, the provider's messages) is kept from formatting our messages."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.i18n import Speaker
from bot.images.fit import FitResult, FittedImage
from bot.jobs.errors import InputNotAnImage
from bot.jobs.generation import GenerationOutput
from bot.jobs.progress import Phase, Progress
from bot.openroute.errors import BadRequest, ContentRefused, NoImageReturned, RateLimited, StreamError
from bot.openroute.types import GenerationResult, Usage
from bot.records.spec import InputRef, JobSpec
from cogs.imagine.render import (
    MODEL_TEXT_LIMIT,
    describe_options,
    escape,
    failure_content,
    final_content,
    fit_notes,
    format_bytes,
    format_elapsed,
    input_refusal,
    progress_content,
    render_bar,
    render_progress,
    tail,
)

TEN_MB = 10 * 1024 * 1024
# what a hostile provider or model might say: a hidden link, formatting, mentions and a code span
HOSTILE = "see [click](https://evil.example) **bold** @everyone <@123> `rm -rf`"
# every character `escape` must neutralise (the backslash itself included)
SPECIAL = "\\*_~`|<>#[]()"


def make_spec(**changes: object) -> JobSpec:
    fields: dict[str, object] = {
        "requester_id": 1001, "guild_id": 2002, "channel_id": 3003, "is_dm": False,
        "prompt": "a lighthouse at dusk", "model": "google/gemini-2.5-flash-image",
    }
    fields.update(changes)
    return JobSpec(**fields)  # type: ignore[arg-type]


def live_markup(shown: str) -> str:
    """What is left of `shown` that Discord would still read as markup: escape pairs removed."""
    return re.sub(r"\\.", "", shown)


def assert_inert(shown: str) -> None:
    """No masked link, formatting, code span or mention survives in `shown`."""
    assert re.search(r"[*_~`|<>\[\]()]", live_markup(shown)) is None
    assert re.search(r"@(?!\u200b)", shown) is None
    assert "[click](" not in shown


def fitted(action: str, *, mime_type: str = "image/png", width: int = 1024, height: int = 1024) -> FittedImage:
    return FittedImage(data=b"img", filename="image.png", mime_type=mime_type, width=width, height=height,
                       action=action, scale=1.0)  # type: ignore[arg-type]


def result(cost: str | None) -> GenerationResult:
    usage = Usage(cost=Decimal(cost)) if cost is not None else None
    return GenerationResult(images=(), text="", finish_reason="stop", usage=usage, generation_id="gen-1",
                            model="google/gemini-2.5-flash-image")


# --- each phase -------------------------------------------------------------------------------------------

def test_queued_shows_the_place_in_line_and_time_since_the_request() -> None:
    text = render_progress(Progress(queue_position=3), now=104.0, created_at=100.0)

    assert text == "**Queued** · #3 in line · 4s"


def test_queued_without_a_known_place_still_shows_the_time() -> None:
    assert render_progress(Progress(), now=10.0, created_at=10.0) == "**Queued** · 0s"


def test_waiting_shows_the_model_text_under_a_bar() -> None:
    progress = Progress(phase=Phase.WAITING, started_at=100.0, model_text="Sketching a red fox")

    lines = render_progress(progress, now=107.0, created_at=90.0).split("\n")

    assert lines[0] == "**Waiting for the model…** · 7s"  # counted from when work began
    assert re.fullmatch(r"`[▰▱]{16}` [5-9]%|`[▰▱]{16}` 1[0-4]%", lines[1])
    assert lines[2] == "> Sketching a red fox"


def test_waiting_without_model_text_has_no_quote_line() -> None:
    text = render_progress(Progress(phase=Phase.WAITING, started_at=0.0), now=1.0, created_at=0.0)

    assert len(text.split("\n")) == 2


def test_receiving_shows_which_image_and_how_much_arrived() -> None:
    progress = Progress(phase=Phase.RECEIVING, images_done=0, images_total=2, bytes_received=3_100_000,
                        started_at=0.0)

    title, bar = render_progress(progress, now=12.4, created_at=0.0).split("\n")

    assert title == "**Receiving image 1/2** · 3.1 MB so far · 12s"
    assert re.fullmatch(r"`[▰▱]{16}` \d{1,3}%", bar)


def test_receiving_a_single_image_does_not_count_images() -> None:
    progress = Progress(phase=Phase.RECEIVING, bytes_received=420_000, started_at=0.0)

    assert render_progress(progress, now=3.0, created_at=0.0).startswith("**Receiving image** · 420 KB so far")


@pytest.mark.parametrize(
    ("phase", "title"),
    [
        (Phase.DECODING, "**Decoding image** · 20s"),
        (Phase.UPLOADING, "**Uploading** · 20s"),
        (Phase.DONE, "**Done** · 20s"),
        (Phase.FAILED, "**Failed** · 20s"),
        (Phase.CANCELLED, "**Cancelled** · 20s"),
    ],
)
def test_later_phases_have_their_own_title(phase: Phase, title: str) -> None:
    text = render_progress(Progress(phase=phase, started_at=0.0), now=20.0, created_at=0.0)

    assert text.split("\n")[0] == title


def test_decoding_several_images_says_images() -> None:
    progress = Progress(phase=Phase.DECODING, images_total=3, started_at=0.0)

    assert render_progress(progress, now=1.0, created_at=0.0).startswith("**Decoding images** · 1s")


def test_only_active_phases_show_a_bar() -> None:
    for phase in Phase:
        text = render_progress(Progress(phase=phase, started_at=0.0), now=1.0, created_at=0.0)
        has_bar = "`▰" in text or "`▱" in text
        assert has_bar == (phase in (Phase.WAITING, Phase.RECEIVING, Phase.DECODING, Phase.UPLOADING))


def test_the_bar_has_the_requested_width() -> None:
    text = render_progress(Progress(phase=Phase.UPLOADING, started_at=0.0), now=1.0, created_at=0.0, width=20)

    assert text.split("\n")[1] == "`" + "▰" * 19 + "▱" + "` 95%"


@pytest.mark.parametrize(
    ("fraction", "shown"),
    [(0.0, "`▱▱▱▱▱▱▱▱` 0%"), (0.5, "`▰▰▰▰▱▱▱▱` 50%"), (1.0, "`▰▰▰▰▰▰▰▰` 100%"),
     (-0.2, "`▱▱▱▱▱▱▱▱` 0%"), (1.7, "`▰▰▰▰▰▰▰▰` 100%")],
)
def test_the_bar_shows_the_fraction_and_stays_within_its_ends(fraction: float, shown: str) -> None:
    assert render_bar(fraction, width=8) == shown


# --- elapsed time and sizes -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0s"), (0.4, "0s"), (12, "12s"), (59, "59s"), (60, "1m 00s"), (65, "1m 05s"),
     (3599, "59m 59s"), (3600, "1h 00m"), (7380, "2h 03m"), (-3, "0s")],
)
def test_elapsed_time_is_shown_in_whole_units(seconds: float, shown: str) -> None:
    assert format_elapsed(seconds) == shown


def test_elapsed_time_reads_the_same_in_progress_and_result() -> None:
    progress = render_progress(Progress(phase=Phase.DONE, started_at=0.0), now=7380.0, created_at=0.0)
    done = final_content(make_spec(), GenerationOutput(results=(result(None),), images=(), elapsed=7380.0))

    assert "2h 03m" in progress
    assert "2h 03m" in done


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, "0 B"), (999, "999 B"), (1_000, "1 KB"), (420_500, "420 KB"), (3_100_000, "3.1 MB")],
)
def test_sizes_are_shown_in_decimal_units(count: int, shown: str) -> None:
    assert format_bytes(count) == shown


def test_sizes_are_written_with_the_readers_decimal_sign() -> None:
    assert format_bytes(3_100_000, Speaker.for_locale("de")) == "3,1 MB"
    assert format_bytes(1_234_567_890, Speaker.for_locale("en-US")) == "1,234.6 MB"


# --- untrusted text ---------------------------------------------------------------------------------------

def test_long_model_text_keeps_its_latest_part_on_one_line() -> None:
    text = "first line\n" + "word " * 100 + "\nthe latest words"

    shown = tail(text, MODEL_TEXT_LIMIT)

    assert "\n" not in shown
    assert shown.startswith("…")
    assert shown.endswith("the latest words")
    assert len(shown) <= MODEL_TEXT_LIMIT


def test_short_model_text_is_shown_whole() -> None:
    assert tail("  a  quiet\tsea ", MODEL_TEXT_LIMIT) == "a quiet sea"


def test_model_text_cannot_mention_anyone() -> None:
    shown = escape("hey @everyone and @here, ping <@123456789012345678> <@&42>")

    assert "@everyone" not in shown
    assert "@here" not in shown
    assert re.search(r"<@[!&]?\d", shown) is None
    assert all(shown[i + 1] == "\u200b" for i, ch in enumerate(shown) if ch == "@")


def test_model_text_cannot_inject_markdown() -> None:
    hostile = "**bold** __under__ ~~gone~~ `code` ||spoiler|| [link](https://x.y) # head <t:0:R> <:e:1> a\\b"

    shown = escape(hostile)

    assert not any(ch in SPECIAL for ch in live_markup(shown))
    # the words themselves are all still there: only backslashes were added
    assert shown.replace("\\", "") == hostile.replace("\\", "").replace("@", "@\u200b")


def test_a_backslash_in_model_text_cannot_undo_the_escaping() -> None:
    assert escape("\\*x") == "\\\\\\*x"


def test_plain_punctuation_is_left_alone() -> None:
    assert escape("Hello, world: 50% done! Is it ok? -- yes; 'quoted' \"too\"") == (
        "Hello, world: 50% done! Is it ok? -- yes; 'quoted' \"too\""
    )


@settings(deadline=None)
@given(st.text(max_size=600))
def test_rendered_waiting_text_never_has_a_live_mention_or_extra_lines(model_text: str) -> None:
    progress = Progress(phase=Phase.WAITING, started_at=0.0, model_text=model_text)

    text = render_progress(progress, now=1.0, created_at=0.0)

    lines = text.split("\n")
    assert len(lines) <= 3
    assert re.search(r"@(?!\u200b)", text) is None
    if len(lines) == 3:
        quoted = lines[2].removeprefix("> ")
        unescaped = re.sub(r"\\(.)", r"\1", quoted).replace("\u200b", "")
        assert len(unescaped) <= MODEL_TEXT_LIMIT
        assert not any(ch in SPECIAL for ch in live_markup(quoted))


def test_streamed_model_text_shown_while_waiting_is_inert() -> None:
    progress = Progress(phase=Phase.WAITING, started_at=0.0, model_text=f"Thinking… {HOSTILE}")

    content = progress_content(make_spec(), progress, now=3.0, created_at=0.0)

    quoted = content.split("\n")[-1]
    assert quoted.startswith("> Thinking… see ")
    assert_inert(quoted.removeprefix("> "))
    assert "@\u200beveryone" in quoted  # still readable, just defused


@pytest.mark.parametrize(
    "error",
    [
        BadRequest(f"Invalid prompt: {HOSTILE}", status=400),
        NoImageReturned("no image", text=HOSTILE, finish_reason="stop"),
        ContentRefused("blocked", reasons=[HOSTILE]),
        StreamError(HOSTILE),
    ],
    ids=["bad-request", "no-image", "content-refused", "stream-error"],
)
def test_a_failure_quoting_the_provider_or_model_is_inert(error: Exception) -> None:
    content = failure_content(make_spec(), error)

    reason = content.split("\n")[-1]
    assert reason.startswith("⚠️ ")
    assert_inert(reason)
    assert "https://evil.example" in reason  # shown as plain text, not hidden under a label


def test_a_hostile_prompt_cannot_break_the_header() -> None:
    content = failure_content(make_spec(prompt=HOSTILE), BadRequest("nope", status=400))

    first = content.split("\n")[0]
    assert first.startswith("**")
    assert first.endswith("**")
    assert_inert(first.removeprefix("**").removesuffix("**"))


# --- the options line and the result --------------------------------------------------------------------

def test_options_list_what_was_asked_for() -> None:
    spec = make_spec(aspect_ratio="16:9", image_size="2K", count=3, inputs=(InputRef(sha256="0" * 64,
                                                                                   mime_type="image/png"),))

    assert describe_options(spec) == "`google/gemini-2.5-flash-image` · 16:9 · 2K · ×3 · edit"


def test_a_single_plain_request_shows_only_the_model() -> None:
    assert describe_options(make_spec()) == "`google/gemini-2.5-flash-image`"


def test_a_model_id_with_a_backtick_stays_inside_its_code_span() -> None:
    shown = describe_options(make_spec(model="evil`**bold** <@123>`x", aspect_ratio="1:1"))

    span, rest = shown.rsplit(" · ", 1)
    assert rest == "1:1"
    assert span.count("`") == 2
    assert span.startswith("`")
    assert span.endswith("`")
    assert "**bold** <@123>" in span  # kept visible, as code


def test_an_input_file_name_cannot_break_out_of_its_code_span() -> None:
    shown = input_refusal(InputNotAnImage("x`**y**`.gif"))

    assert shown.endswith(" is not a PNG, JPEG or WebP image.")
    assert shown.count("`") == 2


def test_the_result_shows_options_elapsed_cost_and_requester() -> None:
    output = GenerationOutput(results=(result("0.039"), result("0.001")), images=(), elapsed=65.0)

    lines = final_content(make_spec(prompt="a lighthouse at dusk"), output).split("\n")

    assert lines == [
        "**a lighthouse at dusk**",
        "-# `google/gemini-2.5-flash-image` · 1m 05s · $0.04 · by <@1001>",
    ]


def test_a_result_without_a_reported_cost_shows_none() -> None:
    output = GenerationOutput(results=(result(None),), images=(), elapsed=12.0)

    assert final_content(make_spec(), output).split("\n")[1] == (
        "-# `google/gemini-2.5-flash-image` · 12s · by <@1001>"
    )


def test_the_result_tells_how_many_images_failed_and_why_then_the_fit_notes() -> None:
    output = GenerationOutput(results=(result("0.04"),), images=(), elapsed=12.0,
                              failures=(RateLimited("slow down", retry_after=3),))
    fit = FitResult(images=(fitted("optimized"),), dropped=0, max_bytes=TEN_MB)

    lines = final_content(make_spec(count=2), output, fit_notes(fit)).split("\n")

    assert lines[1] == "-# `google/gemini-2.5-flash-image` · ×2 · 12s · $0.04 · by <@1001>"
    assert lines[2] == ("-# 1 of 2 images failed: The image service is rate limited right now. "
                        "Try again in 3 seconds.")
    assert lines[3] == "-# Image 1 was re-compressed to fit Discord's 10 MB upload limit."
    assert len(lines) == 4


def test_a_partial_failure_quoting_the_provider_is_inert() -> None:
    output = GenerationOutput(results=(result(None),), images=(), elapsed=1.0,
                              failures=(BadRequest(HOSTILE, status=400),))

    failure_line = final_content(make_spec(count=2), output).split("\n")[2]

    assert failure_line.startswith("-# 1 of 2 images failed: ")
    assert_inert(failure_line.removeprefix("-# "))


# --- what was done to fit Discord's limits -----------------------------------------------------------------

def test_unchanged_images_need_no_note() -> None:
    fit = FitResult(images=(fitted("original"), fitted("original")), dropped=0, max_bytes=TEN_MB)

    assert fit_notes(fit) == []


@pytest.mark.parametrize(
    ("image", "note"),
    [
        (fitted("optimized"), "Image 1 was re-compressed to fit Discord's 10 MB upload limit."),
        (fitted("original_encoding", mime_type="image/jpeg"),
         "Image 1 was sent as JPEG because the PNG was larger than Discord's 10 MB upload limit."),
        (fitted("original_encoding", mime_type="image/webp"),
         "Image 1 was sent as WebP because the PNG was larger than Discord's 10 MB upload limit."),
        (fitted("downscaled", width=1448, height=1086),
         "Image 1 was downscaled to 1448×1086 to fit Discord's 10 MB upload limit."),
    ],
    ids=["optimized", "jpeg", "webp", "downscaled"],
)
def test_each_fitting_action_has_its_sentence(image: FittedImage, note: str) -> None:
    assert [str(n) for n in fit_notes(FitResult(images=(image,), dropped=0, max_bytes=TEN_MB))] == [note]


def test_notes_name_the_image_they_are_about() -> None:
    fit = FitResult(images=(fitted("original"), fitted("optimized")), dropped=0, max_bytes=8 * 1024 * 1024)

    assert [str(n) for n in fit_notes(fit)] == ["Image 2 was re-compressed to fit Discord's 8 MB upload limit."]


@pytest.mark.parametrize(
    ("dropped", "note"),
    [(1, "1 more image was not sent: a message can carry at most 2 files."),
     (3, "3 more images were not sent: a message can carry at most 2 files.")],
)
def test_dropped_images_are_counted(dropped: int, note: str) -> None:
    fit = FitResult(images=(fitted("original"), fitted("original")), dropped=dropped, max_bytes=TEN_MB)

    assert [str(n) for n in fit_notes(fit)] == [note]


def test_the_audit_line_of_a_generation_names_requester_model_cost_prompt_and_link() -> None:
    from cogs.imagine.render import audit_line

    output = GenerationOutput(results=(result("0.039"),), images=(), elapsed=3.0)
    line = audit_line(make_spec(prompt=HOSTILE), output, "https://discord.com/channels/1/2/3")
    assert "<@1001>" in line
    assert "`google/gemini-2.5-flash-image`" in line
    assert "$0.039" in line
    assert "(https://discord.com/channels/1/2/3)" in line
    assert_inert(line.split("\n> ", 1)[1])  # the prompt cannot format or mention


def test_the_budget_warning_says_how_much_of_the_budget_is_spent() -> None:
    from cogs.imagine.render import budget_warning

    text = budget_warning(Decimal("8.5"), Decimal("10"))
    assert "$8.50 of its $10.00 monthly image budget (85 %)" in text
