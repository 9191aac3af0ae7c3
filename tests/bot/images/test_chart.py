"""The usage chart: a real PNG of the intended size, bars whose heights follow the values, a few day labels,
and a picture (not a crash) for no data or odd values; words in the reader's script, in a font that has its
glyphs (see test_fonts.py for which font)."""

from __future__ import annotations

import io
import itertools
import math

import pytest
from PIL import Image

from bot.images.chart import BACKGROUND, BAR, CHART_SIZE, MAX_LABELS, ChartText, label_indices, usage_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MONTH = [(f"May {day}", float(day % 7)) for day in range(1, 31)]


def words(title: str = "Images per day · last 30 days", **changes: str) -> ChartText:
    fields = {"peak": "max 6 images a day", "peak_axis": "6", "no_usage": "no usage", "empty": "Nothing to show yet",
              **changes}
    return ChartText(title=title, **fields)


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
    image = opened(usage_chart(MONTH, words()))
    assert image.size == CHART_SIZE == (800, 300)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 16)}
    assert {BACKGROUND, BAR} <= colours
    assert len(colours) > 2  # the text is drawn too


@pytest.mark.parametrize("days", [[], [("May 1", 0.0), ("May 2", 0.0)]])
def test_no_data_still_draws_a_chart_with_its_title_and_no_bars(days):
    image = opened(usage_chart(days, words("Images per day")))
    assert image.size == CHART_SIZE
    assert len(image.getcolors(maxcolors=1 << 16)) > 1  # not one flat colour: the title and axis are there
    assert sum(bar_pixels_per_column(image)) == 0


def test_a_bar_twice_the_value_is_twice_as_tall_and_the_tallest_fills_the_plot():
    image = opened(usage_chart([("a", 1.0), ("b", 2.0)], words("t")))
    columns = bar_pixels_per_column(image)
    middle = image.size[0] // 2
    low, high = max(columns[:middle]), max(columns[middle:])
    assert high == pytest.approx(2 * low, abs=2)
    assert high > image.size[1] // 2


def test_a_single_day_and_fractional_values_draw_too():
    image = opened(usage_chart([("today", 0.004)], words("Cost per day", peak="max $0.004", peak_axis="$0.004")))
    assert sum(bar_pixels_per_column(image)) > 0


@pytest.mark.parametrize("odd", [-3.0, math.nan, math.inf])
def test_negative_or_non_finite_values_draw_as_nothing_instead_of_failing(odd):
    image = opened(usage_chart([("a", odd), ("b", 2.0)], words("t")))
    columns = bar_pixels_per_column(image)
    assert max(columns[: image.size[0] // 2]) == 0
    assert max(columns[image.size[0] // 2:]) > 0


def test_the_same_data_gives_the_same_bytes():
    assert usage_chart(MONTH, words("t")) == usage_chart(MONTH, words("t"))


@pytest.mark.parametrize("count", [1, 2, 7, 8, 30, 31, 365])
def test_a_few_labels_evenly_spaced_and_the_latest_day_always_labelled(count):
    labelled = label_indices(count)
    assert labelled[-1] == count - 1
    assert 1 <= len(labelled) <= MAX_LABELS
    assert len({b - a for a, b in itertools.pairwise(labelled)}) <= 1


def test_no_labels_without_days():
    assert label_indices(0) == []


NO_FONT = ("the chart has no font with glyphs for {script}: install the fonts-noto-cjk package "
           "(apt-get install fonts-noto-cjk) or set CHART_FONT to a font file that covers it")
TOFU = "\ue000"  # a private-use character: no font draws it, so it comes out as the font's missing-glyph box


def tofu(text: str) -> str:
    """`text` with every non-ASCII letter replaced by the missing-glyph box: what a font without the script draws."""
    return "".join(TOFU if not char.isascii() and char.isalpha() else char for char in text)


@pytest.mark.parametrize(("script", "language", "title", "labels"), [
    ("Japanese", "ja", "1日あたりの画像数 · 過去30日間", [f"5月{day}日" for day in range(1, 31)]),
    ("Simplified Chinese", "zh_Hans_CN", "每日图片数 · 最近30天", [f"5月{day}日" for day in range(1, 31)]),
    ("Korean", "ko", "일별 이미지 수 · 최근 30일", [f"5월 {day}일" for day in range(1, 31)]),
    ("Cyrillic", "ru", "Изображений в день · последние 30 дней", [f"{day} мая" for day in range(1, 31)]),
])
def test_a_chart_in_another_script_is_written_in_glyphs_not_missing_glyph_boxes(script, language, title, labels):
    days = [(label, float(n % 7)) for n, label in enumerate(labels)]
    text = words(title, language=language)
    boxes = words(tofu(title), language=language)
    assert usage_chart(days, text) != usage_chart(days, boxes), NO_FONT.format(script=script)  # the title
    assert usage_chart(days, text) != usage_chart([(tofu(label), value) for label, value in days], text), \
        NO_FONT.format(script=script)  # the day labels


def test_every_word_given_is_written_and_the_chart_adds_none_of_its_own():
    empty = ChartText(title="t", peak="p", peak_axis="1", no_usage="利用なし", empty="まだ何もありません",
                      language="ja")
    assert usage_chart([], empty) != usage_chart([], ChartText(**{**fields(empty), "empty": "Nothing to show yet"}))
    assert usage_chart([], empty) != usage_chart([], ChartText(**{**fields(empty), "no_usage": "no usage"}))
    used = [("a", 3.0)]
    assert usage_chart(used, empty) != usage_chart(used, ChartText(**{**fields(empty), "peak": "max 3"}))
    assert usage_chart(used, empty) != usage_chart(used, ChartText(**{**fields(empty), "peak_axis": "3"}))
    assert usage_chart(used, empty) != usage_chart(used, ChartText(**{**fields(empty), "zero": "٠"}))


def top_band_columns(image: Image.Image) -> set[int]:
    """The columns where something is written above the plot."""
    return {x for x in range(image.size[0]) for y in range(44) if image.getpixel((x, y)) != BACKGROUND}


@pytest.mark.parametrize("title", ["Bilder pro Tag · die letzten dreißig Tage, ohne Wochenenden und Feiertage",
                                   "Images per day " * 12])
def test_a_title_too_long_for_its_line_stays_clear_of_the_summary(title):
    summary_only = top_band_columns(opened(usage_chart(MONTH, words(""))))
    with_title = top_band_columns(opened(usage_chart(MONTH, words(title))))
    title_columns = with_title - summary_only
    assert title_columns  # the title is there
    assert max(title_columns) < min(summary_only) - 8  # and ends before the summary starts


def fields(text: ChartText) -> dict[str, str]:
    return {name: getattr(text, name) for name in ChartText.__slots__}


def test_the_latest_day_s_label_is_not_cut_at_the_right_edge():
    days = [*MONTH[:-1], ("15 de mai. de 2025", 2.0)]  # centred under the last bar, it would run off the image
    image = opened(usage_chart(days, words("t")))
    width, height = CHART_SIZE
    written = {x for x in range(width) for y in range(height - 30, height) if image.getpixel((x, y)) != BACKGROUND}
    assert max(written) < width - 3  # the long label ends inside the image
    assert max(written) > width - 20  # pushed left just enough
