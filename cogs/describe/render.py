"""All the Discord text of Describe. Pure functions of core values; the model's words are escaped here (they
can neither format the message, hide a link nor mention anyone), as /imagine's renderer does for prompts.

Each function speaks through `speak` (English by default): the reply's public language for what everyone sees
(the progress and the prompts), the member's own for what only they are told (the failures)."""

from __future__ import annotations

from decimal import Decimal

from bot.i18n import Speaker, english, msg, msgs
from bot.jobs.describe import Description, NoPrompts
from bot.jobs.progress import Phase, Progress
from bot.records.spec import JobSpec
from cogs.imagine.render import MESSAGE_LIMIT, code, echo_prompt, error_text, escape, format_elapsed

SHOWN_PROMPT = 400  # characters of each prompt shown (four fit one message); the button uses it whole
STREAMED_TEXT = 1500  # the latest characters of the model's text shown while it writes


def header(spec: JobSpec, *, cost: Decimal | None = None, elapsed: float | None = None,
           speak: Speaker | None = None) -> str:
    """`🔎 **Describe** · model · time · cost · by @member`: a list of facts, each in the reader's language."""
    speak = speak or english()
    meta = [code(spec.model)]
    if elapsed is not None:
        meta.append(format_elapsed(elapsed, speak))
    if cost is not None:
        meta.append(speak.money(cost))
    meta.append(speak(msg("by {member}", member=f"<@{spec.requester_id}>")))
    title = speak(msg("Describe"))
    return f"🔎 **{title}** · " + " · ".join(meta)


def progress_content(spec: JobSpec, progress: Progress, speak: Speaker | None = None) -> str:
    """The reply while the model reads the image and writes: its text so far, quoted."""
    speak = speak or english()
    top = header(spec, speak=speak)
    text = progress.model_text.strip()
    if progress.phase is Phase.QUEUED:
        return top + "\n" + speak(msg("Waiting for a free slot…"))
    if not text:
        return top + "\n" + speak(msg("The model is looking at the image…"))
    quoted = "\n".join(f"> {escape(line)}" if line.strip() else ">" for line in text.splitlines())
    room = min(STREAMED_TEXT, MESSAGE_LIMIT - len(top) - 1)
    if len(quoted) > room:  # the latest text, which escaping may have made longer
        quoted = "> …" + quoted[-(room - 3):]
    return f"{top}\n{quoted}"


def prompts_content(spec: JobSpec, description: Description, speak: Speaker | None = None) -> str:
    """The answer: the prompts numbered, each shortened to fit, and what the buttons do."""
    speak = speak or english()
    lines = [header(spec, cost=description.cost, elapsed=description.elapsed, speak=speak)]
    lines += [f"**{number}.** {echo_prompt(prompt, SHOWN_PROMPT)}"  # as the buttons number them
              for number, prompt in enumerate(description.prompts, 1)]
    given = len(description.prompts)
    if given == 4:
        footer = msg("Press a number to imagine that prompt with the default model.")
    else:
        footer = msgs("Press a number to imagine that prompt with the default model (the model gave {count} prompt).",
                      "Press a number to imagine that prompt with the default model (the model gave {count} "
                      "prompts).", given)
    lines.append(f"-# {speak(footer)}")
    return "\n".join(lines)[:MESSAGE_LIMIT]


def no_prompts(error: NoPrompts, speak: Speaker | None = None) -> str:
    """Told privately to the member who asked (their language): no prompt came, and what the answer cost."""
    speak = speak or english()
    text = speak(msg("The model answered without any prompt for this image, so there is nothing to imagine from "
                     "it. Try again, or pick another model with the `model` option."))
    if error.cost is not None:
        text += " " + speak(msg("Its answer still cost {cost}, which counts toward your limits.",
                                cost=speak.money(error.cost)))
    return f"⚠️ {text}"


def failure(error: BaseException, speak: Speaker | None = None) -> str:
    """Told privately to the member who asked (their language)."""
    speak = speak or english()
    text = speak(msg("The image could not be described: {error}", error=error_text(error, speak)))
    return "⚠️ " + text[:MESSAGE_LIMIT - 3]


def no_image(speak: Speaker | None = None) -> str:
    """Told privately to the member who used the menu on a message without an image (their language)."""
    return (speak or english())(msg("That message has no PNG, JPEG or WebP image to describe."))
