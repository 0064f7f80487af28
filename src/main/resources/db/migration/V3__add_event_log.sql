-- Every event raised for the live stream, so a reconnecting client gets what it missed, on any
-- server process. Ids are handed out in commit order (see EventLog), so "id > last seen" is exact.
CREATE TABLE IF NOT EXISTS event_log (
    id         bigserial PRIMARY KEY,
    type       text NOT NULL,
    video_id   text,
    payload    jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS event_log_created_idx ON event_log (created_at);
