"""Who may do what, where: request rules (`rules`), a server's settings (`settings`), blocked words
(`words`) and who may act on an existing job (`permissions`). Discord-free: callers describe the person
with `Actor`. The data these rules read (`GuildSettings`, `Quota`) lives in `bot.records`."""

from bot.policy.permissions import may_cancel, may_delete
from bot.policy.rules import Actor, Policy, PolicyRefusal, PolicySettings

__all__ = ["Actor", "Policy", "PolicyRefusal", "PolicySettings", "may_cancel", "may_delete"]
