"""How far along a job is: the honest estimate behind the progress bar, from its reported state alone.
How that state reads in a message is tested with the renderer (tests/cogs/test_render.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.jobs.progress import EXPECTED_IMAGE_BYTES, Phase, Progress, estimate_fraction

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


@settings(deadline=None)  # a busy machine must not fail it: the property is about values, not speed
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
