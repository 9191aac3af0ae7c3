"""The usage chart: a real PNG of the intended size, bars whose heights follow the values, a few day labels,
and a picture (not a crash) for no data or odd values."""

from __future__ import annotations

import io
import itertools
import math

import pytest
from PIL import Image

from bot.images.chart import BACKGROUND, BAR, CHART_SIZE, MAX_LABELS, format_value, label_indices, usage_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MONTH = [(f"{day} May", float(day % 7)) for day in range(1, 31)]


def opened(png: bytes) -> Image.Image:
    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.convert("RGB")


def bar_pixels_per_column(image: Image.Image) -> list[int]:
    width, height = image.size
    pixels = image.load()
    return [sum(1 for y in range(height) if pixels[x, y] == BAR) for x in range(width)]


def test_a_month_of_days_is_a_png_of_the_intended_size_with_bars_on_a_background():
    image = opened(usage_chart(MONTH, title="Images per day · last 30 days", unit="images"))
    assert image.size == CHART_SIZE == (800, 300)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 16)}
    assert {BACKGROUND, BAR} <= colours
    assert len(colours) > 2  # the text is drawn too


@pytest.mark.parametrize("days", [[], [("1 May", 0.0), ("2 May", 0.0)]])
def test_no_data_still_draws_a_chart_with_its_title_and_no_bars(days):
    image = opened(usage_chart(days, title="Images per day", unit="images"))
    assert image.size == CHART_SIZE
    assert len(image.getcolors(maxcolors=1 << 16)) > 1  # not one flat colour: the title and axis are there
    assert sum(bar_pixels_per_column(image)) == 0


def test_a_bar_twice_the_value_is_twice_as_tall_and_the_tallest_fills_the_plot():
    image = opened(usage_chart([("a", 1.0), ("b", 2.0)], title="t", unit="images"))
    columns = bar_pixels_per_column(image)
    middle = image.size[0] // 2
    low, high = max(columns[:middle]), max(columns[middle:])
    assert high == pytest.approx(2 * low, abs=2)
    assert high > image.size[1] // 2


def test_a_single_day_and_money_values_draw_too():
    image = opened(usage_chart([("today", 0.004)], title="Cost per day", unit="$"))
    assert sum(bar_pixels_per_column(image)) > 0


@pytest.mark.parametrize("odd", [-3.0, math.nan, math.inf])
def test_negative_or_non_finite_values_draw_as_nothing_instead_of_failing(odd):
    image = opened(usage_chart([("a", odd), ("b", 2.0)], title="t", unit="images"))
    columns = bar_pixels_per_column(image)
    assert max(columns[: image.size[0] // 2]) == 0
    assert max(columns[image.size[0] // 2:]) > 0


def test_the_same_data_gives_the_same_bytes():
    assert usage_chart(MONTH, title="t", unit="images") == usage_chart(MONTH, title="t", unit="images")


@pytest.mark.parametrize("count", [1, 2, 7, 8, 30, 31, 365])
def test_a_few_labels_evenly_spaced_and_the_latest_day_always_labelled(count):
    labelled = label_indices(count)
    assert labelled[-1] == count - 1
    assert 1 <= len(labelled) <= MAX_LABELS
    assert len({b - a for a, b in itertools.pairwise(labelled)}) <= 1


def test_no_labels_without_days():
    assert label_indices(0) == []


@pytest.mark.parametrize(("value", "unit", "short", "text"), [
    (12.0, "images", False, "12 images"),
    (12.0, "images", True, "12"),
    (1500.0, "images", False, "1,500 images"),
    (2.5, "images", False, "2.5 images"),
    (3.1, "$", False, "$3.10"),
    (3.1, "$", True, "$3.10"),
])
def test_values_are_written_as_people_read_them(value, unit, short, text):
    assert format_value(value, unit, short=short) == text
