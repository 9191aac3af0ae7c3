"""All the Discord text of /usage, /models and /privacy. Pure functions of core values.

Messages that name members carry `<@id>` mentions: send them with mentions disabled (`NO_MENTIONS` in the
commands), so a moderator's usage report never pings anyone.
"""

from __future__ import annotations

import calendar
import math
import time
from collections.abc import Mapping, Sequence
from decimal import Decimal

from bot.jobs.usage import MemberUsage, ServerUsage
from bot.openroute.types import ImageModel
from bot.records.guild import IMAGE_SIZE_ORDER
from bot.records.ledger import LEDGER_DAYS
from bot.records.usage import Forgotten, UsageTotals
from cogs.imagine.render import MESSAGE_LIMIT, code, format_cost

CHART_NAME = "usage.png"
CHART_TITLE = "Images per day · last 30 days"
CHART_UNIT = "images"
MODEL_ID_LIMIT = 100

FORGET_PROMPT = ("This deletes **your image history** with this bot: your prompts, the images the bot stored to "
                 "edit them and the record of your finished requests, everywhere. Images already posted in "
                 "channels stay: delete those with their 🗑️ button.\n"
                 f"**Kept:** your user id with what each request spent (images and cost) for {LEDGER_DAYS} days, "
                 "because daily limits, cooldowns and server budgets count it — deleting your history does not "
                 "reset them. Requests still running are left to finish.\n"
                 "Delete your history?")
FORGETTING = "Deleting your history…"
FORGET_KEPT = "Nothing was deleted."
FORGET_TIMED_OUT = "Nothing was deleted: the confirmation timed out. Run /privacy forget again if you want to."
NOT_YOUR_BUTTON = "This button belongs to someone else's request. Use /privacy forget for your own history."


# --- small formats ---------------------------------------------------------------------------------------

def images(count: int) -> str:
    return f"{count:,} image{'' if count == 1 else 's'}"


def format_money(amount: Decimal) -> str:
    """Totals in cents ("$3.10"); amounts under a cent keep their digits ("$0.004") so they never read $0.00."""
    if not amount or abs(amount) >= Decimal("0.01"):
        return f"${amount:,.2f}"
    if abs(amount) < Decimal("0.0001"):
        return "<$0.0001"
    return format_cost(amount) or "$0"


def format_wait(seconds: float) -> str:
    """12 s, 4 min, 2 h 5 min: rounded up, so the member never asks too early."""
    total = max(1, math.ceil(seconds))
    if total < 90:
        return f"{total} s"
    minutes = math.ceil(total / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def totals(used: UsageTotals) -> str:
    return f"**{images(used.images)}** · {format_money(used.cost)}"


# --- /usage ----------------------------------------------------------------------------------------------

def member_content(usage: MemberUsage) -> str:
    """A member's own numbers, e.g. "Today (last 24 h): **12 images** · $0.47" … "8 of 20 images left today"."""
    where = "in direct messages" if usage.in_dm else "on this server"
    lines = [f"**Your usage {where}**",
             f"Today (last 24 h): **{images(usage.images_today)}** · {format_money(usage.cost_today)}",
             f"This month: **{images(usage.images_month)}** · {format_money(usage.cost_month)}"]
    if usage.daily_limit is None or usage.remaining_today is None:
        lines.append("No daily limit applies to you here.")
    else:
        lines.append(f"**{usage.remaining_today:,} of {images(usage.daily_limit)}** left today")
    if usage.cooldown_left > 0:
        lines.append(f"Next request in {format_wait(usage.cooldown_left)}")
    return "\n".join(lines)[:MESSAGE_LIMIT]


def server_content(usage: ServerUsage) -> str:
    """A server's numbers for its moderators; members appear as `<@id>` (send with mentions disabled)."""
    lines = ["**Usage on this server**",
             f"Today (last 24 h): {totals(usage.today)} · {requests(usage.today.jobs)}",
             f"This month: {totals(usage.month)} · {requests(usage.month.jobs)}"]
    if usage.monthly_budget is None or usage.budget_left is None:
        lines.append("No monthly budget is set (/settings budget sets one).")
    else:
        lines.append(f"Budget: **{format_money(usage.budget_left)}** of {format_money(usage.monthly_budget)} left "
                     "this month")
    lines.append("**Top members this month**")
    if usage.top_members:
        lines.extend(f"{rank}. <@{user_id}> · {totals(used)}"
                     for rank, (user_id, used) in enumerate(usage.top_members, start=1))
    else:
        lines.append("No one has made an image here this month.")
    lines.append(f"-# The chart shows {CHART_UNIT} per day (UTC) over the last {len(usage.days)} days.")
    return "\n".join(lines)[:MESSAGE_LIMIT]


def requests(count: int) -> str:
    return f"{count:,} request{'' if count == 1 else 's'}"


def chart_series(days: Sequence[tuple[float, UsageTotals]]) -> list[tuple[str, float]]:
    """(UTC midnight, totals) -> ("3 May", images) for the chart."""
    series = []
    for midnight, used in days:
        day = time.gmtime(midnight)
        series.append((f"{day.tm_mday} {calendar.month_abbr[day.tm_mon]}", float(used.images)))
    return series


# --- /models ---------------------------------------------------------------------------------------------

def image_price(model: ImageModel) -> str:
    """What one image costs as the provider lists it."""
    price = model.image_price
    if price is not None:
        return f"{format_cost(price)}/image"
    if model.pricing.prompt or model.pricing.completion:
        return "priced per token"
    return "price not listed"


def sizes_text(sizes: Sequence[str]) -> str:
    """"1K–4K", "1K, 2K" or "1K only": the sizes a member may ask of a model here."""
    if len(sizes) == 1:
        return f"{sizes[0]} only"
    if tuple(sizes) == IMAGE_SIZE_ORDER:
        return f"{sizes[0]}–{sizes[-1]}"
    return ", ".join(sizes)


def model_line(model: ImageModel, *, default: str, age_restricted: frozenset[str],
               sizes: Sequence[str] = ()) -> str:
    parts = [f"• {code(model.id[:MODEL_ID_LIMIT])}", image_price(model)]
    if sizes:
        parts.append(sizes_text(sizes))
    if model.input_modalities and "image" not in model.input_modalities:
        parts.append("text only: no Edit or /blend")
    if model.id == default:
        parts.append("**default**")
    if model.id in age_restricted:
        parts.append("🔞 age-restricted channels only")
    return " · ".join(parts)


def models_pages(models: Sequence[ImageModel] | None, *, default: str, in_dm: bool,
                 age_restricted: frozenset[str] = frozenset(),
                 sizes: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The models allowed here with their price and the sizes a member may ask of each (`sizes`), the default
    marked, split into messages within Discord's length limit."""
    where = "in direct messages" if in_dm else "here"
    if models is None:
        return ["The list of image models can't be loaded right now. Try again in a minute."]
    if not models:
        return [f"No image models are available {where}."
                + ("" if in_dm else " A moderator can allow some with /settings models.")]
    lines = [f"**Image models you can use {where}** · {len(models)}",
             *(model_line(m, default=default, age_restricted=age_restricted, sizes=(sizes or {}).get(m.id, ()))
               for m in models),
             "-# Prices are the provider's list prices; pick a model and a size with the `model` and `size` "
             "options of /imagine."]
    return chunk(lines)


def chunk(lines: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Lines joined into as few messages as fit `limit`, never splitting a line (one too long is cut)."""
    pages: list[str] = []
    current = ""
    for line in lines:
        line = line[:limit]
        if current and len(current) + 1 + len(line) > limit:
            pages.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        pages.append(current)
    return pages


# --- /privacy forget -------------------------------------------------------------------------------------

def forgotten_content(forgotten: Forgotten) -> str:
    if forgotten.jobs == 0:
        done = "The bot had no finished requests of yours stored."
    else:
        done = (f"Deleted {forgotten.jobs:,} request{'' if forgotten.jobs == 1 else 's'} from your history, with "
                "the images the bot stored for them.")
    if forgotten.unfinished:
        done += (f" {forgotten.unfinished:,} request{' is' if forgotten.unfinished == 1 else 's are'} still running "
                 "and will finish: run /privacy forget again afterwards to delete "
                 f"{'it' if forgotten.unfinished == 1 else 'them'} too.")
    return (f"{done} What each request spent stays {LEDGER_DAYS} days for limits and budgets, with your user id "
            "and nothing else.")
