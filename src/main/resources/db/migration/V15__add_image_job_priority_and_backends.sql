-- A render a person asked for goes ahead of background work (prompts made for new items, the
-- sweep's finds): workers claim the highest priority first, then the oldest due.
ALTER TABLE image_jobs ADD COLUMN IF NOT EXISTS priority smallint NOT NULL DEFAULT 0;

-- The backends one job must render with (a comma list), when not the worker's configured ones:
-- the demo's own seeding renders with the builtin renderer even where a GPU server is configured.
ALTER TABLE image_jobs ADD COLUMN IF NOT EXISTS backends text;

-- Jobs already waiting that a person asked for keep their place ahead of the background.
UPDATE image_jobs SET priority = 10 WHERE state = 'queued' AND prompt_source = 'user';

CREATE INDEX IF NOT EXISTS image_jobs_claim_by_priority_idx ON image_jobs (priority DESC, run_after, id) WHERE state = 'queued';
