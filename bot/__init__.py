"""imagine-bot: a self-hosted Discord bot for the OpenRoute image API."""

__version__ = "0.1.0"
