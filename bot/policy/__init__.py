"""Who may do what, where: request rules (`rules`) and who may act on an existing job (`permissions`).
Discord-free: callers describe the person with `Actor`."""

from bot.policy.permissions import may_cancel, may_delete
from bot.policy.rules import Actor, Policy, PolicyRefusal, PolicySettings

__all__ = ["Actor", "Policy", "PolicyRefusal", "PolicySettings", "may_cancel", "may_delete"]
