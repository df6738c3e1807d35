-- The enclave's private keys, sealed under the master key by the enclave itself. The host stores
-- them and hands them back at every enclave start; it cannot open them. One row per key generation.
CREATE TABLE enclave_keys (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sealed_hpke    BYTEA       NOT NULL,
    sealed_signing BYTEA       NOT NULL,
    hpke_public    BYTEA       NOT NULL,
    signing_key    TEXT        NOT NULL,
    policy_hash    TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
