"""The request body's content, built from a `JobSpec`: the one place where a job becomes a `GenerationRequest`."""

from __future__ import annotations

from bot.openroute.types import GenerationRequest, InputImage
from bot.records.spec import JobSpec


def generation_request(spec: JobSpec, input_data: bytes | None = None) -> GenerationRequest:
    """The one place a request body's content is built from a spec. `input_data` are the bytes `spec.input`
    refers to (required when it has one)."""
    inputs: tuple[InputImage, ...] = ()
    if spec.input is not None:
        if input_data is None:
            raise ValueError("the spec edits an image but its bytes were not given")
        inputs = (InputImage(data=input_data, mime_type=spec.input.mime_type),)
    return GenerationRequest(prompt=spec.prompt, model=spec.model, aspect_ratio=spec.aspect_ratio,
                             image_size=spec.image_size, input_images=inputs, user=str(spec.requester_id))
