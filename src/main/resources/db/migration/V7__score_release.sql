-- Released scores and batch answers, so an institution can fetch them again by id (issue 6).
-- Only what was already released to that institution: the signed score and its receipt.

CREATE TABLE score_release (
    id          uuid PRIMARY KEY,
    institution text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('score', 'batch')),
    body        jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX score_release_by_institution ON score_release (institution, created_at DESC);
