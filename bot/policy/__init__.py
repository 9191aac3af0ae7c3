"""Who may do what, where: request rules (`rules`), a server's settings (`guild`, `settings`), counted
limits (`quota`) and who may act on an existing job (`permissions`). Discord-free: callers describe the
person with `Actor`."""

from bot.policy.permissions import may_cancel, may_delete
from bot.policy.rules import Actor, Policy, PolicyRefusal, PolicySettings

__all__ = ["Actor", "Policy", "PolicyRefusal", "PolicySettings", "may_cancel", "may_delete"]
