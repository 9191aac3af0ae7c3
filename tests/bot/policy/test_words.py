"""Blocked words: prompts and terms are normalised alike (accents, case, width, invisible characters,
look-alike letters) and terms match whole words, `*` terms word prefixes, multi-word terms across any
punctuation. Checked against a naive oracle: one regex per term over the normalised prompt."""

from __future__ import annotations

import itertools
import random
import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.policy.folding import LOOKALIKES
from bot.policy.words import MAX_TERM_LENGTH, InvalidTerm, WordMatcher, combine, normalize

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def oracle_patterns(terms: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    """One regex per term over the normalised prompt, straight from the rules: the slow obvious way."""
    patterns = []
    for term in terms:
        body = normalize(term.strip()).strip()
        words = re.findall(r"[^\W_]+", body.rstrip("*"))
        ending = "" if body.endswith("*") else r"(?![^\W_])"
        patterns.append((term, re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + ending)))
    return patterns


def oracle(patterns: list[tuple[str, re.Pattern[str]]], prompt: str) -> set[str]:
    """Every term that matches `prompt`."""
    text = normalize(prompt)
    return {term for term, pattern in patterns if pattern.search(text)}


# --- normalize --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Wörd", "word"),
    ("Crème Brûlée", "creme brulee"),
    ("ÅNGSTRÖM", "angstrom"),
    ("e\u0301", "e"),  # an accent written as its own combining character
    ("ＷＯＲＤ", "word"),  # fullwidth
    ("𝐰𝐨𝐫𝐝 𝔴𝔬𝔯𝔡", "word word"),  # mathematical bold and fraktur
    ("ﬁne", "fine"),  # ligature
    ("Straße STRASSE", "strasse strasse"),
    ("wоrd", "word"),  # Cyrillic о
    ("ԝοrd", "word"),  # Cyrillic we, Greek omicron
    ("ѕεх", "sex"),  # Cyrillic and Greek in one word: mixed scripts
    ("ᴡᴏʀᴅ", "word"),  # small capitals
    ("İstanbul", "istanbul"),
    ("ΑΙͅ", "αιι"),  # a mark that is a letter in capitals: kept as the letter in every case
    ("a_b-c d", "a_b-c d"),  # punctuation is kept: it separates words later
])
def test_normalize_folds_what_looks_alike(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("invisible", [
    *ZERO_WIDTH,
    "\u180e",  # Mongolian vowel separator
    "\u2061",  # function application
    "\u200e",  # left-to-right mark
    "\u034f",  # combining grapheme joiner
    "\ufe0f",  # variation selector
    "\u3164",  # Hangul filler: a "letter" that renders as nothing
    "\U000e0041",  # tag letter A
])
def test_normalize_removes_invisible_characters(invisible: str) -> None:
    assert normalize(f"w{invisible}or{invisible}d") == "word"


@pytest.mark.parametrize(("letter", "lookalike"), [
    (letter, lookalike) for letter, lookalikes in LOOKALIKES.items() for lookalike in lookalikes
])
def test_every_lookalike_folds_to_its_letter_in_either_case_inside_a_latin_word(letter: str, lookalike: str) -> None:
    assert normalize(f"x{lookalike}x") == f"x{letter}x"
    assert normalize(f"X{lookalike.upper()}X") == f"x{letter}x"


def test_lookalike_table_maps_each_character_once() -> None:
    lookalikes = "".join(LOOKALIKES.values())
    assert len(set(lookalikes)) == len(lookalikes)
    assert set(LOOKALIKES) <= set(string.ascii_lowercase)


def test_every_character_normalises_alike_in_any_case_and_only_once() -> None:
    # Every assigned plane but the CJK extensions (plane 3: no case, no marks), and the tags block.
    for code in [*range(0x30000), *range(0xE0000, 0xE1000)]:
        character = chr(code)
        once = normalize(character)
        assert normalize(once) == once, hex(code)
        for change in (str.upper, str.lower, str.title):
            changed = change(character)
            if changed != character:
                assert normalize(changed) == once, (hex(code), change.__name__)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


# --- whole words ------------------------------------------------------------------------------------


@pytest.mark.parametrize("prompt", [
    "word",
    "a word here",
    "WORD",
    "Wörd",
    "w\u200bord",
    "wo\u00adrd",
    "ＷＯＲＤ",
    "wоrd",  # Cyrillic о
    "word!",
    "(word)",
    "\"word\",",
    "__word__",
    "**word**",
    "my-word-here",
    "end of the line:\nword",
])
def test_a_term_matches_the_word_however_it_is_written(prompt: str) -> None:
    assert WordMatcher(["word"]).find(prompt) == "word"


@pytest.mark.parametrize("prompt", ["sword", "wordy", "words", "swordfish", "s w o r d", "w o r d s", "w-o-r d",
                                    "wo-rd", "wor", "", "   "])
def test_a_term_does_not_match_inside_other_words(prompt: str) -> None:
    assert WordMatcher(["word"]).find(prompt) is None


@pytest.mark.parametrize(("prompt", "found"), [
    ("word", "word*"),
    ("wordy", "word*"),
    ("WORDS!", "word*"),
    ("Wördsmith", "word*"),
    ("sword", None),
    ("swords", None),
    ("wor", None),
    ("a wor d", None),
])
def test_a_star_term_matches_words_starting_with_it(prompt: str, found: str | None) -> None:
    assert WordMatcher(["word*"]).find(prompt) == found


@pytest.mark.parametrize(("prompt", "found"), [
    ("a bad word", "bad word"),
    ("BAD   WORD", "bad word"),
    ("bad-word", "bad word"),
    ("bad... word!", "bad word"),
    ("bad\n\tword", "bad word"),
    ("bad_word", "bad word"),
    ("bäd wоrd", "bad word"),
    ("badword", None),
    ("bad sword", None),
    ("bad words", None),
    ("word bad", None),
    ("bad", None),
    ("bad other word", None),
])
def test_a_multi_word_term_matches_across_any_separator(prompt: str, found: str | None) -> None:
    assert WordMatcher(["bad word"]).find(prompt) == found


def test_a_multi_word_star_term_matches_a_prefix_of_its_last_word() -> None:
    matcher = WordMatcher(["very bad wo*"])
    assert matcher.find("it is VERY, bad wordage") == "very bad wo*"
    assert matcher.find("very bad") is None
    assert matcher.find("very sad wonder") is None
    assert matcher.find("very bad swords") is None


def test_matching_tries_every_start_of_a_phrase() -> None:
    matcher = WordMatcher(["a a b"])
    assert matcher.find("a a a b") == "a a b"
    assert matcher.find("a a a") is None


def test_terms_are_normalised_like_prompts() -> None:
    matcher = WordMatcher(["ＣＲÈＭＥ ＢＲÛＬÉＥ", "wоrd"])  # fullwidth with accents; Cyrillic о
    assert matcher.find("creme brulee") == "ＣＲÈＭＥ ＢＲÛＬÉＥ"
    assert matcher.find("a WORD") == "wоrd"


# --- what members find in minutes -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("ø ł đ ħ ŧ ǥ", "o l d h t g"),  # stroke letters
    ("ØŁĐĦŦǤ", "oldhtg"),
    ("ƀ ɨ ƶ ʉ ɏ ȼ ɍ ꝁ ᵽ ꞩ", "b i z u y c r k p s"),  # bars, strokes and hooks Unicode does not decompose
    ("ɗ ɦ ƙ ɫ ɲ ʂ", "d h k l n s"),
    ("ɵ ð æ œ", "o d ae oe"),
    ("🅽🆄🅳🅴", "nude"),  # negative squared letters
    ("🅝🅤🅓🅔", "nude"),  # negative circled letters
    ("🇳🇺🇩🇪", "nude"),  # regional indicators
    ("ⓃⓊⒹⒺ ⓝⓤⓓⓔ 🄽🅄🄳🄴", "nude nude nude"),  # circled and squared: compatibility forms
])
def test_normalize_folds_stroke_and_enclosed_letters(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("prompt", [
    "nʉđe", "NɄĐE", "ñüđë", "🅽🆄🅳🅴", "🇳🇺🇩🇪", "Ⓝⓤⓓⓔ", "a 🅝🅤🅓🅔 statue",
    "n-u-d-e", "N.U.D.E", "n_u_d_e", "n u d e", "a n u d e statue", "a n-u-d-e statue", "the n.u.d.e. one",
    "nudе", "ηude", "nυde",  # Latin with one Cyrillic е, Greek eta, Greek upsilon
    "n u d е",  # spelled out, and one letter of it Cyrillic
])
def test_disguises_found_in_minutes_are_caught(prompt: str) -> None:
    assert WordMatcher(["nude"]).find(prompt) == "nude"


@pytest.mark.parametrize(("prompt", "found"), [
    ("a s s", "ass"),
    ("a-s-s", "ass"),
    ("as soon as", None),  # ordinary words are never glued
    ("class", None),
    ("c l a s s", None),  # spelled out, it is "class": whole words still
    ("b-a-s-s", None),
    ("a s s e t", None),
    ("pass a s", None),
    ("a b c", None),
])
def test_spelled_out_letters_are_read_as_one_word_and_only_as_that_word(prompt: str, found: str | None) -> None:
    assert WordMatcher(["ass"]).find(prompt) == found


def test_spelled_out_words_work_with_prefixes_and_phrases() -> None:
    matcher = WordMatcher(["nude*", "bad word"])
    assert matcher.find("n u d e s at the beach") == "nude*"
    assert matcher.find("b-a-d w o r d") == "bad word"
    assert matcher.find("a b-a-d, w.o.r.d") == "bad word"
    assert matcher.find("bad w o r d s") is None


@given(st.text(alphabet="bcdfgklmnprstz", min_size=2, max_size=8), st.sampled_from(["-", ".", "_", " "]),
       st.sampled_from(["", "a ", "the ", "a big ", "(", "i saw: "]), st.sampled_from(["", " e", " now", "!", "..."]))
def test_any_word_spelled_out_is_found(word: str, separator: str, before: str, after: str) -> None:
    assert WordMatcher([word]).find(before + separator.join(word.upper()) + after) == word


@given(st.lists(st.text(alphabet="abcdes", min_size=2, max_size=5), min_size=2, max_size=6),
       st.sampled_from(["-", ".", "_", " ", ", "]))
def test_words_of_two_letters_or_more_are_never_glued_together(words: list[str], separator: str) -> None:
    glued = {first + second for first, second in itertools.pairwise(words)} - set(words)
    assert WordMatcher(sorted(glued)).find(separator.join(words)) is None


@pytest.mark.parametrize(("text", "word"), [
    ("расе", "расе"),  # Cyrillic only: a word of its own script, not "pace"
    ("сор", "сор"),
    ("рак", "рак"),
    ("ναι", "ναι"),  # Greek only
    ("οχι", "οχι"),
])
def test_a_word_written_in_one_script_keeps_its_letters(text: str, word: str) -> None:
    assert normalize(text) == word
    assert normalize(text.upper()) == word


def test_russian_and_greek_prompts_are_not_read_as_latin_words() -> None:
    matcher = WordMatcher(["pace", "cop", "pak", "vai", "oxi", "kak"])
    assert matcher.find("Рак и сор, расе, как дела") is None
    assert matcher.find("ναι, ΟΧΙ") is None
    assert matcher.find("расе in English") is None
    assert matcher.find("pаce") == "pace"  # Latin with a Cyrillic а: mixed, so folded


def test_a_blocked_word_in_another_script_matches_that_script() -> None:
    matcher = WordMatcher(["рак"])
    assert matcher.find("большой РАК") == "рак"
    assert matcher.find("pak") is None


# --- which term is reported ------------------------------------------------------------------------


def test_the_original_term_is_reported() -> None:
    assert WordMatcher(["  Wörd  "]).find("word") == "  Wörd  "


def test_the_earliest_match_in_the_prompt_is_reported() -> None:
    matcher = WordMatcher(["zebra", "apple*", "red fox"])
    assert matcher.find("a red fox ate apples near a zebra") == "red fox"
    assert matcher.find("apples, a zebra and a red fox") == "apple*"


def test_terms_that_normalise_alike_are_one_term_reported_as_first_given() -> None:
    matcher = WordMatcher(["Word", "WORD", "wörd", "word*"])
    assert matcher.terms == ("Word", "word*")
    assert len(matcher) == 2
    assert matcher.find("word") == "Word"


def test_repr_does_not_reveal_the_terms() -> None:
    assert "secret" not in repr(WordMatcher(["secret"]))


# --- building -----------------------------------------------------------------------------------------


def test_an_empty_list_never_matches() -> None:
    matcher = WordMatcher([])
    assert not matcher
    assert len(matcher) == 0
    assert matcher.find("anything at all") is None
    assert matcher.find("") is None


def test_blank_terms_are_ignored() -> None:
    matcher = WordMatcher(["", "   ", "\n", "\u200b", "word"])
    assert matcher.terms == ("word",)
    assert WordMatcher(["", " \t ", "\u200b\u200d"]).find("a b c") is None
    assert not WordMatcher(["", " \t "])


def test_a_term_of_the_maximum_length_is_accepted() -> None:
    term = "a" * MAX_TERM_LENGTH
    assert WordMatcher([f"  {term}  "]).find(f"x {term} y") == f"  {term}  "


@pytest.mark.parametrize(("term", "reason"), [
    ("a" * (MAX_TERM_LENGTH + 1), "at most 100 characters"),
    ("w*rd", "can only end"),
    ("*word", "can only end"),
    ("*", "letter or digit"),
    ("!!!", "letter or digit"),
    ("--*", "letter or digit"),
])
def test_unusable_terms_are_refused(term: str, reason: str) -> None:
    with pytest.raises(InvalidTerm) as refused:
        WordMatcher(["fine", term])
    assert reason in refused.value.reason
    assert refused.value.term == term
    assert isinstance(refused.value, ValueError)


def test_one_string_instead_of_a_list_is_refused() -> None:
    with pytest.raises(TypeError):
        WordMatcher("word")  # type: ignore[arg-type]  # would otherwise block "w", "o", "r", "d"


def test_a_matcher_accepts_any_iterable_once() -> None:
    matcher = WordMatcher(term for term in ["cat", "dog*"])
    assert matcher.find("hot dogs") == "dog*"


# --- combining the operator's list with a server's ----------------------------------------------------


def test_combine_matches_the_terms_of_every_matcher() -> None:
    operator = WordMatcher(["forbidden*"])
    server = WordMatcher(["spoiler", "plot twist"])
    both = combine(operator, server)
    assert both.find("FORBIDDEN fruit") == "forbidden*"
    assert both.find("a spoiler!") == "spoiler"
    assert both.find("the plot... twist") == "plot twist"
    assert both.find("a fine prompt") is None
    assert server.find("forbidden") is None  # the parts are unchanged


def test_combine_reports_a_shared_term_as_the_first_matcher_gives_it() -> None:
    assert combine(WordMatcher(["Word"]), WordMatcher(["wörd"])).find("word") == "Word"


def test_combine_of_empty_matchers_is_empty() -> None:
    assert not combine()
    assert not combine(WordMatcher([]), WordMatcher([""]))
    assert combine(WordMatcher([]), WordMatcher(["word"])).find("word") == "word"


# --- thousands of terms -----------------------------------------------------------------------------


def generated_terms(count: int, seed: int = 7) -> list[str]:
    """`count` distinct terms: plain words, `*` prefixes and two-word phrases."""
    rng = random.Random(seed)
    terms: list[str] = []
    seen: set[str] = set()
    while len(terms) < count:
        word = "".join(rng.choices(string.ascii_lowercase, k=7))  # one length: no word is a prefix of another
        kind = len(terms) % 4
        term = f"{word}*" if kind == 1 else f"{word} {rng.choice(['cat', 'dog', 'sky'])}" if kind == 2 else word
        if word not in seen:
            seen.add(word)
            terms.append(term)
    return terms


def test_five_thousand_terms_all_match_and_near_misses_do_not() -> None:
    terms = generated_terms(5000)
    matcher = WordMatcher(terms)
    assert len(matcher) == 5000
    for term in terms:
        stem = term.rstrip("*")
        assert matcher.find(f"Some text, then {stem.upper()}!") == term
        if term.endswith("*"):
            assert matcher.find(f"prefix then {stem}ness") == term
        first = stem.split()[0]
        assert matcher.find(f"x{first} {first[:-1]}") is None  # inside another word; one letter short
        if not term.endswith("*"):
            assert matcher.find(f"{first}x") is None
        if " " in stem:
            assert matcher.find(f"{first} and more") is None


def test_five_thousand_terms_agree_with_the_oracle() -> None:
    terms = generated_terms(5000)
    matcher, patterns = WordMatcher(terms), oracle_patterns(terms)
    rng = random.Random(11)
    vocabulary = [term.rstrip("*") for term in rng.sample(terms, 50)] + ["the", "a", "cat", "sky", "of"]
    for _ in range(40):
        prompt = " ".join(rng.choice(vocabulary) + rng.choice(["", "s", "x"]) for _ in range(12))
        expected = oracle(patterns, prompt)
        found = matcher.find(prompt)
        assert (found is not None) == bool(expected), prompt
        assert found is None or found in expected


# --- properties -------------------------------------------------------------------------------------


TERMS = ["word", "bad word", "cat*", "crème brûlée", "straße", "ξένος", "ɴɪᴄᴇ", "a b c*"]
PIECES = ["word", "WORD", "Wörd", "wоrd", "sword", "wordy", "bad", "BAD", "cat", "cats", "scat", "Catalog",
          "creme", "BRULEE", "brûlée", "strasse", "STRASSE", "Straße", "ξένος", "ΞΈΝΟΣ", "nice", "NICE",
          "a", "b", "c", "cab", "the", "fox", "1", "_", "\u0345", "ᾳ", "ǅ", "ﬃ", "ı", "ſ"]
SEPARATORS = ["", " ", "  ", "-", "!", "(", ")", "...", "\n", "_", "\u00a0"]
prompts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(piece + separator for piece, separator in parts))
MATCHER = WordMatcher(TERMS)
ORACLE = oracle_patterns(TERMS)


@given(prompts)
def test_the_matcher_agrees_with_the_oracle(prompt: str) -> None:
    expected = oracle(ORACLE, prompt)
    found = MATCHER.find(prompt)
    assert (found is not None) == bool(expected)
    assert found is None or found in expected


@given(st.one_of(prompts, st.text()), st.data())
def test_inserting_zero_width_characters_never_changes_the_result(prompt: str, data: st.DataObject) -> None:
    inserts = data.draw(st.lists(st.tuples(st.integers(0, len(prompt)), st.sampled_from(ZERO_WIDTH)), max_size=8))
    changed = prompt
    for position, invisible in sorted(inserts, reverse=True):
        changed = changed[:position] + invisible + changed[position:]
    assert MATCHER.find(changed) == MATCHER.find(prompt)


@given(st.one_of(prompts, st.text()), st.data())
def test_changing_case_never_changes_the_result(prompt: str, data: st.DataObject) -> None:
    # Every character's case is flipped (or not) on its own: "wOrD", "BAD word", "STRASSE" for "straße".
    flips = data.draw(st.lists(st.sampled_from([str.upper, str.lower, str.title]), min_size=len(prompt),
                               max_size=len(prompt)))
    changed = "".join(flip(character) for flip, character in zip(flips, prompt, strict=True))
    assert MATCHER.find(changed) == MATCHER.find(prompt)
    assert MATCHER.find(prompt.upper()) == MATCHER.find(prompt)
    assert MATCHER.find(prompt.swapcase()) == MATCHER.find(prompt)
