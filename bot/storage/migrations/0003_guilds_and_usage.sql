-- Server settings, and what a job reserves and delivers for quotas and usage.
-- Plain SQL that SQLite and PostgreSQL both run; money is exact decimal text, timestamps unix seconds.

-- the estimated cost a job holds while it is queued or running (NULL: nothing, for older jobs)
ALTER TABLE jobs ADD COLUMN reserved_cost TEXT;
-- the images a finished job delivered (NULL: not reported; a succeeded job then counts its `count`)
ALTER TABLE jobs ADD COLUMN images INTEGER CHECK (images IS NULL OR images >= 0);

-- a server's usage, budget and daily chart
CREATE INDEX jobs_guild_created_idx ON jobs (guild_id, created_at);
-- a model's latest succeeded jobs (cost and duration estimates)
CREATE INDEX jobs_model_status_finished_idx ON jobs (model, status, finished_at);

CREATE TABLE guild_settings (
    guild_id           BIGINT PRIMARY KEY,
    default_model      TEXT,
    daily_limit        INTEGER,
    cooldown_seconds   INTEGER NOT NULL DEFAULT 0,
    max_concurrent     INTEGER,
    max_count          INTEGER,
    max_size           TEXT,
    monthly_budget_usd TEXT,
    log_channel_id     BIGINT,
    spoiler            BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at         DOUBLE PRECISION NOT NULL
);

-- one row per model a server mentions: in its allowed set, age-restricted, or both
CREATE TABLE guild_models (
    guild_id       BIGINT NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    model          TEXT NOT NULL,
    allowed        BOOLEAN NOT NULL,
    age_restricted BOOLEAN NOT NULL,
    PRIMARY KEY (guild_id, model)
);

CREATE TABLE guild_channels (
    guild_id   BIGINT NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE guild_roles (
    guild_id BIGINT NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    role_id  BIGINT NOT NULL,
    PRIMARY KEY (guild_id, role_id)
);
