"""The chart's font: the operator's CHART_FONT, else a system font for the reader's language (Noto Sans CJK from
fonts-noto-cjk for Japanese, Chinese and Korean; DejaVu Sans from fonts-dejavu-core for the Latin and Cyrillic
languages, since Noto Sans CJK lacks Polish letters), else Pillow's ASCII-only font with one warning. The glyph
tests fail, not skip, without those packages: the Docker image and CI install them, and the chart needs them."""

from __future__ import annotations

import datetime
import logging
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from babel.dates import format_skeleton
from PIL import ImageFont

from bot.i18n import BABEL_LOCALES, Speaker
from bot.images import fonts
from bot.images.fonts import FONT_PACKAGES, chart_font, region_tag
from cogs.usage.render import chart_text

MISSING = "\ue000"  # private use: no font has it, so it draws the font's missing-glyph (.notdef) box
PACKAGES = " ".join(FONT_PACKAGES)
INSTALL = f"install the packages {PACKAGES} (apt-get install {PACKAGES}) or set CHART_FONT"
LETTERS = {  # each language's own letters beyond ASCII, and a few of its words
    "en_US": "Images per day", "de": "äöüßÄÖÜ Bilder pro Tag", "fr": "àâæçéèêëîïôœùûüÿÉÇ",
    "es_ES": "áéíñóúü¿¡Ñ", "es_419": "áéíñóúü¿¡Ñ", "pt_BR": "ãõáâêôçàÃÕ", "pl": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
    "ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "ja": "あいうアイウ画像数日間過去最大", "zh_Hans_CN": "每日图片数这们最近天", "ko": "일별이미지수최근한국",
}
LOCALES = sorted(set(BABEL_LOCALES.values()))


def font_file(font: fonts.Font) -> str:
    path = getattr(font, "path", None)
    return path if isinstance(path, str) else "Pillow's default font"


def mask(font: fonts.Font, char: str) -> tuple[tuple[int, int], bytes]:
    drawn = font.getmask(char)
    return drawn.size, bytes(drawn)


def has_glyph(font: fonts.Font, char: str) -> bool:
    return mask(font, char) != mask(font, MISSING)


def listed(chars: list[str]) -> str:
    return "".join(chars[:24]) + (f" and {len(chars) - 24} more" if len(chars) > 24 else "")


def drawable(text: str) -> set[str]:
    """The letters, digits and punctuation of `text` (spaces draw nothing; emoji are not on the chart)."""
    return {char for char in text if unicodedata.category(char)[0] in "LNP"}


def translations(locale: str) -> str:
    """Every word the chart writes in a language (its title, peak, axis and empty texts, for a few counts, so each
    plural form shows), as the reader's catalogue translates it."""
    discord = next(code for code, babel in BABEL_LOCALES.items() if babel == locale)
    speak = Speaker.for_locale(discord)
    texts = []
    for count in (1, 2, 5, 22, 1234):
        text = chart_text([("", float(count))] * min(count, 31), speak)
        texts += [text.title, text.peak, text.peak_axis, text.no_usage, text.empty, text.zero]
    return "".join(texts)


@pytest.fixture
def aileron(tmp_path: Path) -> Path:
    """A real font file that is not a system font: the one Pillow bundles, written out."""
    path = tmp_path / "aileron.ttf"
    path.write_bytes(ImageFont.load_default(size=14).font_bytes)  # type: ignore[union-attr]
    return path


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_s_letters_are_real_glyphs_of_its_chart_font_not_missing_glyph_boxes(locale):
    font = chart_font(14, language=locale)
    letters = sorted(drawable(LETTERS[locale]))
    missing = [char for char in letters if not has_glyph(font, char)]
    assert not missing, f"{font_file(font)} has no glyphs for {locale} ({listed(missing)}): {INSTALL}"
    assert len({mask(font, char) for char in letters}) == len(letters)  # different letters, different glyphs


@pytest.mark.parametrize("locale", LOCALES)
def test_every_letter_of_a_language_s_day_labels_and_chart_words_has_a_glyph(locale):
    font = chart_font(14, language=locale)
    labels = "".join(format_skeleton("MMMd", datetime.date(2026, month, 28), locale=locale) for month in range(1, 13))
    missing = sorted(char for char in drawable(labels + translations(locale)) if not has_glyph(font, char))
    assert not missing, f"{font_file(font)} cannot write {locale} ({listed(missing)}): {INSTALL}"


@pytest.mark.parametrize(("language", "face"), [("ja", "Noto Sans CJK JP"), ("zh_Hans_CN", "Noto Sans CJK SC"),
                                                ("ko", "Noto Sans CJK KR"), ("ru", "DejaVu Sans"),
                                                ("pl", "DejaVu Sans"), ("en_US", "DejaVu Sans")])
def test_a_reader_gets_the_font_of_their_script_and_a_cjk_reader_its_regional_face(language, face):
    font = chart_font(14, language=language)
    assert isinstance(font, ImageFont.FreeTypeFont), INSTALL
    assert font.getname()[0] == face, INSTALL


@pytest.mark.parametrize(("language", "tag"), [("ja", "JP"), ("ko", "KR"), ("zh_Hans_CN", "SC"), ("zh-CN", "SC"),
                                               ("zh_Hant_TW", "TC"), ("ru", None), ("pt_BR", None), ("", None)])
def test_region_tags_of_babel_locales(language, tag):
    assert region_tag(language) == tag


def only_system_fonts(monkeypatch: pytest.MonkeyPatch, cjk: tuple[Path, ...], text: tuple[Path, ...]) -> None:
    monkeypatch.setattr(fonts, "CJK_FONTS", cjk)
    monkeypatch.setattr(fonts, "TEXT_FONTS", text)


def test_the_operator_s_chart_font_comes_first_whatever_the_host_has(aileron, caplog):
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        fonts_for = [chart_font(14, configured=aileron, language=language) for language in ("ja", "pl", "")]
    assert [font.path for font in fonts_for] == [str(aileron)] * 3  # type: ignore[union-attr]
    assert caplog.records == []


def test_without_chart_font_the_first_system_font_found_for_the_language_is_used(monkeypatch, tmp_path):
    cjk, text = tmp_path / "cjk.ttf", tmp_path / "text.ttf"
    for path in (cjk, text):
        path.write_bytes(ImageFont.load_default(size=14).font_bytes)  # type: ignore[union-attr]
    only_system_fonts(monkeypatch, (tmp_path / "absent.ttc", cjk), (text,))
    assert chart_font(14, language="ja").path == str(cjk)  # type: ignore[union-attr]
    assert chart_font(14, language="zh_Hans_CN").path == str(cjk)  # type: ignore[union-attr]
    assert chart_font(14, language="pl").path == str(text)  # type: ignore[union-attr]
    assert chart_font(14).path == str(cjk)  # type: ignore[union-attr]  # unknown language: the widest coverage
    only_system_fonts(monkeypatch, (tmp_path / "absent.ttc",), (text,))
    fonts.forget_fonts()
    assert chart_font(14, language="ja").path == str(text)  # type: ignore[union-attr]  # each the other's fallback


def test_with_no_font_found_the_chart_still_draws_and_one_warning_says_what_to_install(monkeypatch, tmp_path, caplog):
    only_system_fonts(monkeypatch, (tmp_path / "absent.ttc",), (tmp_path / "absent.ttf",))
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        small, large = chart_font(14), chart_font(20, language="ja")
        with ThreadPoolExecutor(max_workers=1) as other:  # another worker thread loads its own, silently
            other.submit(chart_font, 14, language="pl").result()
    assert small.getname() == large.getname() == ("Aileron", "Regular")  # Pillow's own
    [warning] = caplog.records
    assert warning.levelno == logging.WARNING
    assert all(package in warning.getMessage() for package in FONT_PACKAGES)
    assert "CHART_FONT" in warning.getMessage()


def test_a_chart_font_that_is_gone_or_not_a_font_is_said_once_and_the_system_font_used(monkeypatch, tmp_path,
                                                                                        aileron, caplog):
    only_system_fonts(monkeypatch, (aileron,), ())
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font")
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        for configured in (tmp_path / "gone.ttf", not_a_font):
            assert chart_font(14, configured=configured).path == str(aileron)  # type: ignore[union-attr]
            assert chart_font(20, configured=configured).path == str(aileron)  # type: ignore[union-attr]
    assert [str(tmp_path / "gone.ttf") in r.getMessage() for r in caplog.records] == [True, False]
    assert str(not_a_font) in caplog.records[1].getMessage()


def test_a_font_is_loaded_once_per_size_in_each_thread(aileron):
    assert chart_font(14, configured=aileron) is chart_font(14, configured=aileron)
    assert chart_font(14, configured=aileron) is not chart_font(20, configured=aileron)
    with ThreadPoolExecutor(max_workers=1) as other:  # a FreeType face is never shared between threads
        assert other.submit(chart_font, 14, configured=aileron).result() is not chart_font(14, configured=aileron)
