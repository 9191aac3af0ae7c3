"""A small bar chart as PNG bytes (the daily usage a server's moderators see). Pure and synchronous: call it
in a worker thread from async code."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

CHART_SIZE = (800, 300)
BACKGROUND = (30, 31, 34)  # Discord's dark theme, like the image grid
BAR = (88, 101, 242)
GRID = (63, 65, 71)
TEXT = (219, 222, 225)
MUTED = (148, 155, 164)
MAX_LABELS = 7  # day labels under the bars; more would overlap
_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 70, 20, 52, 34


def usage_chart(days: Sequence[tuple[str, float]], *, title: str, unit: str) -> bytes:
    """A PNG bar chart, one bar per (label, value), oldest first, about 800×300. The title and the largest
    value (with its `unit`, e.g. "images" or "$") are written at the top; a few labels under the bars (the
    last one always). Negative or non-finite values draw as zero; no data, or only zeros, says so. Pillow's
    bundled font draws plain ASCII (and "·") reliably: keep the title and labels to that."""
    values = [_drawable(value) for _, value in days]
    image = Image.new("RGB", CHART_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    title_font = _font(20)
    font = _font(14)
    width, height = CHART_SIZE
    left, right = _MARGIN_LEFT, width - _MARGIN_RIGHT
    top, bottom = _MARGIN_TOP, height - _MARGIN_BOTTOM
    peak = max(values, default=0.0)

    draw.text((16, 14), title, font=title_font, fill=TEXT)
    summary = f"max {format_value(peak, unit)}" if peak > 0 else "no usage"
    draw.text((right, 18), summary, font=font, fill=MUTED, anchor="ra")

    # grid: the baseline, half and the top (the maximum)
    for share in (0.0, 0.5, 1.0) if peak > 0 else (0.0,):
        y = round(bottom - (bottom - top) * share)
        draw.line([(left, y), (right, y)], fill=GRID, width=1)
    draw.text((left - 8, bottom), "0", font=font, fill=MUTED, anchor="rm")
    if peak > 0:
        draw.text((left - 8, top), format_value(peak, unit, short=True), font=font, fill=MUTED, anchor="rm")
    else:
        draw.text(((left + right) // 2, (top + bottom) // 2), "Nothing to show yet", font=font, fill=MUTED,
                  anchor="mm")

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
            x = left + slot * index + slot / 2
            draw.text((round(x), bottom + 8), days[index][0], font=font, fill=MUTED, anchor="ma")

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def label_indices(count: int, most: int = MAX_LABELS) -> list[int]:
    """Which bars get a label: evenly spaced, counted back from the last (the latest day), at most `most`."""
    if count <= 0:
        return []
    step = max(1, math.ceil(count / most))
    return sorted(range(count - 1, -1, -step))


def format_value(value: float, unit: str, *, short: bool = False) -> str:
    """12 -> "12 images", 3.1 -> "$3.10" (unit "$"); `short` leaves a word unit out (for the axis)."""
    if unit == "$":
        return f"${value:,.2f}"
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return number if short or not unit else f"{number} {unit}"


def _drawable(value: float) -> float:
    return value if math.isfinite(value) and value > 0 else 0.0


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's bundled font: no font files to ship or find on the host
    return ImageFont.load_default(size=size)
