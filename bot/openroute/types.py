"""Plain data types of the OpenRoute client: requests, stream events, results, models."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ASPECT_RATIOS = ("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9")
IMAGE_SIZES = ("1K", "2K", "4K")


@dataclass(frozen=True, slots=True)
class InputImage:
    """An image sent to the model for editing. Sent as a `data:` URL content part."""

    data: bytes
    mime_type: str


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    prompt: str
    model: str
    aspect_ratio: str | None = None
    image_size: str | None = None
    input_images: tuple[InputImage, ...] = ()
    user: str | None = None  # stable end-user id, forwarded as the API's `user` field


# --- stream events ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Waiting:
    """A keep-alive comment arrived: the model is still working."""


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class ImageProgress:
    """Bytes of the current (still incomplete) image line received so far."""

    index: int
    bytes_received: int


@dataclass(frozen=True, slots=True)
class ImageReady:
    index: int
    data: bytes  # decoded image bytes (not base64)
    mime_type: str


@dataclass(frozen=True, slots=True)
class Usage:
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    cost: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Finished:
    finish_reason: str
    usage: Usage | None
    generation_id: str | None
    model: str | None = None


StreamEvent = Waiting | TextDelta | ImageProgress | ImageReady | Finished


# --- results ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GeneratedImage:
    data: bytes
    mime_type: str


@dataclass(frozen=True, slots=True)
class GenerationResult:
    images: tuple[GeneratedImage, ...]
    text: str
    finish_reason: str
    usage: Usage | None
    generation_id: str | None
    model: str
    elapsed: float = 0.0

    @property
    def cost(self) -> Decimal | None:
        return self.usage.cost if self.usage else None


@dataclass(frozen=True, slots=True)
class ModelPricing:
    prompt: Decimal | None = None
    completion: Decimal | None = None
    image: Decimal | None = None          # per input image
    image_output: Decimal | None = None   # per output image
    request: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ImageModel:
    id: str
    name: str
    pricing: ModelPricing = field(default_factory=ModelPricing)
    input_modalities: tuple[str, ...] = ()
    output_modalities: tuple[str, ...] = ()
    context_length: int | None = None

    @property
    def image_price(self) -> Decimal | None:
        """The listed price of one image: the per-output-image price, else a per-request price; None for a
        token-billed model (a request price of 0 would only read as a misleading "$0")."""
        if self.pricing.image_output is not None:
            return self.pricing.image_output
        return self.pricing.request or None

    @property
    def modalities(self) -> list[str]:
        """What to send as the request's `modalities`: image-only models take ["image"]."""
        return ["image", "text"] if "text" in self.output_modalities else ["image"]
