-- The crypto suite (issue 9) the enclave's keys belong to; rows before it are of the first suite.
ALTER TABLE enclave_keys ADD COLUMN suite text NOT NULL DEFAULT 'intl'
  CHECK (suite IN ('intl', 'sm'));
