"""The font the usage chart writes with: one that covers the reader's script. Pillow's bundled font draws ASCII
only, so a Japanese, Chinese, Korean, Russian or Polish chart needs a font file from the host.

The file is, in order: the operator's `CHART_FONT` (passed in, never read from the environment here), else the
first system font found for the reader's language (`system_fonts`): Noto Sans CJK (fonts-noto-cjk) for Japanese,
Chinese and Korean; DejaVu Sans (fonts-dejavu-core) for the Latin and Cyrillic languages, because Noto Sans CJK
lacks letters of Polish (ą ę ł); each the other's fallback. Else Pillow's default, with one warning naming the
packages to install. Loaded fonts are cached per thread and size: a FreeType face must not be used by two
threads at once, and the image workers are few."""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path

from PIL import ImageFont

log = logging.getLogger(__name__)

FONT_PACKAGES = ("fonts-noto-cjk", "fonts-dejavu-core")  # Debian/Ubuntu packages of the fonts below
CJK_FONTS: tuple[Path, ...] = (  # Noto Sans CJK: Japanese, Chinese, Korean, with Latin (not all) and Cyrillic
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),  # Debian, Ubuntu: fonts-noto-cjk
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),  # Arch: noto-fonts-cjk
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),  # Fedora: google-noto-sans-cjk-ttc-fonts
    Path("/usr/share/fonts/noto/NotoSansCJK-Regular.ttc"),  # Alpine: font-noto-cjk
)
TEXT_FONTS: tuple[Path, ...] = (  # DejaVu Sans: every letter of the Latin and Cyrillic languages, Polish's too
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),  # Debian, Ubuntu: fonts-dejavu-core
    Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"),  # Fedora: dejavu-sans-fonts
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),  # Arch: ttf-dejavu
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),  # Alpine: font-dejavu
)
MAX_FACES = 32  # faces of a font collection looked at for the reader's regional glyphs

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

_local = threading.local()
_warned: set[str] = set()
_warned_lock = threading.Lock()


def chart_font(size: int, *, configured: str | Path | None = None, language: str = "") -> Font:
    """The chart's font at `size` pixels for a reader of `language` (a Babel locale name: "ja", "zh_Hans_CN",
    "pl"): from `configured` (CHART_FONT) if it loads, else the first system font found for the language, else
    Pillow's default (ASCII only; one warning per process says what to install). In a CJK font collection the
    language picks the regional face, so a Chinese reader sees the Chinese forms of characters Japanese writes
    differently."""
    fonts: dict[tuple[str | None, str, int], Font] | None = getattr(_local, "fonts", None)
    if fonts is None:
        fonts = _local.fonts = {}
    key = (str(configured) if configured else None, language, size)
    font = fonts.get(key)
    if font is None:
        font = fonts[key] = _load(size, configured, language)
    return font


def font_candidates(configured: str | Path | None = None, language: str = "") -> tuple[Path, ...]:
    """The font files to try, in order: the operator's, then the system fonts for `language`."""
    return (*((Path(configured),) if configured else ()), *system_fonts(language))


def system_fonts(language: str = "") -> tuple[Path, ...]:
    """The known system fonts, the best for `language` first: the CJK fonts for Japanese, Chinese and Korean (and
    for an unknown language: they cover the most), else the Latin and Cyrillic ones."""
    if region_tag(language) or not language:
        return (*CJK_FONTS, *TEXT_FONTS)
    return (*TEXT_FONTS, *CJK_FONTS)


def _load(size: int, configured: str | Path | None, language: str) -> Font:
    for path in font_candidates(configured, language):
        if not path.is_file():
            if configured and path == Path(configured):
                _warn_once(f"configured:{path}", "CHART_FONT=%s is not a file; the chart uses another font", path)
            continue
        try:
            return ImageFont.truetype(str(path), size, index=face_index(str(path), region_tag(language)))
        except OSError as exc:  # not a font FreeType can read
            _warn_once(f"unreadable:{path}", "the chart cannot use the font %s (%s); trying another", path, exc)
    _warn_once("default", "no font for the usage chart was found (looked at %s): it falls back to Pillow's "
               "ASCII-only font and draws boxes for Japanese, Chinese, Korean, Cyrillic and accented letters. "
               "Install the packages %s (Debian, Ubuntu) or set CHART_FONT to a .ttf/.otf/.ttc file",
               ", ".join(map(str, system_fonts(language))), " ".join(FONT_PACKAGES))
    return ImageFont.load_default(size=size)


def region_tag(language: str) -> str | None:
    """The region a CJK font names its faces by ("JP", "KR", "SC", "TC") for a Babel locale name; None for
    the rest."""
    parts = language.replace("-", "_").split("_")
    if parts[0] == "ja":
        return "JP"
    if parts[0] == "ko":
        return "KR"
    if parts[0] == "zh":
        return "TC" if "Hant" in parts or {"TW", "HK", "MO"} & set(parts) else "SC"
    return None


@functools.cache
def face_index(path: str, tag: str | None) -> int:
    """The face of a font collection (.ttc) whose family ends with `tag` ("Noto Sans CJK SC"), proportional
    faces first; 0 for a single font, no tag or no such face."""
    if tag is None or not path.lower().endswith(".ttc"):
        return 0
    names: list[str] = []
    for index in range(MAX_FACES):
        try:
            names.append(ImageFont.truetype(path, 10, index=index).getname()[0] or "")
        except OSError:  # past the last face
            break
    matching = [index for index, name in enumerate(names) if name.endswith(f" {tag}")]
    proportional = [index for index in matching if "Mono" not in names[index]]
    return (proportional or matching or [0])[0]


def forget_fonts() -> None:
    """Load the fonts again and warn again (tests): this thread's cache, the faces and the warnings given."""
    _local.fonts = {}
    face_index.cache_clear()
    with _warned_lock:
        _warned.clear()


def _warn_once(key: str, text: str, *args: object) -> None:
    with _warned_lock:
        if key in _warned:
            return
        _warned.add(key)
    log.warning(text, *args)
