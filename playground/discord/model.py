"""The fake Discord's world: users, roles, channels, messages, attachments and recorded traffic.

Everything here is plain data plus the JSON shapes Discord (API v10) sends for it.
"""

from __future__ import annotations

import datetime
import io
import logging
import mimetypes
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

log = logging.getLogger(__name__)

DISCORD_EPOCH_MS = 1420070400000

# Permission bits (https://discord.com/developers/docs/topics/permissions).
CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_AUDIT_LOG = 1 << 7
STREAM = 1 << 9
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
SEND_TTS_MESSAGES = 1 << 12
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CONNECT = 1 << 20
SPEAK = 1 << 21
USE_VAD = 1 << 25
CHANGE_NICKNAME = 1 << 26
MANAGE_ROLES = 1 << 28
USE_APPLICATION_COMMANDS = 1 << 31
CREATE_PUBLIC_THREADS = 1 << 35
USE_EXTERNAL_STICKERS = 1 << 37
SEND_MESSAGES_IN_THREADS = 1 << 38
MODERATE_MEMBERS = 1 << 40
USE_EXTERNAL_APPS = 1 << 50
ALL_PERMISSIONS = (1 << 51) - 1

EVERYONE_PERMISSIONS = (
    CREATE_INSTANT_INVITE | ADD_REACTIONS | STREAM | VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
    | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | CONNECT | SPEAK | USE_VAD
    | CHANGE_NICKNAME | USE_APPLICATION_COMMANDS | CREATE_PUBLIC_THREADS | USE_EXTERNAL_STICKERS
    | SEND_MESSAGES_IN_THREADS | USE_EXTERNAL_APPS
)
BOT_ROLE_PERMISSIONS = (
    VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | ADD_REACTIONS
    | USE_EXTERNAL_EMOJIS | SEND_MESSAGES_IN_THREADS
)
# What Discord reports as app_permissions in the bot's own DMs.
DM_APP_PERMISSIONS = (
    VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | ADD_REACTIONS
    | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS
)
# User-installed app where the bot is not present: only what its responses may use.
USER_INSTALL_APP_PERMISSIONS = ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE | USE_EXTERNAL_EMOJIS

# Message flags.
FLAG_SUPPRESS_EMBEDS = 1 << 2
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7
FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12
FLAG_IS_COMPONENTS_V2 = 1 << 15

# Channel types.
CHANNEL_GUILD_TEXT = 0
CHANNEL_DM = 1
CHANNEL_GROUP_DM = 3

# Interaction types.
PING = 1
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
APPLICATION_COMMAND_AUTOCOMPLETE = 4
MODAL_SUBMIT = 5

# Message types.
MESSAGE_DEFAULT = 0
MESSAGE_REPLY = 19
MESSAGE_CHAT_INPUT_COMMAND = 20
MESSAGE_CONTEXT_MENU_COMMAND = 23


def iso(ts: float) -> str:
    """Discord's ISO-8601 timestamp for a unix time."""
    return datetime.datetime.fromtimestamp(ts, datetime.UTC).isoformat()


class SnowflakeFactory:
    """Real-looking, strictly increasing snowflakes whose timestamp comes from the fake clock."""

    def __init__(self, now: Any) -> None:
        self._now = now
        self._last = 0

    def next(self) -> int:
        """A new unique id."""
        ms = int(self._now() * 1000) - DISCORD_EPOCH_MS
        value = (max(ms, 0) << 22) | (1 << 17)
        if value <= self._last:
            value = self._last + 1
        self._last = value
        return value

    def next_on_shard(self, shard_id: int, shard_count: int) -> int:
        """A new unique id of a guild whose events go to `shard_id` of `shard_count` ((id >> 22) % count):
        its timestamp is at most `shard_count - 1` ms ahead of the clock."""
        value = self.next()
        while (value >> 22) % shard_count != shard_id:
            value = (((value >> 22) + 1) << 22) | (1 << 17)
        self._last = value
        return value


@dataclass
class FakeRole:
    """A guild role."""

    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    bot_id: int | None = None

    def to_payload(self) -> dict[str, Any]:
        """The role object."""
        data: dict[str, Any] = {
            "id": str(self.id), "name": self.name, "permissions": str(self.permissions),
            "position": self.position, "color": 0, "colors": {"primary_color": 0, "secondary_color": None,
                                                              "tertiary_color": None},
            "hoist": False, "icon": None, "unicode_emoji": None, "managed": self.managed,
            "mentionable": False, "flags": 0,
        }
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass
class FakeUser:
    """A Discord user; `roles` are role keys (names in `FakeDiscord.roles`) when a guild member."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False
    roles: list[str] = field(default_factory=list)
    locale: str = "en-US"
    dms_open: bool = True  # False: the user blocks DMs from the bot (50007)
    joined_at: float = 0.0

    def to_payload(self) -> dict[str, Any]:
        """The user object."""
        data: dict[str, Any] = {
            "id": str(self.id), "username": self.username, "discriminator": "0",
            "global_name": self.global_name, "avatar": None, "public_flags": 0, "flags": 0,
            "banner": None, "accent_color": None, "avatar_decoration_data": None, "collectibles": None,
            "primary_guild": None,
        }
        if self.bot:
            data["bot"] = True
        return data


@dataclass
class FakeChannel:
    """A channel: guild text channel (type 0), the bot's DM with a user, or a private channel the bot
    is not in (a DM between two users, used for user-installed app interactions)."""

    id: int
    name: str | None
    type: int = CHANNEL_GUILD_TEXT
    guild_id: int | None = None
    nsfw: bool = False
    position: int = 0
    topic: str | None = None
    recipient_id: int | None = None
    bot_present: bool = True
    permission_overwrites: list[dict[str, Any]] = field(default_factory=list)
    last_message_id: int | None = None

    @property
    def is_dm(self) -> bool:
        """True for DM / group DM channels."""
        return self.type in (CHANNEL_DM, CHANNEL_GROUP_DM)


@dataclass
class FakeAttachment:
    """An uploaded file, with its bytes, served back by the fake CDN."""

    id: int
    filename: str
    data: bytes
    content_type: str | None
    url: str
    proxy_url: str
    width: int | None = None
    height: int | None = None
    description: str | None = None
    ephemeral: bool = False
    # what tests can make the file do (Discord's CDN is not always right or reachable)
    claimed_size: int | None = None  # the size the attachment object states, when it lies about `data`
    cdn_status: int = 200  # the CDN's answer for the file (e.g. 404: the file is gone)
    cdn_cut_at: int | None = None  # the CDN hangs up after this many bytes of the file
    cdn_sent: list[int] = field(default_factory=list)  # bytes the CDN got out, one entry per download

    @property
    def size(self) -> int:
        """Size in bytes, as the attachment object states it."""
        return len(self.data) if self.claimed_size is None else self.claimed_size

    def to_payload(self) -> dict[str, Any]:
        """The attachment object."""
        data: dict[str, Any] = {
            "id": str(self.id), "filename": self.filename, "size": self.size, "url": self.url,
            "proxy_url": self.proxy_url,
        }
        if self.content_type:
            data["content_type"] = self.content_type
        if self.width is not None and self.height is not None:
            data["width"] = self.width
            data["height"] = self.height
        if self.description is not None:
            data["description"] = self.description
        if self.ephemeral:
            data["ephemeral"] = True
        return data


def describe_upload(filename: str, data: bytes, content_type: str | None = None) -> tuple[str | None, int | None,
                                                                                        int | None]:
    """(content_type, width, height) the way Discord derives them: type from the name, size if an image."""
    guessed = content_type or mimetypes.guess_type(filename)[0]
    width = height = None
    if guessed is None or guessed.startswith("image/"):
        try:
            from PIL import Image  # the project depends on Pillow; only needed for image dimensions

            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if guessed is None and image.format:
                    guessed = Image.MIME.get(image.format)
        except Exception:  # not an image (or not one Pillow reads): Discord just omits the size
            width = height = None
    return guessed, width, height


def attachment_path(prefix: str, scope_id: int, attachment_id: int, filename: str) -> str:
    """The CDN path of an attachment (what Discord puts under cdn.discordapp.com)."""
    return f"/{prefix}/{scope_id}/{attachment_id}/{quote(filename)}"


@dataclass
class MessageRevision:
    """One state of a message (creation or an edit)."""

    time: float
    content: str
    embeds: list[dict[str, Any]]
    components: list[dict[str, Any]]
    attachment_ids: list[int]
    flags: int


@dataclass
class FakeMessage:
    """A message's full state as the fake stored it."""

    id: int
    channel_id: int
    guild_id: int | None
    author: FakeUser
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[FakeAttachment] = field(default_factory=list)
    flags: int = 0
    tts: bool = False
    type: int = MESSAGE_DEFAULT
    allowed_mentions: dict[str, Any] | None = None
    message_reference: dict[str, Any] | None = None
    interaction_id: int | None = None
    webhook_id: int | None = None
    application_id: int | None = None
    interaction_metadata: dict[str, Any] | None = None
    nonce: str | int | None = None
    created_at: float = 0.0
    edited_at: float | None = None
    edit_times: list[float] = field(default_factory=list)
    revisions: list[MessageRevision] = field(default_factory=list)
    deleted: bool = False
    deleted_at: float | None = None
    mentioned_user_ids: list[int] = field(default_factory=list)
    mentioned_role_ids: list[int] = field(default_factory=list)
    mention_everyone: bool = False

    @property
    def edit_count(self) -> int:
        """How many times the message was edited."""
        return len(self.edit_times)

    @property
    def ephemeral(self) -> bool:
        """Whether only the invoking user sees it."""
        return bool(self.flags & FLAG_EPHEMERAL)

    @property
    def loading(self) -> bool:
        """Whether it is still the "Bot is thinking…" placeholder of a deferred interaction."""
        return bool(self.flags & FLAG_LOADING)

    @property
    def files(self) -> list[tuple[str, bytes]]:
        """(filename, bytes) of every current attachment."""
        return [(a.filename, a.data) for a in self.attachments]

    def snapshot(self, when: float) -> MessageRevision:
        """The current state as a revision."""
        return MessageRevision(when, self.content, list(self.embeds), list(self.components),
                               [a.id for a in self.attachments], self.flags)

    def custom_ids(self) -> list[str]:
        """Every custom_id in the message's components (nested ones included)."""
        return [c["custom_id"] for c in iter_components(self.components) if "custom_id" in c]


def iter_components(components: list[dict[str, Any]]) -> Any:
    """Walk a component tree depth-first (rows, sections, containers, labels, accessories)."""
    for component in components:
        if not isinstance(component, dict):
            continue
        yield component
        for key in ("components",):
            children = component.get(key)
            if isinstance(children, list):
                yield from iter_components(children)
        for key in ("accessory", "component"):
            child = component.get(key)
            if isinstance(child, dict):
                yield from iter_components([child])


@dataclass
class RecordedRequest:
    """One HTTP request the fake answered."""

    method: str
    path: str
    route_key: str
    status: int
    time: float
    query: dict[str, str] = field(default_factory=dict)
    json: Any = None
    files: list[tuple[str, bytes]] = field(default_factory=list)
    retry_after: float | None = None
    content_type: str = ""  # of the request body ("multipart/form-data" when it carries files)
    error: dict[str, Any] | None = None  # the JSON error body the fake answered with (status >= 400)


@dataclass
class InteractionCallback:
    """The bot's initial response to an interaction."""

    type: int
    data: dict[str, Any] | None
    files: list[tuple[str, bytes]]
    time: float
    ack_latency: float
