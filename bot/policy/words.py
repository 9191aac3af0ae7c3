"""Blocked words: terms that may not appear in a prompt. Pure and Discord-free.

Prompts and terms go through the same `normalize` (compatibility forms, case, accents, invisible characters,
look-alike letters), are split into words (runs of letters and digits; everything else, `_` included,
separates words), and a term matches whole words only:

- `word` matches `Wörd`, `w\\u200bord` (a zero-width space inside), `ＷＯＲＤ`, `wоrd` (Cyrillic о), `(word)`,
  `word!`; not `sword`, `wordy`;
- `word*` (a trailing `*`) matches words that start with `word`: `word`, `wordy`, `words`; not `sword`;
- `bad word` (several words) matches those words in a row with any run of spaces or punctuation between
  them: `bad word`, `bad-word`, `bad... WORD`; not `badword` (add that as its own term if wanted).

Terms (`WordMatcher(terms)`):

- blank terms (nothing but whitespace or invisible characters) are ignored, so a list split from text may
  keep its empty lines;
- a term is refused with `InvalidTerm` (a `ValueError` whose `reason` is a sentence for the moderator) when
  it is longer than `MAX_TERM_LENGTH` characters, has no letter or digit, or has a `*` anywhere but at its
  end. Refusing, rather than skipping, keeps a mistyped term from silently blocking nothing; validate a
  term before storing it by building `WordMatcher([term])`;
- terms that normalise to the same thing are one term: the first one given is the one reported.

Known limits, on purpose: letters spaced out (`w o r d`, `w.o.r.d`) and digits for letters (`w0rd`) are
not folded, because doing so would block innocent text; scripts written without spaces (Chinese, Japanese,
Thai) only match a term that stands apart from the text around it. Dropping every combining mark makes
matching a little looser in scripts that write vowels as marks (Devanagari, ...): never fewer matches,
sometimes more.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MAX_TERM_LENGTH = 100  # characters of the term as given, surrounding whitespace excluded

# Look-alike letters folded to the ASCII letter they imitate. Applied after case folding, so the keys are
# small letters and the result does not depend on case; a letter whose capital and small forms imitate
# different Latin letters (Greek Η/η, Ν/ν) folds by its small form. Letters that only look alike once
# decomposed or in compatibility form (fullwidth `ｗ`, math bold `𝐰`, `ё`) are handled by NFKD before this.
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

_FOLD_LOOKALIKES = {lookalike: letter for letter, lookalikes in LOOKALIKES.items() for lookalike in lookalikes}
_LOOKALIKE = re.compile("[" + "".join(map(re.escape, _FOLD_LOOKALIKES)) + "]")

# Removed besides every format character (Cf) and combining mark (Mn, Mc, Me): the rest of Unicode's
# Default_Ignorable_Code_Point, i.e. the Hangul fillers (letters that render as nothing) and the unassigned
# code points reserved as ignorable, so a format character added to Unicode later is invisible here too.
_INVISIBLE_BMP = ((0x115F, 0x1160), (0x2065, 0x2065), (0x3164, 0x3164), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8))
_INVISIBLE_ASTRAL = range(0xE0000, 0xE1000)  # tags and variation selectors, assigned or not
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Mc", "Me"})
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")

_WORD = re.compile(r"[^\W_]+")  # letters and digits; `_` separates words (Discord's __underline__)
_END = ""  # key of a prefix-trie node that ends a term (never a character)


@functools.cache
def _dropped_bmp() -> re.Pattern[str]:
    """One character class of every BMP character `normalize` removes, from this Python's Unicode database
    (built on first use: ~10 ms). BMP only: above it a class is a list of ranges tried one by one, while a
    BMP class is a bitmap lookup; the rare astral characters go through `_drop_astral` instead."""
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


def _drop_astral(match: re.Match[str]) -> str:
    character = match.group()
    if ord(character) in _INVISIBLE_ASTRAL or unicodedata.category(character) in _DROPPED_CATEGORIES:
        return ""
    return character


def _fold_lookalike(match: re.Match[str]) -> str:
    return _FOLD_LOOKALIKES[match.group()]


def normalize(text: str) -> str:
    """`text` as blocked words compare it: compatibility forms unfolded (NFKD: fullwidth, math letters,
    ligatures), case folded, every combining mark (accents) and invisible character (format characters such
    as zero-width spaces and soft hyphens, Hangul fillers) removed, and the `LOOKALIKES` folded to ASCII.

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
        text = _ASTRAL.sub(_drop_astral, text)
    return _LOOKALIKE.sub(_fold_lookalike, text)


class InvalidTerm(ValueError):
    """A blocked term that cannot be used. `reason` is a complete sentence for the moderator."""

    def __init__(self, term: str, reason: str) -> None:
        super().__init__(f"{reason} ({term[:40]!r})")  # a prefix of the term is enough to find it
        self.term = term
        self.reason = reason


@dataclass(frozen=True, slots=True)
class _Term:
    """A term as matched: its normalised words, whether the last one is a prefix, and the term as given."""

    words: tuple[str, ...]
    prefix: bool
    original: str


def _parse_term(term: str) -> _Term | None:
    """The matchable form of `term`; None for a blank term; `InvalidTerm` for one that cannot be used."""
    stripped = term.strip()
    if len(stripped) > MAX_TERM_LENGTH:
        raise InvalidTerm(term, f"A blocked term can be at most {MAX_TERM_LENGTH} characters long.")
    normalized = normalize(stripped).strip()
    if not normalized:
        return None
    body = normalized.rstrip("*")
    if "*" in body:
        raise InvalidTerm(term, "`*` can only end a blocked term (it matches any ending of the last word).")
    words = tuple(_WORD.findall(body))
    if not words:
        raise InvalidTerm(term, "A blocked term needs at least one letter or digit.")
    return _Term(words, prefix=len(body) < len(normalized), original=term)


def _phrase_at(words: Sequence[str], start: int, term: _Term) -> bool:
    """True when the multi-word `term` matches `words` from `start` (its first word already does)."""
    last = start + len(term.words) - 1
    if last >= len(words):
        return False
    for offset in range(1, len(term.words) - 1):
        if words[start + offset] != term.words[offset]:
            return False
    return words[last].startswith(term.words[-1]) if term.prefix else words[last] == term.words[-1]


class WordMatcher:
    """Finds the first blocked term in a prompt. Built once per list; `find` normalises the prompt once,
    splits it into words and looks each word up: a dict for whole-word terms, a character trie for `*`
    terms, and a dict from first word to the multi-word terms starting with it. Its cost grows with the
    prompt, hardly with the number of terms."""

    __slots__ = ("_exact", "_phrases", "_prefixes", "_terms")

    def __init__(self, terms: Iterable[str] = ()) -> None:
        if isinstance(terms, str):
            raise TypeError("WordMatcher takes a list of terms, not one string")
        self._index([parsed for parsed in map(_parse_term, terms) if parsed is not None])

    def _index(self, terms: Iterable[_Term]) -> None:
        self._terms: list[_Term] = []
        self._exact: dict[str, str] = {}
        self._prefixes: dict[str, dict] = {}  # trie: character -> node; _END -> the term ending there
        self._phrases: dict[str, list[_Term]] = {}
        seen: set[tuple[tuple[str, ...], bool]] = set()
        for term in terms:
            if (term.words, term.prefix) in seen:
                continue  # the same term after normalisation: the first one given is reported
            seen.add((term.words, term.prefix))
            self._terms.append(term)
            if len(term.words) > 1:
                self._phrases.setdefault(term.words[0], []).append(term)
            elif term.prefix:
                node = self._prefixes
                for character in term.words[0]:
                    node = node.setdefault(character, {})
                node.setdefault(_END, term.original)
            else:
                self._exact.setdefault(term.words[0], term.original)

    @classmethod
    def _of(cls, terms: Iterable[_Term]) -> WordMatcher:
        matcher = cls.__new__(cls)
        matcher._index(terms)
        return matcher

    @property
    def terms(self) -> tuple[str, ...]:
        """The terms in use, as given (blank ones and repeats left out)."""
        return tuple(term.original for term in self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __repr__(self) -> str:
        return f"<WordMatcher of {len(self._terms)} terms>"  # never the terms: this may end up in a log

    def find(self, prompt: str) -> str | None:
        """The blocked term (as given) that the earliest matching word of `prompt` matches, or None."""
        if not self._terms:
            return None
        words = _WORD.findall(normalize(prompt))
        exact, prefixes, phrases = self._exact, self._prefixes, self._phrases
        for position, word in enumerate(words):
            found = exact.get(word)
            if found is not None:
                return found
            node = prefixes
            for character in word:
                node = node.get(character)
                if node is None:
                    break
                found = node.get(_END)
                if found is not None:
                    return found
            for term in phrases.get(word, ()):
                if _phrase_at(words, position, term):
                    return term.original
        return None


def combine(*matchers: WordMatcher) -> WordMatcher:
    """One matcher with the terms of all `matchers` (the operator's list and a server's, say), without
    normalising any term again. A term in several lists is reported as the first matcher gives it, so pass
    the operator's first. Build it when a list changes, not per prompt."""
    return WordMatcher._of(term for matcher in matchers for term in matcher._terms)
