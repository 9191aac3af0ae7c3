"""An interaction the fake dispatched, and everything the bot did with it."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from .model import FakeChannel, FakeMessage, FakeUser, InteractionCallback

if TYPE_CHECKING:
    from .server import FakeDiscord

log = logging.getLogger(__name__)

ACK_DEADLINE = 3.0
DID_NOT_RESPOND = "The application did not respond"
TOKEN_LIFETIME = 15 * 60.0
USER_INSTALL_FOLLOWUP_CAP = 5


class FakeInteraction:
    """A dispatched interaction: its payload, the bot's callback, the @original and followups."""

    def __init__(self, fake: FakeDiscord, *, id: int, token: str, type: int, user: FakeUser,
                 channel: FakeChannel, guild_id: int | None, context: int, owners: dict[str, str],
                 created_at: float, name: str | None = None, custom_id: str | None = None,
                 message_id: int | None = None) -> None:
        self._fake = fake
        self.id = id
        self.token = token
        self.type = type
        self.user = user
        self.channel = channel
        self.guild_id = guild_id
        self.context = context
        self.authorizing_integration_owners = owners
        self.created_at = created_at  # fake-clock time the interaction was created
        self.name = name  # command name (commands, autocomplete)
        self.custom_id = custom_id  # components and modals
        self.message_id = message_id  # the message a component / modal-from-component came from
        self.payload: dict[str, Any] = {}
        self.dispatched_at: float | None = None  # time.monotonic() when the gateway frame was sent
        self.sequence: int | None = None  # of the first session it went to
        self.shard: int | None = None  # the shard Discord routed it to
        self.routed_to: list[str] = []  # ids of the gateway sessions it was sent to (or kept for, until a RESUME)
        self.callback: InteractionCallback | None = None
        self.callback_statuses: list[int] = []  # HTTP status of every callback attempt
        self.original_message_id: int | None = None
        self.followup_ids: list[int] = []
        self.modal: dict[str, Any] | None = None  # data of a MODAL (type 9) callback

    def __repr__(self) -> str:
        return f"<FakeInteraction id={self.id} type={self.type} name={self.name!r} custom_id={self.custom_id!r}>"

    @property
    def acknowledged(self) -> bool:
        """Whether the bot's initial response was accepted."""
        return self.callback is not None

    @property
    def ack_latency(self) -> float | None:
        """Real seconds between dispatch and the accepted callback."""
        return None if self.callback is None else self.callback.ack_latency

    @property
    def user_install_only(self) -> bool:
        """Authorized only by a user install (the app is not in this server/channel)."""
        return "0" not in self.authorizing_integration_owners

    @property
    def original(self) -> FakeMessage | None:
        """The @original response message (None before it exists or after deletion)."""
        if self.original_message_id is None:
            return None
        message = self._fake.messages.get(self.original_message_id)
        return None if message is None or message.deleted else message

    @property
    def followups(self) -> list[FakeMessage]:
        """Followup messages that still exist, oldest first."""
        found = (self._fake.messages.get(mid) for mid in self.followup_ids)
        return [m for m in found if m is not None and not m.deleted]

    @property
    def choices(self) -> list[dict[str, Any]] | None:
        """Autocomplete choices the bot answered with (type 8)."""
        if self.callback is None or self.callback.type != 8:
            return None
        return list((self.callback.data or {}).get("choices") or [])

    @property
    def did_not_respond(self) -> bool:
        """What the user sees as "The application did not respond": no accepted initial response, and either
        no gateway session could receive the interaction or the 3 s window (fake clock) has passed."""
        if self.callback is not None:
            return False
        return not self.routed_to or self.ack_expired(self._fake.clock.now())

    @property
    def client_error(self) -> str | None:
        """The error Discord's client shows the user for this interaction, if any."""
        return DID_NOT_RESPOND if self.did_not_respond else None

    def ack_expired(self, now: float) -> bool:
        """The 3 s acknowledgement window (fake clock) has passed."""
        return now - self.created_at > ACK_DEADLINE

    def token_expired(self, now: float) -> bool:
        """The 15 min token lifetime (fake clock) has passed."""
        return now - self.created_at > TOKEN_LIFETIME

    def real_elapsed(self) -> float:
        """Real seconds since dispatch."""
        return 0.0 if self.dispatched_at is None else time.monotonic() - self.dispatched_at

    async def wait_ack(self, timeout: float = 10.0) -> InteractionCallback:
        """Wait until the bot's callback is accepted; returns it (type, data, files)."""
        return await self._fake.wait_for(lambda: self.callback, timeout=timeout)
