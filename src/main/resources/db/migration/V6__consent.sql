-- Enterprises' consents to institutions, and the daily score quotas against scraping (issue 6).

CREATE TABLE consent (
    id          uuid PRIMARY KEY,
    -- The granting enterprise: always the uscc claim of the subject token that granted it.
    uscc        text NOT NULL CHECK (length(uscc) = 18),
    -- The institution's organisation id (the org claim of its tokens).
    institution text NOT NULL,
    purposes    text[] NOT NULL
        CHECK (cardinality(purposes) > 0
               AND purposes <@ ARRAY['pre-loan', 'in-loan', 'post-loan']::text[]),
    valid_until timestamptz NOT NULL,
    granted_by  text NOT NULL,
    granted_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    CHECK (valid_until > granted_at),
    CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
CREATE INDEX consent_by_uscc ON consent (uscc, granted_at DESC);
CREATE INDEX consent_by_institution ON consent (institution, granted_at DESC);

-- Scores taken per institution per UTC day. A row per (institution, enterprise, day) counts the
-- per-enterprise quota; the row whose uscc is the sentinel '*' (never a valid code) counts the
-- institution's total. Counters only grow, by conditional upserts that stop at the limit.
CREATE TABLE score_quota_usage (
    institution text NOT NULL,
    uscc        text NOT NULL CHECK (uscc = '*' OR length(uscc) = 18),
    day         date NOT NULL,
    count       integer NOT NULL CHECK (count > 0),
    PRIMARY KEY (institution, uscc, day)
);
