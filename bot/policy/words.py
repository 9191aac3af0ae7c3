"""Blocked words: terms that may not appear in a prompt. Pure and Discord-free.

Prompts and terms go through the same `normalize` (compatibility forms, case, accents, invisible characters,
stroke and enclosed letters, look-alike letters), are split into words (runs of letters and digits;
everything else, `_` included, separates words), and a term matches whole words only:

- `word` matches `Wörd`, `w\\u200bord` (a zero-width space inside), `ＷＯＲＤ`, `wоrd` (Cyrillic о), `ẉøřđ`,
  `🆆🅾🆁🅳`, `(word)`, `word!`, and the word spelled out: `w o r d`, `w-o-r-d`, `w.o.r.d`, `w_o_r_d`;
  not `sword`, `wordy`, `s w o r d`;
- `word*` (a trailing `*`) matches words that start with `word`: `word`, `wordy`, `words`; not `sword`;
- `bad word` (several words) matches those words in a row with any run of spaces or punctuation between
  them: `bad word`, `bad-word`, `bad... WORD`; not `badword` (add that as its own term if wanted).

Look-alikes from other scripts (Cyrillic `о`, Greek `ο`, ...) are folded only inside a word that mixes
scripts (`wоrd`: Latin and Cyrillic), so a word written wholly in Cyrillic or Greek keeps its letters: `рак`
is a Russian word, not `pak`. Latin-script look-alikes (small capitals `ᴡ`, `ɑ`, stroke and hook letters
`ø ł đ ħ ŧ ǥ`) and enclosed letters (`Ⓦ 🅦 🆆 🇼`) are always folded.

Spelled-out words: a run of single letters (or digits) joined by one and the same separator (one space,
`-`, `_` or `.`) is also read as one word. Runs of different separators are not joined (`w-o-r d` is
`wor` and `d`), so ordinary words are never glued into another (`as soon` stays `as soon`). A lone vowel
at either end of a space-joined run may be a word of its own (`a n u d e`: `a` and `nude`), so the run is
read both with and without it.

Terms (`WordMatcher(terms)`):

- blank terms (nothing but whitespace or invisible characters) are ignored, so a list split from text may
  keep its empty lines;
- a term is refused with `InvalidTerm` (a `ValueError` whose `reason` is a sentence for the moderator) when
  it is longer than `MAX_TERM_LENGTH` characters, has no letter or digit, or has a `*` anywhere but at its
  end. Refusing, rather than skipping, keeps a mistyped term from silently blocking nothing; validate a
  term before storing it by building `WordMatcher([term])`;
- terms that normalise to the same thing are one term: the first one given is the one reported.

Known limits, on purpose: digits for letters (`w0rd`) are not folded, nor a word split into parts of
several letters (`wo-rd`, `wo rd`), a word written wholly in look-alike letters of one other script
(`ѕех` in Cyrillic), or letters in brackets (`⒲⒪⒭⒟`): folding those would block innocent text. Scripts
written without spaces (Chinese, Japanese, Thai) only match a term that stands apart from the text around
it. Dropping every combining mark makes matching a little looser in scripts that write vowels as marks
(Devanagari, ...): never fewer matches, sometimes more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bot.i18n import Message, msg
from bot.policy.folding import fold_mixed, normalize

MAX_TERM_LENGTH = 100  # characters of the term as given, surrounding whitespace excluded

_WORD = re.compile(r"[^\W_]+")  # letters and digits; `_` separates words (Discord's __underline__)
_END = ""  # key of a prefix-trie node that ends a term (never a character)
# Two one-character words with one separator between them: the prompt may spell a word out.
_SPELLED = re.compile(r"(?<![^\W_])[^\W_][-. _][^\W_](?![^\W_])")
# A word spelled out: one-character words joined by one and the same `-`, `.` or `_`; or by single spaces.
_JOINED = re.compile(r"(?<![^\W_])[^\W_](?:([-._])[^\W_](?![^\W_]))(?:\1[^\W_](?![^\W_]))*")
_SPACED = re.compile(r"(?<![^\W_])[^\W_](?: [^\W_](?![^\W_]))+")
_LONE_VOWELS = "aeiouy"  # one-letter words in many languages (a, i, o, y, e, u)


class InvalidTerm(ValueError):
    """A blocked term that cannot be used. `message` is a complete sentence for the moderator (`reason`: its
    English text, for logs and configuration errors)."""

    def __init__(self, term: str, message: Message) -> None:
        super().__init__(f"{message} ({term[:40]!r})")  # a prefix of the term is enough to find it
        self.term = term
        self.message = message
        self.reason = str(message)


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
        raise InvalidTerm(term, msg("A blocked term can be at most {limit} characters long.", limit=MAX_TERM_LENGTH))
    normalized = normalize(stripped).strip()
    if not normalized:
        return None
    body = normalized.rstrip("*")
    if "*" in body:
        raise InvalidTerm(term, msg("`*` can only end a blocked term (it matches any ending of the last word)."))
    words = tuple(_WORD.findall(body))
    if not words:
        raise InvalidTerm(term, msg("A blocked term needs at least one letter or digit."))
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

    __slots__ = ("_exact", "_phrases", "_prefixes", "_stem_lengths", "_stems", "_terms", "_vocabulary")

    def __init__(self, terms: Iterable[str] = ()) -> None:
        if isinstance(terms, str):
            raise TypeError("WordMatcher takes a list of terms, not one string")
        self._index([parsed for parsed in map(_parse_term, terms) if parsed is not None])

    def _index(self, terms: Iterable[_Term]) -> None:
        self._terms: list[_Term] = []
        self._exact: dict[str, str] = {}
        self._prefixes: dict[str, dict] = {}  # trie: character -> node; _END -> the term ending there
        self._phrases: dict[str, list[_Term]] = {}
        # what a spelled-out word must be, or start with, to matter: every word of a term, every `*` stem
        self._vocabulary: set[str] = set()
        self._stems: set[str] = set()
        seen: set[tuple[tuple[str, ...], bool]] = set()
        for term in terms:
            if (term.words, term.prefix) in seen:
                continue  # the same term after normalisation: the first one given is reported
            seen.add((term.words, term.prefix))
            self._terms.append(term)
            self._vocabulary.update(term.words)
            if term.prefix:
                self._stems.add(term.words[-1])
            if len(term.words) > 1:
                self._phrases.setdefault(term.words[0], []).append(term)
            elif term.prefix:
                node = self._prefixes
                for character in term.words[0]:
                    node = node.setdefault(character, {})
                node.setdefault(_END, term.original)
            else:
                self._exact.setdefault(term.words[0], term.original)
        self._stem_lengths = sorted({len(stem) for stem in self._stems})

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
        """The blocked term (as given) that the earliest matching word of `prompt` matches, or None. Words
        spelled out letter by letter are looked at when no plain word matches."""
        if not self._terms:
            return None
        text = normalize(prompt)
        found = self._scan(_WORD.findall(text))
        if found is None and _SPELLED.search(text) is not None:
            spelled = _SpelledOut(text)
            if any(self._may_use(word) for word in spelled.words):
                for reading in spelled.readings():
                    found = self._scan(_WORD.findall(reading))
                    if found is not None:
                        break
        return found

    def _may_use(self, word: str) -> bool:
        """Whether some term has `word` as one of its words or as the stem of a `*` word."""
        return word in self._vocabulary or any(word[:length] in self._stems for length in self._stem_lengths)

    def _scan(self, words: Sequence[str]) -> str | None:
        """The term that the first matching word of `words` matches."""
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


class _SpelledOut:
    """The readings of a normalised text with each word spelled out letter by letter glued into one word,
    and (`words`) every word such a run may stand for. Runs joined by `-`, `.` or `_` are glued first (so
    `a n-u-d-e` reads `a nude`, `b-a-d w o r d` reads `bad word`), then those joined by spaces. A lone vowel
    starting or ending a spaced run of three or more letters may be a word of its own (`a n u d e`), so the
    text is also read with it left out of the run, at either end and at both."""

    __slots__ = ("_joined", "_lone", "_spaced", "_text", "words")

    def __init__(self, text: str) -> None:
        self._text = text
        self.words: list[str] = []
        self._lone = False
        self._joined = _JOINED.sub(self._glue, text)
        self._spaced = _SPACED.sub(self._glue_spaced, self._joined)

    def _glue(self, match: re.Match[str]) -> str:
        word = fold_mixed(match.group()[::2])  # letters and single separators: every other character
        self.words.append(word)
        return word

    def _glue_spaced(self, match: re.Match[str]) -> str:
        run = match.group()
        if len(run) > 4 and (run[0] in _LONE_VOWELS or run[-1] in _LONE_VOWELS):
            self._lone = True
            self.words.extend(fold_mixed(run[start:end:2]) for start, end in
                              {_trim(run, head, tail) for head, tail in _TRIMS})
        return self._glue(match)

    def readings(self) -> Iterator[str]:
        if self._joined != self._text:
            yield self._joined
        if self._spaced != self._joined:
            yield self._spaced
        if self._lone:
            for head, tail in _TRIMS:
                yield _SPACED.sub(lambda match, h=head, t=tail: _trimmed(match.group(), h, t), self._joined)


_TRIMS = ((True, False), (False, True), (True, True))  # a lone vowel left out at the head, the tail, both


def _trim(run: str, head: bool, tail: bool) -> tuple[int, int]:
    """Where the letters of a spaced run start and end without the lone vowel at its head and/or tail, when
    it has one and two letters or more are left; else the whole run."""
    start = 2 if head and run[0] in _LONE_VOWELS else 0
    end = len(run) - 2 if tail and run[-1] in _LONE_VOWELS else len(run)
    return (start, end) if end - start >= 3 else (0, len(run))


def _trimmed(run: str, head: bool, tail: bool) -> str:
    start, end = _trim(run, head, tail)
    return run[:start] + fold_mixed(run[start:end:2]) + run[end:]


def combine(*matchers: WordMatcher) -> WordMatcher:
    """One matcher with the terms of all `matchers` (the operator's list and a server's, say), without
    normalising any term again. A term in several lists is reported as the first matcher gives it, so pass
    the operator's first. Build it when a list changes, not per prompt."""
    return WordMatcher._of(term for matcher in matchers for term in matcher._terms)
