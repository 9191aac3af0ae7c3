-- Describe: the prompts a model that reads images wrote for a member's image, stored by the describe job's id so
-- its buttons (`describe:<id>:<n>`, a custom_id holds only 100 characters) keep working after a restart. They go
-- with the job: /privacy forget and retention delete them with it (plain SQL for every backend).

CREATE TABLE describe_prompts (
    job_id   BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 4),
    prompt   TEXT NOT NULL,
    PRIMARY KEY (job_id, position)
);
