-- Input images stored once per content (keyed by SHA-256) instead of once per job (SQLite).
-- sha256_hex() is not built into SQLite: the migration runner registers it on its connection
-- (PostgreSQL would write encode(sha256(data), 'hex')).

CREATE TABLE input_images (
    sha256     TEXT PRIMARY KEY,  -- lowercase hex of the bytes' SHA-256
    mime       TEXT NOT NULL,     -- the type it was first stored with; each job keeps its own
    created_at DOUBLE PRECISION NOT NULL,  -- last stored at: the age guard of the unreferenced sweep
    data       BLOB NOT NULL
);

-- a NULL default, so SQLite accepts a REFERENCES clause on an added column
ALTER TABLE jobs ADD COLUMN input_sha256 TEXT REFERENCES input_images (sha256);
ALTER TABLE jobs ADD COLUMN input_mime TEXT CHECK ((input_mime IS NULL) = (input_sha256 IS NULL));

-- finding a job that still references an image (sweep, foreign key checks) must not scan every job
CREATE INDEX jobs_input_sha256_idx ON jobs (input_sha256);
-- retention deletes by age alone
CREATE INDEX jobs_created_idx ON jobs (created_at);

-- earliest job first: with DO NOTHING, an image shared by several jobs keeps the first job's time and mime
INSERT INTO input_images (sha256, mime, created_at, data)
SELECT sha256_hex(i.data), i.mime, j.created_at, i.data
FROM job_inputs AS i JOIN jobs AS j ON j.id = i.job_id
WHERE true
ORDER BY j.created_at, j.id
ON CONFLICT (sha256) DO NOTHING;

UPDATE jobs SET input_sha256 = sha256_hex(i.data), input_mime = i.mime
FROM job_inputs AS i
WHERE i.job_id = jobs.id;

DROP TABLE job_inputs;
