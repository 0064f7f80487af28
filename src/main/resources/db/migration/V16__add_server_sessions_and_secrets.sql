-- Secrets the servers of one library share, made once at random (the session cookie's signing key).
CREATE TABLE IF NOT EXISTS server_secrets (
    name       text PRIMARY KEY,
    secret     bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Browser sessions, kept here so that every server process agrees when one ends. Only a hash of
-- the cookie's id is stored; token_mac ties a session to the token that opened it, so changing
-- that token ends it.
CREATE TABLE IF NOT EXISTS sessions (
    id_hash    bytea PRIMARY KEY,
    role       text NOT NULL CHECK (role IN ('ADMIN', 'READER')),
    token_mac  bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS sessions_expires_idx ON sessions (expires_at);
