-- Jobs, their input images, and bot metadata (SQLite).
-- Timestamps are unix seconds (DOUBLE PRECISION = REAL here); money is exact decimal text;
-- Discord ids are BIGINT (INTEGER affinity here). Only the id column and BLOB are SQLite-specific.

CREATE TABLE jobs (
    id                     INTEGER PRIMARY KEY,  -- the rowid: assigned by SQLite
    requester_id           BIGINT NOT NULL,
    guild_id               BIGINT,
    channel_id             BIGINT,
    is_dm                  BOOLEAN NOT NULL,
    prompt                 TEXT NOT NULL,
    model                  TEXT NOT NULL,
    aspect_ratio           TEXT,
    image_size             TEXT,
    count                  INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    parent_job_id          BIGINT REFERENCES jobs (id) ON DELETE SET NULL,
    application_id         BIGINT,
    interaction_token      TEXT,
    interaction_created_at DOUBLE PRECISION,
    status                 TEXT NOT NULL DEFAULT 'queued'
                           CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled',
                                             'interrupted')),
    error                  TEXT,
    created_at             DOUBLE PRECISION NOT NULL,
    started_at             DOUBLE PRECISION,
    finished_at            DOUBLE PRECISION,
    cost                   TEXT,
    generation_ids         TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    result_channel_id      BIGINT,
    result_message_id      BIGINT
);

CREATE INDEX jobs_requester_created_idx ON jobs (requester_id, created_at);
CREATE INDEX jobs_status_idx ON jobs (status);

-- mime before data: reading the mime of a row does not have to page through the image
CREATE TABLE job_inputs (
    job_id INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    mime   TEXT NOT NULL,
    data   BLOB NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
