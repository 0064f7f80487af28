-- Render jobs: one row per render of one prompt for one item and mode (the memo's "NAS" queue, in
-- the database so that several workers share it and a killed worker loses nothing).
CREATE TABLE IF NOT EXISTS image_jobs (
    id            bigserial PRIMARY KEY,
    video_id      text NOT NULL REFERENCES content(video_id) ON DELETE CASCADE,
    mode          text NOT NULL CHECK (mode IN ('ai1', 'ai2')),
    prompt        text NOT NULL,
    -- who wrote the prompt: 'user' (explicit request), 'auto' (built for a new item), 'stored' (found by the sweep)
    prompt_source text NOT NULL DEFAULT 'stored',
    template      text,
    state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text,
    run_after     timestamptz NOT NULL DEFAULT now(),
    lease_owner   text,
    lease_until   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz
);

-- At most one waiting job per item and mode: a newer prompt replaces the waiting one's prompt.
CREATE UNIQUE INDEX IF NOT EXISTS image_jobs_one_queued_idx ON image_jobs (video_id, mode) WHERE state = 'queued';
CREATE INDEX IF NOT EXISTS image_jobs_claim_idx ON image_jobs (run_after, id) WHERE state = 'queued';
CREATE INDEX IF NOT EXISTS image_jobs_lease_idx ON image_jobs (lease_until) WHERE state = 'running';
CREATE INDEX IF NOT EXISTS image_jobs_item_idx ON image_jobs (video_id, mode, id DESC);

-- The sweep looks for items whose prompt differs from the one last rendered. These partial indexes
-- hold only such rows (normally none), so the sweep never reads the whole library. The sweep's
-- WHERE clauses repeat these predicates word for word so that the planner can match them.
CREATE INDEX IF NOT EXISTS content_ai1_prompt_pending_idx ON content (video_id)
    WHERE btrim(coalesce(analysis_json ->> 'summary_image_prompt', '')) <> ''
      AND btrim(coalesce(analysis_json ->> 'summary_image_prompt', ''))
          <> btrim(coalesce(analysis_json ->> 'summary_image_prompt_last_used', ''));

CREATE INDEX IF NOT EXISTS content_ai2_prompt_pending_idx ON content (video_id)
    WHERE btrim(coalesce(analysis_json ->> 'summary_image_ai2_prompt', '')) <> ''
      AND btrim(coalesce(analysis_json ->> 'summary_image_ai2_prompt', ''))
          <> btrim(coalesce(analysis_json ->> 'summary_image_ai2_prompt_last_used', ''));
