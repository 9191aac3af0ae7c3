"""A small bar chart as PNG bytes (the daily usage a server's moderators see). Pure and synchronous: call it
in a worker thread from async code. It translates nothing: every word and number on it comes in already written
in the reader's language (`ChartText`), and it writes them in a font that covers their script (`fonts`)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from bot.images.fonts import Font, chart_font

CHART_SIZE = (800, 300)
BACKGROUND = (30, 31, 34)  # Discord's dark theme, like the image grid
BAR = (88, 101, 242)
GRID = (63, 65, 71)
TEXT = (219, 222, 225)
MUTED = (148, 155, 164)
MAX_LABELS = 7  # day labels under the bars; more would overlap
TITLE_SIZE, TEXT_SIZE, SMALLEST_TITLE = 20, 14, 12
_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 70, 20, 52, 34


@dataclass(frozen=True, slots=True)
class ChartText:
    """Every word and number the chart writes besides the day labels, already in the reader's language."""

    title: str  # top left: "Images per day · last 30 days"
    peak: str  # top right when some value is above zero: "max 12 images"
    peak_axis: str  # by the top grid line: "12"
    no_usage: str  # top right when every value is zero: "no usage"
    empty: str  # in the middle of an empty plot: "Nothing to show yet"
    zero: str = "0"  # by the baseline
    language: str = ""  # the reader's Babel locale ("ja", "zh_Hans_CN"): the regional glyphs of a CJK font


def usage_chart(days: Sequence[tuple[str, float]], text: ChartText, *, font: str | Path | None = None) -> bytes:
    """A PNG bar chart, one bar per (label, value), oldest first, about 800×300. The title and the largest
    value (`text.peak`) are written at the top; a few labels under the bars (the last one always). Negative or
    non-finite values draw as zero; no data, or only zeros, says so. `font` is the operator's font file
    (CHART_FONT); without one the chart looks for a system font that covers every script (`fonts.chart_font`)."""
    values = [_drawable(value) for _, value in days]
    image = Image.new("RGB", CHART_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    small = chart_font(TEXT_SIZE, configured=font, language=text.language)
    width, height = CHART_SIZE
    left, right = _MARGIN_LEFT, width - _MARGIN_RIGHT
    top, bottom = _MARGIN_TOP, height - _MARGIN_BOTTOM
    peak = peak_of(days)

    summary = text.peak if peak > 0 else text.no_usage
    draw.text((right, 18), summary, font=small, fill=MUTED, anchor="ra")
    room = right - 16 - draw.textlength(summary, font=small) - 16  # the title must not run into the summary
    title, title_font = _fitting(draw, text.title, room, font, text.language)
    draw.text((16, 14), title, font=title_font, fill=TEXT)

    # grid: the baseline, half and the top (the maximum)
    for share in (0.0, 0.5, 1.0) if peak > 0 else (0.0,):
        y = round(bottom - (bottom - top) * share)
        draw.line([(left, y), (right, y)], fill=GRID, width=1)
    draw.text((left - 8, bottom), text.zero, font=small, fill=MUTED, anchor="rm")
    if peak > 0:
        draw.text((left - 8, top), text.peak_axis, font=small, fill=MUTED, anchor="rm")
    else:
        draw.text(((left + right) // 2, (top + bottom) // 2), text.empty, font=small, fill=MUTED, anchor="mm")

    if values:
        slot = (right - left) / len(values)
        bar_width = max(1.0, slot * 0.7)
        for index, value in enumerate(values):
            if value <= 0 or peak <= 0:
                continue
            x0 = left + slot * index + (slot - bar_width) / 2
            bar_height = max(1.0, (bottom - top) * value / peak)
            draw.rectangle([round(x0), round(bottom - bar_height), round(x0 + bar_width) - 1, bottom - 1], fill=BAR)
        for index in label_indices(len(values)):
            label = days[index][0]
            x = min(left + slot * index + slot / 2, width - 4 - draw.textlength(label, font=small) / 2)  # not cut
            draw.text((round(x), bottom + 8), label, font=small, fill=MUTED, anchor="ma")

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def label_indices(count: int, most: int = MAX_LABELS) -> list[int]:
    """Which bars get a label: evenly spaced, counted back from the last (the latest day), at most `most`."""
    if count <= 0:
        return []
    step = max(1, math.ceil(count / most))
    return sorted(range(count - 1, -1, -step))


def peak_of(days: Sequence[tuple[str, float]]) -> float:
    """The largest value the chart draws (0 when it draws none): what its `ChartText.peak` must name."""
    return max((_drawable(value) for _, value in days), default=0.0)


def _drawable(value: float) -> float:
    return value if math.isfinite(value) and value > 0 else 0.0


def _fitting(draw: ImageDraw.ImageDraw, title: str, room: float, font: str | Path | None,
             language: str) -> tuple[str, Font]:
    """The title and its font: the usual size, smaller while a long translation would not fit in `room`; at the
    smallest size, cut with "…"."""
    size = TITLE_SIZE
    chosen = chart_font(size, configured=font, language=language)
    while size > SMALLEST_TITLE and draw.textlength(title, font=chosen) > room:
        size -= 2
        chosen = chart_font(size, configured=font, language=language)
    if draw.textlength(title, font=chosen) <= room:
        return title, chosen
    while title and draw.textlength(f"{title}…", font=chosen) > room:
        title = title[:-1]
    return f"{title.rstrip()}…", chosen
