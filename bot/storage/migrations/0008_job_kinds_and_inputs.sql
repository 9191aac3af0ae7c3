-- Members' toolkit: what kind of job it is (upscale, vary, remix, blend, ...), the server style it used, which
-- image of its parent's result it acts on, and a blend's further input images (plain SQL for every backend).

ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'imagine';
ALTER TABLE jobs ADD COLUMN style TEXT;  -- the style's name
ALTER TABLE jobs ADD COLUMN style_text TEXT;  -- what it added to the prompt when the job was asked
ALTER TABLE jobs ADD COLUMN source_image INTEGER CHECK (source_image IS NULL OR source_image >= 1);

-- the first input stays in jobs.input_sha256; a blend's second to fourth, in order, are here
CREATE TABLE job_extra_inputs (
    job_id   BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    sha256   TEXT NOT NULL REFERENCES input_images (sha256),
    mime     TEXT NOT NULL,
    PRIMARY KEY (job_id, position)
);

-- the unreferenced sweep must not scan every row to find an image still in use
CREATE INDEX job_extra_inputs_sha256_idx ON job_extra_inputs (sha256);
-- /history: a member's recent results in one place
CREATE INDEX jobs_requester_guild_created_idx ON jobs (requester_id, guild_id, created_at);
