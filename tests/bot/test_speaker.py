"""A Speaker writes in its reader's language: the catalogue's words, each language's plural forms, numbers, money
that keeps its digits, and waits rounded up in that language's short units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Catalog, ListOf, Speaker, Wait, english, msg, msgs


def polish() -> Speaker:
    catalog = Catalog({"pl": {(None, "{count} image"): ("{count} obraz", "{count} obrazy", "{count} obrazów")}},
                      {"pl": lambda n: 0 if n == 1 else 1 if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
                       else 2})
    return Speaker("pl", catalog)


@pytest.mark.parametrize(("count", "text"), [(1, "1 obraz"), (3, "3 obrazy"), (5, "5 obrazów"), (22, "22 obrazy"),
                                             (1000, "1\u00a0000 obrazów")])
def test_plurals_follow_the_languages_own_forms_and_numbers_its_grouping(count, text):
    assert polish()(msgs("{count} image", "{count} images", count)) == text


def test_english_is_the_source_and_a_missing_translation_reads_english():
    english = Speaker.for_locale("en-US", Catalog({}))
    assert english(msgs("{count} image", "{count} images", 1)) == "1 image"
    assert english(msgs("{count} image", "{count} images", 2)) == "2 images"
    assert Speaker("ja", Catalog({}))(msg("Next request in {wait}", wait="12 秒")) == "Next request in 12 秒"


def test_a_message_inside_a_message_is_translated_too():
    catalog = Catalog({"de": {(None, "This month: {totals}"): "Diesen Monat: {totals}",
                              (None, "{count} image"): ("{count} Bild", "{count} Bilder")}},
                      {"de": lambda n: 0 if n == 1 else 1})
    speak = Speaker("de", catalog)
    assert speak(msg("This month: {totals}", totals=msgs("{count} image", "{count} images", 3))) == \
        "Diesen Monat: 3 Bilder"


@pytest.mark.parametrize(("locale", "amount", "total", "text"), [
    ("en-US", "0.039", False, "$0.039"),
    ("de", "0.039", False, "0,039\u00a0$"),
    ("ja", "0.039", False, "$0.039"),
    ("en-US", "0.039", True, "$0.04"),
    ("fr", "1234.5", True, "1\u202f234,50\u00a0$US"),
    ("en-US", "0.00004", True, "<$0.0001"),
    ("en-US", "0.004", True, "$0.004"),
])
def test_money_keeps_its_precision_in_every_language(locale, amount, total, text):
    assert Speaker.for_locale(locale).money(Decimal(amount), total=total) == text


@pytest.mark.parametrize(("locale", "seconds", "text"), [
    ("en-US", 11.2, "12 sec"), ("en-US", 3900, "1 hr 5 min"), ("de", 250, "5 Min."), ("ja", 3600, "1 時間"),
])
def test_waits_round_up_in_the_languages_short_units(locale, seconds, text):
    assert Speaker.for_locale(locale).duration(seconds) == text


@pytest.mark.parametrize(("seconds", "english", "german"), [
    (43, "43 seconds", "43 Sekunden"), (1, "1 second", "1 Sekunde"), (600, "10 minutes", "10 Minuten"),
    (3 * 3600 - 5, "3 hours", "3 Stunden"),
])
def test_a_wait_in_a_sentence_is_written_out_in_the_readers_language(seconds, english, german):
    assert str(Wait(seconds)) == english
    assert Speaker.for_locale("en-US")(msg("in {wait}", wait=Wait(seconds))) == f"in {english}"
    assert Speaker("de", Catalog({}))(msg("in {wait}", wait=Wait(seconds))) == f"in {german}"


def test_a_list_in_a_sentence_is_joined_the_readers_way():
    sizes = ListOf(("1K", "2K", "4K"))
    assert Speaker.for_locale("en-US")(msg("{sizes}", sizes=sizes)) == "1K, 2K, and 4K"
    assert Speaker("de", Catalog({}))(msg("{sizes}", sizes=sizes)) == "1K, 2K und 4K"
    assert Speaker("ja", Catalog({}))(msg("{sizes}", sizes=sizes)) == "1K、2K、4K"


@pytest.mark.parametrize(("amount", "text"), [
    ("0", "$0.00"), ("3.1", "$3.10"), ("0.47", "$0.47"), ("1234.5", "$1,234.50"), ("0.004", "$0.004"),
    ("0.00126", "$0.0013"), ("0.00004", "<$0.0001"),
])
def test_totals_read_in_cents_and_small_amounts_never_read_as_nothing(amount, text):
    assert english().money(Decimal(amount), total=True) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (0.2, "1 sec"), (11.2, "12 sec"), (89, "89 sec"), (90, "2 min"), (600, "10 min"), (3540, "59 min"),
    (3600, "1 hr"), (3900, "1 hr 5 min"),
])
def test_english_waits_are_rounded_up_to_a_unit_people_use(seconds, text):
    assert english().duration(seconds) == text
