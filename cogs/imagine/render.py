"""All the Discord text of /imagine: progress, results, failures, notes. Pure functions of core values.

Text that comes from outside the bot (prompts, model ids, the model's words, the provider's error messages)
is escaped here, so it can never format our message, mention anyone or hide a link under the bot's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from bot.i18n import Message, Speaker, english, msg, msgs
from bot.images.fit import FitResult
from bot.jobs.errors import InputDownloadFailed, InputNotAnImage, InputTooLarge
from bot.jobs.generation import GenerationOutput
from bot.jobs.progress import Phase, Progress, estimate_fraction
from bot.messages import explain, quote
from bot.openroute.errors import OpenRouteError
from bot.records.spec import JobKind, JobSpec

PROMPT_ECHO_LIMIT = 1200
PROMPT_HEADER_LIMIT = 300
CODE_LIMIT = 100  # characters of an id or a name shown in a code span (model ids, file names, terms)
MODEL_TEXT_LIMIT = 200  # visible characters of the model's streamed text while waiting (the latest ones)
MESSAGE_LIMIT = 2000

_BAR_FILLED = "▰"
_BAR_EMPTY = "▱"
# The characters Discord markdown builds inline formatting, masked links, mentions, emoji and timestamps
# from (text shown here is always one line, so line-start markers need nothing). A backslash before
# punctuation renders as the character itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\*_~`|<>#\[\]()])")
_FORMAT_NAMES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP"}
_CODE_SPAN = re.compile(r"`([^`\n]*)`")


# --- escaping and small formats --------------------------------------------------------------------------

def escape(text: str) -> str:
    """Markdown escaped and every `@` defused (a zero-width space after it breaks @everyone and <@id>)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("@", "@\u200b")


def echo_prompt(prompt: str, limit: int = PROMPT_ECHO_LIMIT) -> str:
    """The prompt as shown back: one paragraph, trimmed, escaped."""
    return escape(quote(prompt, limit))


def tail(text: str, limit: int) -> str:
    """The latest `limit` visible characters of a streamed text, one line, led by `…` when cut, escaped."""
    visible = "".join(ch for ch in quote(text, len(text) + 1) if ch.isprintable())
    if len(visible) > limit:
        visible = "…" + visible[-(limit - 1):].lstrip()
    return escape(visible)


def code(text: str, limit: int = CODE_LIMIT) -> str:
    """Inline code that the text cannot break out of: one line, at most `limit` characters."""
    return f"`{quote(text, limit).replace('`', 'ˋ')}`"


def inert(sentence: str) -> str:
    """A sentence of the core (a refusal, say) as Discord shows it inert: its code spans kept, each capped,
    and everything else escaped, so text a member or moderator typed into it (a model id, a block reason)
    can neither format the message, hide a link, nor mention anyone."""
    parts: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(sentence):
        parts.append(escape(sentence[last:span.start()]))
        parts.append(code(span.group(1)))
        last = span.end()
    parts.append(escape(sentence[last:]))
    return "".join(parts)


def refusal(reason: str) -> str:
    """A refusal as the member reads it: 🚫 and the core's sentence, inert, within one message."""
    return f"🚫 {inert(reason)}"[:MESSAGE_LIMIT]


def unknown_model(model: str, speak: Speaker | None = None) -> str:
    """The refusal of a `model` option that cannot be a model id (too long, spaces, backticks)."""
    speak = speak or english()
    return "🚫 " + speak(msg("{model} is not an image model this bot can use. Pick one from the list.",
                             model=code(model)))


def format_cost(cost: Decimal | None) -> str | None:
    if cost is None:
        return None
    return f"${cost:.4f}".rstrip("0").rstrip(".") if cost else "$0"


def format_elapsed(seconds: float, speak: Speaker | None = None) -> str:
    """`12s`, `1m 05s`, `2h 03m`: whole units, never negative (in the reader's units: `12秒`, `1 Min. 5 Sek.`)."""
    if speak is not None and speak.locale != english().locale:
        return speak.elapsed(seconds)
    total = max(0, round(seconds))
    if total < 60:
        return f"{total}s"
    if total < 3600:
        return f"{total // 60}m {total % 60:02d}s"
    return f"{total // 3600}h {total % 3600 // 60:02d}m"


def format_bytes(count: int, speak: Speaker | None = None) -> str:
    """`512 B`, `340 KB`, `3.1 MB` (decimal units, as people read file sizes; `3,1 MB` in German)."""
    speak = speak or english()
    if count < 1_000:
        return f"{speak.number(max(0, count))} B"
    if count < 1_000_000:
        return f"{speak.number(count // 1_000)} KB"
    return f"{speak.number(round(count / 1_000_000, 1), places=1)} MB"


def format_limit(size: int) -> str:
    """10485760 -> '10 MB' (binary units, as Discord counts upload limits)."""
    mib = size / (1024 * 1024)
    return f"{mib:.0f} MB" if mib >= 1 else f"{size // 1024} KB"


def error_text(error: BaseException, speak: Speaker | None = None) -> str:
    """The explanation of an error in the reader's language; escaped when it quotes the provider or the model."""
    text = (speak or english())(explain(error).message)
    return escape(text) if isinstance(error, OpenRouteError) else text


# --- progress --------------------------------------------------------------------------------------------

def render_bar(fraction: float, *, width: int = 16) -> str:
    """A code-formatted bar plus the percentage, e.g. "`▰▰▰▱▱▱▱▱` 38%"."""
    fraction = min(1.0, max(0.0, fraction))
    filled = int(fraction * width + 1e-9)
    return f"`{_BAR_FILLED * filled}{_BAR_EMPTY * (width - filled)}` {int(fraction * 100 + 1e-9)}%"


def _title(progress: Progress, speak: Speaker) -> Message:
    phase = progress.phase
    if phase is Phase.QUEUED:
        if progress.queue_position is not None:
            return msg("**Queued** · #{position} in line", position=progress.queue_position)
        return msg("**Queued**")
    if phase is Phase.WAITING:
        return msg("**Waiting for the model…**")
    if phase is Phase.RECEIVING:
        total = max(1, progress.images_total)
        current = min(progress.images_done + 1, total)
        if progress.bytes_received > 0:
            size = format_bytes(progress.bytes_received, speak)
            if total > 1:
                return msg("**Receiving image {current}/{total}** · {size} so far", current=current, total=total,
                           size=size)
            return msg("**Receiving image** · {size} so far", size=size)
        if total > 1:
            return msg("**Receiving image {current}/{total}**", current=current, total=total)
        return msg("**Receiving image**")
    if phase is Phase.DECODING:
        return msg("**Decoding images**") if progress.images_total > 1 else msg("**Decoding image**")
    if phase is Phase.UPLOADING:
        return msg("**Uploading**")
    if phase is Phase.DONE:
        return msg("**Done**")
    if phase is Phase.FAILED:
        return msg("**Failed**")
    return msg("**Cancelled**")


def format_typical(seconds: float, speak: Speaker | None = None) -> str:
    """How long a model usually takes, rounded as people say it: "usually about 14 s", "… about 3 min"."""
    speak = speak or english()
    if seconds < 90:
        return speak(msg("usually about {seconds} s", seconds=max(1, round(seconds))))
    if seconds < 90 * 60:
        return speak(msg("usually about {minutes} min", minutes=round(seconds / 60)))
    return speak(msg("usually about {hours} h", hours=round(seconds / 3600)))


def render_progress(progress: Progress, *, now: float, created_at: float, width: int = 16,
                    typical_seconds: float | None = None, speak: Speaker | None = None) -> str:
    """The status lines, e.g.

        **Receiving image 1/2** · 3.1 MB so far · 12s · usually about 14 s
        `▰▰▰▰▰▰▱▱▱▱▱▱▱▱▱▱` 38%

    Elapsed time counts from `created_at` while queued and from `progress.started_at` once work began.
    While the model works, `typical_seconds` (its recent average, None: unknown) is shown for comparison.
    Active phases get a bar; while waiting, the model's latest streamed text follows as an escaped quote."""
    since = created_at if progress.phase is Phase.QUEUED or progress.started_at is None else progress.started_at
    speak = speak or english()
    title = f"{speak(_title(progress, speak))} · {format_elapsed(now - since, speak)}"
    if typical_seconds is not None and typical_seconds > 0 and progress.phase in (Phase.WAITING, Phase.RECEIVING):
        title += f" · {format_typical(typical_seconds, speak)}"
    lines = [title]
    if progress.phase in (Phase.WAITING, Phase.RECEIVING, Phase.DECODING, Phase.UPLOADING):
        lines.append(render_bar(estimate_fraction(progress), width=width))
    if progress.phase is Phase.WAITING and progress.model_text.strip():
        lines.append("> " + tail(progress.model_text, MODEL_TEXT_LIMIT))
    return "\n".join(lines)


# --- the job's message -----------------------------------------------------------------------------------

def describe_options(spec: JobSpec, speak: Speaker | None = None) -> str:
    parts = [code(spec.model)]
    if spec.aspect_ratio:
        parts.append(spec.aspect_ratio)
    if spec.image_size:
        parts.append(spec.image_size)
    if spec.count > 1:
        parts.append(f"×{spec.count}")
    if spec.input is not None:
        parts.append((speak or english())(msg("edit")))
    return " · ".join(parts)


def header(spec: JobSpec, speak: Speaker | None = None) -> str:
    return f"**{echo_prompt(spec.prompt, PROMPT_HEADER_LIMIT)}**\n-# {describe_options(spec, speak)}"


def progress_content(spec: JobSpec, progress: Progress, *, now: float, created_at: float,
                     typical_seconds: float | None = None, speak: Speaker | None = None) -> str:
    status = render_progress(progress, now=now, created_at=created_at, typical_seconds=typical_seconds, speak=speak)
    return f"{header(spec, speak)}\n{status}"[:MESSAGE_LIMIT]


def uploading_content(spec: JobSpec, speak: Speaker | None = None) -> str:
    uploading = (speak or english())(msg("**Uploading…**"))
    return f"{header(spec, speak)}\n{uploading}"


def cancelled_content(spec: JobSpec, speak: Speaker | None = None) -> str:
    cancelled = (speak or english())(msg("Cancelled."))
    return f"{header(spec, speak)}\n✖️ {cancelled}"


def failure_content(spec: JobSpec, error: BaseException, speak: Speaker | None = None) -> str:
    return f"{header(spec, speak)}\n⚠️ {error_text(error, speak)}"[:MESSAGE_LIMIT]


def fit_notes(fit: FitResult) -> list[Message]:
    """One sentence per change made to fit Discord's upload limits."""
    limit = format_limit(fit.max_bytes)
    notes: list[Message] = []
    for number, image in enumerate(fit.images, start=1):
        if image.action == "optimized":
            notes.append(msg("Image {number} was re-compressed to fit Discord's {limit} upload limit.",
                             number=number, limit=limit))
        elif image.action == "original_encoding":
            notes.append(msg("Image {number} was sent as {format} because the PNG was larger than Discord's {limit} "
                             "upload limit.", number=number, limit=limit,
                             format=_FORMAT_NAMES.get(image.mime_type, image.mime_type)))
        elif image.action == "downscaled":
            notes.append(msg("Image {number} was downscaled to {size} to fit Discord's {limit} upload limit.",
                             number=number, size=f"{image.width}×{image.height}", limit=limit))
    if fit.dropped:
        notes.append(msgs("{count} more image was not sent: a message can carry at most {files} files.",
                          "{count} more images were not sent: a message can carry at most {files} files.",
                          fit.dropped, files=len(fit.images)))
    return notes


def final_content(spec: JobSpec, output: GenerationOutput, notes: Sequence[Message | str] = (), *,
                  source_url: str | None = None, speak: Speaker | None = None) -> str:
    speak = speak or english()
    meta = [describe_options(spec, speak), format_elapsed(output.elapsed, speak)]
    if output.cost is not None:
        meta.append(speak.money(output.cost))
    meta.append(speak(msg("by {member}", member=f"<@{spec.requester_id}>")))
    title = echo_prompt(spec.prompt) if spec.prompt else speak(msgs("A blend of {count} image",
                                                                    "A blend of {count} images", len(spec.inputs)))
    lines = [f"**{title}**", "-# " + " · ".join(meta)]
    origin = origin_line(spec, source_url, speak)
    if origin:
        lines.append(f"-# {origin}")
    if output.failures:
        lines.append("-# " + speak(msg("{failed} of {requested} images failed: {error}", failed=len(output.failures),
                                       requested=output.requested, error=error_text(output.failures[0], speak))))
    lines.extend(f"-# {speak(note)}" for note in notes)
    return "\n".join(lines)[:MESSAGE_LIMIT]


def origin_line(spec: JobSpec, source_url: str | None, speak: Speaker | None = None) -> str:
    """What a toolkit result was made from ("Upscaled from image 2 of the original", with a link), and its style."""
    speak = speak or english()
    original = speak(msg("the original"))
    if source_url:
        original = f"[{original}]({source_url})"
    made: Message | None = {
        JobKind.UPSCALE: msg("Upscaled to {size} from image {image} of {original}", size=spec.image_size or "",
                             image=spec.source_image or 1, original=original),
        JobKind.VARY_SUBTLE: msg("A subtle variation of image {image} of {original}", image=spec.source_image or 1,
                                 original=original),
        JobKind.VARY_STRONG: msg("A bold variation of image {image} of {original}", image=spec.source_image or 1,
                                 original=original),
        JobKind.REMIX: msg("A remix of {original}", original=original),
        JobKind.BLEND: msgs("A blend of {count} image", "A blend of {count} images", len(spec.inputs)),
    }.get(spec.kind)
    style = speak(msg("Style: {style}", style=code(spec.style))) if spec.style else ""
    return " · ".join(part for part in (speak(made) if made else "", style) if part)


def interrupted_content(spec: JobSpec, speak: Speaker | None = None, *, mention: str | None = None) -> str:
    """A job cut off by a restart, told to its requester: led by their `mention` in a channel message, else a
    sentence of its own (the original response)."""
    speak = speak or english()
    if spec.kind is JobKind.DESCRIBE:  # its prompts come from a new describe, not from a retry
        if mention:
            return speak(msg("{member}, your describe was interrupted because the bot restarted. Run /describe (or "
                             "Describe image) again.", member=mention))
        return speak(msg("Your describe was interrupted because the bot restarted. Run /describe (or Describe "
                         "image) again."))
    prompt = echo_prompt(spec.prompt, 200)
    if mention:
        return speak(msg("{member}, your image for **{prompt}** was interrupted because the bot restarted. Press "
                         "Retry to run it again.", member=mention, prompt=prompt))
    return speak(msg("Your image for **{prompt}** was interrupted because the bot restarted. Press Retry to run it "
                     "again.", prompt=prompt))


def retry_after_restart(spec: JobSpec) -> bool:
    """Whether a job cut off by a restart is offered again with a Retry button (a describe is not: /imagine
    cannot run it)."""
    return spec.kind is not JobKind.DESCRIBE


def input_refusal(error: BaseException, speak: Speaker | None = None) -> str:
    """Why the image a member gave cannot be edited."""
    speak = speak or english()
    if isinstance(error, InputNotAnImage):
        return speak(msg("{file} is not a PNG, JPEG or WebP image.", file=code(error.filename)))
    if isinstance(error, InputTooLarge):
        limit = f"{error.limit / 1e6:g}"
        if error.filename and error.size:
            return speak(msg("{file} is too large ({size} MB; the limit is {limit} MB).", file=code(error.filename),
                             size=f"{error.size / 1e6:.1f}", limit=limit))
        if error.filename:
            return speak(msg("{file} is too large (the limit is {limit} MB).", file=code(error.filename),
                             limit=limit))
        if error.size:
            return speak(msg("The image is too large ({size} MB; the limit is {limit} MB).",
                             size=f"{error.size / 1e6:.1f}", limit=limit))
        return speak(msg("The image is too large (the limit is {limit} MB).", limit=limit))
    if isinstance(error, InputDownloadFailed):
        return speak(msg("Could not download the image from Discord. Try again."))
    return speak(msg("That image can't be used: {reason}", reason=explain(error).message))


def audit_line(spec: JobSpec, output: GenerationOutput, link: str | None, speak: Speaker | None = None) -> str:
    """A generation as the audit channel records it: who, what, which model, what it cost, where."""
    speak = speak or english()
    cost = speak.money(output.cost) if output.cost is not None else speak(msg("cost not reported"))
    images = speak(msgs("{count} image", "{count} images", len(output.images)))
    where = " · " + speak(msg("[result]({link})", link=link)) if link else ""
    return (f"🖼️ <@{spec.requester_id}> · {code(spec.model)} · {images} · {cost}{where}\n"
            f"> {echo_prompt(spec.prompt, PROMPT_HEADER_LIMIT)}")[:MESSAGE_LIMIT]


def budget_warning(spent: Decimal, budget: Decimal, speak: Speaker | None = None) -> str:
    """The audit channel's one warning a month when spending passes 80 % of the budget."""
    speak = speak or english()
    share = int(spent / budget * 100) if budget else 100
    return "⚠️ " + speak(msg("This server has spent {spent} of its {budget} monthly image budget ({share} %). New "
                             "requests are refused once it is used up; /settings budget changes it.",
                             spent=speak.money(spent, total=True), budget=speak.money(budget, total=True), share=share))


def blocked_prompt_audit(user_id: int, prompt: str, term: str, speak: Speaker | None = None) -> str:
    """The audit line of a refused prompt: who, the prompt and the term (the member was not told the term)."""
    speak = speak or english()
    return "🚫 " + speak(msg("Blocked prompt from {member} (term {term}):", member=f"<@{user_id}>",
                             term=code(term))) + f"\n> {echo_prompt(prompt, PROMPT_HEADER_LIMIT)}"
