"""Reading a describe model's answer as prompts: whatever way the model wrote its list (numbered, bulleted,
quoted, in bold, with a lead-in line or a closing remark), the prompts themselves, in order, at most four."""

from __future__ import annotations

import re

MAX_PROMPTS = 4  # the buttons 1 2 3 4
MAX_PROMPT_CHARS = 1000  # what /imagine accepts

# the start of a list item: a bullet, or a number as in "1." "1)" "(1)" "1 -" "#1:" "Prompt 1:" "**1.**",
# after any markdown heading marks; a number must be followed by a space (or end the line): "1.5 m" is no item
_ITEM = re.compile(
    r"""^\s*(?:\#{1,6}\s*)?
    (?:
        [-*•·+]\s+
      | (?:\*\*|__)?\(?(?:prompt\s*)?\#?\d{1,2}\s*[.):\]\-–—]\)?(?:\*\*|__)?(?=\s|$)
      | (?:\*\*|__)?prompt\s*\#?\d{1,2}(?:\*\*|__)?(?=\s|$)
    )\s*""", re.IGNORECASE | re.VERBOSE)
_LABEL = re.compile(r"^(?:\*\*|__)?prompt\s*(?:\*\*|__)?\s*[:\-–—]\s*(?:\*\*|__)?\s*", re.IGNORECASE)
_WRAPPERS = (("**", "**"), ("__", "__"), ('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"), ("'", "'"), ("‘", "’"),
             ("`", "`"), ("*", "*"), ("_", "_"))
_QUOTES = (('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"))
_SPACES = re.compile(r"\s+")


def parse_prompts(text: str, *, limit: int = MAX_PROMPTS, max_chars: int = MAX_PROMPT_CHARS) -> tuple[str, ...]:
    """The prompts of a model's answer, in order, each once, at most `limit`, each at most `max_chars` long.

    When some lines start list items (numbers or bullets), only the items count: an item runs on over the indented
    lines that follow it (an item that starts empty, as a heading "Prompt 1" does, over the lines up to a blank
    line), and other lines (a lead-in, a closing remark) are dropped. Without any item, the lines in quotes are
    the prompts; without those either, every line but a lead-in ending with a colon, when there are two or more:
    one sentence alone is the model talking ("I can't describe this picture."), not a list. Quotes and bold
    around a prompt and a "Prompt:" label before it are taken off."""
    lines = text.splitlines()
    items: list[list[str]] = []
    if any(_ITEM.match(line) for line in lines):
        current: list[str] | None = None
        heading = False  # the item's marker stood alone ("### Prompt 1"): its text is on the lines below
        for line in lines:
            if (start := _ITEM.match(line)) is not None:
                current = [line[start.end():]]
                heading = not current[0].strip()
                items.append(current)
            elif not line.strip():
                current = None
            elif current is not None and (heading or line[:1].isspace()):
                current.append(line)
    else:
        items = _unlisted(lines)
    prompts: list[str] = []
    for item in items:
        prompt = _clean(" ".join(item), max_chars)
        if prompt and prompt not in prompts:
            prompts.append(prompt)
            if len(prompts) == limit:
                break
    return tuple(prompts)


def _unlisted(lines: list[str]) -> list[list[str]]:
    """The prompts of an answer without list items: its quoted lines, else its lines when there are several."""
    lines = [line.strip() for line in lines if line.strip() and not line.rstrip().endswith(":")]
    quoted = [[line] for line in lines if any(
        len(line) > 2 and line.startswith(opening) and line.endswith(closing) for opening, closing in _QUOTES)]
    if quoted:
        return quoted
    return [[line] for line in lines] if len(lines) > 1 else []


def _clean(text: str, max_chars: int) -> str:
    text = "".join(ch for ch in _SPACES.sub(" ", text) if ch.isprintable()).strip()
    changed = True
    while changed and text:
        changed = False
        if (label := _LABEL.match(text)) is not None and label.end() < len(text):
            text, changed = text[label.end():].strip(), True
        for opening, closing in _WRAPPERS:
            if len(text) > len(opening) + len(closing) and text.startswith(opening) and text.endswith(closing):
                text, changed = text[len(opening):-len(closing)].strip(), True
    if len(text) > max_chars:  # cut at the last word that fits
        cut = text[:max_chars + 1].rsplit(" ", 1)[0] if " " in text[:max_chars + 1] else text[:max_chars]
        text = cut[:max_chars].rstrip(" ,;")
    return text
