"""All the Discord text of /imagine: progress, results, failures, notes. Pure functions of core values.

Text that comes from outside the bot (prompts, model ids, the model's words, the provider's error messages)
is escaped here, so it can never format our message, mention anyone or hide a link under the bot's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from bot.images.fit import FitResult
from bot.jobs.errors import InputDownloadFailed, InputNotAnImage, InputTooLarge
from bot.jobs.generation import GenerationOutput
from bot.jobs.progress import Phase, Progress, estimate_fraction
from bot.messages import explain, quote
from bot.openroute.errors import OpenRouteError
from bot.openroute.types import ImageModel
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


def unknown_model(model: str) -> str:
    """The refusal of a `model` option that cannot be a model id (too long, spaces, backticks)."""
    return f"🚫 {code(model)} is not an image model this bot can use. Pick one from the list."


def format_cost(cost: Decimal | None) -> str | None:
    if cost is None:
        return None
    return f"${cost:.4f}".rstrip("0").rstrip(".") if cost else "$0"


def model_label(model: ImageModel) -> str:
    """`id — $0.04/image` as model suggestions show it; a token-billed model shows its id alone."""
    price = model.image_price
    return model.id if price is None else f"{model.id} — {format_cost(price)}/image"


def format_elapsed(seconds: float) -> str:
    """`12s`, `1m 05s`, `2h 03m`: whole units, never negative."""
    total = max(0, round(seconds))
    if total < 60:
        return f"{total}s"
    if total < 3600:
        return f"{total // 60}m {total % 60:02d}s"
    return f"{total // 3600}h {total % 3600 // 60:02d}m"


def format_bytes(count: int) -> str:
    """`512 B`, `340 KB`, `3.1 MB` (decimal units, as people read file sizes)."""
    if count < 1_000:
        return f"{max(0, count)} B"
    if count < 1_000_000:
        return f"{count // 1_000} KB"
    return f"{count / 1_000_000:.1f} MB"


def format_limit(size: int) -> str:
    """10485760 -> '10 MB' (binary units, as Discord counts upload limits)."""
    mib = size / (1024 * 1024)
    return f"{mib:.0f} MB" if mib >= 1 else f"{size // 1024} KB"


def error_text(error: BaseException) -> str:
    """The explanation of an error; escaped when it quotes the provider or the model."""
    text = explain(error).text
    return escape(text) if isinstance(error, OpenRouteError) else text


# --- progress --------------------------------------------------------------------------------------------

def render_bar(fraction: float, *, width: int = 16) -> str:
    """A code-formatted bar plus the percentage, e.g. "`▰▰▰▱▱▱▱▱` 38%"."""
    fraction = min(1.0, max(0.0, fraction))
    filled = int(fraction * width + 1e-9)
    return f"`{_BAR_FILLED * filled}{_BAR_EMPTY * (width - filled)}` {int(fraction * 100 + 1e-9)}%"


def _title(progress: Progress) -> str:
    phase = progress.phase
    if phase is Phase.QUEUED:
        line = "**Queued**"
        if progress.queue_position is not None:
            line += f" · #{progress.queue_position} in line"
        return line
    if phase is Phase.WAITING:
        return "**Waiting for the model…**"
    if phase is Phase.RECEIVING:
        total = max(1, progress.images_total)
        current = min(progress.images_done + 1, total)
        line = f"**Receiving image {current}/{total}**" if total > 1 else "**Receiving image**"
        if progress.bytes_received > 0:
            line += f" · {format_bytes(progress.bytes_received)} so far"
        return line
    if phase is Phase.DECODING:
        return "**Decoding images**" if progress.images_total > 1 else "**Decoding image**"
    if phase is Phase.UPLOADING:
        return "**Uploading**"
    if phase is Phase.DONE:
        return "**Done**"
    if phase is Phase.FAILED:
        return "**Failed**"
    return "**Cancelled**"


def format_typical(seconds: float) -> str:
    """How long a model usually takes, rounded as people say it: "usually about 14 s", "… about 3 min"."""
    if seconds < 90:
        return f"usually about {max(1, round(seconds))} s"
    if seconds < 90 * 60:
        return f"usually about {round(seconds / 60)} min"
    return f"usually about {round(seconds / 3600)} h"


def render_progress(progress: Progress, *, now: float, created_at: float, width: int = 16,
                    typical_seconds: float | None = None) -> str:
    """The status lines, e.g.

        **Receiving image 1/2** · 3.1 MB so far · 12s · usually about 14 s
        `▰▰▰▰▰▰▱▱▱▱▱▱▱▱▱▱` 38%

    Elapsed time counts from `created_at` while queued and from `progress.started_at` once work began.
    While the model works, `typical_seconds` (its recent average, None: unknown) is shown for comparison.
    Active phases get a bar; while waiting, the model's latest streamed text follows as an escaped quote."""
    since = created_at if progress.phase is Phase.QUEUED or progress.started_at is None else progress.started_at
    title = f"{_title(progress)} · {format_elapsed(now - since)}"
    if typical_seconds is not None and typical_seconds > 0 and progress.phase in (Phase.WAITING, Phase.RECEIVING):
        title += f" · {format_typical(typical_seconds)}"
    lines = [title]
    if progress.phase in (Phase.WAITING, Phase.RECEIVING, Phase.DECODING, Phase.UPLOADING):
        lines.append(render_bar(estimate_fraction(progress), width=width))
    if progress.phase is Phase.WAITING and progress.model_text.strip():
        lines.append("> " + tail(progress.model_text, MODEL_TEXT_LIMIT))
    return "\n".join(lines)


# --- the job's message -----------------------------------------------------------------------------------

def describe_options(spec: JobSpec) -> str:
    parts = [code(spec.model)]
    if spec.aspect_ratio:
        parts.append(spec.aspect_ratio)
    if spec.image_size:
        parts.append(spec.image_size)
    if spec.count > 1:
        parts.append(f"×{spec.count}")
    if spec.input is not None:
        parts.append("edit")
    return " · ".join(parts)


def header(spec: JobSpec) -> str:
    return f"**{echo_prompt(spec.prompt, PROMPT_HEADER_LIMIT)}**\n-# {describe_options(spec)}"


def progress_content(spec: JobSpec, progress: Progress, *, now: float, created_at: float,
                     typical_seconds: float | None = None) -> str:
    status = render_progress(progress, now=now, created_at=created_at, typical_seconds=typical_seconds)
    return f"{header(spec)}\n{status}"[:MESSAGE_LIMIT]


def uploading_content(spec: JobSpec) -> str:
    return f"{header(spec)}\n**Uploading…**"


def cancelled_content(spec: JobSpec) -> str:
    return f"{header(spec)}\n✖️ Cancelled."


def failure_content(spec: JobSpec, error: BaseException) -> str:
    return f"{header(spec)}\n⚠️ {error_text(error)}"[:MESSAGE_LIMIT]


def fit_notes(fit: FitResult) -> list[str]:
    """One sentence per change made to fit Discord's upload limits."""
    limit = format_limit(fit.max_bytes)
    notes: list[str] = []
    for number, image in enumerate(fit.images, start=1):
        if image.action == "optimized":
            notes.append(f"Image {number} was re-compressed to fit Discord's {limit} upload limit.")
        elif image.action == "original_encoding":
            kind = _FORMAT_NAMES.get(image.mime_type, image.mime_type)
            notes.append(f"Image {number} was sent as {kind} because the PNG was larger than Discord's {limit} "
                         "upload limit.")
        elif image.action == "downscaled":
            notes.append(f"Image {number} was downscaled to {image.width}×{image.height} to fit Discord's "
                         f"{limit} upload limit.")
    if fit.dropped:
        more = "1 more image was" if fit.dropped == 1 else f"{fit.dropped} more images were"
        notes.append(f"{more} not sent: a message can carry at most {len(fit.images)} files.")
    return notes


def final_content(spec: JobSpec, output: GenerationOutput, notes: Sequence[str] = (), *,
                  source_url: str | None = None) -> str:
    meta = [describe_options(spec), format_elapsed(output.elapsed)]
    cost = format_cost(output.cost)
    if cost:
        meta.append(cost)
    meta.append(f"by <@{spec.requester_id}>")
    title = echo_prompt(spec.prompt) if spec.prompt else f"A blend of {len(spec.inputs)} images"
    lines = [f"**{title}**", "-# " + " · ".join(meta)]
    origin = origin_line(spec, source_url)
    if origin:
        lines.append(f"-# {origin}")
    if output.failures:
        lines.append(f"-# {len(output.failures)} of {output.requested} images failed: "
                     f"{error_text(output.failures[0])}")
    lines.extend(f"-# {note}" for note in notes)
    return "\n".join(lines)[:MESSAGE_LIMIT]


def origin_line(spec: JobSpec, source_url: str | None) -> str:
    """What a toolkit result was made from ("Upscaled from image 2 of the original", with a link), and its style."""
    original = f"[the original]({source_url})" if source_url else "the original"
    made = {
        JobKind.UPSCALE: f"Upscaled to {spec.image_size} from image {spec.source_image} of {original}",
        JobKind.VARY_SUBTLE: f"A subtle variation of image {spec.source_image} of {original}",
        JobKind.VARY_STRONG: f"A bold variation of image {spec.source_image} of {original}",
        JobKind.REMIX: f"A remix of {original}",
        JobKind.BLEND: f"A blend of {len(spec.inputs)} images",
    }.get(spec.kind, "")
    style = f"Style: {code(spec.style)}" if spec.style else ""
    return " · ".join(part for part in (made, style) if part)


def interrupted_content(spec: JobSpec) -> str:
    if spec.kind is JobKind.DESCRIBE:  # its prompts come from a new describe, not from a retry
        return "your describe was interrupted because the bot restarted. Run /describe (or Describe image) again."
    return (f"your image for **{echo_prompt(spec.prompt, 200)}** was interrupted because the bot restarted. "
            "Press Retry to run it again.")


def retry_after_restart(spec: JobSpec) -> bool:
    """Whether a job cut off by a restart is offered again with a Retry button (a describe is not: /imagine
    cannot run it)."""
    return spec.kind is not JobKind.DESCRIBE


def input_refusal(error: BaseException) -> str:
    """Why the image a member gave cannot be edited."""
    if isinstance(error, InputNotAnImage):
        return f"{code(error.filename)} is not a PNG, JPEG or WebP image."
    if isinstance(error, InputTooLarge):
        size = f"{error.size / 1e6:.1f} MB; " if error.size else ""
        subject = code(error.filename) if error.filename else "The image"
        return f"{subject} is too large ({size}the limit is {error.limit / 1e6:g} MB)."
    if isinstance(error, InputDownloadFailed):
        return "Could not download the image from Discord. Try again."
    return f"That image can't be used: {explain(error).text}"


def audit_line(spec: JobSpec, output: GenerationOutput, link: str | None) -> str:
    """A generation as the audit channel records it: who, what, which model, what it cost, where."""
    cost = format_cost(output.cost) or "cost not reported"
    images = f"{len(output.images)} image{'s' if len(output.images) != 1 else ''}"
    where = f" · [result]({link})" if link else ""
    return (f"🖼️ <@{spec.requester_id}> · {code(spec.model)} · {images} · {cost}{where}\n"
            f"> {echo_prompt(spec.prompt, PROMPT_HEADER_LIMIT)}")[:MESSAGE_LIMIT]


def budget_warning(spent: Decimal, budget: Decimal) -> str:
    """The audit channel's one warning a month when spending passes 80 % of the budget."""
    share = int(spent / budget * 100) if budget else 100
    return (f"⚠️ This server has spent {format_cost(spent)} of its {format_cost(budget)} monthly image budget "
            f"({share} %). New requests are refused once it is used up; /settings budget changes it.")


def blocked_prompt_audit(user_id: int, prompt: str, term: str) -> str:
    """The audit line of a refused prompt: who, the prompt and the term (the member was not told the term)."""
    return f"🚫 Blocked prompt from <@{user_id}> (term {code(term)}):\n> {echo_prompt(prompt, PROMPT_HEADER_LIMIT)}"
