"""The repository of per-server settings."""

from __future__ import annotations

from collections.abc import Callable

from bot.records.guild import BlockedMember, GuildModels, GuildSettings, Style
from bot.storage.base import decode_cost, encode_cost
from bot.storage.sql.database import Database, Session

_GUILD_COLUMNS = ("default_model", "daily_limit", "cooldown_seconds", "max_concurrent", "max_count", "max_size",
                  "monthly_budget_usd", "log_channel_id", "spoiler", "describe_model", "language",
                  "updated_at")


class SqlGuildSettingsRepository:
    """`GuildSettingsRepository` over a `Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, guild_id: int) -> GuildSettings:
        """The server's settings; the defaults when it never saved any."""
        async with self._db.snapshot() as db:
            return await _read(db, guild_id)

    async def updated_at(self, guild_id: int) -> float | None:
        """When the server's settings were last saved, or None if never."""
        rows = await self._db.fetch("SELECT updated_at FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return rows[0][0] if rows else None

    async def configured_models(self) -> list[GuildModels]:
        """Every server with a default model or an allowlist, by server id."""
        async with self._db.snapshot() as db:
            defaults = await db.fetch("SELECT guild_id, default_model FROM guild_settings"
                                      " WHERE default_model IS NOT NULL")
            allowed = await db.fetch("SELECT guild_id, model FROM guild_models WHERE allowed")
        models: dict[int, set[str]] = {}
        for guild_id, model in allowed:
            models.setdefault(guild_id, set()).add(model)
        default_of = {row["guild_id"]: row["default_model"] for row in defaults}
        return [GuildModels(guild_id=guild_id, default_model=default_of.get(guild_id),
                            allowed_models=frozenset(models.get(guild_id, ())))
                for guild_id in sorted(default_of.keys() | models.keys())]

    async def save(self, settings: GuildSettings, *, now: float) -> GuildSettings:
        """Replace everything stored for the server in one transaction; the settings with `updated_at=now`."""
        async with self._db.transaction() as db:
            await _write(db, settings, now)
        return settings.replace(updated_at=now)

    async def update(self, guild_id: int, change: Callable[[GuildSettings], GuildSettings], *,
                     now: float) -> tuple[GuildSettings, GuildSettings]:
        """Apply `change` to the server's settings as they are now and save the result, in one exclusive
        transaction: two changes made at once (by two moderators, or through two processes) both land, the
        second on top of the first. Returns (before, after)."""
        async with self._db.transaction(exclusive=True) as db:
            before = await _read(db, guild_id)
            after = change(before).replace(guild_id=guild_id)
            await _write(db, after, now)
        return before, after.replace(updated_at=now)


async def _read(db: Session, guild_id: int) -> GuildSettings:
    """The server's settings as one session sees them (the defaults when it never saved any)."""
    rows = await db.fetch(f"SELECT {', '.join(_GUILD_COLUMNS)} FROM guild_settings WHERE guild_id = ?",
                          (guild_id,))
    if not rows:
        return GuildSettings(guild_id=guild_id)
    models = await db.fetch("SELECT model, allowed, age_restricted FROM guild_models WHERE guild_id = ?",
                            (guild_id,))
    channels = await db.fetch("SELECT channel_id FROM guild_channels WHERE guild_id = ?", (guild_id,))
    roles = await db.fetch("SELECT role_id FROM guild_roles WHERE guild_id = ?", (guild_id,))
    words = await db.fetch("SELECT term FROM guild_blocked_words WHERE guild_id = ?", (guild_id,))
    members = await db.fetch("SELECT user_id, reason, blocked_by, blocked_at FROM guild_blocked_members"
                             " WHERE guild_id = ? ORDER BY user_id", (guild_id,))
    styles = await db.fetch("SELECT name, style_text FROM guild_styles WHERE guild_id = ?", (guild_id,))
    row = rows[0]
    return GuildSettings(
        guild_id=guild_id,
        allowed_models=frozenset(model for model, allowed, _ in models if allowed),
        age_restricted_models=frozenset(model for model, _, restricted in models if restricted),
        default_model=row["default_model"],
        channel_ids=frozenset(channel_id for (channel_id,) in channels),
        role_ids=frozenset(role_id for (role_id,) in roles),
        daily_limit=row["daily_limit"],
        cooldown_seconds=row["cooldown_seconds"],
        max_concurrent=row["max_concurrent"],
        max_count=row["max_count"],
        max_size=row["max_size"],
        monthly_budget_usd=decode_cost(row["monthly_budget_usd"]),
        log_channel_id=row["log_channel_id"],
        spoiler=bool(row["spoiler"]),
        blocked_words=frozenset(term for (term,) in words),
        blocked_members=tuple(BlockedMember(user_id=user_id, reason=reason, blocked_by=by, blocked_at=at)
                              for user_id, reason, by, at in members),
        # sorted here, not by the database: PostgreSQL's collation would order names its own way
        styles=tuple(sorted((Style(name=name, text=text) for name, text in styles), key=lambda style: style.key)),
        describe_model=row["describe_model"],
        language=row["language"],
        updated_at=row["updated_at"],
    )


async def _write(db: Session, settings: GuildSettings, now: float) -> None:
    """Replace everything stored for the server, sets included, inside the session's transaction."""
    guild_id = settings.guild_id
    values = (settings.default_model, settings.daily_limit, settings.cooldown_seconds, settings.max_concurrent,
              settings.max_count, settings.max_size, encode_cost(settings.monthly_budget_usd),
              settings.log_channel_id, bool(settings.spoiler), settings.describe_model, settings.language,
              now)
    models = [(guild_id, model, model in settings.allowed_models, model in settings.age_restricted_models)
              for model in sorted(settings.allowed_models | settings.age_restricted_models)]
    updates = ", ".join(f"{column} = excluded.{column}" for column in _GUILD_COLUMNS)
    await db.execute(
        f"INSERT INTO guild_settings (guild_id, {', '.join(_GUILD_COLUMNS)})"
        f" VALUES (?, {', '.join('?' for _ in _GUILD_COLUMNS)})"
        f" ON CONFLICT (guild_id) DO UPDATE SET {updates}",
        (guild_id, *values),
    )
    for table in ("guild_models", "guild_channels", "guild_roles", "guild_blocked_words",
                  "guild_blocked_members", "guild_styles"):
        await db.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))
    await db.executemany(
        "INSERT INTO guild_models (guild_id, model, allowed, age_restricted) VALUES (?, ?, ?, ?)", models)
    await db.executemany("INSERT INTO guild_channels (guild_id, channel_id) VALUES (?, ?)",
                         [(guild_id, channel_id) for channel_id in sorted(settings.channel_ids)])
    await db.executemany("INSERT INTO guild_roles (guild_id, role_id) VALUES (?, ?)",
                         [(guild_id, role_id) for role_id in sorted(settings.role_ids)])
    await db.executemany("INSERT INTO guild_blocked_words (guild_id, term) VALUES (?, ?)",
                         [(guild_id, term) for term in sorted(settings.blocked_words)])
    await db.executemany(
        "INSERT INTO guild_blocked_members (guild_id, user_id, reason, blocked_by, blocked_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [(guild_id, b.user_id, b.reason, b.blocked_by, b.blocked_at) for b in settings.blocked_members])
    await db.executemany("INSERT INTO guild_styles (guild_id, name_key, name, style_text) VALUES (?, ?, ?, ?)",
                         [(guild_id, style.key, style.name, style.text) for style in settings.styles])
