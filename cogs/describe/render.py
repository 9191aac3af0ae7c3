"""All the Discord text of Describe. Pure functions of core values; the model's words are escaped here (they
can neither format the message, hide a link nor mention anyone), as /imagine's renderer does for prompts."""

from __future__ import annotations

from decimal import Decimal

from bot.jobs.describe import Description, NoPrompts
from bot.jobs.progress import Phase, Progress
from bot.records.spec import JobSpec
from cogs.imagine.render import MESSAGE_LIMIT, code, echo_prompt, error_text, escape, format_cost, format_elapsed

SHOWN_PROMPT = 400  # characters of each prompt shown (four fit one message); the button uses it whole
STREAMED_TEXT = 1500  # the latest characters of the model's text shown while it writes


def header(spec: JobSpec, *, cost: Decimal | None = None, elapsed: float | None = None) -> str:
    meta = [code(spec.model)]
    if elapsed is not None:
        meta.append(format_elapsed(elapsed))
    if (shown := format_cost(cost)) is not None:
        meta.append(shown)
    meta.append(f"by <@{spec.requester_id}>")
    return "🔎 **Describe** · " + " · ".join(meta)


def progress_content(spec: JobSpec, progress: Progress) -> str:
    """The reply while the model reads the image and writes: its text so far, quoted."""
    top = header(spec)
    text = progress.model_text.strip()
    if progress.phase is Phase.QUEUED:
        return f"{top}\nWaiting for a free slot…"
    if not text:
        return f"{top}\nThe model is looking at the image…"
    quoted = "\n".join(f"> {escape(line)}" if line.strip() else ">" for line in text.splitlines())
    room = min(STREAMED_TEXT, MESSAGE_LIMIT - len(top) - 1)
    if len(quoted) > room:  # the latest text, which escaping may have made longer
        quoted = "> …" + quoted[-(room - 3):]
    return f"{top}\n{quoted}"


def prompts_content(spec: JobSpec, description: Description) -> str:
    """The answer: the prompts numbered, each shortened to fit, and what the buttons do."""
    lines = [header(spec, cost=description.cost, elapsed=description.elapsed)]
    lines += [f"**{number}.** {echo_prompt(prompt, SHOWN_PROMPT)}"
              for number, prompt in enumerate(description.prompts, 1)]
    few = "" if len(description.prompts) == 4 else \
        f" (the model gave {len(description.prompts)} prompt{'s' if len(description.prompts) != 1 else ''})"
    lines.append(f"-# Press a number to imagine that prompt with the default model{few}.")
    return "\n".join(lines)[:MESSAGE_LIMIT]


def no_prompts(error: NoPrompts) -> str:
    cost = format_cost(error.cost)
    paid = f" Its answer still cost {cost}, which counts toward your limits." if cost else ""
    return ("⚠️ The model answered without any prompt for this image, so there is nothing to imagine from it. Try "
            f"again, or pick another model with the `model` option.{paid}")


def failure(error: BaseException) -> str:
    return f"⚠️ The image could not be described: {error_text(error)}"[:MESSAGE_LIMIT]


def no_image() -> str:
    return "That message has no PNG, JPEG or WebP image to describe."
