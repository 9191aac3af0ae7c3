"""`imagine-bot models`: the provider's image models and their prices, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.console import Console
from rich.table import Table

from bot.config import Settings
from bot.jobs.models import closest_models
from bot.openroute.client import OpenRouteClient, create_session


def _price(value: Any, scale: int = 1) -> str:
    return "—" if value is None else f"${value * scale:.4f}".rstrip("0").rstrip(".")


async def command(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    """`imagine-bot models`: the image models, their prices, and whether DEFAULT_MODEL is among them."""
    session = create_session(settings.openroute)
    try:
        models = await OpenRouteClient(session, settings.openroute).list_image_models()
    finally:
        await session.close()
    default = settings.default_model
    missing = _missing_default(default, [m.id for m in models])
    if args.json:
        print(json.dumps([{
            "id": m.id, "name": m.name, "output_modalities": list(m.output_modalities),
            "pricing": {k: (str(v) if v is not None else None)
                        for k, v in (("prompt", m.pricing.prompt), ("completion", m.pricing.completion),
                                     ("image", m.pricing.image), ("image_output", m.pricing.image_output),
                                     ("request", m.pricing.request))},
            "default": m.id == default,
        } for m in models], indent=2))
        if missing:
            console.print(f"warning: {missing}", markup=False, highlight=False)
        return 0
    table = Table(title=f"{len(models)} image models")
    table.add_column("model")
    table.add_column("name")
    table.add_column("per 1M output tokens", justify="right")
    table.add_column("per output image", justify="right")
    table.add_column("per input image", justify="right")
    for m in models:
        table.add_row(f"{m.id} (default)" if m.id == default else m.id, m.name,
                      _price(m.pricing.completion, 1_000_000), _price(m.pricing.image_output),
                      _price(m.pricing.image))
    out = Console()
    out.print(table)
    if missing:
        out.print(f"MISSING: {missing}", markup=False, highlight=False, soft_wrap=True)
    return 0


def _missing_default(default: str, listed: list[str]) -> str | None:
    """What to tell the operator when DEFAULT_MODEL is not in the list (None when it is)."""
    if default in listed:
        return None
    closest = closest_models(default, listed)
    instead = f"closest listed: {', '.join(closest)}" if closest else "no similar id is listed"
    return (f"DEFAULT_MODEL {default} is not an image model the provider lists, so /imagine without a model is "
            f"refused; {instead}")
