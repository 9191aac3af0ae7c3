"""All the Discord text of /usage, /models and /privacy. Pure functions of core values.

Messages that name members carry `<@id>` mentions: send them with mentions disabled (`NO_MENTIONS` in the
commands), so a moderator's usage report never pings anyone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from babel.dates import format_skeleton

from bot.i18n import Message, Speaker, english, msg, msgs
from bot.images.chart import ChartText, peak_of
from bot.jobs.usage import MemberUsage, ServerUsage
from bot.openroute.types import ImageModel
from bot.records.guild import IMAGE_SIZE_ORDER
from bot.records.ledger import LEDGER_DAYS
from bot.records.usage import Forgotten, UsageTotals
from cogs.imagine.render import MESSAGE_LIMIT, code

CHART_NAME = "usage.png"
MODEL_ID_LIMIT = 100

FORGET_PROMPT = msg("This deletes **your image history** with this bot: your prompts, the images the bot stored to "
                    "edit them and the record of your finished requests, everywhere. Images already posted in "
                    "channels stay: delete those with their 🗑️ button.\n"
                    "**Kept:** your user id with what each request spent (images and cost) for {days} days, "
                    "because daily limits, cooldowns and server budgets count it — deleting your history does not "
                    "reset them. Requests still running are left to finish.\n"
                    "Delete your history?", days=LEDGER_DAYS)
FORGETTING = msg("Deleting your history…")
FORGET_KEPT = msg("Nothing was deleted.")
FORGET_TIMED_OUT = msg("Nothing was deleted: the confirmation timed out. Run /privacy forget again if you want to.")
NOT_YOUR_BUTTON = msg("This button belongs to someone else's request. Use /privacy forget for your own history.")
FORGET_CONFIRM = msg("Delete my history")
FORGET_KEEP = msg("Keep it")


# --- small formats ---------------------------------------------------------------------------------------

def images(count: int) -> Message:
    return msgs("{count} image", "{count} images", count)


def totals(used: UsageTotals, speak: Speaker) -> Message:
    return msg("**{images}** · {cost}", images=images(used.images), cost=speak.money(used.cost, total=True))


def requests(count: int) -> Message:
    return msgs("{count} request", "{count} requests", count)


# --- /usage ----------------------------------------------------------------------------------------------

def member_content(usage: MemberUsage, speak: Speaker | None = None) -> str:
    """A member's own numbers in their language, e.g. "Today (last 24 h): **12 images** · $0.47" … "**8 of 20
    images** left today"."""
    speak = speak or english()
    lines = [msg("**Your usage in direct messages**") if usage.in_dm else msg("**Your usage on this server**"),
             msg("Today (last 24 h): {totals}", totals=totals(UsageTotals(images=usage.images_today,
                                                                            cost=usage.cost_today), speak)),
             msg("This month: {totals}", totals=totals(UsageTotals(images=usage.images_month,
                                                                    cost=usage.cost_month), speak))]
    if usage.daily_limit is None or usage.remaining_today is None:
        lines.append(msg("No daily limit applies to you here."))
    else:
        lines.append(msgs("**{remaining} of {count} image** left today", "**{remaining} of {count} images** left today",
                          usage.daily_limit, remaining=usage.remaining_today))
    if usage.cooldown_left > 0:
        lines.append(msg("Next request in {wait}", wait=speak.duration(usage.cooldown_left)))
    return "\n".join(speak(line) for line in lines)[:MESSAGE_LIMIT]


def server_content(usage: ServerUsage, speak: Speaker | None = None) -> str:
    """A server's numbers for its moderators, in the reader's language; members appear as `<@id>` (send with
    mentions disabled)."""
    speak = speak or english()
    lines = [msg("**Usage on this server**"),
             msg("Today (last 24 h): {totals} · {requests}", totals=totals(usage.today, speak),
                 requests=requests(usage.today.jobs)),
             msg("This month: {totals} · {requests}", totals=totals(usage.month, speak),
                 requests=requests(usage.month.jobs))]
    if usage.monthly_budget is None or usage.budget_left is None:
        lines.append(msg("No monthly budget is set (/settings budget sets one)."))
    else:
        lines.append(msg("Budget: **{left}** of {budget} left this month",
                         left=speak.money(usage.budget_left, total=True),
                         budget=speak.money(usage.monthly_budget, total=True)))
    lines.append(msg("**Top members this month**"))
    if usage.top_members:
        lines.extend(msg("{rank}. {member} · {totals}", rank=rank, member=f"<@{user_id}>", totals=totals(used, speak))
                     for rank, (user_id, used) in enumerate(usage.top_members, start=1))
    else:
        lines.append(msg("No one has made an image here this month."))
    lines.append(msgs("-# The chart shows images per day (UTC) over the last {count} day.",
                      "-# The chart shows images per day (UTC) over the last {count} days.", len(usage.days)))
    return "\n".join(speak(line) for line in lines)[:MESSAGE_LIMIT]


def chart_series(days: Sequence[tuple[float, UsageTotals]], speak: Speaker | None = None) -> list[tuple[str, float]]:
    """(UTC midnight, totals) -> (the day as the reader writes it, images) for the chart: "May 3", "3. Mai",
    "5月3日", "3 мая"."""
    speak = speak or english()
    return [(format_skeleton("MMMd", datetime.fromtimestamp(midnight, UTC), locale=speak.babel_locale),
             float(used.images)) for midnight, used in days]


def chart_text(series: Sequence[tuple[str, float]], speak: Speaker | None = None) -> ChartText:
    """The chart's words and numbers in the reader's language, for the (label, images) of `chart_series`."""
    speak = speak or english()
    peak = round(peak_of(series))
    return ChartText(
        title=speak(msgs("Images per day · last {count} day", "Images per day · last {count} days", len(series))),
        peak=speak(msgs("max {count} image a day", "max {count} images a day", peak)),
        peak_axis=speak.number(peak),
        no_usage=speak(msg("no usage")),
        empty=speak(msg("Nothing to show yet")),
        zero=speak.number(0),
        language=speak.babel_locale,
    )


# --- /models ---------------------------------------------------------------------------------------------

def image_price(model: ImageModel, speak: Speaker | None = None) -> str:
    """What one image costs as the provider lists it."""
    speak = speak or english()
    price = model.image_price
    if price is not None:
        return speak(msg("{price}/image", price=speak.money(price)))
    if model.pricing.prompt or model.pricing.completion:
        return speak(msg("priced per token"))
    return speak(msg("price not listed"))


def sizes_text(sizes: Sequence[str], speak: Speaker | None = None) -> str:
    """"1K–4K", "1K, 2K" or "1K only": the sizes a member may ask of a model here."""
    speak = speak or english()
    if len(sizes) == 1:
        return speak(msg("{size} only", size=sizes[0]))
    if tuple(sizes) == IMAGE_SIZE_ORDER:
        return f"{sizes[0]}–{sizes[-1]}"
    return ", ".join(sizes)


def model_line(model: ImageModel, *, default: str, age_restricted: frozenset[str],
               sizes: Sequence[str] = (), speak: Speaker | None = None) -> str:
    speak = speak or english()
    parts = [f"• {code(model.id[:MODEL_ID_LIMIT])}", image_price(model, speak)]
    if sizes:
        parts.append(sizes_text(sizes, speak))
    if model.input_modalities and "image" not in model.input_modalities:
        parts.append(speak(msg("text only: no Edit or /blend")))
    if model.id == default:
        parts.append(speak(msg("**default**")))
    if model.id in age_restricted:
        parts.append(speak(msg("🔞 age-restricted channels only")))
    return " · ".join(parts)


def models_pages(models: Sequence[ImageModel] | None, *, default: str, in_dm: bool,
                 age_restricted: frozenset[str] = frozenset(),
                 sizes: Mapping[str, Sequence[str]] | None = None, speak: Speaker | None = None) -> list[str]:
    """The models allowed here with their price and the sizes a member may ask of each (`sizes`), the default
    marked, split into messages within Discord's length limit, in the reader's language."""
    speak = speak or english()
    if models is None:
        return [speak(msg("The list of image models can't be loaded right now. Try again in a minute."))]
    if not models:
        if in_dm:
            return [speak(msg("No image models are available in direct messages."))]
        return [speak(msg("No image models are available here. A moderator can allow some with /settings models."))]
    title = (msgs("**Image models you can use in direct messages** · {count}",
                  "**Image models you can use in direct messages** · {count}", len(models)) if in_dm else
             msgs("**Image models you can use here** · {count}", "**Image models you can use here** · {count}",
                  len(models)))
    lines = [speak(title),
             *(model_line(m, default=default, age_restricted=age_restricted, sizes=(sizes or {}).get(m.id, ()),
                          speak=speak) for m in models),
             speak(msg("-# Prices are the provider's list prices; pick a model and a size with the `model` and "
                       "`size` options of /imagine."))]
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

def forgotten_content(forgotten: Forgotten, speak: Speaker | None = None) -> str:
    speak = speak or english()
    if forgotten.jobs == 0:
        done = msg("The bot had no finished requests of yours stored.")
    else:
        done = msgs("Deleted {count} request from your history, with the images the bot stored for it.",
                    "Deleted {count} requests from your history, with the images the bot stored for them.",
                    forgotten.jobs)
    lines = [done]
    if forgotten.unfinished:
        lines.append(msgs("{count} request is still running and will finish: run /privacy forget again afterwards "
                          "to delete it too.",
                          "{count} requests are still running and will finish: run /privacy forget again afterwards "
                          "to delete them too.", forgotten.unfinished))
    lines.append(msg("What each request spent stays {days} days for limits and budgets, with your user id and "
                     "nothing else.", days=LEDGER_DAYS))
    return " ".join(speak(line) for line in lines)
