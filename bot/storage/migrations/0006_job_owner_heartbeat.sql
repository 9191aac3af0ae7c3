-- Several bot processes share one database: each job names the instance running it (NULL: a job from before
-- this version), whose heartbeat says it is alive. A start-up then interrupts only its own jobs, ownerless
-- ones and those whose owner stopped beating, and the running-jobs cap does not count a dead owner's jobs.

ALTER TABLE jobs ADD COLUMN owner TEXT;
ALTER TABLE jobs ADD COLUMN heartbeat_at DOUBLE PRECISION;

CREATE INDEX jobs_owner_status_idx ON jobs (owner, status);
