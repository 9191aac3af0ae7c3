"""Blocked-words benchmark: how long `WordMatcher.find` takes on a 1000-character prompt with thousands of terms.

`python -m benchmarks.words [--terms N] [--batches N] [--json]`

Builds a matcher of N generated terms (default 5000: plain words, `*` prefixes and two-word phrases) and
checks six 1000-character prompts: plain ASCII without a match, the same with a term as its very last
word (the whole prompt is scanned either way), the same two written with accents, Cyrillic
look-alike letters and zero-width spaces (the slower normalisation path), and the same two with a fifth
of the words spelled out letter by letter (`f-o-x`, `a d a w n`: every spelled-out reading is scanned too;
the term at the end is spelled out after a lone `a`, which the replaced designs do not catch). Each
figure is the median over batches of one check's time (a batch's time divided by its checks). For scale,
the same prompts against a matcher of 50 terms (the cost should hardly grow with the terms), and the two
designs it replaces, on the same normalised prompt: a loop of one regex per term, and one regex
alternating all terms.

Also printed: the median time to build the matcher, and the one-time cost of the Unicode table that the
first non-ASCII normalisation in a process builds. Targets: a check under 1 ms on every prompt, and 5000
terms at most 1.5x the time of 50. Every answer is compared with the expected term first. Exits 0 once it
has measured, whatever the verdicts (a measurement, not a test); 1 when it could not measure.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import statistics
import string
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.policy.words import WordMatcher, normalize

SEED = 20240611
PROMPT_LENGTH = 1000
SMALL_TERMS = 50
CHECKS_PER_BATCH = 50
BUILDS = 5
CHECK_TARGET_US = 1000.0
SCALING_TARGET = 1.5
# Filler for prompts (generated terms are chosen so that they never match it).
FILLER = ("a", "quiet", "fox", "in", "the", "misty", "forest", "at", "dawn", "painted", "with", "soft", "light",
          "and", "long", "shadows", "over", "old", "stone", "bridge", "near", "river", "under", "sky")
# How the disguised prompts write filler: accents, Cyrillic а е о р с, zero-width spaces, soft hyphens.
DISGUISES = {"a": "à", "e": "е", "o": "о", "p": "р", "c": "с", "i": "ï", "u": "ü"}
ZERO_WIDTH = ("\u200b", "\u00ad")


class BenchmarkError(Exception):
    """The benchmark could not measure (a check gave the wrong answer)."""


@dataclass(frozen=True, slots=True)
class Prompt:
    label: str
    text: str
    expected: str | None  # the term `find` must report
    spelled: bool = False  # words spelled out: the replaced designs find nothing in it


@dataclass(slots=True)
class Row:
    """Median microseconds per check of one prompt, for each way of checking it."""

    prompt: Prompt
    ours: float = 0.0
    ours_small: float = 0.0
    regex_loop: float = 0.0
    alternation: float = 0.0

    @property
    def scaling(self) -> float:
        """Time with all the terms over time with 50 (1.0 = the number of terms costs nothing)."""
        return self.ours / self.ours_small


@dataclass(slots=True)
class Report:
    terms: int
    kinds: dict[str, int]
    batches: int
    unicode_table_ms: float
    build_ms: list[float] = field(default_factory=list)
    alternation_compile_ms: float = 0.0
    rows: list[Row] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def build_median_ms(self) -> float:
        return statistics.median(self.build_ms)


# --- inputs -------------------------------------------------------------------------------------------


def generate_terms(count: int, rng: random.Random) -> list[str]:
    """`count` distinct terms: 60 % plain words, 25 % `word*` prefixes, 15 % two-word phrases, of random
    letters (4-9), leaving out words that would match the filler (a filler word starting with them)."""
    terms: list[str] = []
    seen: set[str] = set()
    while len(terms) < count:
        word = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9)))
        if word in seen or any(filler_word.startswith(word) for filler_word in FILLER):
            continue
        seen.add(word)
        kind = rng.random()
        if kind < 0.60:
            terms.append(word)
        elif kind < 0.85:
            terms.append(word + "*")
        else:
            terms.append(f"{word} {rng.choice(FILLER)}")
    return terms


def kinds_of(terms: list[str]) -> dict[str, int]:
    prefixes = sum(term.endswith("*") for term in terms)
    phrases = sum(" " in term for term in terms)
    return {"plain": len(terms) - prefixes - phrases, "prefix*": prefixes, "two-word": phrases}


def filler(rng: random.Random, length: int, *, disguised: bool, spelled: bool = False) -> str:
    """Words of `FILLER` separated by spaces and punctuation, `length` characters or a little less."""
    parts: list[str] = []
    size = 0
    while True:
        word = rng.choice(FILLER)
        if spelled and rng.random() < 0.2:
            word = rng.choice("-._ ").join(word)
        if disguised:
            word = "".join(DISGUISES.get(letter, letter) for letter in word)
            if len(word) > 3 and rng.random() < 0.3:
                word = word[:2] + rng.choice(ZERO_WIDTH) + word[2:]
        piece = word + rng.choice((" ", " ", " ", ", ", ". "))
        if size + len(piece) > length:
            return "".join(parts)
        parts.append(piece)
        size += len(piece)


def disguise(word: str) -> str:
    """`word` as an evader writes it: capitals, a Cyrillic look-alike, a zero-width space inside."""
    word = word.upper()
    return word[:1] + "\u200b" + word[1:].replace("E", "Е").replace("O", "О").replace("A", "А")


def build_prompts(terms: list[str], rng: random.Random) -> list[Prompt]:
    """Six prompts of exactly `PROMPT_LENGTH` characters; the matching ones end with a term."""
    plain_terms = [term for term in terms if " " not in term and not term.endswith("*")]
    target = plain_terms[len(plain_terms) // 2]
    prompts = []
    for kind in ("ascii", "disguised", "spelled out"):
        disguised, spelled = kind == "disguised", kind == "spelled out"
        clean = filler(rng, PROMPT_LENGTH, disguised=disguised, spelled=spelled)
        clean += "x" * (PROMPT_LENGTH - len(clean))
        shown = disguise(target) if disguised else "a " + " ".join(target) if spelled else target
        ending = " " + shown + "!"
        matching = filler(rng, PROMPT_LENGTH - len(ending), disguised=disguised, spelled=spelled)
        matching = matching + " " * (PROMPT_LENGTH - len(ending) - len(matching)) + ending
        prompts.append(Prompt(f"{kind}, no match", clean, None, spelled))
        prompts.append(Prompt(f"{kind}, match at the end", matching, target, spelled))
    return prompts


# --- the designs it replaces --------------------------------------------------------------------------


def term_pattern(term: str) -> str:
    """The regex of one term over a normalised prompt (whole words; `*` a prefix)."""
    body = normalize(term.strip()).strip()
    words = re.findall(r"[^\W_]+", body.rstrip("*"))
    ending = "" if body.endswith("*") else r"(?![^\W_])"
    return r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + ending


def regex_loop(terms: list[str]) -> Callable[[str], bool]:
    """One compiled regex per term, all tried on every prompt."""
    patterns = [re.compile(term_pattern(term)) for term in terms]

    def check(prompt: str) -> bool:
        text = normalize(prompt)
        return any(pattern.search(text) for pattern in patterns)

    return check


def alternation(terms: list[str]) -> Callable[[str], bool]:
    """One regex alternating every term."""
    pattern = re.compile("|".join(f"(?:{term_pattern(term)})" for term in terms))
    return lambda prompt: pattern.search(normalize(prompt)) is not None


# --- measuring ----------------------------------------------------------------------------------------


def per_check_us(check: Callable[[str], object], prompt: str, batches: int, per_batch: int) -> float:
    """Median over `batches` of (batch time / checks in it), in microseconds, after one warm-up batch."""
    timings = []
    for batch in range(batches + 1):
        started = time.perf_counter()
        for _ in range(per_batch):
            check(prompt)
        elapsed = time.perf_counter() - started
        if batch:
            timings.append(elapsed / per_batch * 1e6)
    return statistics.median(timings)


def measure(count: int, batches: int) -> Report:
    """Build the matchers and time every check."""
    started = time.perf_counter()
    # First thing in the process: the first non-ASCII normalisation builds the Unicode table, once.
    table_started = time.perf_counter()
    normalize("é")
    unicode_table_ms = (time.perf_counter() - table_started) * 1000

    rng = random.Random(SEED)
    terms = generate_terms(count, rng)
    report = Report(terms=count, kinds=kinds_of(terms), batches=batches, unicode_table_ms=unicode_table_ms)
    matcher = WordMatcher(terms)
    for _ in range(BUILDS):
        gc.collect()
        build_started = time.perf_counter()
        matcher = WordMatcher(terms)
        report.build_ms.append((time.perf_counter() - build_started) * 1000)
    prompts = build_prompts(terms, rng)
    target = next(prompt.expected for prompt in prompts if prompt.expected is not None)
    small = WordMatcher([*terms[:SMALL_TERMS - 1], target])  # the same answers, a hundredth of the terms
    loop = regex_loop(terms)
    compile_started = time.perf_counter()
    alternated = alternation(terms)
    report.alternation_compile_ms = (time.perf_counter() - compile_started) * 1000

    for prompt in prompts:
        if len(prompt.text) != PROMPT_LENGTH:
            raise BenchmarkError(f"{prompt.label}: {len(prompt.text)} characters, not {PROMPT_LENGTH}")
        for name, found in (("ours", matcher.find(prompt.text)), ("50 terms", small.find(prompt.text))):
            if found != prompt.expected:
                raise BenchmarkError(f"{prompt.label}: {name} found {found!r}, expected {prompt.expected!r}")
        for name, check in (("regex loop", loop), ("alternation", alternated)):
            if check(prompt.text) != (prompt.expected is not None and not prompt.spelled):
                raise BenchmarkError(f"{prompt.label}: the {name} disagrees")
        gc.collect()
        row = Row(prompt)
        row.ours = per_check_us(matcher.find, prompt.text, batches, CHECKS_PER_BATCH)
        row.ours_small = per_check_us(small.find, prompt.text, batches, CHECKS_PER_BATCH)
        # The replaced designs are 100-1000x slower: a few batches of a few checks say enough.
        row.regex_loop = per_check_us(loop, prompt.text, 3, 2)
        row.alternation = per_check_us(alternated, prompt.text, 3, 2)
        report.rows.append(row)
    report.elapsed = time.perf_counter() - started
    return report


# --- reporting ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    value: str
    passed: bool


def targets(report: Report) -> list[Target]:
    slowest = max(report.rows, key=lambda row: row.ours)
    steepest = max(report.rows, key=lambda row: row.scaling)
    return [
        Target(f"median check < {CHECK_TARGET_US:g} µs on every prompt", f"{slowest.ours:.1f} µs "
               f"({slowest.prompt.label})", slowest.ours < CHECK_TARGET_US),
        Target(f"{report.terms} terms / {SMALL_TERMS} terms <= {SCALING_TARGET:g} on every prompt",
               f"{steepest.scaling:.2f} ({steepest.prompt.label})", steepest.scaling <= SCALING_TARGET),
    ]


def _us(value: float) -> str:
    return f"{value:.1f} µs" if value < 1000 else f"{value / 1000:.1f} ms"


def render_table(report: Report) -> str:
    kinds = ", ".join(f"{number} {kind}" for kind, number in report.kinds.items())
    out = [f"Blocked-words benchmark: {report.terms} terms ({kinds}), {PROMPT_LENGTH}-character prompts, "
           f"median of {report.batches} batches of {CHECKS_PER_BATCH} checks "
           f"(python {platform.python_version()}, {os.cpu_count()} CPUs)", ""]
    out.append(f"build WordMatcher({report.terms} terms): median {report.build_median_ms:.1f} ms of {BUILDS}; "
               f"one-time Unicode table (first non-ASCII normalize): {report.unicode_table_ms:.1f} ms")
    out.append("")
    header = ("prompt", "found", f"ours, {report.terms}", f"ours, {SMALL_TERMS}", "ratio",
              f"{report.terms} regexes", "one alternation")
    rows = [header]
    for row in report.rows:
        rows.append((row.prompt.label, repr(row.prompt.expected) if row.prompt.expected else "-", _us(row.ours),
                     _us(row.ours_small), f"{row.scaling:.2f}", _us(row.regex_loop), _us(row.alternation)))
    widths = [max(len(cells[i]) for cells in rows) for i in range(len(header))]
    for cells in rows:
        out.append("  ".join(cell.ljust(width) if i < 2 else cell.rjust(width)
                             for i, (cell, width) in enumerate(zip(cells, widths, strict=True))).rstrip())
    out.append(f"per check, median; ratio: {report.terms} terms over {SMALL_TERMS}; regexes: one compiled regex "
               f"per term tried in turn; alternation: one regex of all terms (compiled in "
               f"{report.alternation_compile_ms:.0f} ms)")
    out.append("")
    for target in targets(report):
        out.append(f"{'PASS' if target.passed else 'FAIL'}  {target.name}: {target.value}")
    out.append(f"\n(total {report.elapsed:.1f} s)")
    return "\n".join(out)


def render_json(report: Report) -> str:
    data: dict[str, Any] = {
        "terms": report.terms,
        "kinds": report.kinds,
        "prompt_length": PROMPT_LENGTH,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "build_ms": {"median": round(report.build_median_ms, 2), "runs": [round(ms, 2) for ms in report.build_ms]},
        "unicode_table_ms": round(report.unicode_table_ms, 2),
        "alternation_compile_ms": round(report.alternation_compile_ms, 1),
        "checks_us": {
            row.prompt.label: {"found": row.prompt.expected, "ours": round(row.ours, 2),
                               f"ours_{SMALL_TERMS}_terms": round(row.ours_small, 2),
                               "regex_loop": round(row.regex_loop, 1), "alternation": round(row.alternation, 1)}
            for row in report.rows
        },
        "targets": [{"name": t.name, "value": t.value, "pass": t.passed} for t in targets(report)],
        "elapsed_s": round(report.elapsed, 1),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.words",
                                     description="Measure how fast blocked words are found in a prompt.")
    parser.add_argument("--terms", type=int, default=5000, help="terms in the matcher (default 5000)")
    parser.add_argument("--batches", type=int, default=200,
                        help=f"batches of {CHECKS_PER_BATCH} checks per figure; the median is reported (default 200)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args(argv)
    if args.terms < SMALL_TERMS:
        parser.error(f"--terms must be at least {SMALL_TERMS}")
    if args.batches < 1:
        parser.error("--batches must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report. 0 once measured (whatever the verdicts), 1 if it could not."""
    args = _parse_args(argv)
    try:
        report = measure(args.terms, args.batches)
    except BenchmarkError as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    print(render_json(report) if args.json else render_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
