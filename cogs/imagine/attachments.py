"""The images on a message, as the toolkit and Edit use them: which can be edited, and how to fetch one."""

from __future__ import annotations

import discord

from bot.formats import SUPPORTED_MIME_TYPES
from bot.jobs.inputs import RemoteImage, declared_type

GRID_NAME = "grid.png"  # the preview of several images: never an image to act on


def remote_image(attachment: discord.Attachment) -> RemoteImage:
    return RemoteImage(url=attachment.url, filename=attachment.filename, content_type=attachment.content_type,
                       size=attachment.size)


def editable_images(message: discord.Message | None) -> list[discord.Attachment]:
    """The attachments of a message that can be edited: PNG, JPEG or WebP (or untyped), never our grid."""
    return [a for a in (message.attachments if message else [])
            if a.filename != GRID_NAME and declared_type(a.content_type) in (*SUPPORTED_MIME_TYPES, "")]
