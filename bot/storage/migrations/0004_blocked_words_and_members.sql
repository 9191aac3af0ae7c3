-- Moderators' blocked prompt terms and blocked members (plain SQL that SQLite and PostgreSQL both run).

CREATE TABLE guild_blocked_words (
    guild_id BIGINT NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    term     TEXT NOT NULL,
    PRIMARY KEY (guild_id, term)
);

CREATE TABLE guild_blocked_members (
    guild_id   BIGINT NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL,
    reason     TEXT NOT NULL,
    blocked_by BIGINT NOT NULL,
    blocked_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
