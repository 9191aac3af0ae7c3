"""How a job's progress reads in a Discord message."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.jobs.progress import (
    EXPECTED_IMAGE_BYTES,
    MODEL_TEXT_LIMIT,
    Phase,
    Progress,
    escape_untrusted,
    estimate_fraction,
    format_bytes,
    format_elapsed,
    render_progress,
)

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


def test_only_active_phases_show_a_bar() -> None:
    for phase in Phase:
        text = render_progress(Progress(phase=phase, started_at=0.0), now=1.0, created_at=0.0)
        has_bar = "`▰" in text or "`▱" in text
        assert has_bar == (phase in (Phase.WAITING, Phase.RECEIVING, Phase.DECODING, Phase.UPLOADING))


def test_a_note_is_shown_as_the_last_line_escaped() -> None:
    progress = Progress(phase=Phase.FAILED, started_at=0.0, note="The model refused: **policy**")

    assert render_progress(progress, now=2.0, created_at=0.0).split("\n")[-1] == (
        r"The model refused\: \*\*policy\*\*"
    )


def test_the_bar_has_the_requested_width() -> None:
    text = render_progress(Progress(phase=Phase.UPLOADING, started_at=0.0), now=1.0, created_at=0.0, width=20)

    assert text.split("\n")[1] == "`" + "▰" * 19 + "▱" + "` 95%"


# --- elapsed time and sizes -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0s"), (0.9, "0s"), (12.7, "12s"), (59.99, "59s"), (60, "1m 00s"), (65, "1m 05s"),
     (3599, "59m 59s"), (3600, "1h 00m"), (7380, "2h 03m"), (-3, "0s")],
)
def test_elapsed_time_is_shown_in_whole_units(seconds: float, shown: str) -> None:
    assert format_elapsed(seconds) == shown


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, "0 B"), (999, "999 B"), (1_000, "1 KB"), (420_500, "420 KB"), (3_100_000, "3.1 MB")],
)
def test_sizes_are_shown_in_decimal_units(count: int, shown: str) -> None:
    assert format_bytes(count) == shown


# --- untrusted model text ---------------------------------------------------------------------------------

def test_long_model_text_keeps_its_latest_part_on_one_line() -> None:
    text = "first line\n" + "word " * 100 + "\nthe latest words"

    shown = escape_untrusted(text, limit=MODEL_TEXT_LIMIT)

    assert "\n" not in shown
    assert shown.startswith("…")
    assert shown.endswith("the latest words")
    assert len(shown) <= MODEL_TEXT_LIMIT


def test_model_text_cannot_mention_anyone() -> None:
    shown = escape_untrusted("hey @everyone and @here, ping <@123456789012345678> <@&42>", limit=200)

    assert "@everyone" not in shown
    assert "@here" not in shown
    assert re.search(r"<@[!&]?\d", shown) is None
    assert all(shown[i + 1] == "\u200b" for i, ch in enumerate(shown) if ch == "@")


def test_model_text_cannot_inject_markdown() -> None:
    shown = escape_untrusted("**bold** `code` ||spoiler|| [link](https://x.y) # head > quote", limit=200)

    for special in "*`|[]()#>:":
        # every markdown character is preceded by a backslash
        assert all(shown[i - 1] == "\\" for i, ch in enumerate(shown) if ch == special)


def test_a_backslash_in_model_text_cannot_undo_the_escaping() -> None:
    assert escape_untrusted("\\*x", limit=50) == "\\\\\\*x"


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
        # after removing escape pairs, no unescaped markdown character is left
        assert re.search(r"(?<!\\)[*_~`|<>\[\]]", re.sub(r"\\.", "", quoted)) is None


# --- the bar's honesty ------------------------------------------------------------------------------------

def test_queued_is_empty_and_done_is_full() -> None:
    assert estimate_fraction(Progress()) == 0.0
    assert estimate_fraction(Progress(phase=Phase.DONE)) == 1.0


def test_waiting_stays_between_five_and_fifteen_percent() -> None:
    quiet = estimate_fraction(Progress(phase=Phase.WAITING))
    chatty = estimate_fraction(Progress(phase=Phase.WAITING, model_text="x" * 10_000))

    assert quiet == pytest.approx(0.05)
    assert quiet < chatty < 0.15


def test_receiving_never_reaches_the_next_image_from_bytes_alone() -> None:
    huge = Progress(phase=Phase.RECEIVING, images_total=2, images_done=0, bytes_received=50 * EXPECTED_IMAGE_BYTES)
    next_image = Progress(phase=Phase.RECEIVING, images_total=2, images_done=1)

    assert estimate_fraction(huge) < estimate_fraction(next_image)


def test_receiving_grows_with_bytes_until_the_cap() -> None:
    def at(received: int) -> float:
        return estimate_fraction(Progress(phase=Phase.RECEIVING, bytes_received=received))

    assert at(0) < at(EXPECTED_IMAGE_BYTES // 4) < at(EXPECTED_IMAGE_BYTES // 2)
    assert at(EXPECTED_IMAGE_BYTES) == at(10 * EXPECTED_IMAGE_BYTES)  # capped


PHASE_ORDER = [Phase.QUEUED, Phase.WAITING, Phase.RECEIVING, Phase.DECODING, Phase.UPLOADING, Phase.DONE]


@given(
    total=st.integers(min_value=1, max_value=4),
    data=st.data(),
)
def test_the_bar_never_goes_backwards_as_a_job_advances(total: int, data: st.DataObject) -> None:
    # a plausible job history: phases in order; within receiving, images and bytes only grow
    history: list[Progress] = [Progress(), Progress(phase=Phase.WAITING)]
    text = ""
    for _ in range(data.draw(st.integers(0, 5))):
        text += data.draw(st.text(min_size=1, max_size=300))
        history.append(Progress(phase=Phase.WAITING, model_text=text))
    for done in range(total):
        received = 0
        for _ in range(data.draw(st.integers(0, 4))):
            received += data.draw(st.integers(0, 2 * EXPECTED_IMAGE_BYTES))
            history.append(Progress(phase=Phase.RECEIVING, images_total=total, images_done=done,
                                    bytes_received=received))
        history.append(Progress(phase=Phase.RECEIVING, images_total=total, images_done=done + 1))
    history += [Progress(phase=phase, images_total=total) for phase in PHASE_ORDER[3:]]

    fractions = [estimate_fraction(progress) for progress in history]

    assert fractions == sorted(fractions)
    assert all(0.0 <= fraction <= 1.0 for fraction in fractions)
