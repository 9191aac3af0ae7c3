"""The provider's model list: a `/models` answer read as the `ImageModel`s it offers."""

from __future__ import annotations

from typing import Any

from bot.openroute.chunks import to_decimal, to_int
from bot.openroute.errors import UnexpectedResponse
from bot.openroute.types import ImageModel, ModelPricing


def parse_image_models(payload: Any) -> list[ImageModel]:
    """`ImageModel`s from a `/models` answer: only models whose output modalities include "image"."""
    items = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(items, list):
        raise UnexpectedResponse("OpenRoute's model list has no 'data' array")
    models: list[ImageModel] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        architecture = item.get("architecture") if isinstance(item.get("architecture"), dict) else {}
        outputs = _strings(architecture.get("output_modalities"))
        if "image" not in outputs:
            continue
        pricing = item.get("pricing") if isinstance(item.get("pricing"), dict) else {}
        models.append(ImageModel(
            id=item["id"],
            name=item["name"] if isinstance(item.get("name"), str) and item["name"] else item["id"],
            pricing=ModelPricing(prompt=to_decimal(pricing.get("prompt")),
                                 completion=to_decimal(pricing.get("completion")),
                                 image=to_decimal(pricing.get("image")),
                                 image_output=to_decimal(pricing.get("image_output")),
                                 request=to_decimal(pricing.get("request"))),
            input_modalities=_strings(architecture.get("input_modalities")),
            output_modalities=outputs,
            context_length=to_int(item.get("context_length")),
        ))
    return models


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()
