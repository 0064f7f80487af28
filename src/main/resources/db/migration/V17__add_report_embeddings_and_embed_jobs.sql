-- Vectors of each report's embedded text, one per report and embedding model, so that switching
-- models never mixes vectors of two spaces. `source_hash` is the SHA-256 of the text embedded
-- (stale when the report's text changes); `content_updated_at` is the report's updated_at when it
-- was last checked, so the sweep finds changed reports without hashing the library.
-- The vector is little-endian float32s: loading 100,000 of them as bytes takes a fraction of the
-- time text arrays take.
CREATE TABLE IF NOT EXISTS report_embeddings (
    video_id           text NOT NULL REFERENCES content(video_id) ON DELETE CASCADE,
    model              text NOT NULL,
    dimensions         integer NOT NULL CHECK (dimensions > 0),
    vector             bytea NOT NULL CHECK (length(vector) = 4 * dimensions),
    source_hash        text NOT NULL,
    content_updated_at timestamptz,
    embedded_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, model)
);

CREATE INDEX IF NOT EXISTS report_embeddings_model_idx ON report_embeddings (model, video_id);

-- Embedding a report is a job of the image queue, so it is leased, retried and listed like a
-- render; its mode is 'embed' and its prompt names the model it was queued for.
ALTER TABLE image_jobs DROP CONSTRAINT IF EXISTS image_jobs_mode_check;
ALTER TABLE image_jobs ADD CONSTRAINT image_jobs_mode_check CHECK (mode IN ('ai1', 'ai2', 'embed'));

CREATE INDEX IF NOT EXISTS image_jobs_embed_claim_idx ON image_jobs (run_after, id) WHERE state = 'queued' AND mode = 'embed';
