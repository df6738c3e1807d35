-- Provider verification keys, registered by stewards. The enclave checks every envelope's header
-- signature against these; the host only stores them.
CREATE TABLE provider_key (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id   TEXT        NOT NULL,
    key_id        TEXT        NOT NULL,          -- SHA-256 hex of the public key's encoding
    public_key    TEXT        NOT NULL,
    registered_by TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    UNIQUE (provider_id, key_id)
);

-- One uploaded version of a dataset: ciphertext only. Status moves
-- UPLOADING -> VERIFYING -> LOADED | REJECTED (with a reason that never holds a record value).
CREATE TABLE dataset_version (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id      TEXT        NOT NULL,
    version         INTEGER     NOT NULL CHECK (version >= 1),
    provider_id     TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('UPLOADING', 'VERIFYING', 'LOADED', 'REJECTED')),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    committed_at    TIMESTAMPTZ,
    envelope_sha256 TEXT,
    envelope_bytes  BIGINT,
    chunk_count     INTEGER,
    reject_reason   TEXT,
    row_count       BIGINT,
    input_root      TEXT,
    loaded_at       TIMESTAMPTZ,
    UNIQUE (dataset_id, version)
);

-- The envelope, in chunks as uploaded; each chunk's SHA-256 was checked on arrival.
CREATE TABLE dataset_chunk (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id BIGINT  NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    sha256     TEXT    NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
    data       BYTEA   NOT NULL,
    UNIQUE (version_id, seq)
);
