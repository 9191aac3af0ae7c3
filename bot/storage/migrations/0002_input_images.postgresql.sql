-- Input images stored once per content (keyed by SHA-256) instead of once per job (PostgreSQL; the same
-- schema change as the SQLite file of this version, hashing with the built-in sha256()).

CREATE TABLE input_images (
    sha256     TEXT PRIMARY KEY,  -- lowercase hex of the bytes' SHA-256
    mime       TEXT NOT NULL,     -- the type it was first stored with; each job keeps its own
    created_at DOUBLE PRECISION NOT NULL,  -- last stored at: the age guard of the unreferenced sweep
    data       BYTEA NOT NULL
);

ALTER TABLE jobs ADD COLUMN input_sha256 TEXT REFERENCES input_images (sha256);
ALTER TABLE jobs ADD COLUMN input_mime TEXT CHECK ((input_mime IS NULL) = (input_sha256 IS NULL));

-- finding a job that still references an image (sweep, foreign key checks) must not scan every job
CREATE INDEX jobs_input_sha256_idx ON jobs (input_sha256);
-- retention deletes by age alone
CREATE INDEX jobs_created_idx ON jobs (created_at);

-- earliest job first: with DO NOTHING, an image shared by several jobs keeps the first job's time and mime
INSERT INTO input_images (sha256, mime, created_at, data)
SELECT encode(sha256(i.data), 'hex'), i.mime, j.created_at, i.data
FROM job_inputs AS i JOIN jobs AS j ON j.id = i.job_id
ORDER BY j.created_at, j.id
ON CONFLICT (sha256) DO NOTHING;

UPDATE jobs SET input_sha256 = encode(sha256(i.data), 'hex'), input_mime = i.mime
FROM job_inputs AS i
WHERE i.job_id = jobs.id;

DROP TABLE job_inputs;
