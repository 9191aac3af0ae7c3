-- A server's named styles (text appended to a member's prompt) and the model its /describe uses (plain SQL for
-- every backend).

-- one of the operator's DESCRIBE_MODELS; NULL: the first of them
ALTER TABLE guild_settings ADD COLUMN describe_model TEXT;

CREATE TABLE guild_styles (
    guild_id   BIGINT NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    -- the name as names compare (case and Unicode forms folded): one style per name and server
    name_key   TEXT NOT NULL,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    style_text TEXT NOT NULL CHECK (length(style_text) >= 1),
    PRIMARY KEY (guild_id, name_key)
);
