"""Static data of the OpenRoute emulator: scenario ids, canned errors, image sizes and the model list."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

SCENARIO_PREFIX = "emu/"

# Streamed (or answered) like a normal PNG generation, with a twist; see the package docstring.
BEHAVIOUR_SCENARIOS = (
    "emu/png",
    "emu/jpeg-4k",
    "emu/webp",
    "emu/crlf",
    "emu/bom",
    "emu/cr",
    "emu/two-images",
    "emu/usage-after-stop",
    "emu/no-cost",
    "emu/no-image",
    "emu/refusal",
    "emu/mid-stream-error",
    "emu/truncated",
    "emu/no-done",
    "emu/bad-base64",
    "emu/not-an-image",
    "emu/bomb",
    "emu/slow",
    "emu/stall",
    "emu/hold",
    "emu/flaky",
    "emu/nonstream",
)


# Models that read an image and answer in text (Describe): their answer, streamed one line per text delta.
DESCRIBE_ANSWERS: dict[str, str] = {
    "emu/describe": (
        "Here are four prompts for this picture:\n"
        "1. A red fox curled up in fresh snow, soft morning light, wildlife photograph\n"
        "2. A lighthouse on a rocky coast at dusk, oil painting, warm orange sky\n"
        "3. A tabby cat asleep on a sunny windowsill, watercolour, pastel colours\n"
        "4. A rainy city street at night, neon reflections, cinematic, teal and magenta\n"),
    "emu/describe-two": (
        "Only two prompts fit this picture:\n"
        "1. A red fox curled up in fresh snow, soft morning light, wildlife photograph\n"
        "2. A lighthouse on a rocky coast at dusk, oil painting, warm orange sky\n"),
    "emu/describe-none": "I'm sorry, but I can't describe this picture.",
}
# emu/describe-hold: emu/describe's answer, held after its first two lines until `release()` / `release_one()`
DESCRIBE_ANSWERS["emu/describe-hold"] = DESCRIBE_ANSWERS["emu/describe"]
DESCRIBE_SCENARIOS = tuple(DESCRIBE_ANSWERS)
DESCRIBE_COST = 0.0012  # what one describe answer costs


@dataclass(frozen=True, slots=True)
class CannedError:
    """A pre-stream error answer: HTTP status, JSON `error` object (or raw HTML), extra headers."""

    status: int
    message: str
    error_type: str
    metadata: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    html: str | None = None


_CLOUDFLARE_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n"
)

ERROR_SCENARIOS: dict[str, CannedError] = {
    "emu/error-400": CannedError(
        400, "Provider returned error: invalid image_config for this model", "invalid_request",
        {"provider_name": "Google", "provider_code": "INVALID_ARGUMENT"},
    ),
    "emu/error-401": CannedError(401, "User not found.", "authentication"),
    "emu/error-402": CannedError(
        402,
        "Insufficient credits. Add more using https://openrouter.ai/settings/credits",
        "payment_required",
    ),
    # 403 (moderation) is built per request: its metadata quotes the prompt; see moderation_error().
    "emu/error-404": CannedError(404, "No endpoints found for emu/error-404.", "not_found"),
    "emu/error-408": CannedError(408, "Request timed out. Please try again.", "timeout"),
    "emu/error-429": CannedError(
        429,
        "Provider returned error: rate limit exceeded, please retry shortly",
        "rate_limit_exceeded",
        {"provider_name": "Google", "provider_code": "RESOURCE_EXHAUSTED"},
        {"Retry-After": "7"},
    ),
    "emu/error-500": CannedError(500, "Internal Server Error", "server"),
    "emu/error-502": CannedError(
        502, "Provider returned error", "provider_unavailable",
        {"provider_name": "Google", "provider_code": "UNAVAILABLE"},
    ),
    "emu/error-503": CannedError(
        503, "No available providers could handle this request right now. Please retry.",
        "provider_overloaded", {}, {"Retry-After": "3"},
    ),
    "emu/error-html": CannedError(502, "", "", html=_CLOUDFLARE_502),
}

FLAKY_ERROR = CannedError(
    429, "Rate limit exceeded: too many requests", "rate_limit_exceeded",
    {"provider_name": "Google"}, {"Retry-After": "0"},
)


def flagged_excerpt(prompt: str, limit: int = 100) -> str:
    """The prompt as moderation metadata quotes it: at most `limit` chars, middle elided."""
    if len(prompt) <= limit:
        return prompt
    head = (limit - 3) // 2
    return prompt[:head] + "..." + prompt[len(prompt) - (limit - 3 - head):]


def moderation_error(model: str, prompt: str) -> CannedError:
    """The reference's 403 moderation error for this request."""
    return CannedError(
        403,
        f'{model} requires moderation on Google. Your input was flagged for "violence". '
        "No credits were charged.",
        "permission_denied",
        {
            "reasons": ["violence"],
            "flagged_input": flagged_excerpt(prompt),
            "provider_name": "Google",
            "model_slug": model,
        },
    )


ALL_SCENARIOS = (*BEHAVIOUR_SCENARIOS, *sorted([*ERROR_SCENARIOS, "emu/error-403"]))

# Reference §3.1: pixel sizes at 1K; 2K and 4K scale both sides.
ASPECT_RATIO_PIXELS = {
    "1:1": (1024, 1024),
    "2:3": (832, 1248),
    "3:2": (1248, 832),
    "3:4": (864, 1184),
    "4:3": (1184, 864),
    "4:5": (896, 1152),
    "5:4": (1152, 896),
    "9:16": (768, 1344),
    "16:9": (1344, 768),
    "21:9": (1536, 672),
}
IMAGE_SIZE_SCALE = {"0.5K": 0.5, "1K": 1.0, "2K": 2.0, "4K": 4.0}


def image_dimensions(image_config: object) -> tuple[int, int]:
    """Pixel size for a request's `image_config`; unknown values fall back to 1:1 / 1K like providers do."""
    config = image_config if isinstance(image_config, dict) else {}
    width, height = ASPECT_RATIO_PIXELS.get(str(config.get("aspect_ratio", "1:1")), (1024, 1024))
    scale = IMAGE_SIZE_SCALE.get(str(config.get("image_size", "1K")), 1.0)
    return int(width * scale), int(height * scale)


# --- /models ------------------------------------------------------------------------------------------

_IMAGE_PRICING = {
    "prompt": "0.0000003",
    "completion": "0.0000025",
    "image": "0.001238",
    "image_output": "0.039",
    "request": "0",
}


def _model(
    model_id: str,
    name: str,
    *,
    inputs: list[str],
    outputs: list[str],
    pricing: dict[str, str],
    context_length: int = 32768,
    description: str = "",
) -> dict[str, Any]:
    return {
        "id": model_id,
        "canonical_slug": model_id,
        "name": name,
        "created": 1750000000,
        "description": description or name,
        "context_length": context_length,
        "architecture": {
            "modality": f"{'+'.join(inputs)}->{'+'.join(outputs)}",
            "input_modalities": inputs,
            "output_modalities": outputs,
            "tokenizer": "Other",
            "instruct_type": None,
        },
        "pricing": dict(pricing),
        "top_provider": {"context_length": context_length, "max_completion_tokens": 8192, "is_moderated": False},
        "per_request_limits": None,
        "supported_parameters": ["max_tokens", "temperature", "seed"],
        "expiration_date": None,
    }


def default_models() -> list[dict[str, Any]]:
    """A fresh copy of the emulator's model list: real-looking models, every `emu/*` id (the describe ones as
    models that read images and answer in text), two text models."""
    both = ["image", "text"]
    models = [
        _model("google/gemini-2.5-flash-image-preview", "Google: Gemini 2.5 Flash Image Preview",
               inputs=both, outputs=both, pricing=_IMAGE_PRICING),
        _model("google/gemini-2.5-flash-image", "Google: Gemini 2.5 Flash Image (Nano Banana)",
               inputs=both, outputs=both, pricing=_IMAGE_PRICING),
        _model("google/gemini-3-pro-image-preview", "Google: Gemini 3 Pro Image Preview",
               inputs=both, outputs=both, pricing={**_IMAGE_PRICING, "image_output": "0.134"}),
        _model("openai/gpt-5-image-mini", "OpenAI: GPT-5 Image Mini", inputs=both, outputs=both,
               pricing={"prompt": "0.0000025", "completion": "0.000002", "image": "0.003", "request": "0"},
               context_length=400000),
        _model("black-forest-labs/flux.2-pro", "Black Forest Labs: FLUX.2 [pro]", inputs=both,
               outputs=["image"], pricing={"prompt": "0", "completion": "0", "image_output": "0.03"}),
    ]
    models += [
        _model(scenario, f"Emulator: {scenario.removeprefix(SCENARIO_PREFIX)}", inputs=both, outputs=both,
               pricing=_IMAGE_PRICING, description="OpenRoute emulator test scenario")
        for scenario in ALL_SCENARIOS
    ]
    models += [
        _model(scenario, f"Emulator: {scenario.removeprefix(SCENARIO_PREFIX)}", inputs=["text", "image"],
               outputs=["text"], pricing={"prompt": "0.00000015", "completion": "0.0000006"},
               description="OpenRoute emulator describe scenario")
        for scenario in DESCRIBE_SCENARIOS
    ]
    models += [
        _model("openai/gpt-4o-mini", "OpenAI: GPT-4o-mini", inputs=["text", "image"], outputs=["text"],
               pricing={"prompt": "0.00000015", "completion": "0.0000006"}, context_length=128000),
        _model("meta-llama/llama-3.3-70b-instruct:free", "Meta: Llama 3.3 70B Instruct (free)",
               inputs=["text"], outputs=["text"], pricing={"prompt": "0", "completion": "0"},
               context_length=131072),
    ]
    return models


def filter_models(models: list[dict[str, Any]], output_modalities: str | None) -> list[dict[str, Any]]:
    """Models whose outputs include any of the comma-separated modalities (`all` = no filter; default text)."""
    wanted = {part.strip() for part in (output_modalities or "text").split(",") if part.strip()}
    if "all" in wanted:
        return list(models)
    return [m for m in models if wanted & set(m.get("architecture", {}).get("output_modalities", []))]
