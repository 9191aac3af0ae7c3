-- The usage ledger: what each provider request reserved and cost, kept apart from the jobs so that deleting a
-- job (a member's /privacy forget, retention) never gives money or images back. Limits and budgets count from
-- here. One row per request of a job (plain SQL for every backend); no prompt, no image, no token.
--
-- A row is open while its request has not ended: it counts `expected` images and its reservation. Once
-- settled it counts the images the provider produced and what the request cost (`cost_source` says where that
-- figure came from: reported in the answer, looked up by generation id, kept from the reservation, or none).

CREATE TABLE usage_ledger (
    job_id        BIGINT NOT NULL,  -- no reference: the job row may be deleted, the spend stays
    request       INTEGER NOT NULL CHECK (request >= 0),
    requester_id  BIGINT NOT NULL,
    guild_id      BIGINT,
    is_dm         BOOLEAN NOT NULL,
    model         TEXT NOT NULL,
    image_size    TEXT NOT NULL,  -- as drawn: a request naming no size is drawn at 1K
    expected      INTEGER NOT NULL DEFAULT 1 CHECK (expected >= 0),
    images        INTEGER NOT NULL DEFAULT 0 CHECK (images >= 0),
    reserved_cost TEXT NOT NULL,
    settled_cost  TEXT,
    cost_source   TEXT CHECK (cost_source IS NULL OR
                              cost_source IN ('reported', 'looked_up', 'reserved', 'none')),
    generation_id TEXT,
    created_at    DOUBLE PRECISION NOT NULL,
    settled_at    DOUBLE PRECISION,
    forgotten     BOOLEAN NOT NULL DEFAULT FALSE,  -- its requester deleted the job's history
    PRIMARY KEY (job_id, request)
);

CREATE INDEX usage_ledger_requester_created_idx ON usage_ledger (requester_id, created_at);
CREATE INDEX usage_ledger_guild_created_idx ON usage_ledger (guild_id, created_at);
CREATE INDEX usage_ledger_created_idx ON usage_ledger (created_at);
CREATE INDEX usage_ledger_model_size_idx ON usage_ledger (model, image_size, settled_at);

-- Every existing job's spend, one row each (its `count` expected while unfinished). A job whose cost was
-- recorded had its answer: settled with that cost. A finished job without a cost spent nothing.
INSERT INTO usage_ledger (job_id, request, requester_id, guild_id, is_dm, model, image_size, expected, images,
                          reserved_cost, settled_cost, cost_source, generation_id, created_at, settled_at)
SELECT id, 0, requester_id, guild_id, is_dm, model, COALESCE(image_size, '1K'), count,
       CASE WHEN status = 'succeeded' THEN COALESCE(images, count)
            WHEN status IN ('queued', 'running') AND cost IS NOT NULL THEN count
            ELSE 0 END,
       COALESCE(reserved_cost, '0'),
       CASE WHEN cost IS NOT NULL THEN cost
            WHEN status IN ('queued', 'running') THEN NULL
            ELSE '0' END,
       CASE WHEN cost IS NOT NULL THEN 'reported'
            WHEN status IN ('queued', 'running') THEN NULL
            ELSE 'none' END,
       NULL, created_at,
       CASE WHEN cost IS NULL AND status IN ('queued', 'running') THEN NULL
            ELSE COALESCE(finished_at, created_at) END
FROM jobs;
