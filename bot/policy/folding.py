"""How blocked words compare text: one `normalize` for prompts and terms alike. Pure and Discord-free; the
rules it implements are described in `bot.policy.words`."""

from __future__ import annotations

import functools
import re
import unicodedata

# Look-alike letters folded to the ASCII letter they imitate. Applied after case folding, so the keys are
# small letters and the result does not depend on case; a letter whose capital and small forms imitate
# different Latin letters (Greek Η/η, Ν/ν) folds by its small form. Letters that only look alike once
# decomposed or in compatibility form (fullwidth `ｗ`, math bold `𝐰`, `ё`) are handled by NFKD before this.
# The Latin ones (small capitals, `ɑ`, `ı`, ...) fold everywhere; those of other scripts only inside a word
# that mixes scripts (`fold_mixed`).
LOOKALIKES: dict[str, str] = {
    "a": "аαɑᴀ",   # Cyrillic а, Greek alpha, Latin alpha, small capital A
    "b": "вβʙ",    # Cyrillic в (capital В), Greek beta, small capital B
    "c": "сᴄ",     # Cyrillic с, small capital C (Greek lunate sigma ϲ is σ after NFKD)
    "d": "ԁᴅ",     # Cyrillic komi de, small capital D
    "e": "еεҽᴇ",   # Cyrillic е, Greek epsilon, Cyrillic abkhasian che, small capital E
    "f": "ꜰ",      # small capital F
    "g": "ɡɢ",     # Latin script g, small capital G
    "h": "һнʜ",    # Cyrillic shha, Cyrillic н (capital Н), small capital H
    "i": "іιıɩɪ",  # Cyrillic і, Greek iota, dotless i, Latin iota, small capital I
    "j": "јϳᴊ",    # Cyrillic je, Greek yot, small capital J
    "k": "кκᴋ",    # Cyrillic к, Greek kappa, small capital K
    "l": "ӏʟ",     # Cyrillic palochka, small capital L
    "m": "мᴍ",     # Cyrillic м (capital М), small capital M
    "n": "ηɴ",     # Greek eta, small capital N
    "o": "оοօᴏ",   # Cyrillic о, Greek omicron, Armenian oh, small capital O
    "p": "рρᴘ",    # Cyrillic р, Greek rho, small capital P
    "q": "ԛ",      # Cyrillic qa
    "r": "ʀ",      # small capital R
    "s": "ѕꜱ",     # Cyrillic dze, small capital S
    "t": "тτᴛ",    # Cyrillic т (capital Т), Greek tau, small capital T
    "u": "υᴜ",     # Greek upsilon, small capital U
    "v": "νѵᴠ",    # Greek nu, Cyrillic izhitsa, small capital V
    "w": "ԝωᴡ",    # Cyrillic we, Greek omega, small capital W
    "x": "хχ",     # Cyrillic х, Greek chi
    "y": "уүγʏ",   # Cyrillic у, Cyrillic straight u, Greek gamma, small capital Y
    "z": "ζᴢ",     # Greek zeta (capital Ζ), small capital Z
}

# Latin letters with an attached stroke, bar, hook, tail, ... that Unicode does not decompose (ø ł đ ħ ŧ ǥ ƀ
# ɨ ʉ ɵ ɗ ɫ ...), named "LATIN SMALL LETTER X WITH ...", "... X BAR" or "... BARRED X": folded to X. Plus a
# few letters read as ASCII ones.
_LATIN_BLOCKS = ((0x00C0, 0x024F), (0x0250, 0x02AF), (0x1D00, 0x1DBF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F),
                 (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0x1DF00, 0x1DFFF))
_ATTACHED = re.compile(r"LATIN SMALL LETTER (?:([A-Z]) WITH .+|([A-Z]) BAR|BARRED ([A-Z]))")
_OTHER_LATIN = {"ð": "d", "æ": "ae", "œ": "oe", "ȷ": "j"}
# Letters in boxes and circles Unicode gives no compatibility form: negative circled (🅐), negative squared
# (🅰) and regional indicators (🇦, flags are pairs of them), each A to Z.
_ENCLOSED_ASTRAL = (0x1F150, 0x1F170, 0x1F1E6)

# Removed besides every format character (Cf) and combining mark (Mn, Mc, Me): the rest of Unicode's
# Default_Ignorable_Code_Point, i.e. the Hangul fillers (letters that render as nothing) and the unassigned
# code points reserved as ignorable, so a format character added to Unicode later is invisible here too.
_INVISIBLE_BMP = ((0x115F, 0x1160), (0x2065, 0x2065), (0x3164, 0x3164), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8))
_INVISIBLE_ASTRAL = range(0xE0000, 0xE1000)  # tags and variation selectors, assigned or not
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Mc", "Me"})
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")


def _script(character: str) -> str:
    """The script of a letter as far as folding cares: the first word of its Unicode name (LATIN, CYRILLIC,
    GREEK, ...); "" for digits and anything unnamed."""
    if character.isascii():
        return "LATIN" if character.isalpha() else ""
    return _script_of_other(character)


@functools.lru_cache(maxsize=4096)
def _script_of_other(character: str) -> str:
    if not character.isalpha():
        return ""
    return unicodedata.name(character, "").partition(" ")[0]


_FOREIGN = {lookalike: letter for letter, lookalikes in LOOKALIKES.items() for lookalike in lookalikes
            if _script(lookalike) != "LATIN"}
_FOREIGN_LOOKALIKE = re.compile("[" + "".join(_FOREIGN) + "]")
# A word (see words._WORD) with a foreign look-alike in it, and one without any ASCII letter besides (after
# case folding). Anchored at word starts, so linear in the text.
_WORD_WITH_FOREIGN = re.compile(r"(?<![^\W_])[^\W_]*?[" + "".join(_FOREIGN) + r"][^\W_]*")
_NON_ASCII_WORD_WITH_FOREIGN = re.compile(r"(?<![^\W_])[^\W_a-z]*?[" + "".join(_FOREIGN) + r"][^\W_a-z]*(?![^\W_])")


@functools.cache
def _latin_folds() -> tuple[dict[str, str], re.Pattern[str]]:
    """The Latin look-alikes (`LOOKALIKES` of the Latin script, letters with attached marks, `_OTHER_LATIN`)
    and one character class of them, from this Python's Unicode database (built on first use: < 1 ms)."""
    folds = {lookalike: letter for letter, lookalikes in LOOKALIKES.items() for lookalike in lookalikes
             if _script(lookalike) == "LATIN"}
    for low, high in _LATIN_BLOCKS:
        for code in range(low, high + 1):
            character = chr(code)
            attached = _ATTACHED.fullmatch(unicodedata.name(character, ""))
            if attached and character.casefold() == character and unicodedata.normalize("NFKD", character) == \
                    character:
                folds[character] = "".join(attached.groups(default="")).lower()
    folds.update(_OTHER_LATIN)
    return folds, re.compile("[" + "".join(folds) + "]")


@functools.cache
def _dropped_bmp() -> re.Pattern[str]:
    """One character class of every BMP character `normalize` removes, from this Python's Unicode database
    (built on first use: ~10 ms). BMP only: above it a class is a list of ranges tried one by one, while a
    BMP class is a bitmap lookup; the rare astral characters go through `_fold_astral` instead."""
    ranges = list(_INVISIBLE_BMP)
    start: int | None = None
    for code in range(0x10001):
        dropped = code <= 0xFFFF and unicodedata.category(chr(code)) in _DROPPED_CATEGORIES
        if dropped and start is None:
            start = code
        elif not dropped and start is not None:
            ranges.append((start, code - 1))
            start = None
    return re.compile("[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges) + "]")


def _fold_astral(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if code in _INVISIBLE_ASTRAL or unicodedata.category(character) in _DROPPED_CATEGORIES:
        return ""
    for first in _ENCLOSED_ASTRAL:
        if first <= code < first + 26:
            return chr(ord("a") + code - first)
    return character


def _fold_foreign(match: re.Match[str]) -> str:
    return _FOREIGN[match.group()]


def fold_mixed(word: str) -> str:
    """`word` (normalised) with the look-alikes of other scripts folded to Latin when it mixes scripts;
    as it is when all its letters are of one script (a Russian or Greek word keeps its letters)."""
    scripts = {_script(character) for character in word}
    scripts.discard("")
    if len(scripts) < 2:
        return word
    return _FOREIGN_LOOKALIKE.sub(_fold_foreign, word)


def _fold_mixed_match(match: re.Match[str]) -> str:
    return fold_mixed(match.group())


def normalize(text: str) -> str:
    """`text` as blocked words compare it: compatibility forms unfolded (NFKD: fullwidth, math letters,
    ligatures, circled letters), case folded, every combining mark (accents) and invisible character (format
    characters such as zero-width spaces and soft hyphens, Hangul fillers) removed, enclosed letters and the
    Latin look-alikes (small capitals, stroke and hook letters) folded to ASCII, and look-alikes of other
    scripts folded too inside words that mix scripts (`fold_mixed`).

    NFKD then dropping marks is NFKC plus NFD-and-drop in one pass. The result is for comparing, not for
    display (Hangul stays decomposed into jamo). Idempotent, and the same for `text.upper()`, `.lower()`
    and `.title()`.
    """
    text = unicodedata.normalize("NFKD", text)
    if text.isascii():  # the common case: no marks, no invisibles, no look-alikes
        return text.lower()
    # Case folding before dropping marks: a few marks fold to letters (U+0345 to iota, as its capital is)
    # and case folding can add marks (`İ`), so this order gives the same result for any case of `text`.
    text = _dropped_bmp().sub("", text.casefold())
    if _ASTRAL.search(text) is not None:
        text = _ASTRAL.sub(_fold_astral, text)
    folds, latin = _latin_folds()
    text = latin.sub(lambda match: folds[match.group()], text)
    if _FOREIGN_LOOKALIKE.search(text) is None:
        return text
    if _NON_ASCII_WORD_WITH_FOREIGN.search(text) is None:  # each of those words has Latin letters: all mixed
        return _FOREIGN_LOOKALIKE.sub(_fold_foreign, text)
    return _WORD_WITH_FOREIGN.sub(_fold_mixed_match, text)
