"""The request body's content, built from a `JobSpec`: the one place where a job becomes a `GenerationRequest`.

The member's own text (and a server style's) is what the policy checks; the bot's fixed instructions for an
upscale, a variation or a blend are added here, from the job's kind, and never checked against blocked words.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.openroute.types import GenerationRequest, InputImage
from bot.records.spec import JobKind, JobSpec

UPSCALE = ("Render this exact image again at a higher resolution. Keep its content, composition, colours and style "
           "unchanged; only add fine detail and sharpness.")
VARY_SUBTLE = "Make a subtle variation of this image: keep its subject, composition and style; change small details."
VARY_STRONG = ("Make a bold variation of this image: keep its subject, but change the composition, pose, lighting and "
               "details freely.")
BLEND = "Combine these images into one coherent image."
DESCRIBE = ("Write four different prompts an image generator could use to make a picture like this one. Each prompt is "
            "one line of at most 60 words naming the subject, the setting, the style, the light and the colours. "
            "Answer with the four prompts only, numbered 1. to 4., one per line.")
_INSTRUCTIONS = {JobKind.UPSCALE: UPSCALE, JobKind.VARY_SUBTLE: VARY_SUBTLE, JobKind.VARY_STRONG: VARY_STRONG,
                 JobKind.DESCRIBE: DESCRIBE}


def model_prompt(spec: JobSpec) -> str:
    """What the model reads: the fixed instruction of the job's kind (if any), then the member's prompt with
    the style's text."""
    prompt = spec.full_prompt
    if spec.kind is JobKind.BLEND:
        return f"{BLEND} {prompt}" if prompt else BLEND
    instruction = _INSTRUCTIONS.get(spec.kind)
    if instruction is None:
        return prompt
    return f"{instruction}\n\nThe image was made from this prompt: {prompt}" if prompt else instruction


def generation_request(spec: JobSpec, input_data: Sequence[bytes] | bytes | None = None) -> GenerationRequest:
    """The one place a request body's content is built from a spec. `input_data` are the bytes of
    `spec.inputs`, in order (required when it has any; one `bytes` for a single input)."""
    data = [input_data] if isinstance(input_data, bytes | bytearray) else list(input_data or ())
    if len(data) != len(spec.inputs):
        raise ValueError(f"the spec sends {len(spec.inputs)} image(s) but {len(data)} were given")
    inputs = tuple(InputImage(data=bytes(raw), mime_type=ref.mime_type) for raw, ref in zip(data, spec.inputs,
                                                                                           strict=True))
    return GenerationRequest(prompt=model_prompt(spec), model=spec.model, aspect_ratio=spec.aspect_ratio,
                             image_size=spec.image_size, input_images=inputs, user=str(spec.requester_id))
