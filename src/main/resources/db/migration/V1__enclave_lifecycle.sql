-- Every start, readiness, failure and exit of the enclave process, as the supervisor saw it.
-- Operators and auditors read it to see when the trusted computing base was (re)started and why it
-- stopped. Append-only: rows are never updated or deleted by the service.
CREATE TABLE enclave_lifecycle_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    generation   BIGINT      NOT NULL CHECK (generation >= 1),
    kind         TEXT        NOT NULL
                 CHECK (kind IN ('STARTED', 'READY', 'FAILED', 'EXITED', 'RESTART_SCHEDULED')),
    pid          BIGINT,
    exit_code    INTEGER,
    delay_millis BIGINT,
    reason       TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX enclave_lifecycle_event_occurred_at ON enclave_lifecycle_event (occurred_at DESC, id DESC);
