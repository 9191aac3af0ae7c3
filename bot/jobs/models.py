"""Which configured models the provider no longer lists, and which listed ids come closest to each.

Model ids on the image API change (`google/gemini-2.5-flash-image-preview` became
`google/gemini-2.5-flash-image`). Pure functions: the service feeds them the list it just loaded and the
models the operator and the servers chose, and logs what they find.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from bot.records.guild import GuildModels

CLOSEST_LIMIT = 3
_TAG = re.compile(r":[^/]*$")  # a variant tag such as ":free"
_PREVIEW = re.compile(r"-preview(?:-[^/]*)?$")  # "-preview", "-preview-05-20"
_FAMILY = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class MissingModel:
    """A model someone configured that the provider does not list: where it is used and what is listed
    instead (closest first)."""

    model: str
    uses: tuple[str, ...]  # e.g. "DEFAULT_MODEL", "default of server 12", "allowed on servers 12, 34"
    closest: tuple[str, ...]

    def describe(self) -> str:
        """One line for the operator's log."""
        instead = f"closest listed: {', '.join(self.closest)}" if self.closest else "no similar id is listed"
        return (f"model {self.model} ({'; '.join(self.uses)}) is not an image model the provider lists; "
                f"{instead}")


def _base(model: str) -> str:
    """The id without its variant tag and preview suffix, lower case: what stays when a preview is released."""
    return _PREVIEW.sub("", _TAG.sub("", model.lower()))


def _vendor_family(model: str) -> tuple[str, str | None]:
    """("google", "gemini") for google/gemini-2.5-flash-image: the vendor and the name's leading word."""
    vendor, slash, name = model.lower().partition("/")
    if not slash:
        vendor, name = "", vendor
    family = _FAMILY.match(name)
    return vendor, family.group() if family else None


def closest_models(model: str, available: Iterable[str], *, limit: int = CLOSEST_LIMIT) -> list[str]:
    """Up to `limit` listed ids that most likely replace `model`: first the same id with or without its
    preview suffix (or variant tag), then ids of the same vendor and family, the most similar first."""
    base = _base(model)
    vendor, family = _vendor_family(model)
    candidates = sorted({m for m in available if m != model})

    def similarity(candidate: str) -> float:
        return SequenceMatcher(None, model.lower(), candidate.lower()).ratio()

    same_base = [m for m in candidates if _base(m) == base]
    same_family = [m for m in candidates if m not in same_base and family is not None
                   and _vendor_family(m) == (vendor, family)]
    ranked = sorted(same_base, key=similarity, reverse=True) + sorted(same_family, key=similarity, reverse=True)
    return ranked[:limit]


def _servers(ids: list[int]) -> str:
    return f"server{'s' if len(ids) > 1 else ''} {', '.join(str(i) for i in ids)}"


def missing_models(default_model: str, servers: Iterable[GuildModels], available: Iterable[str]) -> list[MissingModel]:
    """The models the operator's DEFAULT_MODEL, a server's default or a server's allowlist name that are not in
    `available`, each once (the operator's default first, then by id) with where it is used and the closest
    listed ids."""
    listed = set(available)
    defaults: dict[str, list[int]] = {}
    allowed: dict[str, list[int]] = {}
    for server in sorted(servers, key=lambda s: s.guild_id):
        if server.default_model:
            defaults.setdefault(server.default_model, []).append(server.guild_id)
        for model in sorted(server.allowed_models):
            allowed.setdefault(model, []).append(server.guild_id)
    named = sorted(defaults.keys() | allowed.keys(), key=lambda m: (m != default_model, m))
    if default_model not in named:
        named.insert(0, default_model)
    found = []
    for model in named:
        if model in listed:
            continue
        uses = ["DEFAULT_MODEL"] if model == default_model else []
        if model in defaults:
            uses.append(f"default of {_servers(defaults[model])}")
        if model in allowed:
            uses.append(f"allowed on {_servers(allowed[model])}")
        found.append(MissingModel(model=model, uses=tuple(uses), closest=tuple(closest_models(model, listed))))
    return found
