"""How /usage, /models and /privacy forget read: numbers and money formatted as people read them, members
named only as mentions the commands send disabled, every message within Discord's limit; and the typical
duration a job's progress shows while the model works."""

from __future__ import annotations

import calendar
import re
from decimal import Decimal

import pytest

from bot.i18n import Speaker
from bot.images.chart import ChartText
from bot.jobs.progress import Phase, Progress
from bot.jobs.usage import MemberUsage, ServerUsage
from bot.openroute.types import ImageModel, ModelPricing
from bot.records.ledger import LEDGER_DAYS
from bot.records.spec import JobSpec
from bot.records.usage import Forgotten, UsageTotals
from cogs.imagine.render import MESSAGE_LIMIT, progress_content, render_progress
from cogs.usage.render import (
    FORGET_PROMPT,
    chart_series,
    chart_text,
    chunk,
    forgotten_content,
    member_content,
    models_pages,
    server_content,
)

DEFAULT = "google/gemini-2.5-flash-image"


def member(**changes: object) -> MemberUsage:
    fields: dict[str, object] = {"in_dm": False, "images_today": 12, "cost_today": Decimal("0.47"),
                                 "images_month": 80, "cost_month": Decimal("3.1"), "daily_limit": 20,
                                 "remaining_today": 8, "cooldown_left": 0.0}
    return MemberUsage(**{**fields, **changes})  # type: ignore[arg-type]


def server(**changes: object) -> ServerUsage:
    midnight = float(calendar.timegm((2025, 5, 15, 0, 0, 0)))
    fields: dict[str, object] = {
        "guild_id": 10,
        "today": UsageTotals(jobs=12, images=40, cost=Decimal("1.2")),
        "month": UsageTotals(jobs=95, images=300, cost=Decimal("9")),
        "top_members": ((1001, UsageTotals(jobs=30, images=80, cost=Decimal("3.1"))),
                        (1002, UsageTotals(jobs=1, images=1, cost=Decimal("0.04")))),
        "monthly_budget": Decimal(20), "budget_left": Decimal(11),
        "days": tuple((midnight - 86400 * back, UsageTotals(images=back)) for back in range(29, -1, -1)),
    }
    return ServerUsage(**{**fields, **changes})  # type: ignore[arg-type]


def model(model_id: str, *, per_image: str | None = "0.039", per_token: bool = False) -> ImageModel:
    pricing = ModelPricing(image_output=Decimal(per_image) if per_image else None,
                           completion=Decimal("0.00003") if per_token else None)
    return ImageModel(id=model_id, name=model_id, pricing=pricing)


# --- /usage ----------------------------------------------------------------------------------------------

def test_a_members_numbers_read_as_images_and_dollars_today_and_this_month():
    text = member_content(member(cooldown_left=11.2))
    assert "on this server" in text
    assert "Today (last 24 h): **12 images** · $0.47" in text
    assert "This month: **80 images** · $3.10" in text
    assert "**8 of 20 images** left today" in text
    assert "Next request in 12 sec" in text


def test_one_image_is_singular_and_no_limit_and_no_cooldown_say_so_quietly():
    text = member_content(member(in_dm=True, images_today=1, daily_limit=None, remaining_today=None))
    assert "in direct messages" in text
    assert "**1 image** ·" in text
    assert "No daily limit" in text
    assert "Next request" not in text


def test_the_server_report_names_members_only_as_mentions_with_their_totals():
    text = server_content(server())
    assert "Today (last 24 h): **40 images** · $1.20 · 12 requests" in text
    assert "This month: **300 images** · $9.00 · 95 requests" in text
    assert "Budget: **$11.00** of $20.00 left this month" in text
    assert "1. <@1001> · **80 images** · $3.10" in text
    assert "2. <@1002> · **1 image** · $0.04" in text
    assert "@everyone" not in text
    assert "@here" not in text


def test_a_server_without_budget_or_members_says_so():
    text = server_content(server(monthly_budget=None, budget_left=None, top_members=()))
    assert "No monthly budget" in text
    assert "No one has made an image here this month" in text


def test_the_chart_gets_one_short_day_label_per_day_oldest_first():
    series = chart_series(server().days)
    assert len(series) == 30
    assert series[-1] == ("May 15", 0.0)
    assert series[0] == ("Apr 16", 29.0)


@pytest.mark.parametrize(("locale", "first", "last"), [
    ("de", "16. Apr.", "15. Mai"), ("fr", "16 avr.", "15 mai"), ("pt-BR", "16 de abr.", "15 de mai."),
    ("ja", "4月16日", "5月15日"), ("zh-CN", "4月16日", "5月15日"), ("ko", "4월 16일", "5월 15일"),
    ("ru", "16 апр.", "15 мая"), ("pl", "16 kwi", "15 maj"),
])
def test_the_chart_s_days_are_written_the_reader_s_way(locale, first, last):
    series = chart_series(server().days, Speaker.for_locale(locale))
    assert [label for label, _ in (series[0], series[-1])] == [first, last]
    assert [images for _, images in series] == [float(back) for back in range(29, -1, -1)]


def test_the_chart_s_words_in_english():
    assert chart_text(chart_series(server().days)) == ChartText(
        title="Images per day · last 30 days", peak="max 29 images a day", peak_axis="29", no_usage="no usage",
        empty="Nothing to show yet", zero="0", language="en_US")
    assert chart_text([("May 15", 1.0)]).title == "Images per day · last 1 day"
    assert chart_text([("May 15", 1.0)]).peak == "max 1 image a day"


@pytest.mark.parametrize(("locale", "axis", "language"), [("en-US", "1,500", "en_US"), ("de", "1.500", "de"),
                                                          ("fr", "1\u202f500", "fr"), ("ja", "1,500", "ja"),
                                                          ("zh-CN", "1,500", "zh_Hans_CN")])
def test_the_chart_s_numbers_are_written_the_reader_s_way_and_it_knows_the_reader_s_language(locale, axis, language):
    text = chart_text([("a", 3.0), ("b", 1500.0), ("c", float("nan"))], Speaker.for_locale(locale))
    assert text.peak_axis == axis
    assert axis in text.peak
    assert text.language == language


def test_a_chart_without_usage_says_so():
    text = chart_text([("a", 0.0), ("b", -1.0)])
    assert text.peak_axis == "0"  # not drawn: the chart writes `no_usage` and `empty` then
    assert (text.no_usage, text.empty) == ("no usage", "Nothing to show yet")


# --- /models ---------------------------------------------------------------------------------------------

def test_models_show_their_price_per_image_and_the_default_is_marked():
    [page] = models_pages([model(DEFAULT), model("a/b", per_image=None, per_token=True), model("c/d", per_image=None)],
                          default=DEFAULT, in_dm=False)
    lines = page.splitlines()
    assert "· 3" in lines[0]
    assert lines[1] == f"• `{DEFAULT}` · $0.039/image · **default**"
    assert lines[2] == "• `a/b` · priced per token"
    assert lines[3] == "• `c/d` · price not listed"


def test_age_restricted_models_are_marked():
    [page] = models_pages([model("x/nsfw"), model("y/safe")], default="y/safe", in_dm=False,
                          age_restricted=frozenset({"x/nsfw"}))
    assert "`x/nsfw` · $0.039/image · 🔞 age-restricted" in page
    assert "`y/safe` · $0.039/image · **default**" in page


def test_a_model_id_cannot_break_out_of_its_code_span():
    [page] = models_pages([model("evil`**x** <@1>")], default="", in_dm=True)
    assert re.search(r"`[^`]*`", page).group(0) == "`evilˋ**x** <@1>`"


def test_a_long_list_is_split_into_messages_within_the_limit_without_losing_a_model():
    models = [model(f"vendor-{n:03d}/" + "m" * 80) for n in range(120)]
    pages = models_pages(models, default=models[5].id, in_dm=False)
    assert len(pages) > 1
    assert all(len(page) <= MESSAGE_LIMIT for page in pages)
    shown = re.findall(r"`(vendor-\d{3}/m+)`", "\n".join(pages))
    assert shown == [m.id for m in models]


def test_no_models_or_no_list_is_explained():
    assert "No image models are available in direct messages." in models_pages([], default=DEFAULT, in_dm=True)[0]
    assert "/settings models" in models_pages([], default=DEFAULT, in_dm=False)[0]
    assert "can't be loaded" in models_pages(None, default=DEFAULT, in_dm=False)[0]


def test_chunk_never_splits_a_line_and_cuts_one_that_is_too_long_alone():
    assert chunk(["a" * 6, "b" * 3, "c" * 4], limit=10) == ["aaaaaa\nbbb", "cccc"]
    assert chunk(["x" * 25], limit=10) == ["x" * 10]
    assert chunk([]) == []


# --- /privacy forget -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("count", "words"), [(0, "no finished requests of yours"), (1, "Deleted 1 request "),
                                              (1234, "Deleted 1,234 requests")])
def test_forgetting_says_how_many_requests_were_deleted(count, words):
    assert words in forgotten_content(Forgotten(jobs=count, unfinished=0))


def test_forgetting_says_which_requests_were_left_to_finish_and_what_is_kept():
    said = forgotten_content(Forgotten(jobs=3, unfinished=2))

    assert "2 requests are still running and will finish" in said
    assert "run /privacy forget again afterwards" in said
    assert f"stays {LEDGER_DAYS} days for limits and budgets" in said


def test_the_confirmation_says_plainly_what_is_kept_and_for_how_long():
    prompt = str(FORGET_PROMPT)
    assert "**Kept:** your user id with what each request spent" in prompt
    assert f"for {LEDGER_DAYS} days" in prompt
    assert "does not reset them" in prompt


# --- the progress estimate of /imagine -------------------------------------------------------------------

SPEC = JobSpec(requester_id=1, guild_id=2, channel_id=3, is_dm=False, prompt="a fox", model=DEFAULT)


@pytest.mark.parametrize("phase", [Phase.WAITING, Phase.RECEIVING])
def test_while_the_model_works_the_status_says_how_long_it_usually_takes(phase):
    title = render_progress(Progress(phase=phase, started_at=0.0), now=3.0, created_at=0.0,
                            typical_seconds=14.3).split("\n")[0]
    assert title.endswith(" · 3s · usually about 14 s")


@pytest.mark.parametrize(("seconds", "text"), [(0.4, "about 1 s"), (14.3, "about 14 s"), (89.4, "about 89 s"),
                                               (200, "about 3 min"), (7200, "about 2 h")])
def test_the_typical_duration_is_rounded_sensibly(seconds, text):
    shown = render_progress(Progress(phase=Phase.WAITING, started_at=0.0), now=1.0, created_at=0.0,
                            typical_seconds=seconds)
    assert f"usually {text}\n" in shown


@pytest.mark.parametrize("phase", [Phase.QUEUED, Phase.DECODING, Phase.UPLOADING, Phase.DONE, Phase.FAILED])
def test_no_typical_duration_outside_the_models_work(phase):
    assert "usually" not in render_progress(Progress(phase=phase, started_at=0.0), now=1.0, created_at=0.0,
                                            typical_seconds=14.0)


def test_without_a_typical_duration_the_progress_reads_as_before():
    progress = Progress(phase=Phase.WAITING, started_at=0.0)
    assert progress_content(SPEC, progress, now=2.0, created_at=0.0, typical_seconds=None) == \
        progress_content(SPEC, progress, now=2.0, created_at=0.0)
    assert "usually" not in progress_content(SPEC, progress, now=2.0, created_at=0.0)
    assert "usually about 20 s" in progress_content(SPEC, progress, now=2.0, created_at=0.0, typical_seconds=20.0)


def test_each_model_says_the_sizes_a_member_may_ask_of_it_and_whether_it_reads_images() -> None:
    models = [ImageModel(id="a/small", name="a"), ImageModel(id="b/any", name="b"),
              ImageModel(id="c/two", name="c", input_modalities=("text",))]
    sizes = {"a/small": ("1K",), "b/any": ("1K", "2K", "4K"), "c/two": ("1K", "2K")}

    (page,) = models_pages(models, default="b/any", in_dm=False, sizes=sizes)

    assert "`a/small` · price not listed · 1K only" in page
    assert "`b/any` · price not listed · 1K–4K · **default**" in page
    assert "`c/two` · price not listed · 1K, 2K · text only: no Edit or /blend" in page
