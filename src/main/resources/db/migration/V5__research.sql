-- Researchers' projects, their queries and runs, and the projects' privacy budgets (issue 5).

CREATE TABLE research_project (
    id               uuid PRIMARY KEY,
    researcher       text NOT NULL,
    organisation     text,
    title            text NOT NULL,
    purpose          text NOT NULL,
    template         text NOT NULL,
    datasets         text[] NOT NULL,
    requested_budget numeric NOT NULL CHECK (requested_budget >= 0),
    status           text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by       text,
    decision_reason  text,
    decided_at       timestamptz,
    -- The privacy budget (ε per period) granted at approval: min(requested, the policy's budget).
    epsilon_budget   numeric CHECK (epsilon_budget >= 0),
    budget_refresh   interval,
    epsilon_spent    numeric NOT NULL DEFAULT 0 CHECK (epsilon_spent >= 0),
    period_start     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- The budget can never be overspent, whatever the code does.
    CHECK (epsilon_budget IS NULL OR epsilon_spent <= epsilon_budget)
);
CREATE INDEX research_project_by_researcher ON research_project (researcher, created_at DESC);
CREATE INDEX research_project_by_status ON research_project (status, created_at);

CREATE TABLE research_query (
    id              uuid PRIMARY KEY,
    project_id      uuid NOT NULL REFERENCES research_project (id),
    sql_text        text NOT NULL,
    plan_hash       text NOT NULL,
    plan            text NOT NULL,
    parameters      jsonb NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by      text,
    decision_reason text,
    decided_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX research_query_by_project ON research_query (project_id, created_at DESC);
CREATE INDEX research_query_by_status ON research_query (status, created_at);

CREATE TABLE research_run (
    id          uuid PRIMARY KEY,
    query_id    uuid NOT NULL REFERENCES research_query (id),
    project_id  uuid NOT NULL REFERENCES research_project (id),
    parameters  jsonb NOT NULL,
    epsilon     numeric NOT NULL DEFAULT 0 CHECK (epsilon >= 0),
    -- charged: budget taken, enclave not yet answered; released: result returned;
    -- refused: the enclave's output rules refused it; failed: no answer (the charge stays).
    status      text NOT NULL CHECK (status IN ('charged', 'released', 'refused', 'failed')),
    result_hash text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX research_run_released ON research_run (project_id, created_at) WHERE status = 'released';
